// I/O fault injection for the assessor's merge (all-or-nothing per bundle, for every N) and for
// the kiosk's durable submit (survey/kiosk/submitter.hpp): a response whose write fails is kept in
// memory and lands exactly once when the disk recovers; one reported Stored is on disk.
#include "reliability/fault_loop.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/base/error.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/store/unit_setup.hpp"

#include <catch2/catch.hpp>

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

// A unit's signed bundle with `n` responses.
Bundle unitBundle(const swtest::TempDir& dir, const std::string& unitId, int n) {
    Store unit(dir.file(unitId + ".db"));
    Instrument in = setUpDemo(unit);
    UnitInfo u = *unit.unit();
    u.id = unitId;
    u.name = "Unit " + unitId;
    unit.setUnit(u);
    Simulator sim(in, u, 11, 60, 1790000000);
    std::vector<Response> rs;
    for (int i = 0; i < n; ++i) rs.push_back(sim.next());
    unit.appendAll(rs);
    UnitKey key = UnitKey::loadOrCreate(unit);
    return readBundle(buildBundle(unit, key, BundleOptions{}));
}

} // namespace

TEST_CASE("a merge under injected I/O faults is all-or-nothing for every N", "[reliability][fault][merge]") {
    swtest::TempDir dir;
    Bundle first = unitBundle(dir, "kanim-a", 15);
    Bundle second = unitBundle(dir, "kanim-b", 30);
    const auto n = static_cast<std::int64_t>(second.responses.size());

    // The assessor already holds unit A's bundle.
    std::string tpl = dir.file("assessor.db");
    {
        Store assessor(tpl);
        mergeBundle(assessor, first, "a.swb", sw::KeyPolicy::EnrollNew);
    }

    FaultLoop loop;
    loop.label = "merge";
    loop.templatePath = tpl;
    loop.run = [&](const std::string& path, const FaultRun& hooks) {
        Store s(path, faultOptions());
        hooks.arm();
        try {
            MergeOutcome o = mergeBundle(s, second, "b.swb", sw::KeyPolicy::EnrollNew);
            REQUIRE(o.added == n);
        } catch (...) {
            hooks.snapshot();
            throw;
        }
        hooks.snapshot();
    };
    loop.check = [&](const std::string& path, bool threw) {
        sql::Database db(path, SQLITE_OPEN_READWRITE);
        REQUIRE(db.scalarText("PRAGMA integrity_check") == "ok");
        REQUIRE(db.scalarInt("SELECT count(*) FROM pragma_foreign_key_check") == 0);
        REQUIRE(db.scalarInt("SELECT count(*) FROM response WHERE unit_id='kanim-a'") == 15);
        const std::int64_t b = db.scalarInt("SELECT count(*) FROM response WHERE unit_id='kanim-b'");
        const std::int64_t logged = db.scalarInt("SELECT count(*) FROM merged_bundle WHERE unit_id='kanim-b'");
        const std::int64_t pinned = db.scalarInt("SELECT count(*) FROM trusted_key WHERE unit_id='kanim-b'");
        REQUIRE((b == 0 || b == n));
        // The bundle log and the key pin go in the same transaction as the rows.
        REQUIRE(logged == (b == n ? 1 : 0));
        REQUIRE(pinned == (b == n ? 1 : 0));
        if (!threw) REQUIRE(b == n);
        // Whatever happened, merging again completes it exactly once.
        Store again(path);
        MergeOutcome o = mergeBundle(again, second, "b.swb", sw::KeyPolicy::EnrollNew);
        REQUIRE(o.alreadyMerged == (b == n));
        REQUIRE(again.db().scalarInt("SELECT count(*) FROM response WHERE unit_id='kanim-b'") == n);
        return b == n;
    };
    for (const auto& mode : kFaultModes) {
        auto fig = loop.runMode(mode);
        CHECK(fig.iterations >= 2);
        CHECK(fig.injected > 0);
        CHECK(fig.threw > 0);
    }
}

