// The verification result the Kanwil sends back: accepted only when it is for this unit and signed
// by the Kanwil key the unit trusts. A changed byte anywhere, another Kanwil's key, another unit's
// result, a unit that trusts no Kanwil yet: each refused (exit 5 from the program) with nothing stored.
#include "survey/national/verification_fixture.hpp"

#include "survey/base/error.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_file.hpp"
#include "survey/national/verification_followup.hpp"

#include <catch2/catch.hpp>

using namespace sw;
using swtest::TempDir;

namespace {

struct Kanwil {
    TempDir d;
    std::string db = d.file("kanwil.db");
    std::unique_ptr<AssessorStore> store = openAssessorStore(db, true);
    KanwilKey key = KanwilKey::create(KanwilKey::keyPathFor(db));
    FacilityChecklist c = loadChecklist(defaultChecklistPath());

    std::string unit(const std::string& id) {
        swtest::mergeInto(*store, swtest::unitClaimingAda(d, id));
        Store s(d.file(id + ".db"));
        trustKanwil(s, key.publicKey(), "", false);
        return d.file(id + ".db");
    }
    // The result for `id` with F10 Tidak sesuai, signed by `by`, written to a file.
    std::string result(const std::string& id, const KanwilKey& by) {
        Verification v = parseVerdicts(swtest::verdictsJson(id, {{"F10", {{"verdict", "tidak_sesuai"}, {"note", "Ramp terlalu curam"}}}}),
                                       "v.json", c, id);
        const auto claim = store->facilityClaim(id);
        if (!claim) throw std::runtime_error("no facility claim for " + id);
        v.periodFrom = claim->periodFrom;
        v.periodTo = claim->periodTo;
        const std::string out = d.file(id + "-" + by.fingerprint().substr(0, 4) + ".swv");
        writeVerificationResult(by, verificationPayload(c, *claim, v, by.fingerprint()), out);
        return out;
    }
};

std::size_t stored(const std::string& db) {
    Store s(db);
    return receivedVerifications(s).size();
}

std::optional<BundleError::Kind> importRefusal(const std::string& db, const std::string& file) {
    Store s(db);
    try {
        importVerificationResult(s, file);
    } catch (const BundleError& e) {
        return e.kind;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("a verification result goes from the Kanwil to its unit, once, and its findings become tindak lanjut", "[security][verification]") {
    Kanwil k;
    const std::string unit = k.unit("unit-a");
    const std::string file = k.result("unit-a", k.key);
    Store s(unit);
    const ReceivedVerification r = importVerificationResult(s, file);
    CHECK_FALSE(r.duplicate);
    CHECK(r.kanwilFingerprint == k.key.fingerprint());
    CHECK(r.visitDate == "2026-11-20");
    CHECK(r.payload["verified_score"]["total"].get<double>() == Approx(7000.0 / 75));
    CHECK(importVerificationResult(s, file).duplicate);
    REQUIRE(receivedVerifications(s).size() == 1);
    const auto findings = findingsOf(receivedVerifications(s)[0].payload);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].item == "F10");
    CHECK(findings[0].note == "Ramp terlalu curam");
    CHECK_FALSE(hasFollowUp(s, r, "F10"));
    addFollowUp(s, r, findings[0]);
    CHECK(hasFollowUp(s, r, "F10"));
}

TEST_CASE("a verification result with any byte changed is refused, nothing stored", "[security][verification]") {
    Kanwil k;
    const std::string unit = k.unit("unit-a");
    const std::string bytes = swtest::readFile(k.result("unit-a", k.key));
    Store s(unit);
    int refused = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string bad = bytes;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        try {
            checkVerificationResult(s, bad, "tampered.swv");
        } catch (const BundleError&) {
            ++refused;
        }
    }
    CHECK(refused == static_cast<int>(bytes.size()));
    // Cut short, and through the program as the unit head runs it.
    const std::string cut = k.d.file("cut.swv");
    swtest::writeFile(cut, bytes.substr(0, bytes.size() / 2));
    CHECK(importRefusal(unit, cut) == BundleError::Kind::BadSignature);
    std::string flipped = bytes;
    flipped[bytes.size() - 20] ^= 0x04;
    const std::string bad = k.d.file("bad.swv");
    swtest::writeFile(bad, flipped);
    const auto run = swtest::runCli("verification --db " + unit + " --import " + bad);
    CHECK(run.status == 5);
    CHECK(run.out.find("changed after the Kanwil signed it") != std::string::npos);
    CHECK(stored(unit) == 0);
}

TEST_CASE("a verification result signed by another Kanwil key is refused, nothing stored", "[security][verification]") {
    Kanwil k;
    const std::string unit = k.unit("unit-a");
    const KanwilKey other = KanwilKey::create(k.d.file("other.kanwil-key"));
    CHECK(importRefusal(unit, k.result("unit-a", other)) == BundleError::Kind::KeyMismatch);
    // The trusted fingerprint written over another key's signature: the signature does not match.
    std::string forged = swtest::readFile(k.result("unit-a", other));
    const std::string theirs = other.fingerprint(), ours = k.key.fingerprint();
    forged.replace(forged.find(theirs), theirs.size(), ours);
    const std::string f = k.d.file("forged.swv");
    swtest::writeFile(f, forged);
    CHECK(importRefusal(unit, f) == BundleError::Kind::BadSignature);
    // A unit that trusts no Kanwil yet accepts nothing.
    swtest::fillUnit(k.d.file("fresh.db"), "unit-a", 5, 9);
    CHECK(importRefusal(k.d.file("fresh.db"), k.result("unit-a", k.key)) == BundleError::Kind::KeyMismatch);
    CHECK(stored(unit) == 0);
    CHECK(stored(k.d.file("fresh.db")) == 0);
}

TEST_CASE("another unit's verification result is refused, nothing stored", "[security][verification]") {
    Kanwil k;
    const std::string a = k.unit("unit-a");
    k.unit("unit-b");
    const std::string forB = k.result("unit-b", k.key);
    CHECK(importRefusal(a, forB) == BundleError::Kind::Malformed);
    const auto run = swtest::runCli("verification --db " + a + " --import " + forB);
    CHECK(run.status == 5);
    CHECK(run.out.find("for unit \"unit-b\", not this unit (unit-a)") != std::string::npos);
    CHECK(stored(a) == 0);
    CHECK(swtest::runCli("verification --db " + k.d.file("unit-b.db") + " --import " + forB).status == 0);
    CHECK(stored(k.d.file("unit-b.db")) == 1);
}
