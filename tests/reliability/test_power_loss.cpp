// Power loss, the stronger sibling of the SIGKILL proof (test_power_cut.cpp): a real power cut
// also loses the OS page cache, i.e. every write not yet fsync'd. The fault VFS records what
// each unsynced write replaced; at every write/sync of a run of submits (each N in turn) it
// builds the files a power cut at that instant would leave — all unsynced writes lost, and
// again with a random in-order part of them kept — and we check: integrity_check ok, every
// response whose append() had returned is there, every stored response is whole.
// The same test with synchronous=OFF must find losses: it proves the test can see them.
#include "reliability/fault_loop.hpp"

#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace sw;
using swtest::FaultVfs;

namespace {

struct Crash {
    std::string path;          // the power-cut copy (with its -wal)
    std::size_t confirmed = 0; // appends that had returned when the power went
};

struct PowerLossFigures {
    long cuts = 0;             // power-cut images checked
    long lostConfirmed = 0;    // confirmed responses missing from an image
    long damaged = 0;          // images failing integrity_check
};

// Runs `count` submits through the fault VFS with the power cut at change n; returns false when
// the run had fewer than n writes/syncs.
bool runWithCutAt(long n, const std::string& tpl, const swtest::TempDir& dir, const std::vector<Response>& rs,
                  bool synchronousFull, std::mt19937& rng, std::vector<Crash>& crashes) {
    const std::string live = dir.file("live.db");
    swtest::copyDatabase(tpl, live);
    bool cut = false;
    std::size_t confirmed = 0;
    {
        Store::Options o;
        o.vfs = FaultVfs::name();
        Store s(live, o);
        if (!synchronousFull) s.db().exec("PRAGMA synchronous=OFF");
        FaultVfs::recordUnsynced(true);
        FaultVfs::crashAt(n, [&] {
            cut = true;
            const std::uint64_t now = FaultVfs::changeSequence();
            std::uniform_int_distribution<std::uint64_t> some(0, now);
            int k = 0;
            for (std::uint64_t keep : {std::uint64_t{0}, some(rng)}) {
                Crash c{dir.file("cut" + std::to_string(k++) + ".db"), confirmed};
                FaultVfs::powerCutCopy(live, c.path, keep);
                FaultVfs::powerCutCopy(live + "-wal", c.path + "-wal", keep);
                crashes.push_back(c);
            }
        });
        for (const auto& r : rs) {
            s.append(r);
            ++confirmed;
        }
    } // closing checkpoints the WAL into the database: power cuts there are covered too
    FaultVfs::crashAt(0, {});
    FaultVfs::recordUnsynced(false);
    return cut;
}

PowerLossFigures checkCrashes(const std::vector<Crash>& crashes, const std::vector<Response>& rs, std::int64_t base,
                              bool require) {
    PowerLossFigures fig;
    for (const auto& c : crashes) {
        ++fig.cuts;
        std::error_code ec;
        if (!std::filesystem::exists(c.path)) {
            ++fig.damaged; // the database file itself vanished
            continue;
        }
        std::filesystem::remove(c.path + "-shm", ec);
        sql::Database db(c.path, SQLITE_OPEN_READWRITE);
        std::string check;
        try {
            check = db.scalarText("PRAGMA integrity_check");
        } catch (const StoreError& e) {
            check = e.what();
        }
        if (require) REQUIRE(check == "ok");
        if (check != "ok") {
            ++fig.damaged;
            continue;
        }
        const std::int64_t n = db.scalarInt("SELECT count(*) FROM response");
        sql::Statement st(db, "SELECT count(*) FROM response WHERE uuid=?");
        for (std::size_t i = 0; i < c.confirmed; ++i) {
            st.reset();
            st.bind(1, rs[i].uuid);
            REQUIRE(st.step());
            if (st.getInt(0) != 1) ++fig.lostConfirmed;
        }
        if (require) {
            REQUIRE(fig.lostConfirmed == 0);
            // At most the one in flight beyond the confirmed ones, and each one whole.
            REQUIRE(n >= base + static_cast<std::int64_t>(c.confirmed));
            REQUIRE(n <= base + static_cast<std::int64_t>(c.confirmed) + 1);
            REQUIRE(db.scalarInt("SELECT count(*) FROM response r WHERE NOT EXISTS "
                                 "(SELECT 1 FROM answer a WHERE a.rid=r.rid AND a.kind=0)") == 0);
        }
    }
    return fig;
}

struct Setup {
    swtest::TempDir dir;
    std::string tpl;
    std::vector<Response> rs;
    std::int64_t base = 0;
    Setup() {
        tpl = dir.file("template.db");
        Store s(tpl);
        Instrument in = setUpDemo(s);
        Simulator sim(in, *s.unit(), 5, 30, 1790000000);
        std::vector<Response> earlier;
        for (int i = 0; i < 30; ++i) earlier.push_back(sim.next());
        s.appendAll(earlier);
        for (int i = 0; i < 8; ++i) rs.push_back(sim.next());
        base = s.db().scalarInt("SELECT count(*) FROM response");
    }
};

} // namespace

TEST_CASE("a power cut at any write or sync loses no confirmed response (page cache lost)",
          "[reliability][powercut][powerloss]") {
    Setup setup;
    std::mt19937 rng(20261122);
    PowerLossFigures total;
    long n = 1;
    for (;; ++n) {
        std::vector<Crash> crashes;
        if (!runWithCutAt(n, setup.tpl, setup.dir, setup.rs, true, rng, crashes)) break;
        auto fig = checkCrashes(crashes, setup.rs, setup.base, true);
        total.cuts += fig.cuts;
    }
    std::printf("power loss (synchronous=FULL): cut at each of %ld writes/syncs of %zu submits, %ld power-cut images "
                "(unsynced writes all lost, or an in-order part kept): 0 damaged, 0 confirmed responses lost\n",
                n - 1, setup.rs.size(), total.cuts);
    CHECK(n > 10);
}

TEST_CASE("the power-loss test sees losses when fsync is skipped (synchronous=OFF)", "[reliability][powerloss]") {
    Setup setup;
    std::mt19937 rng(7);
    PowerLossFigures total;
    for (long n = 1;; ++n) {
        std::vector<Crash> crashes;
        if (!runWithCutAt(n, setup.tpl, setup.dir, setup.rs, false, rng, crashes)) break;
        auto fig = checkCrashes(crashes, setup.rs, setup.base, false);
        total.cuts += fig.cuts;
        total.lostConfirmed += fig.lostConfirmed;
        total.damaged += fig.damaged;
    }
    std::printf("power loss (synchronous=OFF, control): %ld images, %ld confirmed responses lost, %ld damaged\n",
                total.cuts, total.lostConfirmed, total.damaged);
    CHECK(total.lostConfirmed + total.damaged > 0);
}
