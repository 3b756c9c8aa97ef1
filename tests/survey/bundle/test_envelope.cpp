// Bundle format 3 (Ed25519ph, verified while streaming) beside formats 1 and 2: every reader
// (in memory, from a file, verify's streamed check, a merge) gives the same verdict, and verify's
// memory does not grow with the bundle.
#include "survey/export/export_helpers.hpp"
#include "survey/bundle/bundle_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/verify_file.hpp"

#include "skip.hpp"

#include <catch2/catch.hpp>

namespace {

struct Unit {
    swtest::TempDir dir;
    std::string bundle; // format 3, as buildBundle writes it
    std::string sealed(std::uint32_t version) const { return swtest::resealed(bundle, key(), version); }
    sw::UnitKey key() const {
        sw::Store s(dir.file("unit.db"));
        return sw::UnitKey::loadOrCreate(s);
    }
    explicit Unit(int responses) {
        swtest::fillUnit(dir.file("unit.db"), "kanim-a", responses, 41);
        sw::Store s(dir.file("unit.db"));
        bundle = sw::buildBundle(s, sw::UnitKey::loadOrCreate(s), sw::BundleOptions{});
    }
};

std::int64_t misuseIn(const sw::Bundle& b) {
    std::int64_t n = 0;
    for (const auto& r : b.responses) n += r.misuse ? 1 : 0;
    return n;
}

std::int64_t mergedResponses(const std::string& db) {
    sw::Store s(db);
    return s.db().scalarInt("SELECT count(*) FROM response");
}

// The three readers of a file agree: the bundle in memory, read from the file, and verify's summary.
void checkAllReaders(const std::string& bytes, const std::string& file, std::uint32_t version, std::size_t responses) {
    swtest::writeFile(file, bytes);
    const sw::Bundle mem = sw::readBundle(bytes);
    const sw::Bundle disk = sw::readBundleFile(file);
    const sw::BundleSummary sum = sw::verifyBundleFile(file);
    for (const sw::Bundle* b : {&mem, &disk, &sum.bundle}) {
        CHECK(b->formatVersion == version);
        CHECK(b->unit.id == "kanim-a");
        CHECK(b->id == sw::bundleIdOf(bytes));
        CHECK(b->fingerprint == mem.fingerprint);
    }
    CHECK(mem.responses.size() == responses);
    CHECK(disk.responses.size() == responses);
    CHECK(sum.responses == static_cast<std::int64_t>(responses));
    CHECK(sum.misuse == misuseIn(mem));
    CHECK(sum.misuse > 0);
}

} // namespace

TEST_CASE("bundle format 3 is written by default and reads back the same in memory, from a file and streamed", "[bundle]") {
    Unit u(300);
    REQUIRE(static_cast<unsigned char>(u.bundle[8]) == 3);
    checkAllReaders(u.bundle, u.dir.file("a.swb"), 3, 300);
    sw::Store kanwil(u.dir.file("kanwil.db"));
    auto results = sw::mergeBundleFiles(kanwil, {u.dir.file("a.swb")}, false, sw::KeyPolicy::EnrollNew);
    REQUIRE(results[0].outcome);
    CHECK(results[0].outcome->added == 300);
    // The same file again: verified, found merged by its id, nothing added.
    auto again = sw::mergeBundleFiles(kanwil, {u.dir.file("a.swb")}, false, sw::KeyPolicy::EnrollNew);
    CHECK(again[0].outcome->alreadyMerged);
    CHECK(mergedResponses(u.dir.file("kanwil.db")) == 300);
}

TEST_CASE("format 2 and format 1 bundles sealed the old way still verify and merge", "[bundle]") {
    Unit u(120);
    const std::string v2 = u.sealed(2);
    REQUIRE(static_cast<unsigned char>(v2[8]) == 2);
    checkAllReaders(v2, u.dir.file("v2.swb"), 2, 120);
    const std::string v1 = u.sealed(1);
    checkAllReaders(v1, u.dir.file("v1.swb"), 1, 120);

    sw::Store kanwil(u.dir.file("kanwil.db"));
    auto results = sw::mergeBundleFiles(kanwil, {u.dir.file("v1.swb"), u.dir.file("v2.swb")}, false, sw::KeyPolicy::EnrollNew);
    REQUIRE(results[0].outcome);
    REQUIRE(results[1].outcome);
    CHECK(results[0].outcome->added == 120);
    CHECK(results[1].outcome->added == 0); // the same responses: one copy per UUID
    CHECK(mergedResponses(u.dir.file("kanwil.db")) == 120);
}

