// The storage floor for the merge benchmark: SQLite alone inserting N rows shaped like merged
// responses into the real response table (schema 6, only its UUID index, as the bulk merge
// runs), in one transaction, rollback journal, synchronous=FULL, the merge's cache size, with the
// same INSERT … ON CONFLICT(uuid) DO NOTHING. No bundle reading, verifying, parsing or index
// rebuild: what any merge on this machine and schema cannot beat. Prints figures only.
//   floor_sqlite [--rows N] [--dir DIR] [--uuids kiosk|random|prefixed]
// --uuids: as bench_export's (tests/bench/bundle_copies.hpp); kiosk by default.
#include "bench/bundle_copies.hpp"
#include "survey/store/store.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    long long rows = 2000000;
    swbench::UuidKind kind = swbench::UuidKind::Kiosk;
    std::string dir = (fs::temp_directory_path() / "sw-bench-floor").string();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rows") == 0 && i + 1 < argc) rows = std::atoll(argv[++i]);
        else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) dir = argv[++i];
        else if (std::strcmp(argv[i], "--uuids") == 0 && i + 1 < argc && swbench::parseUuidKind(argv[i + 1], kind)) ++i;
        else {
            std::fprintf(stderr, "usage: floor_sqlite [--rows N] [--dir DIR] [--uuids kiosk|random|prefixed]\n");
            return 2;
        }
    }
    fs::create_directories(dir);
    const std::string path = dir + "/floor.db";
    fs::remove(path);
    fs::remove(path + "-wal");
    { sw::Store schema(path); } // the real schema, migrations and all
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-524288; PRAGMA foreign_keys=OFF;"
                     "INSERT INTO instrument VALUES('skm-permenpanrb-14-2017', 1, '{}');"
                     "DROP INDEX response_by_date; DROP INDEX response_by_unit;", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, (std::string("INSERT INTO response(") + sw::kResponseInsertColumns + ") VALUES(" + sw::kResponseInsertValues +
                            ") ON CONFLICT(uuid) DO NOTHING").c_str(), -1, &st, nullptr);
    // UUIDs as the merge benchmark's bundles carry them (bundle_copies.hpp; a bundle is 5,000 rows),
    // made before the clock starts: the floor times SQLite, not libsodium.
    const auto createdOf = [](long long i) { return static_cast<std::int64_t>(1760000000 + (i % 5000) * 1500); };
    std::string uuids;
    uuids.reserve(static_cast<std::size_t>(rows) * 36);
    for (long long i = 0; i < rows; ++i) uuids += swbench::newUuidOf(kind, i / 5000, createdOf(i));
    auto t0 = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (long long i = 0; i < rows; ++i) {
        const std::int64_t created = createdOf(i);
        const long day = (i % 5000) * 90 / 5000;
        char date[11];
        std::snprintf(date, sizeof date, "2026-%02ld-%02ld", 1 + day / 30, 1 + day % 30);
        sqlite3_bind_text(st, 1, uuids.data() + i * 36, 36, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, "skm-permenpanrb-14-2017", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, 1);
        sqlite3_bind_text(st, 4, "demo-kanim-jaksel", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, "sim", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, created);
        sqlite3_bind_int(st, 7, 420);
        sqlite3_bind_text(st, 8, date, 10, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, "paspor", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, "", 0, SQLITE_STATIC);
        sqlite3_bind_int(st, 11, 1);
        sqlite3_bind_int(st, 12, 0);
        sqlite3_bind_text(st, 13, "simulate", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 14, 95);
        sqlite3_bind_text(st, 15, "343434343", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 16, "3402343", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 17, "bukan", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 18, 16);
        sqlite3_bind_text(st, 19, "jenis_kelamin=P;usia=30_39;pendidikan=sma;pekerjaan=swasta", -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            std::fprintf(stderr, "insert failed: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        sqlite3_reset(st);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sqlite3_finalize(st);
    sqlite3_close(db);
    std::printf("FLOOR SQLite alone: %lld response rows into the schema-6 table (UUID index only, one transaction, "
                "synchronous=FULL) in %.2f s = %.0f rows/s\n", rows, s, static_cast<double>(rows) / s);
    fs::remove_all(dir);
    return 0;
}
