// Attacks on the Kanwil's receiver (survey/delivery/receiver.hpp), each on the loopback address:
// refused or timed out, nothing merged, and the receiver still serving a well-behaved unit after.
#include "survey/delivery/delivery_helpers.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/delivery/http_client.hpp"
#include "survey/delivery/receipt.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace sw;
using swtest::Kanwil;
using swtest::TempDir;

namespace {

// The receiver still takes a good unit's bundle, and the Kanwil then holds exactly `before` + its n.
void stillServes(Kanwil& k, const TempDir& d, const std::string& id, std::int64_t before) {
    const std::string db = swtest::makeUnit(d, k, id, 5, 99);
    Store unit(db);
    const SendReport r = sendPending(unit, {});
    CHECK(r.acknowledged == 1);
    CHECK(k.responses() == before + 5);
}

std::string bundleOf(const std::string& db) {
    Store s(db);
    return buildBundle(s, UnitKey::loadOrCreate(s), BundleOptions{});
}

Receipt postAndRead(const Kanwil& k, const std::string& bytes, long expectStatus, const std::string& unit) {
    const PostResult p = postBundle(bundleEndpoint(k.url()), bytes);
    REQUIRE(p.transferred);
    CHECK(p.status == expectStatus);
    return verifyReceipt(p.body, k.key->publicKey(), sha256Hex(bytes), unit);
}

} // namespace

TEST_CASE("Delivery: an unenrolled key and a revoked key are refused with a signed reason, nothing merged", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    const std::string stranger = swtest::makeUnit(d, k, "kanim-stranger", 6, 1, /*enroll=*/false);
    const Receipt r1 = postAndRead(k, bundleOf(stranger), 422, "kanim-stranger");
    CHECK(r1.status == Receipt::Status::Refused);
    CHECK(r1.refusalKind == "not-enrolled");
    const std::string revoked = swtest::makeUnit(d, k, "kanim-revoked", 6, 2);
    k.store()->revoke("kanim-revoked");
    const Receipt r2 = postAndRead(k, bundleOf(revoked), 422, "kanim-revoked");
    CHECK(r2.refusalKind == "revoked");
    CHECK(k.responses() == 0);
    stillServes(k, d, "kanim-good", 0);
}

TEST_CASE("Delivery: a replayed old bundle adds nothing", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-replay", 8, 3);
    const std::string old = bundleOf(db);
    CHECK(postAndRead(k, old, 200, "kanim-replay").added == 8);
    swtest::addResponses(db, "kanim-replay", 4, 4);
    Store unit(db);
    sendPending(unit, {});
    CHECK(k.responses() == 12);
    const Receipt again = postAndRead(k, old, 200, "kanim-replay");
    CHECK(again.status == Receipt::Status::AlreadyThere);
    CHECK(again.added == 0);
    CHECK(k.responses() == 12);
}

TEST_CASE("Delivery: one unit's bundle signed with another unit's key is refused", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    swtest::makeUnit(d, k, "kanim-victim", 3, 5);
    const std::string thief = swtest::makeUnit(d, k, "kanim-thief", 3, 6);
    // A store claiming to be the victim, holding the thief's enrolled key.
    const std::string forged = d.file("forged.db");
    swtest::fillUnit(forged, "kanim-victim", 9, 7);
    std::filesystem::copy_file(UnitKey::keyPathFor(thief), UnitKey::keyPathFor(forged));
    const Receipt r = postAndRead(k, bundleOf(forged), 422, "kanim-victim");
    CHECK(r.status == Receipt::Status::Refused);
    CHECK(r.refusalKind == "key-mismatch");
    CHECK(k.responses() == 0);
    stillServes(k, d, "kanim-good", 0);
}

TEST_CASE("Delivery: a truncated upload and a cut connection merge nothing", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-cut", 20, 8);
    const std::string bytes = bundleOf(db);
    // A whole request of a truncated bundle: refused by the envelope check.
    const std::string half = bytes.substr(0, bytes.size() / 2);
    const Receipt r = postAndRead(k, half, 422, "");
    CHECK(r.refusalKind == "truncated");
    // A connection that announces the whole bundle and stops halfway.
    const int fd = swtest::connectTo(k.port);
    REQUIRE(fd >= 0);
    swtest::sendAll(fd, swtest::postHead(bytes.size()) + half);
    ::shutdown(fd, SHUT_WR);
    swtest::readAll(fd, 3);
    ::close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(k.receiver->counters().incomplete >= 1);
    CHECK(k.responses() == 0);
    stillServes(k, d, "kanim-good", 0);
}

