// Backup and restore: verified copies with the local date, the last N
// kept, at most one automatic copy per day, a failing medium that leaves nothing behind, and a
// restore that refuses damaged or foreign files without touching the live database.
#include "reliability/fault_loop.hpp"

#include "survey/store/backup.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/migrations.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

using namespace sw;
namespace fs = std::filesystem;
using swtest::FaultVfs;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNoon = 1790000000 - 1790000000 % kDay + 5 * 3600; // 12:00 WIB on some day

void addResponses(Store& s, int n, std::uint64_t seed) {
    Instrument in = *s.latestInstrument();
    Simulator sim(in, *s.unit(), seed, 30, 1790000000);
    std::vector<Response> rs;
    for (int i = 0; i < n; ++i) rs.push_back(sim.next());
    s.appendAll(rs);
}

std::int64_t responsesIn(const std::string& path) {
    sql::Database db(path, SQLITE_OPEN_READONLY);
    return db.scalarInt("SELECT count(*) FROM response");
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Overwrites one whole page in the middle of the file: a b-tree page integrity_check will miss.
void damagePage(const std::string& path, std::size_t page) {
    std::string bytes = swtest::readFile(path);
    // The page size from the file's header (bytes 16–17, big-endian; SQLite file format §1.3.2).
    REQUIRE(bytes.size() > 100);
    const std::size_t pageSize = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    REQUIRE(bytes.size() > (page + 1) * pageSize);
    for (std::size_t i = 0; i < pageSize; ++i) bytes[page * pageSize + i] = static_cast<char>(0xA5);
    swtest::writeFile(path, bytes);
}

} // namespace

TEST_CASE("a backup is a verified copy named by the unit and local date", "[reliability][backup]") {
    swtest::TempDir dir;
    Store s(dir.file("live.db"));
    setUpDemo(s);
    addResponses(s, 30, 1);
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);

    BackupOptions opt;
    opt.nowUtc = kNoon;
    BackupResult r = backupTo(s, usb, opt);
    const std::string unit = s.unit()->id;
    CHECK(fs::path(r.path).filename() == "suarawarga-" + unit + "-" + localDate(kNoon, 420) + ".db");
    CHECK(r.responses == 30);
    CHECK(responsesIn(r.path) == 30);
    CHECK(verifyBackup(r.path).unitId == unit);
    // One self-contained file: not in WAL mode, nothing beside it.
    {
        sql::Database db(r.path, SQLITE_OPEN_READONLY);
        CHECK(db.scalarText("PRAGMA journal_mode") == "delete");
    }
    CHECK(filesIn(usb) == std::vector<std::string>{fs::path(r.path).filename().string()});

    // A second copy the same day does not overwrite the first.
    addResponses(s, 5, 2);
    BackupResult again = backupTo(s, usb, opt);
    CHECK(again.path != r.path);
    CHECK(responsesIn(again.path) == 35);
    CHECK(responsesIn(r.path) == 30);
    CHECK(listBackups(usb, unit) == std::vector<std::string>{r.path, again.path});
}

TEST_CASE("backups keep the newest N of this unit and nothing else is touched", "[reliability][backup]") {
    swtest::TempDir dir;
    Store s(dir.file("live.db"));
    setUpDemo(s);
    addResponses(s, 3, 1);
    const std::string unit = s.unit()->id;
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    swtest::writeFile(usb + "/notes.txt", "the unit head's notes");
    swtest::writeFile(usb + "/suarawarga-other-unit-2026-01-01.db", "another unit's copy");

    BackupOptions opt;
    opt.keep = 3;
    std::vector<std::string> made;
    for (int d = 0; d < 6; ++d) {
        opt.nowUtc = kNoon + d * kDay;
        BackupResult r = backupTo(s, usb, opt);
        made.push_back(r.path);
        CHECK(listBackups(usb, unit).size() == static_cast<std::size_t>(std::min(d + 1, 3)));
    }
    CHECK(listBackups(usb, unit) == std::vector<std::string>{made[3], made[4], made[5]});
    CHECK(fs::exists(usb + "/notes.txt"));
    CHECK(fs::exists(usb + "/suarawarga-other-unit-2026-01-01.db"));
}

