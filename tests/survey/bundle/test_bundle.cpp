// Signed bundles: round trip through verify and merge, and every way a bundle can be bad is
// refused with a clear message and nothing merged.
#include "survey/export/export_helpers.hpp"
#include "survey/bundle/bundle_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/statistik.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sys/stat.h>

namespace {

std::string bundleOf(const std::string& db, const sw::ResponseFilter& f = {}) {
    sw::Store store(db);
    sw::UnitKey key = sw::UnitKey::loadOrCreate(store);
    sw::BundleOptions o;
    o.filter = f;
    o.facility = sw::facilityForBundle(store, f);
    o.extra = sw::unitExtraForBundle(store, f);
    return sw::buildBundle(store, key, o);
}

std::int64_t responsesIn(const std::string& db) {
    sw::Store s(db);
    sw::ResponseFilter all;
    all.includeMisuse = true;
    return s.countResponses(all);
}

sw::BundleError::Kind kindOf(const std::string& bytes) {
    try {
        sw::readBundle(bytes);
    } catch (const sw::BundleError& e) {
        return e.kind;
    }
    FAIL("the bundle was accepted");
    return sw::BundleError::Kind::Malformed;
}

} // namespace

TEST_CASE("export, verify, merge, report: the assessor sees the unit's own figures", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 600, 11, 480);
    swtest::fillUnit(dir.file("b.db"), "kanim-b", 300, 12);
    const std::string ba = bundleOf(dir.file("a.db")), bb = bundleOf(dir.file("b.db"));

    sw::Bundle a = sw::readBundle(ba);
    CHECK(a.unit.id == "kanim-a");
    CHECK(a.unit.utcOffsetMinutes == 480);
    CHECK(a.responses.size() == 600); // misuse included, flagged
    {
        sw::Store unit(dir.file("a.db"));
        CHECK(a.fingerprint == unit.setting("signing.fingerprint"));
        CHECK(a.fingerprint == sw::UnitKey::loadOrCreate(unit).fingerprint());
    }

    const std::string assessorDb = dir.file("kanwil.db");
    sw::Store kanwil(assessorDb);
    sw::MergeOutcome ma = sw::mergeBundle(kanwil, a, "", sw::KeyPolicy::EnrollNew);
    CHECK(ma.added == 600);
    CHECK(ma.pinnedNow);
    sw::MergeOutcome mb = sw::mergeBundle(kanwil, sw::readBundle(bb), "", sw::KeyPolicy::EnrollNew);
    CHECK(mb.added == 300);

    // The same figures as the unit computes for itself (misuse left out on both sides).
    for (const char* id : {"kanim-a", "kanim-b"}) {
        sw::Store unit(dir.file(std::string(id) == "kanim-a" ? "a.db" : "b.db"));
        sw::Instrument in = *unit.latestInstrument();
        sw::SkmResult own = sw::skmFor(unit, in, sw::ResponseFilter{});
        sw::ResponseFilter f;
        f.unitId = id;
        sw::SkmResult merged = sw::skmFor(kanwil, in, f);
        CHECK(merged.respondents == own.respondents);
        CHECK(merged.ikmUnit == Approx(own.ikmUnit).epsilon(1e-12));
        for (std::size_t i = 0; i < own.unsur.size(); ++i) {
            CHECK(merged.unsur[i].sum == own.unsur[i].sum);
            CHECK(merged.unsur[i].n == own.unsur[i].n);
        }
        CHECK(sw::aksesibilitasFor(kanwil, in, f).index == Approx(sw::aksesibilitasFor(unit, in, sw::ResponseFilter{}).index));
        CHECK(sw::rentanGapFor(kanwil, in, f).ikmGap == Approx(sw::rentanGapFor(unit, in, sw::ResponseFilter{}).ikmGap));
    }
    // Responses keep their UUIDs.
    CHECK(kanwil.hasUuid(std::string(a.responses.front().uuid)));
    CHECK(kanwil.hasUuid(std::string(a.responses.back().uuid)));
    CHECK(sw::enrolledKey(kanwil, "kanim-a")->fingerprint == a.fingerprint);
}

