// A bundle's envelope under attack: every changed byte is refused by every reader (in memory, from
// a file, verify's streamed check, merge, the CLI) with the kind that names it; the version is a
// claim until the signature holds; a file that is not whole or too large is refused before its
// payload is read (counted in /proc/self/io).
#include "survey/export/export_helpers.hpp"
#include "survey/bundle/bundle_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/verify_file.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

using namespace sw;
using K = BundleError::Kind;

namespace {

struct Sealed {
    swtest::TempDir dir;
    std::string v3, v2;
    Sealed() {
        swtest::fillUnit(dir.file("unit.db"), "unit-a", 2000, 51);
        Store s(dir.file("unit.db"));
        const UnitKey key = UnitKey::loadOrCreate(s);
        v3 = buildBundle(s, key, BundleOptions{});
        v2 = swtest::resealed(v3, key, 2);
    }
};

template <class Read>
K refusedAs(Read&& read) {
    try {
        read();
    } catch (const BundleError& e) {
        return e.kind;
    }
    FAIL("accepted");
    return K::Malformed;
}

// Every reader refuses `bytes` with `want`, naming the file; the CLI exits 5 with its name.
void refusedEverywhere(const Sealed& s, const std::string& bytes, K want, const std::string& name) {
    const std::string file = s.dir.file(name);
    swtest::writeFile(file, bytes);
    INFO(name);
    CHECK(refusedAs([&] { readBundle(bytes); }) == want);
    CHECK(refusedAs([&] { readBundleFile(file); }) == want);
    CHECK(refusedAs([&] { verifyBundleFile(file); }) == want);
    const auto cli = swtest::runCli("verify " + file);
    CHECK(cli.status == 5);
    CHECK(cli.out.find(std::string("(") + bundleErrorName(want) + "): " + file) != std::string::npos);
}

std::string withLength(std::string bytes, std::uint64_t length) {
    for (int i = 0; i < 8; ++i) bytes[12 + static_cast<std::size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xff);
    return bytes;
}

std::string flipped(std::string bytes, std::size_t at) {
    bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
    return bytes;
}

// Bytes this process has read through read()/pread() so far (/proc/self/io "rchar").
long long bytesRead() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0;
    while (io >> key >> value)
        if (key == "rchar:") return value;
    return -1;
}

// Bytes `run` reads, less what reading /proc/self/io itself costs.
template <class Run>
long long bytesReadBy(Run&& run) {
    const long long a = bytesRead(), b = bytesRead();
    if (a < 0) swtest::skipTest("/proc/self/io is not available: cannot count the bytes read");
    run();
    const long long c = bytesRead();
    return (c - b) - (b - a);
}

} // namespace

TEST_CASE("a flipped byte in header, payload, key or signature is refused by every reader with its kind, nothing merged", "[security][bundle]") {
    Sealed s;
    std::vector<std::string> files;
    for (const std::string* bytes : {&s.v3, &s.v2}) {
        const std::string v = std::to_string(static_cast<int>((*bytes)[8]));
        const std::size_t n = bytes->size(), length = n - 20 - 96;
        const std::vector<std::tuple<std::string, std::string, K>> cases = {
            {"magic", flipped(*bytes, 3), K::NotABundle},
            {"version", flipped(*bytes, 8), K::BadSignature},
            {"version-high-byte", flipped(*bytes, 11), K::BadSignature},
            {"length-longer", withLength(*bytes, length + 1), K::Truncated},
            {"length-shorter", withLength(*bytes, length - 1), K::Malformed},
            {"payload-first", flipped(*bytes, 20), K::BadSignature},
            {"payload-middle", flipped(*bytes, 20 + length / 2), K::BadSignature},
            {"payload-last", flipped(*bytes, 20 + length - 1), K::BadSignature},
            {"key", flipped(*bytes, n - 96 + 7), K::BadSignature},
            {"signature", flipped(*bytes, n - 1), K::BadSignature},
        };
        for (const auto& [what, bad, kind] : cases) {
            const std::string name = "v" + v + "-" + what + ".swb";
            refusedEverywhere(s, bad, kind, name);
            files.push_back(s.dir.file(name));
        }
    }
    Store kanwil(s.dir.file("kanwil.db"));
    const auto results = mergeBundleFiles(kanwil, files, false, KeyPolicy::EnrollNew);
    for (const auto& r : results) {
        INFO(r.file);
        CHECK_FALSE(r.outcome);
        CHECK(r.error.find(r.file) == 0);
    }
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM response") == 0);
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM merged_bundle") == 0);
}