TEST_CASE("a backup to a missing folder or a failing medium leaves nothing behind", "[reliability][backup][fault]") {
    swtest::TempDir dir;
    Store s(dir.file("live.db"));
    setUpDemo(s);
    addResponses(s, 40, 3);
    const std::string usb = dir.file("usb");

    try {
        backupTo(s, usb);
        FAIL("a missing folder must be refused");
    } catch (const BackupError& e) {
        CHECK(e.kind == BackupError::Kind::Io);
        CHECK_THAT(e.what(), Catch::Contains("USB"));
    }
    CHECK_FALSE(fs::exists(usb));

    fs::create_directories(usb);
    BackupOptions opt;
    opt.keep = 1;
    opt.nowUtc = kNoon;
    const std::string good = backupTo(s, usb, opt).path;

    // The next day's copy fails at the Nth write/sync of the medium: the old copy must survive
    // and no partial file may be left (keep = 1 would otherwise have pruned the good one).
    opt.vfs = FaultVfs::name();
    opt.nowUtc = kNoon + kDay;
    const std::string reserve = dir.file("reserve.db");
    fs::copy_file(good, reserve);
    long failures = 0, injected = 0;
    for (const auto& mode : swtest::kFaultModes) {
        for (long n = 1; n < 5000; ++n) {
            FaultVfs::arm(n, mode.ops, mode.errorCode, mode.persistent);
            bool failed = false;
            std::string made;
            try {
                made = backupTo(s, usb, opt).path;
            } catch (const BackupError& e) {
                failed = true;
                // A read error while verifying the copy makes it Damaged: it does not count either.
                CHECK((e.kind == BackupError::Kind::Io || e.kind == BackupError::Kind::Full ||
                       e.kind == BackupError::Kind::Damaged));
            }
            const long hit = FaultVfs::injected();
            FaultVfs::disarm();
            injected += hit;
            if (failed) {
                ++failures;
                REQUIRE(filesIn(usb) == std::vector<std::string>{fs::path(good).filename().string()});
                REQUIRE(verifyBackup(good).responses == 40);
            } else {
                // It reported success: the copy verifies and replaced the older one (keep = 1).
                REQUIRE(verifyBackup(made).responses == 40);
                REQUIRE(listBackups(usb, s.unit()->id) == std::vector<std::string>{made});
                fs::remove(made);
                fs::copy_file(reserve, good);
            }
            if (hit == 0) break;
        }
    }
    std::printf("fault loop backup to medium   all modes        faults injected %ld  failed cleanly %ld  "
                "good copy lost 0\n",
                injected, failures);
    CHECK(failures > 0);
}

TEST_CASE("the daily backup runs once per local day and retries a missing stick later", "[reliability][backup]") {
    swtest::TempDir dir;
    Store s(dir.file("live.db"));
    setUpDemo(s);
    addResponses(s, 4, 4);
    const std::string usb = dir.file("usb");

    // The stick is not plugged in: nothing, logged, not retried for retrySeconds.
    CHECK_FALSE(maybeDailyBackup(s, usb, 7, kNoon, 600));
    CHECK(s.db().scalarInt("SELECT count(*) FROM event WHERE kind='backup-failed'") == 1);
    fs::create_directories(usb);
    CHECK_FALSE(maybeDailyBackup(s, usb, 7, kNoon + 60, 600)); // too soon to retry
    auto first = maybeDailyBackup(s, usb, 7, kNoon + 601, 600);
    REQUIRE(first);
    CHECK(s.setting(kBackupLastSetting) == localDate(kNoon, 420));
    for (int i = 0; i < 100; ++i) CHECK_FALSE(maybeDailyBackup(s, usb, 7, kNoon + 700 + i * 60, 600));
    CHECK(listBackups(usb, s.unit()->id).size() == 1);

    // The next local day (WIB): one more.
    auto second = maybeDailyBackup(s, usb, 7, kNoon + kDay, 600);
    REQUIRE(second);
    CHECK(listBackups(usb, s.unit()->id).size() == 2);

    // Configured through the settings, as `suarawarga backup --daily` leaves them.
    s.setSetting(kBackupDirSetting, usb);
    s.setSetting(kBackupKeepSetting, "2");
    CHECK(maybeDailyBackup(s, kNoon + 2 * kDay));
    CHECK_FALSE(maybeDailyBackup(s, kNoon + 2 * kDay + 10));
    CHECK(listBackups(usb, s.unit()->id).size() == 2);
}

