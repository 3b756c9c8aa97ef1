// The receiver on the national store (PostgreSQL, the tests' own cluster): the same delivery, the
// same refusals, the same once-only count as with a file store.
#include "survey/delivery/delivery_helpers.hpp"
#include "survey/national/pg_cluster.hpp"

#include "survey/base/local_time.hpp"
#include "survey/delivery/http_client.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace sw;
using swtest::TempDir;

TEST_CASE("Delivery into a PostgreSQL store: receipts, a lost receipt counted once, an unenrolled key refused", "[delivery][postgresql]") {
    const std::string url = swtest::PgCluster::shared().newDatabase("delivery_" + std::to_string(getpid()));
    TempDir d;
    auto store = openAssessorStore(url, true);
    const std::string keyPath = d.file("kanwil.key");
    const KanwilKey key = KanwilKey::create(keyPath);
    Receiver receiver(url, keyPath, swtest::testLimits());
    const int port = receiver.bind("127.0.0.1", 0);
    std::thread serving([&] { receiver.run(); });
    const std::string address = "http://127.0.0.1:" + std::to_string(port);

    auto unitDb = [&](const std::string& id, int n, bool enroll) {
        const std::string db = d.file(id + ".db");
        swtest::fillUnit(db, id, n, 11);
        Store s(db);
        trustKanwil(s, key.publicKey(), address, false);
        if (enroll) store->enroll(id, UnitKey::loadOrCreate(s).fingerprint(), id);
        return db;
    };
    {
        Store unit(unitDb("kanim-pg", 30, true));
        const auto e = nextOutboxEntry(unit, UnitKey::loadOrCreate(unit), nowUtc(), true);
        REQUIRE(e);
        CHECK(postBundle(bundleEndpoint(address), e->bytes).status == 200);   // its receipt is lost
        const SendReport r = sendPending(unit, {});
        CHECK(r.acknowledged == 1);
        CHECK(r.alreadyThere == 30);
        CHECK(store->responseCount() == 30);
    }
    {
        Store stranger(unitDb("kanim-stranger", 5, false));
        const SendReport r = sendPending(stranger, {});
        CHECK(r.refused == 1);
        CHECK(deliveryStatus(stranger).lastRefusalKind == "not-enrolled");
        CHECK(store->responseCount() == 30);
    }
    receiver.stop();
    serving.join();
}
