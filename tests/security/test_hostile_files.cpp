// Hostile files and leftovers: bundles that are folders, too large or altered in the header; a
// restore while the kiosk owns the store; temp files of killed runs.
#include "survey/export/export_helpers.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/writer_lock.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

using namespace sw;
using swtest::runCli;
using swtest::TempDir;

namespace {

std::string unitBundle(const TempDir& d, int n) {
    const std::string db = d.file("unit.db");
    swtest::fillUnit(db, "unit-a", n, 21);
    Store s(db);
    const std::string out = d.file("unit.swb");
    exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
    return out;
}

} // namespace

TEST_CASE("a folder, a device or an oversized file is refused as a bundle before it is read", "[security][bundle]") {
    TempDir d;
    auto dir = runCli("verify " + d.path.string());
    CHECK(dir.status == 5);
    CHECK(dir.out.find("is a folder") != std::string::npos);
    CHECK(dir.out.find("bad_alloc") == std::string::npos);
    auto dev = runCli("verify /dev/zero");
    CHECK(dev.status == 5);
    CHECK(dev.out.find("not a regular file") != std::string::npos);
    const std::string b = unitBundle(d, 5);
    auto capped = swtest::runCli("verify " + b);
    CHECK(capped.status == 0);
    ::setenv("SUARAWARGA_MAX_BUNDLE_BYTES", "100", 1);
    auto refused = runCli("verify " + b);
    ::unsetenv("SUARAWARGA_MAX_BUNDLE_BYTES");
    CHECK(refused.status == 5);
    CHECK(refused.out.find("refused unread") != std::string::npos);
}

TEST_CASE("the format version is not trusted before the signature", "[security][bundle]") {
    TempDir d;
    const std::string b = unitBundle(d, 5);
    std::string bytes = swtest::readFile(b);
    bytes[8] = static_cast<char>(bytes[8] + 7); // the version byte, inside the signed header
    swtest::writeFile(d.file("flipped.swb"), bytes);
    try {
        readBundleFile(d.file("flipped.swb"));
        FAIL("an altered header was accepted");
    } catch (const BundleError& e) {
        CHECK(e.kind == BundleError::Kind::BadSignature); // not "update the program"
    }
}

TEST_CASE("restore is refused while the kiosk owns the store, and nothing changes", "[security][backup]") {
    TempDir d;
    const std::string db = d.file("unit.db");
    swtest::fillUnit(db, "unit-a", 5, 22);
    std::filesystem::create_directories(d.file("usb"));
    REQUIRE(runCli("backup --db " + db + " --to " + d.file("usb")).status == 0);
    std::string copy;
    for (const auto& e : std::filesystem::directory_iterator(d.file("usb")))
        if (e.path().extension() == ".db") copy = e.path().string();
    REQUIRE_FALSE(copy.empty());
    // The kiosk: another process holding the store's writer lock.
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t kiosk = ::fork();
    if (kiosk == 0) {
        WriterLock held(db, "the kiosk");
        char c = 'x';
        if (::write(ready[1], &c, 1) != 1) ::_exit(1);
        ::pause();
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    const auto before = std::filesystem::last_write_time(db);
    auto r = runCli("restore --db " + db + " --from " + copy);
    ::kill(kiosk, SIGKILL);
    ::waitpid(kiosk, nullptr, 0);
    INFO(r.out);
    CHECK(r.status == 5);
    CHECK(r.out.find("in use by the kiosk, pid " + std::to_string(kiosk)) != std::string::npos);
    CHECK(std::filesystem::last_write_time(db) == before);
    CHECK_FALSE(std::filesystem::exists(db + ".before-restore"));
    // The kiosk gone (its lock died with it): restore goes ahead.
    CHECK(runCli("restore --db " + db + " --from " + copy).status == 0);
}

TEST_CASE("temp files of a killed export or backup are removed by the next run — a live one is kept", "[security][export]") {
    TempDir d;
    const std::string db = d.file("unit.db");
    swtest::fillUnit(db, "unit-a", 5, 23);
    // A pid that is certainly gone: a child that has exited and been reaped.
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const std::string stale = d.file(".out.csv.sw-tmp-" + std::to_string(dead) + ".AbC123");
    const std::string live = d.file(".out.csv.sw-tmp-" + std::to_string(::getppid()) + ".XyZ789");
    swtest::writeFile(stale, "citizen data");
    swtest::writeFile(live, "still being written");
    REQUIRE(runCli("export --db " + db + " --format csv --out " + d.file("out.csv")).status == 0);
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK(std::filesystem::exists(live));
    CHECK(std::filesystem::exists(d.file("out.csv")));
}