TEST_CASE("restore refuses damaged, foreign and newer files and leaves the live database untouched",
          "[reliability][backup][restore]") {
    swtest::TempDir dir;
    const std::string live = dir.file("live.db");
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    std::string good;
    {
        Store s(live);
        setUpDemo(s);
        addResponses(s, 200, 5);
        good = backupTo(s, usb).path;
        addResponses(s, 7, 6);
    }
    const std::string liveBytes = swtest::readFile(live);

    auto refused = [&](const std::string& file, BackupError::Kind kind, const std::string& words) {
        INFO(file);
        try {
            restoreFrom(file, live);
            FAIL("restore must refuse " << file);
        } catch (const BackupError& e) {
            CHECK(e.kind == kind);
            CHECK_THAT(e.what(), Catch::Contains(words));
            CHECK_THAT(e.what(), Catch::Contains(file));
        }
        CHECK(swtest::readFile(live) == liveBytes);
        CHECK_FALSE(fs::exists(live + ".before-restore"));
        CHECK_FALSE(fs::exists(live + ".restore-tmp"));
    };

    const std::string damaged = dir.file("damaged.db");
    fs::copy_file(good, damaged);
    damagePage(damaged, 6);
    refused(damaged, BackupError::Kind::Damaged, "damaged");

    const std::string truncated = dir.file("truncated.db");
    swtest::writeFile(truncated, swtest::readFile(good).substr(0, 4096 * 3));
    refused(truncated, BackupError::Kind::Damaged, "");

    const std::string text = dir.file("notes.db");
    swtest::writeFile(text, "not a database at all\n");
    refused(text, BackupError::Kind::Damaged, "not a SuaraWarga backup");

    const std::string foreign = dir.file("foreign.db");
    {
        sql::Database db(foreign, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES('x')");
    }
    refused(foreign, BackupError::Kind::Foreign, "another program");

    const std::string newer = dir.file("newer.db");
    fs::copy_file(good, newer);
    {
        sql::Database db(newer, SQLITE_OPEN_READWRITE);
        db.exec("PRAGMA user_version=99");
    }
    refused(newer, BackupError::Kind::TooNew, "newer SuaraWarga");

    refused(dir.file("missing.db"), BackupError::Kind::Io, "no such backup");
}

TEST_CASE("restore replaces the live database atomically and keeps the previous one", "[reliability][backup][restore]") {
    swtest::TempDir dir;
    const std::string live = dir.file("live.db");
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    std::string good;
    {
        Store s(live);
        setUpDemo(s);
        addResponses(s, 50, 7);
        good = backupTo(s, usb).path;
    }
    // The live database moves on (and is left with its WAL, as a crashed kiosk would leave it).
    std::int64_t liveCount = 0;
    {
        Store s(live);
        addResponses(s, 9, 8);
        liveCount = s.db().scalarInt("SELECT count(*) FROM response");
        const std::string snap = dir.file("crashed.db");
        swtest::snapshotFiles(live, snap); // db + -wal, no checkpoint
    }
    fs::rename(dir.file("crashed.db"), live);
    fs::rename(dir.file("crashed.db-wal"), live + "-wal");
    fs::remove(live + "-shm");

    RestoreResult r = restoreFrom(good, live);
    CHECK(r.restored.responses == 50);
    CHECK(r.previousKeptAt == live + ".before-restore");
    CHECK(responsesIn(live) == 50);
    CHECK_FALSE(fs::exists(live + "-wal"));
    CHECK_FALSE(fs::exists(live + ".restore-tmp"));
    // Nothing of the previous database is lost: all of it, WAL included, is in .before-restore.
    CHECK(responsesIn(live + ".before-restore") == liveCount);
    {
        Store s(live); // the program opens the restored file (and puts it back in WAL mode)
        CHECK(s.db().scalarText("PRAGMA journal_mode") == "wal");
        CHECK(s.db().scalarInt("SELECT count(*) FROM response") == 50);
    }
    // A second restore keeps the first .before-restore too.
    RestoreResult again = restoreFrom(good, live);
    CHECK(again.previousKeptAt == live + ".before-restore-2");
    CHECK(fs::exists(live + ".before-restore"));
}

TEST_CASE("restore refuses another unit's backup unless asked", "[reliability][backup][restore]") {
    swtest::TempDir dir;
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    std::string otherBackup;
    {
        Store other(dir.file("other.db"));
        setUpDemo(other);
        UnitInfo u = *other.unit();
        u.id = "kanim-lain";
        other.setUnit(u);
        addResponses(other, 3, 9);
        otherBackup = backupTo(other, usb).path;
    }
    const std::string live = dir.file("live.db");
    {
        Store s(live);
        setUpDemo(s);
    }
    const std::string before = swtest::readFile(live);
    try {
        restoreFrom(otherBackup, live);
        FAIL("another unit's backup must be refused");
    } catch (const BackupError& e) {
        CHECK(e.kind == BackupError::Kind::OtherUnit);
        CHECK_THAT(e.what(), Catch::Contains("kanim-lain"));
    }
    CHECK(swtest::readFile(live) == before);
    RestoreOptions opt;
    opt.allowOtherUnit = true;
    CHECK(restoreFrom(otherBackup, live, opt).restored.unitId == "kanim-lain");
}

TEST_CASE("a backup of an older schema restores and is migrated on open", "[reliability][backup][restore][migration]") {
    swtest::TempDir dir;
    const std::string old = dir.file("old.db");
    {
        sql::Database db(old, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec(kMigrations[0].sql);
        db.exec("PRAGMA application_id=" + std::to_string(Store::kApplicationId));
        db.exec("PRAGMA user_version=1");
        db.exec("INSERT INTO unit(id) VALUES('lama')");
    }
    CHECK(verifyBackup(old).schemaVersion == 1);
    CHECK(verifyBackup(old).unitId == "lama");
    const std::string live = dir.file("live.db");
    restoreFrom(old, live);
    Store s(live);
    CHECK(s.schemaVersion() == Store::kSchemaVersion);
}

TEST_CASE("the backup and restore verbs report plainly and exit non-zero on refusal", "[reliability][backup][cli]") {
    swtest::TempDir dir;
    const std::string db = dir.file("live.db");
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    auto run = [](const std::string& args, std::string* out = nullptr) {
        std::string cmd = std::string(SW_CLI_BINARY) + " " + args + " 2>&1";
        FILE* p = popen(cmd.c_str(), "r");
        REQUIRE(p);
        std::string text;
        char buf[4096];
        while (std::size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
        int status = pclose(p);
        if (out) *out = text;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    std::string out;
    REQUIRE(run("simulate --demo --db " + db + " --count 12 --quiet") == 0);
    REQUIRE(run("backup --db " + db + " --to " + usb + " --keep 2 --daily", &out) == 0);
    CHECK_THAT(out, Catch::Contains("verified: 12 responses"));
    CHECK_THAT(out, Catch::Contains("one copy per day"));
    auto copies = filesIn(usb);
    REQUIRE(copies.size() == 1);
    CHECK(run("backup --db " + db + " --list " + usb, &out) == 0);
    CHECK_THAT(out, Catch::Contains("ok  12 responses"));

    CHECK(run("backup --db " + db + " --to " + dir.file("nope"), &out) == 5);
    CHECK_THAT(out, Catch::Contains("does not exist"));

    const std::string bad = dir.file("bad.db");
    fs::copy_file(usb + "/" + copies[0], bad);
    damagePage(bad, 3);
    const std::string before = swtest::readFile(db);
    CHECK(run("restore --db " + db + " --from " + bad, &out) == 5);
    CHECK_THAT(out, Catch::Contains("damaged"));
    CHECK(swtest::readFile(db) == before);

    REQUIRE(run("simulate --demo --db " + db + " --count 3 --quiet") == 0);
    CHECK(run("restore --db " + db + " --from " + usb + "/" + copies[0], &out) == 0);
    CHECK_THAT(out, Catch::Contains("12 responses"));
    CHECK_THAT(out, Catch::Contains(".before-restore"));
    CHECK(responsesIn(db) == 12);
}

TEST_CASE("a backup carries the unit's signing key, 0600, and a restore on a new disk can sign again",
          "[reliability][backup][restore][security]") {
    swtest::TempDir dir;
    const std::string usb = dir.file("usb");
    fs::create_directories(usb);
    std::string copy, fingerprint;
    {
        Store s(dir.file("old-disk/live.db"));
        setUpDemo(s);
        addResponses(s, 5, 10);
        fingerprint = UnitKey::loadOrCreate(s).fingerprint();
        copy = backupTo(s, usb).path;
    }
    REQUIRE(fs::exists(copy + ".signing-key"));
    CHECK((fs::status(copy + ".signing-key").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));

    // The kiosk's disk died: a fresh disk, restore from the stick.
    const std::string fresh = dir.file("new-disk/live.db");
    restoreFrom(copy, fresh);
    REQUIRE(fs::exists(fresh + ".signing-key"));
    CHECK((fs::status(fresh + ".signing-key").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    Store s(fresh);
    CHECK(UnitKey::loadOrCreate(s).fingerprint() == fingerprint);
}