TEST_CASE("merging is idempotent: the same bundle twice adds nothing — overlaps keep one copy", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 200, 5);
    const std::string whole = bundleOf(dir.file("a.db"));
    sw::Store kanwil(dir.file("kanwil.db"));
    CHECK(sw::mergeBundle(kanwil, sw::readBundle(whole), "", sw::KeyPolicy::EnrollNew).added == 200);
    sw::MergeOutcome again = sw::mergeBundle(kanwil, sw::readBundle(whole), "", sw::KeyPolicy::EnrollNew);
    CHECK(again.alreadyMerged);
    CHECK(again.added == 0);
    CHECK(responsesIn(dir.file("kanwil.db")) == 200);

    // More responses later, then a bundle of everything: only the new ones go in.
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 50, 6);
    sw::MergeOutcome later = sw::mergeBundle(kanwil, sw::readBundle(bundleOf(dir.file("a.db"))), "", sw::KeyPolicy::EnrollNew);
    CHECK_FALSE(later.alreadyMerged);
    CHECK(later.responses == 250);
    CHECK(later.added == 50);
    CHECK(responsesIn(dir.file("kanwil.db")) == 250);
}

TEST_CASE("a changed byte anywhere is refused and nothing is merged", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 30, 9);
    const std::string good = bundleOf(dir.file("a.db"));
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> at(8, good.size() - 1);
    std::vector<std::size_t> positions = {12, 20, 40, good.size() / 2, good.size() - 97, good.size() - 64, good.size() - 1};
    for (int i = 0; i < 40; ++i) positions.push_back(at(rng));
    sw::Store kanwil(dir.file("kanwil.db"));
    for (std::size_t pos : positions) {
        std::string bad = good;
        bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
        INFO("flipped byte " << pos << " of " << good.size());
        auto k = kindOf(bad);
        // Bytes 8..19 are the header (version / length), refused by their own checks or the signature.
        if (pos >= 20) CHECK(k == sw::BundleError::Kind::BadSignature);
    }
    try {
        std::string bad = good;
        bad[good.size() / 2] ^= 0x20;
        sw::readBundle(bad);
    } catch (const sw::BundleError& e) {
        CHECK(std::string(e.what()).find("changed after it was signed") != std::string::npos);
    }
    CHECK(responsesIn(dir.file("kanwil.db")) == 0);
}

TEST_CASE("truncated, unsigned, newer-format and foreign files are each refused by name", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 10, 2);
    const std::string good = bundleOf(dir.file("a.db"));
    using K = sw::BundleError::Kind;
    CHECK(kindOf(good.substr(0, good.size() - 96)) == K::SignatureMissing);
    CHECK(kindOf(good.substr(0, good.size() - 1)) == K::Truncated);
    CHECK(kindOf(good.substr(0, good.size() - 50)) == K::Truncated);
    CHECK(kindOf(good.substr(0, good.size() / 2)) == K::Truncated);
    CHECK(kindOf(good.substr(0, 15)) == K::Truncated);
    CHECK(kindOf(good + "x") == K::Malformed);
    CHECK(kindOf("PK\x03\x04 a zip file") == K::NotABundle);
    CHECK(kindOf("") == K::NotABundle);
    // The version byte is inside the signed bytes: changed after signing, it is a bad signature,
    // never "update the program".
    std::string newer = good;
    newer[8] = static_cast<char>(sw::kBundleFormatVersion + 1);
    CHECK(kindOf(newer) == K::BadSignature);
    // A properly signed bundle from a future format is refused by name, not misread.
    {
        sw::Store store(dir.file("a.db"));
        std::string future = sw::sealBundle(sw::bundlePayload(good), sw::UnitKey::loadOrCreate(store), sw::kBundleFormatVersion + 1);
        CHECK(kindOf(future) == K::NewerVersion);
        sw::Store kanwil(dir.file("kanwil.db"));
        try {
            sw::mergeBundle(kanwil, sw::readBundle(future), "", sw::KeyPolicy::EnrollNew);
        } catch (const sw::BundleError&) {
        }
        sw::ResponseFilter all;
        all.includeMisuse = true;
        CHECK(kanwil.countResponses(all) == 0);
    }
    try {
        sw::readBundle(good.substr(0, good.size() - 96));
    } catch (const sw::BundleError& e) {
        CHECK(std::string(e.what()).find("no signature") != std::string::npos);
    }
}

