// I/O fault injection: a submit, a paper import and a migration, each with the Nth
// read/write/sync/truncate failing, for every N. After each fault the database — both as the
// program left it and as a power cut at that instant would leave it — passes integrity_check
// and holds either all of the operation's rows or none. An operation that reported success has
// all of them.
#include "reliability/fault_loop.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/migrations.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace sw;
using swtest::FaultLoop;
using swtest::FaultRun;
using swtest::FaultVfs;
using swtest::kFaultModes;

namespace {

Store::Options faultOptions() {
    Store::Options o;
    o.vfs = FaultVfs::name();
    return o;
}

// A unit that has been running a while: the default instrument, the demo unit, 40 responses.
std::string makeTemplate(const swtest::TempDir& dir, std::int64_t* responses = nullptr) {
    std::string path = dir.file("template.db");
    Store s(path);
    Instrument in = setUpDemo(s);
    Simulator sim(in, *s.unit(), 7, 30, 1790000000);
    std::vector<Response> rs;
    for (int i = 0; i < 40; ++i) rs.push_back(sim.next());
    s.appendAll(rs);
    if (responses) *responses = s.db().scalarInt("SELECT count(*) FROM response");
    return path;
}

// The invariants every check starts with; returns (responses, answers).
std::pair<std::int64_t, std::int64_t> openAndCheck(const std::string& path) {
    sql::Database db(path, SQLITE_OPEN_READWRITE); // the normal VFS; replays or discards the WAL
    REQUIRE(db.scalarText("PRAGMA integrity_check") == "ok");
    REQUIRE(db.scalarInt("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    return {db.scalarInt("SELECT count(*) FROM response"), db.scalarInt("SELECT count(*) FROM answer")};
}

} // namespace

TEST_CASE("a submit under injected I/O faults is all-or-nothing for every N", "[reliability][fault]") {
    swtest::TempDir dir;
    std::int64_t base = 0;
    std::string tpl = makeTemplate(dir, &base);
    std::int64_t baseAnswers = openAndCheck(tpl).second;

    Response r;
    {
        Store s(tpl);
        Instrument in = *s.latestInstrument();
        Simulator sim(in, *s.unit(), 99, 1, 1790000000);
        r = sim.next();
    }
    const auto ownAnswers = static_cast<std::int64_t>(r.unsur.size() + r.ham.size());

    FaultLoop loop;
    loop.label = "submit";
    loop.templatePath = tpl;
    loop.run = [&](const std::string& path, const FaultRun& hooks) {
        Store s(path, faultOptions());
        hooks.arm();
        try {
            s.append(r);
        } catch (...) {
            hooks.snapshot();
            throw;
        }
        hooks.snapshot();
    };
    loop.check = [&](const std::string& path, bool threw) {
        auto [n, answers] = openAndCheck(path);
        sql::Database db(path, SQLITE_OPEN_READWRITE);
        sql::Statement st(db, "SELECT count(*) FROM response WHERE uuid=?");
        st.bind(1, r.uuid);
        REQUIRE(st.step());
        const bool present = st.getInt(0) == 1;
        if (present) {
            REQUIRE(n == base + 1);
            REQUIRE(answers == baseAnswers + ownAnswers);
        } else {
            REQUIRE(n == base);
            REQUIRE(answers == baseAnswers);
        }
        if (!threw) REQUIRE(present); // append() returned: it must be on disk
        Store again(path);            // and the program opens it
        return present;
    };
    for (const auto& mode : kFaultModes) {
        auto fig = loop.runMode(mode);
        CHECK(fig.iterations >= 2);
        CHECK(fig.injected > 0);
        CHECK(fig.threw > 0);
    }
}

TEST_CASE("after a failed submit the same connection takes the retry once the fault clears",
          "[reliability][fault]") {
    // The kiosk keeps the response in memory and retries on the same Store (kiosk issue): the
    // retry either lands it or finds it already landed (a commit whose fsync failed) — never twice.
    swtest::TempDir dir;
    std::int64_t base = 0;
    std::string tpl = makeTemplate(dir, &base);
    long retried = 0, alreadyThere = 0;
    for (const auto& mode : kFaultModes) {
        for (long n = 1; n < 5000; ++n) {
            std::string path = dir.file("live.db");
            swtest::copyDatabase(tpl, path);
            Store s(path, faultOptions());
            Instrument in = *s.latestInstrument();
            Response r = Simulator(in, *s.unit(), static_cast<std::uint64_t>(n), 1, 1790000000).next();
            FaultVfs::arm(n, mode.ops, mode.errorCode, mode.persistent);
            bool failed = false;
            try {
                s.append(r);
            } catch (const StoreError&) {
                failed = true;
            }
            long injected = FaultVfs::injected();
            FaultVfs::disarm();
            if (failed) {
                ++retried;
                try {
                    s.append(r);
                } catch (const StoreError& e) {
                    // Only acceptable reason: the first attempt did land (UNIQUE uuid).
                    REQUIRE(e.kind == StoreError::Kind::Constraint);
                    REQUIRE(s.hasUuid(r.uuid));
                    ++alreadyThere;
                }
            }
            REQUIRE(s.db().scalarInt("SELECT count(*) FROM response") == base + 1);
            REQUIRE(s.hasUuid(r.uuid));
            if (injected == 0) break;
        }
    }
    std::printf("retry after fault: %ld failed submits retried on the same connection, %ld had already landed\n",
                retried, alreadyThere);
    CHECK(retried > 0);
}

TEST_CASE("a paper import under injected I/O faults is all-or-nothing for every N", "[reliability][fault][import]") {
    swtest::TempDir dir;
    std::int64_t base = 0;
    std::string tpl = makeTemplate(dir, &base);

    // 25 paper questionnaires, with profile, service and a quoted comment.
    std::ostringstream csv;
    csv << "U1,U2,U3,U4,U5,U6,U7,U8,U9,tanggal,jenis_kelamin,komentar\n";
    for (int i = 0; i < 25; ++i) {
        for (int u = 0; u < 9; ++u) csv << 1 + (i + u) % 4 << ',';
        csv << "2026-10-" << (10 + i % 15) << ',' << (i % 2 ? 'L' : 'P') << ",\"baris " << i << ", \"\"ok\"\"\"\n";
    }
    const std::string text = csv.str();
    const std::int64_t rows = 25;

    FaultLoop loop;
    loop.label = "paper import";
    loop.templatePath = tpl;
    loop.run = [&](const std::string& path, const FaultRun& hooks) {
        Store s(path, faultOptions());
        Instrument in = *s.latestInstrument();
        UnitInfo unit = *s.unit();
        hooks.arm();
        try {
            auto res = importPaperCsv(s, in, unit, text, "kertas.csv");
            REQUIRE(res.imported == rows);
        } catch (...) {
            hooks.snapshot();
            throw;
        }
        hooks.snapshot();
    };
    loop.check = [&](const std::string& path, bool threw) {
        auto [n, answers] = openAndCheck(path);
        sql::Database db(path, SQLITE_OPEN_READWRITE);
        const std::int64_t paper = db.scalarInt("SELECT count(*) FROM response WHERE source='paper'");
        REQUIRE((paper == 0 || paper == rows));
        REQUIRE(n == base + paper);
        REQUIRE(db.scalarInt("SELECT count(*) FROM answer a JOIN response r ON r.rid=a.rid WHERE r.source='paper'") ==
                paper * 9);
        REQUIRE(db.scalarInt("SELECT count(*) FROM response WHERE source='paper' AND profile<>''") == paper);
        (void)answers;
        if (!threw) REQUIRE(paper == rows);
        Store again(path);
        return paper == rows;
    };
    for (const auto& mode : kFaultModes) {
        auto fig = loop.runMode(mode);
        CHECK(fig.iterations >= 2);
        CHECK(fig.injected > 0);
        CHECK(fig.threw > 0);
    }
}

TEST_CASE("a migration under injected I/O faults is all-or-nothing for every N", "[reliability][fault][migration]") {
    // A schema-1 database as the first release wrote it (tests/survey/store/test_store.cpp), with data.
    swtest::TempDir dir;
    std::string tpl = dir.file("schema1.db");
    {
        sql::Database db(tpl, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("PRAGMA journal_mode=WAL");
        db.exec(kMigrations[0].sql);
        db.exec("PRAGMA application_id=" + std::to_string(Store::kApplicationId));
        db.exec("PRAGMA user_version=1");
        // The default instrument, as a schema-1 store held it (schema 6 packs answers by its order).
        const Instrument in = loadInstrument(std::string(SW_SOURCE_ASSET_DIR) + "/instruments/skm-permenpanrb-14-2017.json");
        sql::Statement body(db, "INSERT INTO instrument VALUES(?,?,?)");
        body.bind(1, in.id).bind(2, in.version).bind(3, in.canonicalJson).run();
        sql::Transaction tx(db);
        for (int i = 0; i < 200; ++i) {
            char uuid[40];
            std::snprintf(uuid, sizeof uuid, "11111111-1111-4111-8111-%012d", i);
            db.exec(std::string("INSERT INTO response(uuid,instrument_id,instrument_version,unit_id,device_id,created_utc,"
                                "utc_offset_min,local_date,source) VALUES('") +
                    uuid + "','" + in.id + "'," + std::to_string(in.version) + ",'u','d'," + std::to_string(i * 3600) +
                    ",420,'1970-01-01','kiosk')");
            db.exec("INSERT INTO answer VALUES(" + std::to_string(db.lastInsertRowid()) + ",'U1',0," +
                    std::to_string(1 + i % 4) + ")");
        }
        tx.commit();
    }

    FaultLoop loop;
    loop.label = "migration 1->" + std::to_string(Store::kSchemaVersion);
    loop.templatePath = tpl;
    loop.run = [&](const std::string& path, const FaultRun& hooks) {
        hooks.arm();
        try {
            Store s(path, faultOptions()); // opening migrates
            hooks.snapshot();
        } catch (...) {
            hooks.snapshot(); // the half-built Store has closed its connection by now
            throw;
        }
    };
    loop.check = [&](const std::string& path, bool threw) {
        auto [n, answers] = openAndCheck(path);
        REQUIRE(n == 200);
        REQUIRE(answers == 200);
        std::int64_t version = 0;
        {
            sql::Database db(path, SQLITE_OPEN_READWRITE);
            version = db.scalarInt("PRAGMA user_version");
            const std::int64_t hasSetting = db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name='setting'");
            const std::int64_t hasDuration =
                db.scalarInt("SELECT count(*) FROM pragma_table_info('response') WHERE name='duration_s'");
            if (version == 1) {
                REQUIRE(hasSetting == 0);
                REQUIRE(hasDuration == 0);
            } else {
                REQUIRE(version == Store::kSchemaVersion);
                REQUIRE(hasSetting == 1);
                REQUIRE(hasDuration == 1);
            }
        }
        if (!threw) REQUIRE(version == Store::kSchemaVersion);
        Store again(path); // a later start finishes the migration
        REQUIRE(again.schemaVersion() == Store::kSchemaVersion);
        REQUIRE(again.countResponses({}) == 200);
        return version == Store::kSchemaVersion;
    };
    for (const auto& mode : kFaultModes) {
        auto fig = loop.runMode(mode);
        CHECK(fig.iterations >= 2);
        CHECK(fig.injected > 0);
        CHECK(fig.threw > 0);
    }
}