TEST_CASE("an unknown or changed format version reads as a bad signature, never as update the program", "[security][bundle]") {
    Sealed s;
    for (const std::string* bytes : {&s.v3, &s.v2}) {
        for (std::uint32_t version : {0u, 1u, 2u, 3u, 4u, 5u, 9u, 0x80u, 0xffu, 0x100u, 0x7fffffffu, 0xffffffffu}) {
            std::string bad = *bytes;
            const std::uint32_t was = static_cast<unsigned char>(bad[8]);
            if (version == was) continue;
            for (int i = 0; i < 4; ++i) bad[8 + static_cast<std::size_t>(i)] = static_cast<char>((version >> (8 * i)) & 0xff);
            refusedEverywhere(s, bad, K::BadSignature, "v" + std::to_string(was) + "-as-" + std::to_string(version) + ".swb");
        }
    }
}

TEST_CASE("a truncated file or one with trailing bytes is refused before its payload is read", "[security][bundle]") {
    Sealed s;
    REQUIRE(s.v3.size() > 200000);
    const std::vector<std::tuple<std::string, std::string, K>> cases = {
        {"cut-1", s.v3.substr(0, s.v3.size() - 1), K::Truncated},
        {"cut-signature", s.v3.substr(0, s.v3.size() - 96), K::SignatureMissing},
        {"cut-half", s.v3.substr(0, s.v3.size() / 2), K::Truncated},
        {"cut-header", s.v3.substr(0, 15), K::Truncated},
        {"junk", s.v3 + "trailing junk", K::Malformed},
        {"appended-copy", s.v3 + s.v3, K::Malformed},
    };
    for (const auto& [what, bad, kind] : cases) {
        const std::string file = s.dir.file(what + ".swb");
        swtest::writeFile(file, bad);
        refusedEverywhere(s, bad, kind, what + ".swb");
        INFO(what);
        // Only the 20-byte header is read before the sizes disagree.
        const long long streamed = bytesReadBy([&] { refusedAs([&] { verifyBundleFile(file); }); });
        const long long whole = bytesReadBy([&] { refusedAs([&] { readBundleFile(file); }); });
        CHECK(streamed <= 32);
        CHECK(whole <= 32);
    }
}

TEST_CASE("a file over the size cap is refused before a byte of it is read", "[security][bundle]") {
    Sealed s;
    const std::string file = s.dir.file("big.swb");
    swtest::writeFile(file, s.v3);
    ::setenv("SUARAWARGA_MAX_BUNDLE_BYTES", "100000", 1);
    long long read = -1;
    K kind = K::NotABundle;
    read = bytesReadBy([&] { kind = refusedAs([&] { verifyBundleFile(file); }); });
    const long long readWhole = bytesReadBy([&] { refusedAs([&] { readBundleFile(file); }); });
    Store kanwil(s.dir.file("kanwil.db"));
    const auto merged = mergeBundleFiles(kanwil, {file}, false, KeyPolicy::EnrollNew);
    const auto cli = swtest::runCli("verify " + file);
    ::unsetenv("SUARAWARGA_MAX_BUNDLE_BYTES");
    CHECK(kind == K::Malformed);
    CHECK(read < 8);
    CHECK(readWhole < 8);
    CHECK_FALSE(merged[0].outcome);
    CHECK(merged[0].error.find("refused unread") != std::string::npos);
    CHECK(cli.status == 5);
    CHECK(cli.out.find("refused unread") != std::string::npos);
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM response") == 0);
}

TEST_CASE("a file changed after its signature was checked is caught: the second pass hashes what it reads", "[security][bundle]") {
    Sealed s;
    const std::string file = s.dir.file("a.swb");
    swtest::writeFile(file, s.v3);
    const EnvelopeFile open(file);
    const VerifiedEnvelope v = verifyEnvelopeFile(open);
    CHECK(PayloadReader(open).finish() == v.id);
    {
        std::FILE* f = std::fopen(file.c_str(), "r+b"); // changed in place: same inode, same size
        REQUIRE(f);
        std::fseek(f, static_cast<long>(s.v3.size() / 2), SEEK_SET);
        std::fputc(s.v3[s.v3.size() / 2] ^ 0x01, f);
        std::fclose(f);
    }
    CHECK(PayloadReader(open).finish() != v.id);
    CHECK(refusedAs([&] { verifyBundleFile(file); }) == K::BadSignature);
}
