// Delivery on the loopback address: a unit's outbox sends what the Kanwil has not acknowledged, the
// receiver merges it and answers a signed receipt, and nothing is lost or counted twice — a lost
// receipt means the same bytes again, merged once. README "Delivery".
#include "survey/delivery/delivery_helpers.hpp"

#include "survey/base/local_time.hpp"
#include "survey/delivery/http_client.hpp"
#include "survey/delivery/receipt.hpp"
#include "survey/delivery/unit_deliveries.hpp"

#include <catch2/catch.hpp>

using namespace sw;
using swtest::Kanwil;
using swtest::TempDir;

TEST_CASE("A unit's responses reach the Kanwil with a signed receipt, and only the new ones go next time", "[delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-a", 40, 1);
    Store unit(db);
    SendReport r = sendPending(unit, {});
    CHECK(r.acknowledged == 1);
    CHECK(r.added == 40);
    CHECK(r.delivered);
    CHECK(k.responses() == 40);
    DeliveryStatus s = deliveryStatus(unit);
    CHECK(s.pendingResponses == 0);
    CHECK(s.lastDeliveryUtc.has_value());

    swtest::addResponses(db, "kanim-a", 7, 2);
    r = sendPending(unit, {});
    CHECK(r.added == 7);
    CHECK(r.alreadyThere == 0);            // only the new ones travelled
    CHECK(k.responses() == 47);
    // Nothing new and the heartbeat not due: nothing is sent.
    r = sendPending(unit, {});
    CHECK(r.acknowledged == 0);
    CHECK(r.delivered);
    CHECK(unit.db().scalarInt("SELECT count(*) FROM delivery_outbox") == 2);
    CHECK(unit.db().scalarInt("SELECT count(*) FROM delivery_outbox WHERE bundle IS NOT NULL") == 0);
    CHECK(unit.db().scalarInt("SELECT count(*) FROM response") == 47);   // nothing deleted locally
}

TEST_CASE("A bundle whose receipt was lost is sent again as the same bytes and counted once", "[delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-b", 25, 3);
    Store unit(db);
    const UnitKey key = UnitKey::loadOrCreate(unit);
    const auto e = nextOutboxEntry(unit, key, nowUtc(), true);
    REQUIRE(e);
    // The Kanwil merges it, but the answer never reaches the unit.
    const PostResult lost = postBundle(bundleEndpoint(k.url()), e->bytes);
    REQUIRE(lost.status == 200);
    CHECK(k.responses() == 25);
    const SendReport r = sendPending(unit, {});
    CHECK(r.acknowledged == 1);
    CHECK(r.added == 0);
    CHECK(r.alreadyThere == 25);
    CHECK(k.responses() == 25);
    CHECK(unit.db().scalarInt("SELECT count(*) FROM delivery_outbox WHERE state='acknowledged'") == 1);
    CHECK(unit.db().scalarInt("SELECT sha256 = '" + e->sha256 + "' FROM delivery_outbox") == 1);
}

TEST_CASE("A receipt counts only when the trusted Kanwil key signed it for the bytes sent", "[delivery]") {
    TempDir d;
    const KanwilKey kanwil = KanwilKey::create(d.file("k.key"));
    const KanwilKey other = KanwilKey::create(d.file("o.key"));
    Receipt r;
    r.status = Receipt::Status::Merged;
    r.bundleSha256 = sha256Hex("bundle bytes");
    r.unitId = "kanim-c";
    r.responses = r.added = 3;
    const std::string wire = signReceipt(kanwil, r);
    CHECK(verifyReceipt(wire, kanwil.publicKey(), r.bundleSha256, "kanim-c").added == 3);
    CHECK_THROWS_AS(verifyReceipt(signReceipt(other, r), kanwil.publicKey(), r.bundleSha256, "kanim-c"), ReceiptError);
    CHECK_THROWS_AS(verifyReceipt(wire, kanwil.publicKey(), sha256Hex("other bytes"), "kanim-c"), ReceiptError);
    CHECK_THROWS_AS(verifyReceipt(wire, kanwil.publicKey(), r.bundleSha256, "kanim-x"), ReceiptError);
    std::string forged = wire;
    forged.replace(forged.find("\\\"added\\\":3"), 11, "\\\"added\\\":9");
    CHECK_THROWS_AS(verifyReceipt(forged, kanwil.publicKey(), r.bundleSha256, "kanim-c"), ReceiptError);
    CHECK_THROWS_AS(verifyReceipt("<html>proxy error</html>", kanwil.publicKey(), r.bundleSha256, "kanim-c"), ReceiptError);
}

TEST_CASE("Without a connection the bundle stays pending with a backoff, and goes once the Kanwil is back", "[delivery]") {
    TempDir d;
    std::string db;
    std::string url;
    {
        Kanwil k;
        db = swtest::makeUnit(d, k, "kanim-d", 10, 4);
        url = k.url();
    } // the receiver is gone
    Store unit(db);
    SendReport r = sendPending(unit, {});
    CHECK(r.failed == 1);
    CHECK_FALSE(r.delivered);
    DeliveryStatus s = deliveryStatus(unit);
    CHECK(s.pendingResponses == 10);
    CHECK(s.attempts == 1);
    CHECK(*s.nextAttemptUtc > nowUtc() + 20);
    CHECK_FALSE(s.lastError.empty());
    // The timer waits for the backoff; a send by hand does not.
    SendOptions timer;
    timer.ignoreBackoff = false;
    r = sendPending(unit, timer);
    CHECK(r.waitingUntil.has_value());
    CHECK(retryDelaySeconds(1, 0) >= 24);
    CHECK(retryDelaySeconds(20, 0) <= 3600);
}

TEST_CASE("A refusal is shown with its reason, and the responses go once the cause is fixed", "[delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-e", 12, 5, /*enroll=*/false);
    Store unit(db);
    SendReport r = sendPending(unit, {});
    CHECK(r.refused == 1);
    CHECK(k.responses() == 0);
    DeliveryStatus s = deliveryStatus(unit);
    CHECK(s.lastRefusalKind == "not-enrolled");
    CHECK(s.pendingResponses == 12);
    k.enroll("kanim-e", UnitKey::loadOrCreate(unit).fingerprint());
    r = sendPending(unit, {});
    CHECK(r.added == 12);
    CHECK(deliveryStatus(unit).pendingResponses == 0);
    CHECK_FALSE(deliveryStatus(unit).lastRefusalUtc.has_value());   // settled: no longer shown
    CHECK(k.responses() == 12);
}

TEST_CASE("The Kanwil sees per unit the last bundle received and which units are silent", "[delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-f", 4, 6);
    swtest::makeUnit(d, k, "kanim-quiet", 4, 7);   // enrolled, never sends
    Store unit(db);
    sendPending(unit, {});
    Store kanwil(k.db);
    const auto now = nowUtc();
    auto units = unitDeliveries(kanwil, now, 3);
    REQUIRE(units.size() == 2);
    CHECK(units[0].unitId == "kanim-quiet");      // silent first
    CHECK(units[0].silent);
    CHECK_FALSE(units[0].lastBundleUtc.has_value());
    CHECK(units[1].unitId == "kanim-f");
    CHECK_FALSE(units[1].silent);
    CHECK(units[1].responses == 4);
    units = unitDeliveries(kanwil, now + 4 * 86400, 3);
    CHECK(units[0].silent);
    CHECK(units[1].silent);
}