TEST_CASE("Delivery: an oversized upload is refused from its Content-Length, before it is read", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    const int fd = swtest::connectTo(k.port);
    REQUIRE(fd >= 0);
    swtest::sendAll(fd, swtest::postHead(1ull << 40));
    const std::string answer = swtest::readAll(fd, 3);
    ::close(fd);
    CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
    // Through the client as well: a bundle above the cap never reaches the merge.
    const std::string db = swtest::makeUnit(d, k, "kanim-big", 3, 9);
    std::string big = bundleOf(db);
    big.resize(static_cast<std::size_t>(swtest::testLimits().maxBundleBytes) + 1, 'x');
    const PostResult p = postBundle(bundleEndpoint(k.url()), big);
    CHECK((!p.transferred || p.status == 413));
    CHECK(k.receiver->counters().tooLarge >= 1);
    CHECK(k.responses() == 0);
    stillServes(k, d, "kanim-good", 0);
}

TEST_CASE("Delivery: slow-loris connections are closed while other units are served", "[security][delivery]") {
    Kanwil k;
    TempDir d;
    // More trickling connections than the receiver has workers: headers, and a body.
    std::vector<int> slow;
    for (int i = 0; i < 6; ++i) {
        const int fd = swtest::connectTo(k.port);
        REQUIRE(fd >= 0);
        swtest::sendAll(fd, i % 2 ? std::string("POST /v1/bundles HTTP/1.1\r\nHost: x\r\n") : swtest::postHead(1 << 20) + "x");
        slow.push_back(fd);
    }
    const auto start = std::chrono::steady_clock::now();
    std::thread trickle([&] {
        for (int s = 0; s < 12; ++s) {
            for (int fd : slow) swtest::sendAll(fd, "X");
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    });
    // A good unit is served meanwhile (it may queue behind the trickling ones until they are closed).
    stillServes(k, d, "kanim-good", 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    trickle.join();
    for (int fd : slow) {
        CHECK(swtest::closedWithin(fd, 5));
        ::close(fd);
    }
    CHECK(k.receiver->counters().closedSlow >= 3);   // the header tricklers, by the watchdog
    CHECK(k.receiver->counters().incomplete >= 3);   // the body tricklers, by the rate check
    CHECK(k.responses() == 5);
}

TEST_CASE("Delivery: a key sending faster than its rate gets 429 and nothing merged", "[security][delivery]") {
    ReceiverLimits l = swtest::testLimits();
    l.bundlesPerMinutePerKey = 1;
    l.burstPerKey = 2;
    Kanwil k(l);
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-fast", 2, 10);
    const std::string bytes = bundleOf(db);
    CHECK(postBundle(bundleEndpoint(k.url()), bytes).status == 200);
    CHECK(postBundle(bundleEndpoint(k.url()), bytes).status == 200);
    const PostResult third = postBundle(bundleEndpoint(k.url()), bundleOf(db));
    CHECK(third.status == 429);
    CHECK(third.retryAfter > 0);
    CHECK(k.receiver->counters().rateLimited == 1);
    stillServes(k, d, "kanim-other", 2);
}

TEST_CASE("Delivery: uploads forged with a unit's public key do not use up that unit's rate", "[security][delivery]") {
    ReceiverLimits l = swtest::testLimits();
    l.bundlesPerMinutePerKey = 1;
    l.burstPerKey = 2;
    Kanwil k(l);
    TempDir d;
    const std::string db = swtest::makeUnit(d, k, "kanim-victim", 3, 11);
    std::string forged = bundleOf(db);
    forged[forged.size() / 2] ^= 1;   // the victim's key in the trailer, a signature that cannot hold
    for (int i = 0; i < 4; ++i) CHECK(postBundle(bundleEndpoint(k.url()), forged).status == 422);
    CHECK(k.receiver->counters().rateLimited == 0);
    Store unit(db);
    CHECK(sendPending(unit, {}).added == 3);
}
