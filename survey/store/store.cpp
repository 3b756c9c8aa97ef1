// Index of this file
//   [SECTION] Opening: refuse foreign, damaged or newer files; migrate
//   [SECTION] Instruments, unit, settings, events
//   [SECTION] Append
//   [SECTION] Queries
#include "survey/store/store.hpp"

#include "survey/base/local_time.hpp"
#include "survey/store/migrations.hpp"
#include "survey/store/period_where.hpp"
#include "survey/store/totals.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace sw {

namespace fs = std::filesystem;

// [SECTION] Opening

namespace {

int openFlags(const std::string& path, bool create) {
    // One Store is used by one thread (the kiosk's speech thread never touches it; a merge's
    // reader thread only reads files), so SQLite's per-call mutex is pure overhead on a scan.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    std::error_code ec;
    if (create && !fs::exists(path, ec)) {
        fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        flags |= SQLITE_OPEN_CREATE;
    }
    return flags;
}

// An existing, non-empty file must start with SQLite's magic; we never open anything else.
void refuseNonSqlite(const std::string& path, bool create) {
    std::error_code ec;
    // A read-only command never creates a store (or its folder) it was not given.
    if (!create && !fs::exists(path, ec)) throw StoreError(StoreError::Kind::Io, "no such database: " + path);
    if (!fs::exists(path, ec) || fs::file_size(path, ec) == 0) return;
    std::ifstream f(path, std::ios::binary);
    char head[16] = {};
    f.read(head, sizeof head);
    if (f.gcount() < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
        throw StoreError(StoreError::Kind::Foreign,
                         path + ": not a SuaraWarga database (not an SQLite file); it was left untouched");
}

// A write-ahead log with frames in it: the last connection did not close cleanly (SQLite
// checkpoints and removes the log when the last one closes), or another process is writing now.
bool uncleanShutdown(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path + "-wal", ec);
    return !ec && size > 0;
}

} // namespace

Store::Store(const std::string& path, Options opt)
    : db_((refuseNonSqlite(path, opt.create), path), openFlags(path, opt.create), opt.vfs) {
    try {
        const std::int64_t tables = db_.scalarInt("SELECT count(*) FROM sqlite_master");
        const std::int64_t appId = db_.scalarInt("PRAGMA application_id");
        if (tables > 0 && appId != kApplicationId)
            throw StoreError(StoreError::Kind::Foreign,
                             path + ": an SQLite database of another program, not SuaraWarga; it was left untouched");
        if (tables > 0 && (opt.integrityCheck == Options::Check::Always || uncleanShutdown(path))) {
            std::string check = db_.scalarText("PRAGMA quick_check(1)");
            if (check != "ok")
                throw StoreError(StoreError::Kind::Corrupt,
                                 path + ": the database is damaged (" + check +
                                     "); it was left untouched — restore a backup (suarawarga restore)");
        }
        const std::int64_t version = db_.scalarInt("PRAGMA user_version");
        if (version > kSchemaVersion)
            throw StoreError(StoreError::Kind::TooNew,
                             path + ": written by a newer SuaraWarga (schema " + std::to_string(version) +
                                 ", this program knows " + std::to_string(kSchemaVersion) + "); update the program");
    } catch (const StoreError& e) {
        if (e.kind == StoreError::Kind::Corrupt || e.kind == StoreError::Kind::Foreign ||
            e.kind == StoreError::Kind::Other)
            throw StoreError(e.kind == StoreError::Kind::Other ? StoreError::Kind::Corrupt : e.kind, e.what());
        throw;
    }
    // Durability before speed: WAL + FULL means a committed response survives a power cut. The
    // migration runs first, so a refused one leaves the file exactly as it was, byte for byte.
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
    migrate();
    std::string mode = db_.scalarText("PRAGMA journal_mode=WAL");
    if (mode != "wal") db_.exec("PRAGMA journal_mode=DELETE");
}