TEST_CASE("a many-file bulk merge under injected I/O faults keeps each bundle whole, for every N", "[reliability][fault][merge]") {
    swtest::TempDir dir;
    Bundle first = unitBundle(dir, "kanim-a", 15);
    const std::vector<std::pair<std::string, int>> units = {{"kanim-b", 30}, {"kanim-c", 20}};
    std::vector<std::string> files;
    for (const auto& [id, n] : units) {
        (void)unitBundle(dir, id, n); // the unit's store, with its responses
        Store unit(dir.file(id + ".db"));
        files.push_back(dir.file(id + ".swb"));
        exportBundle(unit, UnitKey::loadOrCreate(unit), files.back(), BundleOptions{});
    }
    std::string tpl = dir.file("assessor.db");
    {
        Store assessor(tpl);
        mergeBundle(assessor, first, "a.swb", sw::KeyPolicy::EnrollNew);
    }
    FaultLoop loop;
    loop.label = "merge of many files (bulk: rollback journal, indexes set aside)";
    loop.templatePath = tpl;
    loop.run = [&](const std::string& path, const FaultRun& hooks) {
        Store s(path, faultOptions());
        hooks.arm();
        try {
            auto results = mergeBundleFiles(s, files, true, sw::KeyPolicy::EnrollNew);
            for (const auto& r : results)
                if (!r.outcome) throw StoreError(StoreError::Kind::Io, r.error); // a bundle refused by a fault
        } catch (...) {
            hooks.snapshot();
            throw;
        }
        hooks.snapshot();
    };
    loop.check = [&](const std::string& path, bool threw) {
        bool all = true;
        {
            Store again(path); // replays or rolls back what the cut left, in WAL mode again
            sql::Database& db = again.db();
            REQUIRE(db.scalarText("PRAGMA integrity_check") == "ok");
            REQUIRE(db.scalarText("PRAGMA journal_mode") == "wal");
            REQUIRE(db.scalarInt("SELECT count(*) FROM pragma_foreign_key_check") == 0);
            // The secondary indexes are there whatever happened (set aside only inside the transaction).
            REQUIRE(db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='response' AND sql IS NOT NULL") == 2);
            REQUIRE(db.scalarInt("SELECT count(*) FROM response WHERE unit_id='kanim-a'") == 15);
            for (const auto& [id, n] : units) {
                sql::Statement rows(db, "SELECT count(*) FROM response WHERE unit_id=?");
                rows.bind(1, id);
                REQUIRE(rows.step());
                const std::int64_t have = rows.getInt(0);
                sql::Statement logged(db, "SELECT count(*) FROM merged_bundle WHERE unit_id=?");
                logged.bind(1, id);
                REQUIRE(logged.step());
                REQUIRE((have == 0 || have == n));
                REQUIRE(logged.getInt(0) == (have == n ? 1 : 0));
                all = all && have == n;
            }
            if (!threw) REQUIRE(all);
            // The tallies count exactly the rows up to their mark, which the merge moved (or not)
            // in the same commit as the rows.
            const char* tallied = "SELECT coalesce(sum(rows + misuse), 0) FROM daily_tally";
            const char* upToMark = "SELECT count(*) FROM response WHERE rid <= coalesce((SELECT rid FROM tally_mark), 0)";
            REQUIRE(db.scalarInt(tallied) == db.scalarInt(upToMark));
            // Merging again completes it exactly once.
            for (const auto& r : mergeBundleFiles(again, files, true, sw::KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
            for (const auto& [id, n] : units) {
                sql::Statement rows(db, "SELECT count(*) FROM response WHERE unit_id=?");
                rows.bind(1, id);
                REQUIRE(rows.step());
                REQUIRE(rows.getInt(0) == n);
            }
            REQUIRE(db.scalarInt(tallied) == db.scalarInt("SELECT count(*) FROM response"));
        }
        return all;
    };
    for (const auto& mode : kFaultModes) {
        auto fig = loop.runMode(mode);
        CHECK(fig.iterations >= 2);
        CHECK(fig.injected > 0);
        CHECK(fig.threw > 0);
    }
}

TEST_CASE("the kiosk's submitter keeps failed responses and lands each exactly once", "[reliability][fault][kiosk]") {
    swtest::TempDir dir;
    std::string tpl = dir.file("kiosk.db");
    std::int64_t base = 0;
    {
        Store s(tpl);
        setUpDemo(s);
        base = s.db().scalarInt("SELECT count(*) FROM response");
    }
    long queuedTotal = 0, storedTotal = 0, iterations = 0, injectedTotal = 0;
    for (const auto& mode : kFaultModes) {
        for (long n = 1; n < 5000; ++n) {
            ++iterations;
            const std::string path = dir.file("live.db");
            const std::string crashed = dir.file("crashed.db");
            swtest::copyDatabase(tpl, path);
            std::vector<std::pair<Response, Submitter::Outcome>> sent;
            long injected = 0;
            {
                Store s(path, faultOptions());
                Instrument in = *s.latestInstrument();
                Simulator sim(in, *s.unit(), static_cast<std::uint64_t>(n), 1, 1790000000);
                Submitter sub = Submitter::forStore(s, 5.0);
                double now = 100.0;
                FaultVfs::arm(n, mode.ops, mode.errorCode, mode.persistent);
                // Three citizens in a row, and a retry while the disk may still be failing.
                for (int i = 0; i < 3; ++i) {
                    Response r = sim.next();
                    Submitter::Outcome o = sub.submit(r, now);
                    sent.emplace_back(r, o);
                    now += 1.0;
                }
                sub.tick(now + 10.0);
                injected = FaultVfs::injected();
                FaultVfs::disarm();
                // A power cut now: everything reported Stored must be on disk.
                swtest::snapshotFiles(path, crashed);
                {
                    sql::Database db(crashed, SQLITE_OPEN_READWRITE);
                    REQUIRE(db.scalarText("PRAGMA integrity_check") == "ok");
                    for (const auto& [r, o] : sent) {
                        if (o != Submitter::Outcome::Stored) continue;
                        sql::Statement st(db, "SELECT count(*) FROM response WHERE uuid=?");
                        st.bind(1, r.uuid);
                        REQUIRE(st.step());
                        REQUIRE(st.getInt(0) == 1);
                    }
                }
                // The disk recovers: the next due retry lands the queue, in order, once.
                sub.tick(now + 100.0);
                REQUIRE(sub.pending() == 0);
                REQUIRE(sub.lastError().empty());
            }
            for (const auto& [r, o] : sent) (o == Submitter::Outcome::Stored ? storedTotal : queuedTotal)++;
            injectedTotal += injected;
            sql::Database db(path, SQLITE_OPEN_READWRITE);
            REQUIRE(db.scalarText("PRAGMA integrity_check") == "ok");
            REQUIRE(db.scalarInt("SELECT count(*) FROM response") == base + 3);
            for (const auto& [r, o] : sent) {
                sql::Statement st(db, "SELECT count(*) FROM response WHERE uuid=?");
                st.bind(1, r.uuid);
                REQUIRE(st.step());
                REQUIRE(st.getInt(0) == 1);
            }
            if (injected == 0) break;
        }
    }
    std::printf("fault loop kiosk submitter   all modes        %ld runs  faults injected %ld  responses stored at once "
                "%ld, kept in memory and landed on retry %ld, lost 0\n",
                iterations, injectedTotal, storedTotal, queuedTotal);
    CHECK(queuedTotal > 0);
}
