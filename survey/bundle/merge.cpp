#include "survey/bundle/merge.hpp"

#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/evidence.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/daily_tally.hpp"

#include <condition_variable>
#include <fcntl.h>
#include <unistd.h>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace sw {

namespace {

// The response insert, prepared once per merge: merging is mostly this statement.
struct Inserter {
    sql::Database& db;
    sql::Statement st;
    std::optional<sql::Statement> stored; // the first copy of a repeated UUID, prepared on the first repeat
    explicit Inserter(sql::Database& db_)
        : db(db_), st(db_, std::string("INSERT INTO response(") + kResponseInsertColumns + ") VALUES(" + kResponseInsertValues +
                     ") ON CONFLICT(uuid) DO NOTHING") {}

    bool insert(const BundleResponse& r, const std::string& unitId) {
        st.reset();
        bindResponseRow(st, r, unitId);
        st.run();
        if (sqlite3_changes(sqlite3_db_handle(st.handle())) > 0) return true;
        checkOwnership(r, unitId);
        return false;
    }

private:
    // A response UUID belongs to the unit that first delivered it, for ever: a bundle that repeats
    // it for another unit, or with other answers, is refused whole (never skipped silently).
    void checkOwnership(const BundleResponse& r, const std::string& unitId) {
        if (!stored)
            stored.emplace(db, "SELECT unit_id, instrument_id, instrument_version, created_utc, skm, ham, rentan, profile, comment "
                               "FROM response WHERE uuid=?");
        sql::Statement& have = *stored;
        have.reset();
        have.bind(1, r.uuid);
        if (!have.step()) return;
        const std::string uuid = printable(r.uuid);
        if (have.getText(0) != unitId)
            throw BundleError(BundleError::Kind::Ownership,
                              "response " + uuid + " belongs to unit \"" + printable(have.getText(0)) + "\", not to \"" +
                                  printable(unitId) + "\" that sent it again; the bundle was refused whole");
        const bool same = have.getText(1) == r.instrumentId && have.getInt(2) == r.instrumentVersion &&
                          have.getInt(3) == r.createdUtc && have.getText(4) == r.skm && have.getText(5) == r.ham &&
                          have.getText(6) == r.rentan && have.getText(7) == r.profile && have.getText(8) == r.comment;
        if (!same)
            throw BundleError(BundleError::Kind::Ownership,
                              "response " + uuid + " of unit \"" + printable(unitId) +
                                  "\" arrives with other answers than its first copy; the bundle was refused whole");
    }
};

// Everything of one bundle, inside a transaction or savepoint the caller opened; the rows added are
// counted in `tallies`, which the caller keeps or drops with the savepoint.
MergeOutcome mergeInto(Store& assessor, const Bundle& b, const std::string& fileName, Inserter& ins, TallyCounter& tallies,
                       KeyPolicy keys) {
    sql::Database& db = assessor.db();
    MergeOutcome out;
    out.unitId = b.unit.id;
    out.unitName = b.unit.name;
    out.demo = b.unit.demo;
    out.responses = static_cast<std::int64_t>(b.responses.size());
    {
        sql::Statement seen(db, "SELECT 1 FROM merged_bundle WHERE id=?");
        seen.bind(1, b.id);
        if (seen.step()) {
            out.alreadyMerged = true;
            return out;
        }
    }
    out.pinnedNow = admitBundleKey(assessor, b, keys == KeyPolicy::EnrollNew);
    // The instruments the responses were answered with (readBundle parsed and checked them).
    for (const auto& layout : b.layouts) assessor.registerInstrument(layout->instrument());
    {
        // The newest bundle's identity wins, the demo mark with it (a demo unit set up for real
        // sends demo=false from then on).
        sql::Statement unit(db, "INSERT INTO unit(id,name,instansi,address,kabupaten,province,utc_offset_min,kode_wilayah,demo) "
                                "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                                "instansi=excluded.instansi, address=excluded.address, kabupaten=excluded.kabupaten, "
                                "province=excluded.province, utc_offset_min=excluded.utc_offset_min, "
                                "kode_wilayah=excluded.kode_wilayah, demo=excluded.demo");
        const UnitInfo& u = b.unit;
        unit.bind(1, u.id).bind(2, u.name).bind(3, u.instansi).bind(4, u.address).bind(5, u.kabupaten);
        unit.bind(6, u.province).bind(7, u.utcOffsetMinutes).bind(8, u.kodeWilayah).bind(9, u.demo ? 1 : 0).run();
    }
    // A response already here (an overlapping bundle) keeps its one copy.
    for (const BundleResponse& r : b.responses)
        if (ins.insert(r, b.unit.id)) {
            ++out.added;
            tallies.count(b.unit.id, r);
        }

    // The unit's own report data (facility self-assessment…): the newest bundle wins.
    {
        sql::Statement rep(db, "INSERT INTO unit_report(unit_id,facility,extra,bundle_id,created_utc) VALUES(?,?,?,?,?) "
                               "ON CONFLICT(unit_id) DO UPDATE SET facility=excluded.facility, extra=excluded.extra, "
                               "bundle_id=excluded.bundle_id, created_utc=excluded.created_utc "
                               "WHERE excluded.created_utc >= unit_report.created_utc");
        rep.bind(1, b.unit.id);
        // Its evidence files go to the evidence table; the report keeps their hashes.
        const nlohmann::json facility = storeBundleEvidence(assessor, b.facility);
        if (facility.is_null()) rep.bindNull(2);
        else rep.bind(2, facility.dump());
        rep.bind(3, b.extra.is_null() ? std::string("{}") : b.extra.dump()).bind(4, b.id).bind(5, b.createdUtc).run();
    }
    {
        sql::Statement log(db, "INSERT INTO merged_bundle(id,unit_id,fingerprint,period_from,period_to,responses,added,"
                               "created_utc,merged_utc,file) VALUES(?,?,?,?,?,?,?,?,?,?)");
        log.bind(1, b.id).bind(2, b.unit.id).bind(3, b.fingerprint).bind(4, b.from).bind(5, b.to);
        log.bind(6, out.responses).bind(7, out.added).bind(8, b.createdUtc).bind(9, nowUtc()).bind(10, fileName).run();
    }
    return out;
}

} // namespace