std::string Store::integrityCheck(int maxProblems) {
    sql::Statement st(db_, "PRAGMA integrity_check(" + std::to_string(maxProblems) + ")");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "\n") + st.getText(0);
    return out;
}

int Store::schemaVersion() { return static_cast<int>(db_.scalarInt("PRAGMA user_version")); }

void Store::migrate() {
    int version = schemaVersion();
    if (version == kSchemaVersion) return;
    // A new file gets 16 KiB pages (it can only be chosen before the first table): a response row
    // is ~200 bytes, so four times as many share a page, B-trees are a level shallower, and an
    // assessor's merge of 5M responses went from 21–23 s to 18–19 s (bench_export, README).
    if (version == 0 && db_.scalarInt("SELECT count(*) FROM sqlite_master") == 0) db_.exec("PRAGMA page_size=16384");
    sql::Transaction tx(db_);
    version = schemaVersion(); // another process may have migrated while we waited
    for (int v = version; v < kSchemaVersion; ++v) {
        const Migration& m = kMigrations[static_cast<std::size_t>(v)];
        db_.exec(m.sql);
        if (m.convert) m.convert(db_);
        if (m.afterSql) db_.exec(m.afterSql);
    }
    db_.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    db_.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
    tx.commit();
}

// [SECTION] Instruments, unit, settings, events

void Store::registerInstrument(const Instrument& in) {
    sql::Statement st(db_, "INSERT OR IGNORE INTO instrument(id, version, body) VALUES(?,?,?)");
    st.bind(1, in.id).bind(2, in.version).bind(3, in.canonicalJson).run();
}

bool Store::hasInstrument(const std::string& id, int version) {
    sql::Statement st(db_, "SELECT 1 FROM instrument WHERE id=? AND version=?");
    st.bind(1, id).bind(2, version);
    return st.step();
}

std::optional<Instrument> Store::instrument(const std::string& id, int version) {
    sql::Statement st(db_, "SELECT body FROM instrument WHERE id=? AND version=?");
    st.bind(1, id).bind(2, version);
    if (!st.step()) return std::nullopt;
    return parseInstrument(st.getText(0), path() + "#instrument/" + id + "/v" + std::to_string(version));
}

std::shared_ptr<const Instrument> Store::cachedInstrument(const std::string& id, int version) {
    std::string key = id + "/" + std::to_string(version);
    if (auto it = instrumentCache_.find(key); it != instrumentCache_.end()) return it->second;
    auto in = instrument(id, version);
    if (!in) return nullptr;
    auto shared = std::make_shared<const Instrument>(std::move(*in));
    instrumentCache_[key] = shared;
    return shared;
}

std::shared_ptr<const PackedLayout> Store::layout(std::string_view id, int version) {
    if (lastLayout_ && lastLayout_->instrument().version == version && lastLayout_->instrument().id == id) return lastLayout_;
    std::string key = std::string(id) + "/" + std::to_string(version);
    auto it = layoutCache_.find(key);
    if (it == layoutCache_.end()) {
        auto in = cachedInstrument(std::string(id), version);
        if (!in) return nullptr;
        it = layoutCache_.emplace(key, std::make_shared<const PackedLayout>(in)).first;
    }
    lastLayout_ = it->second;
    return lastLayout_;
}