TEST_CASE("with --enroll-new a unit's first bundle enrolls its key — another key for that unit is refused", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 20, 1);
    swtest::fillUnit(dir.file("impostor.db"), "kanim-a", 20, 2); // same unit id, its own new key
    sw::Store kanwil(dir.file("kanwil.db"));
    sw::mergeBundle(kanwil, sw::readBundle(bundleOf(dir.file("a.db"))), "", sw::KeyPolicy::EnrollNew);
    sw::Bundle other = sw::readBundle(bundleOf(dir.file("impostor.db")));
    try {
        sw::mergeBundle(kanwil, other, "", sw::KeyPolicy::EnrollNew);
        FAIL("merged a bundle signed by another key");
    } catch (const sw::BundleError& e) {
        CHECK(e.kind == sw::BundleError::Kind::KeyMismatch);
        CHECK(std::string(e.what()).find("enrolled with key") != std::string::npos);
    }
    CHECK(responsesIn(dir.file("kanwil.db")) == 20);
}

TEST_CASE("the signing key: 0600 file beside the database, recorded fingerprint, never silently replaced", "[export]") {
    swtest::TempDir dir;
    const std::string db = dir.file("unit.db");
    std::string fp;
    {
        sw::Store store(db);
        sw::setUpDemo(store);
        sw::UnitKey k = sw::UnitKey::loadOrCreate(store);
        fp = k.fingerprint();
        CHECK(store.setting("signing.fingerprint") == fp);
        CHECK(sw::UnitKey::loadOrCreate(store).fingerprint() == fp); // loaded, not regenerated
    }
    struct stat st {};
    REQUIRE(::stat(sw::UnitKey::keyPathFor(db).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // "AAAA BBBB …": eight groups of four upper-case hex digits.
    CHECK(fp.size() == 39);
    CHECK(sw::normalizeFingerprint("  " + fp + " ") == fp);
    std::string compact;
    for (char c : fp)
        if (c != ' ') compact += static_cast<char>(std::tolower(c));
    CHECK(sw::normalizeFingerprint(compact) == fp);
    CHECK(sw::normalizeFingerprint("not a key").empty());

    std::filesystem::remove(sw::UnitKey::keyPathFor(db));
    sw::Store store(db);
    CHECK_THROWS_WITH(sw::UnitKey::loadOrCreate(store), Catch::Contains("missing"));
}

TEST_CASE("the bundle reader survives arbitrary bytes", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 5, 2);
    const std::string good = bundleOf(dir.file("a.db"));
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 300; ++i) {
        std::string s = i % 3 == 0 ? good.substr(0, static_cast<std::size_t>(rng() % good.size())) : good;
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits && !s.empty(); ++e) s[rng() % s.size()] = static_cast<char>(byte(rng));
        if (i % 5 == 0 && s.size() >= 20) s.replace(12, 8, std::string(8, '\xff')); // an absurd length
        try {
            sw::readBundle(s);
        } catch (const sw::BundleError&) {
        }
    }
    SUCCEED("no crash, only BundleError");
}