MergeOutcome mergeBundle(Store& assessor, const Bundle& b, const std::string& fileName, KeyPolicy keys) {
    sql::Transaction tx(assessor.db());
    Inserter ins(assessor.db());
    TallyCounter tallies(assessor);
    MergeOutcome out = mergeInto(assessor, b, fileName, ins, tallies, keys);
    if (out.alreadyMerged) return out; // nothing to do: the transaction rolls back
    tallies.write();
    tx.commit();
    return out;
}

namespace {

// Reads and verifies files in order on its own thread, at most two ahead of the importer.
class BundleReader {
public:
    struct Item {
        std::optional<Bundle> bundle;
        std::string mergedBefore; // the id of a bundle merged before (not read again)
        std::string error;
    };
    BundleReader(const std::vector<std::string>& files, std::set<std::string> merged)
        : files_(files), merged_(std::move(merged)), thread_([this] { run(); }) {}
    ~BundleReader() {
        {
            std::lock_guard<std::mutex> hold(lock_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    Item next() {
        std::unique_lock<std::mutex> hold(lock_);
        changed_.wait(hold, [this] { return !ready_.empty(); });
        Item item = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return item;
    }

private:
    void run() {
        for (const std::string& file : files_) {
            Item item;
            try {
                VerifiedFile verified = readVerifiedFile(file);
                // The same signed payload as a bundle merged before: nothing to add, not parsed again.
                if (merged_.count(verified.envelope().id)) item.mergedBefore = verified.envelope().id;
                else item.bundle = namingFile(file, [&] { return readBundle(std::move(verified)); });
            } catch (const std::exception& e) {
                item.error = e.what();
            }
            std::unique_lock<std::mutex> hold(lock_);
            changed_.wait(hold, [this] { return stop_ || ready_.size() < 2; });
            if (stop_) return;
            ready_.push_back(std::move(item));
            changed_.notify_all();
        }
    }
    const std::vector<std::string>& files_;
    const std::set<std::string> merged_;
    std::mutex lock_;
    std::condition_variable changed_;
    std::deque<Item> ready_;
    bool stop_ = false;
    std::thread thread_;
};

// A bulk merge writes the store's pages as the cache spills them, but the kernel holds them
// until the commit's fsync, which then waits for all of them (3 s for 5M responses). Asking
// for writeback after each bundle lets the disk work while the next one is imported.
class EarlyWriteback {
public:
    EarlyWriteback(const std::string& path, bool on) : fd_(on ? ::open(path.c_str(), O_RDONLY | O_CLOEXEC) : -1) {}
    ~EarlyWriteback() {
        if (fd_ >= 0) ::close(fd_);
    }
    EarlyWriteback(const EarlyWriteback&) = delete;
    EarlyWriteback& operator=(const EarlyWriteback&) = delete;
    void start() {
        if (fd_ >= 0) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE); // a hint: never a failure
    }

private:
    int fd_;
};

// The response table's secondary indexes (not the UUID's, which idempotency needs), dropped for
// a bulk load and created again from their own SQL before the commit.
struct IndexesAside {
    sql::Database& db;
    std::vector<std::string> create;
    explicit IndexesAside(sql::Database& d) : db(d) {
        sql::Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='response' AND sql IS NOT NULL");
        std::vector<std::string> names;
        while (st.step()) {
            names.push_back(st.getText(0));
            create.push_back(st.getText(1));
        }
        for (const auto& n : names) db.exec("DROP INDEX \"" + n + "\"");
    }
    // SQLite's sorter cuts its input into runs the size of the page cache. Runs of 2 MiB sort
    // inside the CPU's caches and are merged by a second thread; one 512 MiB run (the merge's
    // cache) is a linked-list merge sort bound by memory latency: 15.5 s against 6 s for the two
    // indexes of 5M responses (bench_export, README).
    void restore(EarlyWriteback& writeback) {
        db.exec("PRAGMA cache_size=-2048");
        db.exec("PRAGMA threads=2");
        for (const auto& sqlText : create) {
            db.exec(sqlText);
            writeback.start();
        }
        create.clear();
        db.exec("PRAGMA threads=0");
    }
};

bool bulkWorthIt(Store& assessor, const std::vector<std::string>& files) {
    std::error_code ec;
    std::uintmax_t bytes = 0;
    for (const auto& f : files) {
        auto n = std::filesystem::file_size(f, ec);
        if (!ec) bytes += n;
    }
    // A response line is ~150 bytes. Rebuilding pays off when the run brings at least ~100k
    // responses and at least a quarter of what the store already holds.
    const std::uintmax_t incoming = bytes / 150;
    const auto existing = static_cast<std::uintmax_t>(assessor.db().scalarInt("SELECT coalesce(max(rid), 0) FROM response"));
    return incoming >= 100000 && incoming * 4 >= existing;
}

} // namespace

std::vector<MergeFileResult> mergeBundleFiles(Store& assessor, const std::vector<std::string>& files, std::optional<bool> bulkWanted,
                                              KeyPolicy keys) {
    sql::Database& db = assessor.db();
    std::vector<MergeFileResult> results;
    const bool bulk = bulkWanted ? *bulkWanted : bulkWorthIt(assessor, files);
    // While merging: 512 MiB of cache keeps the UUID index of a few million responses in memory;
    // the instrument foreign key is checked once at the end, not per row (mergeInto registers every
    // instrument of a bundle before its rows, and readBundle resolved each row's instrument among
    // them); the CHECKs are left to the parser (below); the table is read through a mapping. All
    // four are restored after the run.
    struct Restore {
        sql::Database& db;
        ~Restore() {
            try {
                db.exec("PRAGMA cache_size=-2000");
                db.exec("PRAGMA foreign_keys=ON");
                db.exec("PRAGMA ignore_check_constraints=OFF");
                db.exec("PRAGMA mmap_size=0");
            } catch (...) { // the next open sets them again
            }
        }
    } restore{db};
    // A bulk merge mostly appends pages. In WAL mode each would be written twice (log, then the
    // checkpoint); with a rollback journal only the few pages it changes are copied aside, and the
    // commit is just as durable (synchronous=FULL). Back to WAL afterwards; if another connection
    // holds the file open, the mode cannot change and the merge simply stays in WAL.
    struct RollbackJournal {
        sql::Database& db;
        bool on = false;
        explicit RollbackJournal(sql::Database& d, bool want) : db(d) {
            if (!want) return;
            try {
                on = db.scalarText("PRAGMA journal_mode=DELETE") == "delete";
            } catch (const StoreError&) {
            }
        }
        ~RollbackJournal() {
            if (!on) return;
            try {
                db.scalarText("PRAGMA journal_mode=WAL");
            } catch (...) { // the next open switches to WAL again
            }
        }
    } journal{db, bulk};
    db.exec("PRAGMA cache_size=-524288");
    db.exec("PRAGMA foreign_keys=OFF");
    // The table's CHECKs on skm/ham/kelompok (GLOB per row: ~1 s per 5M responses) are a subset
    // of what parseBundleRows already required of every row (PackedLayout::check).
    db.exec("PRAGMA ignore_check_constraints=ON");
    db.exec("PRAGMA mmap_size=4294967296"); // the index rebuild reads the table through a mapping, not pread()
    sql::Transaction tx(db);
    std::optional<IndexesAside> aside;
    Inserter ins(db);
    TallyCounter tallies(assessor);
    std::set<std::string> merged;
    std::set<std::pair<std::string, int>> instrumentsUsed;
    EarlyWriteback writeback(db.path(), bulk && journal.on);
    {
        sql::Statement st(db, "SELECT id FROM merged_bundle");
        while (st.step()) merged.insert(st.getText(0));
    }
    {
        BundleReader reader(files, merged);
        for (const std::string& file : files) {
            MergeFileResult r;
            r.file = file;
            BundleReader::Item item = reader.next();
            if (!item.mergedBefore.empty()) {
                sql::Statement st(db, "SELECT m.unit_id, coalesce(u.name, ''), m.responses, m.fingerprint, coalesce(u.demo, 0) "
                                      "FROM merged_bundle m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id=?");
                st.bind(1, item.mergedBefore);
                if (st.step()) {
                    MergeOutcome o;
                    o.unitId = st.getText(0);
                    o.unitName = st.getText(1);
                    o.demo = st.getInt(4) != 0;
                    o.responses = st.getInt(2);
                    o.alreadyMerged = true;
                    r.fingerprint = st.getText(3);
                    r.outcome = o;
                }
                results.push_back(std::move(r));
                continue;
            }
            if (!item.bundle) {
                r.error = item.error;
                results.push_back(std::move(r));
                continue;
            }
            r.fingerprint = item.bundle->fingerprint;
            // Secondary indexes go aside only once rows will really be added (outside any savepoint,
            // so a refused bundle's rollback cannot bring them back behind our back).
            if (bulk && !aside && !merged.count(item.bundle->id)) aside.emplace(db);
            db.exec("SAVEPOINT bundle");
            try {
                r.outcome = mergeInto(assessor, *item.bundle, file, ins, tallies, keys);
                db.exec("RELEASE bundle");
                tallies.keep();
                for (const auto& layout : item.bundle->layouts)
                    instrumentsUsed.emplace(layout->instrument().id, layout->instrument().version);
                writeback.start();
            } catch (const StoreError& e) {
                // The store itself failing (disk full, I/O) ends the run: nothing of it is kept.
                if (e.kind == StoreError::Kind::Full || e.kind == StoreError::Kind::Io || e.kind == StoreError::Kind::Corrupt) throw;
                db.exec("ROLLBACK TO bundle");
                db.exec("RELEASE bundle");
                tallies.drop();
                r.error = e.what();
            } catch (const std::exception& e) {
                db.exec("ROLLBACK TO bundle");
                db.exec("RELEASE bundle");
                tallies.drop();
                r.error = e.what();
            }
            results.push_back(std::move(r));
        }
    }
    if (aside) aside->restore(writeback);
    // The guarantee the foreign key gives, checked once for the run before it commits. Each row
    // names one of its bundle's instruments (parseBundleRows), so checking those few is checking
    // every row, without a scan of the table (1.4 s for 5M responses).
    for (const auto& [id, version] : instrumentsUsed) {
        sql::Statement st(db, "SELECT 1 FROM instrument WHERE id=? AND version=?");
        st.bind(1, id).bind(2, version);
        if (!st.step())
            throw StoreError(StoreError::Kind::Constraint, db.path() + ": merged responses name instrument " + id + " v" +
                                                               std::to_string(version) +
                                                               ", which the store does not hold; nothing of this merge was kept");
    }
    tallies.write();   // the roll-ups' tallies, in the same commit as the rows they count
    tx.commit();
    return results;
}

} // namespace sw