std::optional<Instrument> Store::latestInstrument() {
    sql::Statement st(db_, "SELECT id, version, body FROM instrument ORDER BY rowid DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return parseInstrument(st.getText(2), path() + "#instrument/" + st.getText(0) + "/v" + st.getText(1));
}

void Store::setUnit(const UnitInfo& u) {
    sql::Statement st(db_, "INSERT INTO unit(id,name,instansi,address,kabupaten,province,utc_offset_min,kode_wilayah,demo) "
                           "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                           "instansi=excluded.instansi, address=excluded.address, kabupaten=excluded.kabupaten, "
                           "province=excluded.province, utc_offset_min=excluded.utc_offset_min, kode_wilayah=excluded.kode_wilayah, "
                           "demo=excluded.demo");
    st.bind(1, u.id).bind(2, u.name).bind(3, u.instansi).bind(4, u.address).bind(5, u.kabupaten).bind(6, u.province);
    st.bind(7, u.utcOffsetMinutes).bind(8, u.kodeWilayah).bind(9, u.demo ? 1 : 0).run();
    setSetting("unit.current", u.id);
}

namespace {

constexpr const char* kUnitColumns = "SELECT id,name,instansi,address,kabupaten,province,utc_offset_min,kode_wilayah,demo FROM unit";

UnitInfo unitFromRow(const sql::Statement& st) {
    UnitInfo u;
    u.id = st.getText(0);
    u.name = st.getText(1);
    u.instansi = st.getText(2);
    u.address = st.getText(3);
    u.kabupaten = st.getText(4);
    u.province = st.getText(5);
    u.utcOffsetMinutes = static_cast<int>(st.getInt(6));
    u.kodeWilayah = st.getText(7);
    u.demo = st.getInt(8) != 0;
    return u;
}

std::optional<UnitInfo> readUnit(sql::Database& db, const std::optional<std::string>& id) {
    const std::string columns = kUnitColumns;
    sql::Statement st(db, id ? columns + " WHERE id=?" : columns + " LIMIT 1");
    if (id) st.bind(1, *id);
    if (!st.step()) return std::nullopt;
    return unitFromRow(st);
}

} // namespace

std::optional<UnitInfo> Store::unit() {
    const std::string id = setting("unit.current");
    return readUnit(db_, id.empty() ? std::nullopt : std::optional<std::string>(id));
}

std::optional<UnitInfo> Store::unitById(const std::string& id) { return readUnit(db_, id); }

std::vector<UnitInfo> Store::units() {
    std::vector<UnitInfo> out;
    sql::Statement st(db_, kUnitColumns);
    while (st.step()) out.push_back(unitFromRow(st));
    return out;
}

std::string Store::setting(const std::string& key, const std::string& fallback) {
    sql::Statement st(db_, "SELECT value FROM setting WHERE key=?");
    st.bind(1, key);
    return st.step() ? st.getText(0) : fallback;
}

void Store::setSetting(const std::string& key, const std::string& value) {
    sql::Statement st(db_, "INSERT INTO setting(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind(2, value).run();
}

void Store::logEvent(const std::string& kind, const std::string& detail) {
    sql::Statement st(db_, "INSERT INTO event(at_utc, kind, detail) VALUES(?,?,?)");
    st.bind(1, nowUtc()).bind(2, kind).bind(3, detail).run();
}

// [SECTION] Append

const char* const kResponseInsertColumns = "uuid,instrument_id,instrument_version,unit_id,device_id,created_utc,"
                                          "utc_offset_min,local_date,service,comment,adil,misuse,source,duration_s,"
                                          "skm,ham,rentan,kelompok,profile";
const char* const kResponseInsertValues = "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?";

void bindResponseRow(sql::Statement& st, const PackedRow& r, std::string_view unitId) {
    char date[10];
    formatLocalDate(date, r.createdUtc, r.utcOffsetMinutes);
    st.bindStatic(1, r.uuid).bindStatic(2, r.instrumentId).bind(3, r.instrumentVersion).bindStatic(4, unitId);
    st.bindStatic(5, r.deviceId).bind(6, r.createdUtc).bind(7, r.utcOffsetMinutes);
    st.bind(8, std::string_view(date, sizeof date)); // copied: `date` dies with this call
    if (r.service.empty()) st.bindNull(9);
    else st.bindStatic(9, r.service);
    st.bindStatic(10, r.comment);
    if (r.adil) st.bind(11, *r.adil ? 1 : 0);
    else st.bindNull(11);
    st.bind(12, r.misuse ? 1 : 0).bindStatic(13, r.source).bind(14, r.durationSeconds);
    st.bindStatic(15, r.skm).bindStatic(16, r.ham).bindStatic(17, r.rentan).bind(18, r.kelompok).bindStatic(19, r.profile);
}

void Store::insertOne(const Response& r) {
    // The answers are packed against the instrument the response was answered with.
    auto lay = layout(r.instrumentId, r.instrumentVersion);
    if (!lay)
        throw StoreError(StoreError::Kind::Constraint, path() + ": response " + r.uuid + " names instrument " + r.instrumentId +
                                                           " v" + std::to_string(r.instrumentVersion) + ", which is not registered");
    PackedAnswers packed = lay->pack(r);
    if (!insert_) insert_ = std::make_unique<sql::Statement>(db_, std::string("INSERT INTO response(") + kResponseInsertColumns +
                                                                      ") VALUES(" + kResponseInsertValues + ")");
    insert_->reset();
    bindResponseRow(*insert_, packedRow(r, packed, lay.get()), r.unitId);
    insert_->run();
}

void Store::append(const Response& r) {
    sql::Transaction tx(db_);
    insertOne(r);
    tx.commit();
}

void Store::appendAll(const std::vector<Response>& rs) {
    sql::Transaction tx(db_);
    for (const auto& r : rs) insertOne(r);
    tx.commit();
}

bool Store::hasUuid(const std::string& uuid) {
    sql::Statement st(db_, "SELECT 1 FROM response WHERE uuid=?");
    st.bind(1, uuid);
    return st.step();
}

// [SECTION] Queries

std::string responseWhere(const ResponseFilter& f, std::vector<std::string>& binds) {
    std::string w = "1";
    if (!f.includeMisuse) w += " AND r.misuse=0";
    if (f.from) {
        w += " AND r.local_date>=?";
        binds.push_back(*f.from);
    }
    if (f.to) {
        w += " AND r.local_date<=?";
        binds.push_back(*f.to);
    }
    if (f.service) {
        w += " AND r.service=?";
        binds.push_back(*f.service);
    }
    if (f.unitId) {
        w += " AND r.unit_id=?";
        binds.push_back(*f.unitId);
    }
    if (f.kelompok) {
        // The row's kelompok mask (response_packing.hpp); an unknown group matches nothing.
        w += " AND (r.kelompok & " + std::to_string(kelompokFilterBits(*f.kelompok)) + ")<>0";
    }
    if (f.profileField && f.profileValue) {
        w += " AND instr(';' || r.profile || ';', ';' || ? || '=' || ? || ';')>0";
        binds.push_back(*f.profileField);
        binds.push_back(*f.profileValue);
    }
    return w;
}

std::int64_t Store::countResponses(const ResponseFilter& f) { return totals(f).total(f.kelompok).rows; }

const ResponseTotals& Store::totals(const ResponseFilter& f) {
    // Cached on (filter without its kelompok, highest rid): rows are only ever appended.
    ResponseFilter withoutGroup = f;
    withoutGroup.kelompok.reset();
    std::vector<std::string> binds;
    const std::string where = periodWhere(*this, withoutGroup, binds);
    std::string key = where;
    for (const auto& b : binds) key += '\x1f' + b;
    const std::int64_t maxRid = db_.scalarInt("SELECT coalesce(max(rid), 0) FROM response");
    auto it = totalsCache_.find(key);
    if (it != totalsCache_.end() && it->second.first == maxRid) return *it->second.second;
    if (totalsCache_.size() > 16) totalsCache_.clear();
    auto& slot = totalsCache_[key];
    slot = {maxRid, std::make_shared<ResponseTotals>(ResponseTotals::scan(*this, where, binds))};
    return *slot.second;
}

std::vector<UnsurTally> Store::unsurTallies(const ResponseFilter& f, const Instrument& in, std::int64_t* respondents) {
    return unsurInOrder(totals(f), [this](const std::string& id, int v) { return layout(id, v); }, in, f.kelompok, respondents);
}

std::vector<UnsurTally> Store::hamTallies(const ResponseFilter& f, const Instrument& in) {
    return hamInOrder(totals(f), [this](const std::string& id, int v) { return layout(id, v); }, in, f.kelompok);
}


} // namespace sw
