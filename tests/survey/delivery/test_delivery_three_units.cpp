// "Done when" of delivery, on one machine: three units and one Kanwil on the loopback address.
// Responses taken through the kiosk's own submit path (survey/kiosk/submitter.hpp) appear in the
// Kanwil's roll-up after a send, survive a disconnection (sent to an address nobody answers: kept,
// sent later), and are never counted twice.
#include "survey/delivery/delivery_helpers.hpp"

#include "survey/base/local_time.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/store/unit_setup.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace sw;
using swtest::Kanwil;
using swtest::TempDir;

namespace {

// `n` citizens answer at the unit's kiosk now.
void takeAtKiosk(const std::string& db, int n, std::uint64_t seed) {
    Store store(db);
    const Instrument in = requireUnit(store);
    Simulator sim(in, *store.unit(), seed, 1, nowUtc());
    Submitter kiosk = Submitter::forStore(store);
    for (int i = 0; i < n; ++i) REQUIRE(kiosk.submit(sim.next(), 0) == Submitter::Outcome::Stored);
}

// The Kanwil's roll-up over all time (its daily tallies): the rows per unit, misuse included.
std::map<std::string, std::int64_t> rollup(const Kanwil& k) {
    std::map<std::string, std::int64_t> rows;
    for (const UnitTally& t : k.store()->unitTallies(TallyPeriod{})) {
        std::int64_t n = t.misuse;
        for (const auto& [version, masks] : t.totals.byVersion)
            for (const auto& sums : masks) n += sums.rows;
        rows[t.unit.id] = n;
    }
    return rows;
}

std::int64_t held(const std::string& db) {
    Store s(db);
    return s.db().scalarInt("SELECT count(*) FROM response");
}

} // namespace

TEST_CASE("Three units and one Kanwil: kiosk responses reach the roll-up, survive a disconnection, never twice", "[delivery]") {
    Kanwil k;
    TempDir d;
    const std::vector<std::string> ids = {"kanim-serang", "kanim-cilegon", "lapas-tangerang"};
    std::vector<std::string> dbs;
    for (std::size_t i = 0; i < ids.size(); ++i) dbs.push_back(swtest::makeUnit(d, k, ids[i], 0, i + 1));

    for (std::size_t i = 0; i < ids.size(); ++i) takeAtKiosk(dbs[i], 10 + 5 * static_cast<int>(i), 100 + i);
    for (const auto& db : dbs) {
        Store s(db);
        CHECK(sendPending(s, {}).delivered);
    }
    auto r = rollup(k);
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(r[ids[i]] == held(dbs[i]));

    // The second unit loses its connection: what it takes meanwhile waits in its outbox.
    takeAtKiosk(dbs[1], 7, 200);
    {
        Store s(dbs[1]);
        SendOptions offline;
        offline.url = "http://127.0.0.1:1";
        CHECK(sendPending(s, offline).failed == 1);
        CHECK(deliveryStatus(s).pendingResponses == 7);
        CHECK(rollup(k)[ids[1]] == held(dbs[1]) - 7);
        // Connected again: the pending bundle goes, the same bytes.
        CHECK(sendPending(s, {}).added == 7);
    }
    // Everyone sends again: nothing counts twice.
    for (const auto& db : dbs) {
        Store s(db);
        sendPending(s, {});
    }
    r = rollup(k);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(r[ids[i]] == held(dbs[i]));
        total += held(dbs[i]);
    }
    CHECK(k.responses() == total);
}