TEST_CASE("a format-1 bundle (JSON responses) from an older SuaraWarga still verifies and merges", "[export][bundle]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 120, 21);
    const std::string current = bundleOf(dir.file("a.db"));
    const sw::Bundle b = sw::readBundle(current);
    // The payload as format 1 wrote it: one JSON document with the responses inside.
    sw::Store unit(dir.file("a.db"));
    const std::string old = swtest::resealed(current, sw::UnitKey::loadOrCreate(unit), 1);

    const sw::Bundle read = sw::readBundle(old);
    CHECK(read.formatVersion == 1);
    REQUIRE(read.responses.size() == 120);
    CHECK(read.responses[7].skm == b.responses[7].skm);
    CHECK(read.responses[7].profile == b.responses[7].profile);
    CHECK(read.responses[7].rentan == b.responses[7].rentan);
    sw::Store kanwil(dir.file("kanwil.db"));
    CHECK(sw::mergeBundle(kanwil, read, "", sw::KeyPolicy::EnrollNew).added == 120);
    // The same responses in the current format add nothing more: one copy per UUID.
    CHECK(sw::mergeBundle(kanwil, b, "", sw::KeyPolicy::EnrollNew).added == 0);
    sw::Instrument in = *unit.latestInstrument();
    sw::ResponseFilter mine;
    mine.unitId = "kanim-a";
    CHECK(sw::skmFor(kanwil, in, mine).ikmUnit == Approx(sw::skmFor(unit, in, {}).ikmUnit).epsilon(1e-12));
}

TEST_CASE("merging many files: a bad one in the middle is refused whole, the rest go in, indexes rebuilt", "[export][bundle]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 300, 31);
    swtest::fillUnit(dir.file("b.db"), "kanim-b", 200, 32, 480);
    swtest::fillUnit(dir.file("c.db"), "kanim-c", 100, 33, 540);
    std::string bad = bundleOf(dir.file("b.db"));
    bad[bad.size() / 2] ^= 0x20;
    const std::vector<std::string> files = {dir.file("a.swb"), dir.file("b.swb"), dir.file("c.swb")};
    swtest::writeFile(files[0], bundleOf(dir.file("a.db")));
    swtest::writeFile(files[1], bad);
    swtest::writeFile(files[2], bundleOf(dir.file("c.db")));

    for (bool bulk : {true, false}) {
        const std::string db = dir.file(bulk ? "bulk.db" : "plain.db");
        sw::Store kanwil(db);
        const std::int64_t indexesBefore =
            kanwil.db().scalarInt("SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='response'");
        auto results = sw::mergeBundleFiles(kanwil, files, bulk, sw::KeyPolicy::EnrollNew);
        REQUIRE(results.size() == 3);
        CHECK(results[0].outcome->added == 300);
        CHECK_FALSE(results[1].outcome);
        CHECK(results[1].error.find("b.swb") != std::string::npos);
        CHECK(results[1].error.find("changed") != std::string::npos);
        CHECK(results[2].outcome->added == 100);
        CHECK(responsesIn(db) == 400);
        CHECK(kanwil.db().scalarInt("SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='response'") ==
              indexesBefore);
        CHECK(kanwil.db().scalarText("PRAGMA integrity_check") == "ok");
        CHECK(kanwil.db().scalarText("PRAGMA journal_mode") == "wal");
        CHECK(kanwil.db().scalarInt("PRAGMA foreign_keys") == 1);
        sw::ResponseFilter c;
        c.unitId = "kanim-c";
        c.includeMisuse = true;
        CHECK(kanwil.countResponses(c) == 100);
        // Again: every bundle already merged, nothing added, the bad one still refused.
        auto again = sw::mergeBundleFiles(kanwil, files, bulk, sw::KeyPolicy::EnrollNew);
        CHECK(again[0].outcome->alreadyMerged);
        CHECK(again[2].outcome->alreadyMerged);
        CHECK_FALSE(again[1].outcome);
        CHECK(responsesIn(db) == 400);
    }
}
