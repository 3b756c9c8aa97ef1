#include "survey/export_scan.hpp"

#include <string_view>

namespace sw {

namespace {

std::string_view textAt(sqlite3_stmt* st, int col) {
    const unsigned char* p = sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

// A whole-table scan reads through memory-mapped pages instead of copying each page with
// pread(); switched off again afterwards so the kiosk's normal writes never run on a mapping.
struct MmapWhileScanning {
    sql::Database& db;
    explicit MmapWhileScanning(sql::Database& d) : db(d) { db.exec("PRAGMA mmap_size=1073741824"); }
    ~MmapWhileScanning() {
        try {
            db.exec("PRAGMA mmap_size=0");
        } catch (...) { // never throw from a destructor; the next open starts without a mapping
        }
    }
};

} // namespace

int ExportRow::unsurValue(std::string_view code) const {
    int at = layout->unsurPosition(code);
    if (at < 0 || static_cast<std::size_t>(at) >= skm.size() || skm[static_cast<std::size_t>(at)] == '-') return 0;
    return skm[static_cast<std::size_t>(at)] - '0';
}

int ExportRow::hamValue(std::string_view code) const {
    int at = layout->hamPosition(code);
    if (at < 0 || static_cast<std::size_t>(at) >= ham.size() || ham[static_cast<std::size_t>(at)] == '-') return -1;
    return ham[static_cast<std::size_t>(at)] - '0';
}

std::optional<std::string_view> ExportRow::profileValue(std::string_view field) const {
    std::optional<std::string_view> out;
    forEachProfilePair(profile, [&](std::string_view f, std::string_view v) {
        if (f == field) out = v;
    });
    return out;
}

Response ExportRow::toResponse() const {
    Response r;
    r.uuid = uuid;
    r.instrumentId = instrumentId;
    r.instrumentVersion = instrumentVersion;
    r.unitId = unitId;
    r.deviceId = deviceId;
    r.createdUtc = createdUtc;
    r.utcOffsetMinutes = utcOffsetMinutes;
    r.service = service;
    layout->unpack(skm, ham, rentan, profile, r);
    r.adil = adil;
    r.comment = comment;
    r.misuse = misuse;
    r.durationSeconds = durationSeconds;
    r.source = source;
    return r;
}

void scanResponses(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit) {
    sql::Database& db = store.db();
    MmapWhileScanning mapped(db);
    std::vector<std::string> binds;
    const std::string where = responseWhere(f, binds);
    sql::Statement main(db, "SELECT r.rid, r.uuid, r.instrument_id, r.instrument_version, r.unit_id, r.device_id, "
                            "r.created_utc, r.utc_offset_min, r.service, r.comment, r.adil, r.misuse, r.source, "
                            "r.duration_s, r.skm, r.ham, r.rentan, r.kelompok, r.profile FROM response r WHERE " +
                                where + " ORDER BY r.rid");
    for (std::size_t i = 0; i < binds.size(); ++i) main.bind(static_cast<int>(i) + 1, binds[i]);

    ExportRow row;
    std::shared_ptr<const PackedLayout> layout;
    while (main.step()) {
        sqlite3_stmt* h = main.handle();
        row.rid = sqlite3_column_int64(h, 0);
        row.uuid = textAt(h, 1);
        row.instrumentId = textAt(h, 2);
        row.instrumentVersion = sqlite3_column_int(h, 3);
        row.unitId = textAt(h, 4);
        row.deviceId = textAt(h, 5);
        row.createdUtc = sqlite3_column_int64(h, 6);
        row.utcOffsetMinutes = sqlite3_column_int(h, 7);
        row.service = textAt(h, 8);
        row.comment = textAt(h, 9);
        row.adil = sqlite3_column_type(h, 10) == SQLITE_NULL ? std::nullopt : std::optional<bool>(sqlite3_column_int(h, 10) != 0);
        row.misuse = sqlite3_column_int(h, 11) != 0;
        row.source = textAt(h, 12);
        row.durationSeconds = sqlite3_column_type(h, 13) == SQLITE_NULL ? std::nullopt : std::optional<int>(sqlite3_column_int(h, 13));
        row.skm = textAt(h, 14);
        row.ham = textAt(h, 15);
        row.rentan = textAt(h, 16);
        row.kelompok = sqlite3_column_int(h, 17);
        row.profile = textAt(h, 18);
        if (!layout || layout->instrument().version != row.instrumentVersion || layout->instrument().id != row.instrumentId) {
            layout = store.layout(row.instrumentId, row.instrumentVersion);
            if (!layout)
                throw StoreError(StoreError::Kind::Corrupt, store.path() + ": response " + std::string(row.uuid) + " names instrument " +
                                                                std::string(row.instrumentId) + " v" + std::to_string(row.instrumentVersion) +
                                                                ", which is not stored");
        }
        row.layout = layout.get();
        if (!visit(row)) return;
    }
}

ColumnMap::ColumnMap(std::vector<std::string> unsurCodes, std::vector<std::string> hamCodes)
    : unsurCodes_(std::move(unsurCodes)), hamCodes_(std::move(hamCodes)), unsurAt_(unsurCodes_.size(), -1), hamAt_(hamCodes_.size(), -1) {}

void ColumnMap::use(const PackedLayout& layout) {
    if (current_ == &layout) return;
    current_ = &layout;
    for (std::size_t j = 0; j < unsurCodes_.size(); ++j) unsurAt_[j] = layout.unsurPosition(unsurCodes_[j]);
    for (std::size_t j = 0; j < hamCodes_.size(); ++j) hamAt_[j] = layout.hamPosition(hamCodes_[j]);
}

} // namespace sw