TEST_CASE("a properly signed bundle of an unknown newer format asks for an update, from a file too", "[bundle]") {
    Unit u(5);
    const std::string future = sw::sealBundle(sw::bundlePayload(u.bundle), u.key(), sw::kBundleFormatVersion + 1);
    swtest::writeFile(u.dir.file("future.swb"), future);
    for (auto read : {+[](const std::string& f) { sw::readBundleFile(f); }, +[](const std::string& f) { sw::verifyBundleFile(f); }}) {
        try {
            read(u.dir.file("future.swb"));
            FAIL("a bundle of an unknown format was accepted");
        } catch (const sw::BundleError& e) {
            CHECK(e.kind == sw::BundleError::Kind::NewerVersion);
            CHECK(std::string(e.what()).find("future.swb") != std::string::npos);
        }
    }
}

TEST_CASE("verify's streamed check refuses a bad row deep in a large bundle by the same row number as readBundle", "[bundle]") {
    Unit u(200);
    // ~3 MB: the rows cross several 1 MiB chunks.
    const std::string grown = swtest::grownBundle(u.bundle, 3u << 20, u.key(), 3);
    std::string payload = sw::bundlePayload(grown);
    const std::size_t headEnd = payload.find('\n');
    // The misuse field of row 15,000 becomes "7": signed, but not valid content.
    std::size_t at = headEnd;
    for (int row = 1; row < 15000; ++row) at = payload.find('\n', at + 1);
    std::size_t field = at;
    for (int tab = 0; tab < 12; ++tab) field = payload.find('\t', field + 1);
    REQUIRE((payload[field + 1] == '0' || payload[field + 1] == '1'));
    payload[field + 1] = '7';
    const std::string bad = sw::sealBundle(payload, u.key(), 3);
    swtest::writeFile(u.dir.file("bad-row.swb"), bad);
    std::string inMemory, streamed;
    try {
        sw::readBundle(bad);
    } catch (const sw::BundleError& e) {
        inMemory = e.what();
    }
    try {
        sw::verifyBundleFile(u.dir.file("bad-row.swb"));
    } catch (const sw::BundleError& e) {
        CHECK(e.kind == sw::BundleError::Kind::Malformed);
        streamed = e.what();
    }
    CHECK(inMemory.find("responses row 15000, misuse") != std::string::npos);
    CHECK(streamed.find("responses row 15000, misuse") != std::string::npos);
    CHECK(streamed.find(u.dir.file("bad-row.swb") + ": ") == 0);
}

TEST_CASE("verify's peak memory does not grow with a format-3 bundle, while format 2's does", "[bundle]") {
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed chunks in quarantine (256 MB), so a stream of 1 MiB reads looks
    // like growth: the figure means nothing in that build (.ci/sanitize.sh); the plain build measures it.
    swtest::skipTest("peak memory is not measured under AddressSanitizer (its quarantine keeps freed memory)");
#endif
    Unit u(2000);
    const sw::UnitKey key = u.key();
    const std::string small = u.dir.file("small.swb"), big = u.dir.file("big.swb"), bigV2 = u.dir.file("big-v2.swb");
    // ctest keeps it to 3 vs 40 MB; tests/bench/bundle runs 3 vs 300 MB.
    swtest::writeFile(small, swtest::grownBundle(u.bundle, 3u << 20, key, 3));
    swtest::writeFile(big, swtest::grownBundle(u.bundle, 40u << 20, key, 3));
    swtest::writeFile(bigV2, swtest::grownBundle(u.bundle, 40u << 20, key, 2));
    const swtest::PeakRun s = swtest::verifyPeak(SW_PEAK_RSS_BINARY, SW_CLI_BINARY, small);
    const swtest::PeakRun b = swtest::verifyPeak(SW_PEAK_RSS_BINARY, SW_CLI_BINARY, big);
    const swtest::PeakRun b2 = swtest::verifyPeak(SW_PEAK_RSS_BINARY, SW_CLI_BINARY, bigV2);
    INFO("peak RSS kB: format 3 at 3 MB " << s.peakKb << ", at 40 MB " << b.peakKb << "; format 2 at 40 MB " << b2.peakKb);
    REQUIRE(s.status == 0);
    REQUIRE(b.status == 0);
    REQUIRE(b2.status == 0);
    const long grewKb = b.peakKb - s.peakKb, grewV2Kb = b2.peakKb - s.peakKb;
    CHECK(grewKb < 4 * 1024);      // the 37 MB more cost verify less than 4 MB
    CHECK(grewV2Kb > 35 * 1024);   // and the measure does see a bundle read whole
}
