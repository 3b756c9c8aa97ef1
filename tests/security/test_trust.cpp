// Trust: real unit identities, enrolled keys, UUID ownership, and inputs treated as hostile.
// Each attack is run as an attacker would (mostly through the program itself) and must be
// refused with its exit code and a message naming what and where, with nothing written.
#include "survey/export/export_helpers.hpp"

#include "survey/base/csv.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/export/csv.hpp"
#include "survey/store/scan.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

using namespace sw;
using swtest::runCli;
using swtest::TempDir;

namespace {

const char* const kInit = " --name 'Kantor Imigrasi Serang' --instansi 'Kementerian Imigrasi' --kabupaten 'Kabupaten Serang'"
                          " --kode-wilayah 36.04 --province Banten --zone WIB";

std::string fingerprintOf(const std::string& db) {
    Store s(db);
    return UnitKey::loadOrCreate(s).fingerprint();
}

// A unit store with `n` responses and its signed bundle.
std::string unitBundle(const TempDir& d, const std::string& id, int n, std::uint64_t seed) {
    const std::string db = d.file(id + ".db");
    swtest::fillUnit(db, id, n, seed);
    Store s(db);
    const std::string out = d.file(id + ".swb");
    exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
    return out;
}

} // namespace

TEST_CASE("init gives a unit its own identity and key — bad ids and codes are refused by name", "[security][trust]") {
    TempDir d;
    const std::string db = d.file("serang.db");
    auto r = runCli("init --db " + db + " --id kanim-serang" + kInit);
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("kanim-serang") != std::string::npos);
    const std::string fp = fingerprintOf(db);
    CHECK(r.out.find(fp) != std::string::npos);
    auto k = runCli("key --db " + db);
    CHECK(k.status == 0);
    CHECK(k.out.find(fp) != std::string::npos);
    {
        Store s(db);
        CHECK(s.unit()->kodeWilayah == "36.04");
        CHECK(s.unit()->id == "kanim-serang");
    }
    auto bad = runCli("init --db " + d.file("x.db") + " --id 'Kanim/Serang'" + kInit);
    CHECK(bad.status == 2);
    CHECK(bad.out.find("id:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(d.file("x.db")));
    auto code = runCli("init --db " + d.file("y.db") + " --id kanim-serang --kode-wilayah 3604 --name a --instansi b"
                       " --kabupaten c --province d --zone WIB");
    CHECK(code.status == 2);
    CHECK(code.out.find("kode_wilayah") != std::string::npos);
}

TEST_CASE("a unit's id cannot change once it has responses", "[security][trust]") {
    TempDir d;
    const std::string db = d.file("u.db");
    swtest::fillUnit(db, "kanim-serang", 5, 1);
    auto r = runCli("init --db " + db + " --id kanim-cilegon" + kInit);
    CHECK(r.status == 2);
    CHECK(r.out.find("cannot change") != std::string::npos);
    Store s(db);
    CHECK(s.unit()->id == "kanim-serang");
}

TEST_CASE("merge refuses a key that is not enrolled — enroll by fingerprint, then it merges", "[security][trust]") {
    TempDir d;
    const std::string b = unitBundle(d, "unit-a", 20, 3);
    const std::string kanwil = d.file("kanwil.db");
    auto refused = runCli("merge --into " + kanwil + " " + b);
    INFO(refused.out);
    CHECK(refused.status == 5);
    CHECK(refused.out.find("not enrolled") != std::string::npos);
    CHECK(refused.out.find("unit-a") != std::string::npos);
    {
        Store k(kanwil);
        CHECK(k.countResponses({}) == 0);
    }
    auto enrolled = runCli("enroll --db " + kanwil + " --unit unit-a --key '" + fingerprintOf(d.file("unit-a.db")) + "'");
    CHECK(enrolled.status == 0);
    auto merged = runCli("merge --into " + kanwil + " " + b);
    INFO(merged.out);
    CHECK(merged.status == 0);
    CHECK(merged.out.find("MERGED") != std::string::npos);
}

TEST_CASE("another key for an enrolled unit is refused — a revoked key is never trusted again", "[security][trust]") {
    TempDir d;
    const std::string genuine = unitBundle(d, "unit-a", 10, 4);
    TempDir other; // the same unit id, an attacker's own key
    const std::string forged = unitBundle(other, "unit-a", 10, 5);
    const std::string kanwil = d.file("kanwil.db");
    REQUIRE(runCli("enroll --db " + kanwil + " --unit unit-a --key '" + fingerprintOf(d.file("unit-a.db")) + "'").status == 0);
    auto r = runCli("merge --into " + kanwil + " --enroll-new " + forged);
    CHECK(r.status == 5);
    CHECK(r.out.find("enrolled with key") != std::string::npos);
    REQUIRE(runCli("merge --into " + kanwil + " " + genuine).status == 0);
    REQUIRE(runCli("enroll --db " + kanwil + " --revoke --unit unit-a").status == 0);
    swtest::fillUnit(d.file("unit-a.db"), "unit-a", 2, 99); // the unit's next bundle, same (now revoked) key
    {
        Store s(d.file("unit-a.db"));
        exportBundle(s, UnitKey::loadOrCreate(s), d.file("next.swb"), BundleOptions{});
    }
    auto again = runCli("merge --into " + kanwil + " --enroll-new " + d.file("next.swb"));
    CHECK(again.status == 5);
    CHECK(again.out.find("revoked") != std::string::npos);
}

TEST_CASE("a bundle that repeats another unit's response UUID is refused whole, naming both units", "[security][trust]") {
    TempDir d;
    const std::string bx = unitBundle(d, "unit-x", 10, 6);
    // Unit Y copies one of X's responses (its UUID) into its own store and signs it with its key.
    const std::string dbY = d.file("unit-y.db");
    swtest::fillUnit(dbY, "unit-y", 5, 7);
    {
        Store x(d.file("unit-x.db"));
        Response stolen;
        forEachResponse(x, {}, [&](const Response& r) {
            stolen = r;
            return false;
        });
        stolen.unitId = "unit-y";
        Store y(dbY);
        y.append(stolen);
        exportBundle(y, UnitKey::loadOrCreate(y), d.file("unit-y.swb"), BundleOptions{});
    }
    Store kanwil(d.file("kanwil.db"));
    REQUIRE(mergeBundle(kanwil, readBundleFile(bx), "", KeyPolicy::EnrollNew).added == 10);
    try {
        mergeBundle(kanwil, readBundleFile(d.file("unit-y.swb")), "", KeyPolicy::EnrollNew);
        FAIL("the bundle was merged");
    } catch (const BundleError& e) {
        CHECK(e.kind == BundleError::Kind::Ownership);
        CHECK(std::string(e.what()).find("unit-x") != std::string::npos);
        CHECK(std::string(e.what()).find("unit-y") != std::string::npos);
    }
    ResponseFilter onlyY;
    onlyY.unitId = "unit-y";
    CHECK(kanwil.countResponses(onlyY) == 0); // nothing of Y's bundle stayed
}

TEST_CASE("names from data never become paths: evidence file names are plain and created exclusively", "[security]") {
    for (const char* evil : {"../../etc/passwd", "/etc/shadow", "..", ".bashrc", "a/b\\c", "\x1b[31mred", "-rf"}) {
        const std::string n = safeFileName(evil);
        INFO(n);
        CHECK(n.find('/') == std::string::npos);
        CHECK(n.find("..") == std::string::npos);
        CHECK(n.front() != '.');
        CHECK(n.front() != '-');
        CHECK(textProblem(n, 200).empty());
    }
    CHECK(safeFileName(std::string(5000, 'a')).size() <= 100);
    TempDir d;
    const int dir = ::open(d.path.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(dir >= 0);
    std::filesystem::create_symlink("/etc/hostname", d.file("link"));
    CHECK_THROWS_AS(writeNewFileIn(dir, d.path.string(), "link", "x"), ExportError);
    writeNewFileIn(dir, d.path.string(), "ok.pdf", "data");
    CHECK_THROWS_AS(writeNewFileIn(dir, d.path.string(), "ok.pdf", "other"), ExportError); // never replaced
    CHECK(swtest::readFile(d.file("ok.pdf")) == "data");
    ::close(dir);
}

TEST_CASE("export never writes over the store, its journal or its key", "[security]") {
    TempDir d;
    const std::string db = d.file("u.db");
    swtest::fillUnit(db, "unit-a", 5, 8);
    fingerprintOf(db); // makes the key
    for (const std::string& target : {db, db + ".signing-key"}) {
        const auto before = std::filesystem::file_size(target);
        auto r = runCli("export --db " + db + " --format csv --out " + target);
        INFO(r.out);
        CHECK(r.status == 2);
        CHECK(r.out.find("refused") != std::string::npos);
        CHECK(std::filesystem::file_size(target) == before);
    }
    std::filesystem::create_symlink(db, d.file("alias.csv"));
    CHECK(runCli("export --db " + db + " --format csv --out " + d.file("alias.csv")).status == 2);
}

TEST_CASE("read-only commands create nothing: a missing store is 'no such database' (exit 4)", "[security]") {
    TempDir d;
    const std::string missing = d.file("no/such/dir/x.db");
    auto r = runCli("report --db " + missing);
    CHECK(r.status == 4);
    CHECK(r.out.find("no such database") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(d.file("no")));
    const std::string b = unitBundle(d, "unit-a", 3, 9);
    auto v = runCli("verify " + b + " --trusted " + d.file("typo.db"));
    CHECK(v.status == 4);
    CHECK_FALSE(std::filesystem::exists(d.file("typo.db")));
    auto k = runCli("key --db " + d.file("none.db"));
    CHECK(k.status == 4);
    CHECK_FALSE(std::filesystem::exists(d.file("none.db")));
    // A PostgreSQL address is never taken for a file name (no "postgresql:" folder appears), and one
    // that cannot be reached is a store error before the output folder is made.
    const std::string unreachable = "'postgresql://nobody@/kanwil?host=" + d.file("no-server") + "'";
    auto e = runCli("evidence --db " + unreachable + " --unit unit-a --out " + d.file("ev"));
    CHECK(e.status == 4);
    CHECK_FALSE(std::filesystem::exists(d.file("ev")));
    CHECK_FALSE(std::filesystem::exists("postgresql:"));
    CHECK_FALSE(std::filesystem::exists(d.file("no-server")));
    auto all = runCli("evidence --db postgresql://localhost/kanwil --out " + d.file("ev"));   // every file: a file store only
    CHECK(all.status == 2);
    CHECK_FALSE(std::filesystem::exists(d.file("ev")));
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas are written as text", "[security][export]") {
    CHECK(csvTextField("=HYPERLINK(\"http://x\",\"klik\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
    CHECK(csvTextField("+62 812") == "'+62 812");
    CHECK(csvTextField("-1") == "'-1");
    CHECK(csvTextField("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvTextField("\tx") == "'\tx");
    CHECK(csvTextField("Pelayanan baik") == "Pelayanan baik");
    TempDir d;
    const std::string db = d.file("u.db");
    swtest::fillUnit(db, "unit-a", 3, 10);
    Store s(db);
    Response r;
    forEachResponse(s, {}, [&](const Response& x) {
        r = x;
        return false;
    });
    r.uuid = "4b1f6f0e-8f53-4a55-9d6c-2d1f0f7b1a01";
    r.comment = "=HYPERLINK(\"http://evil\",\"klik\")";
    s.append(r);
    CsvExportOptions o;
    exportCsv(s, d.file("out.csv"), o);
    const std::string csv = swtest::readFile(d.file("out.csv"));
    CHECK(csv.find(",\"'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find(",=HYPERLINK(") == std::string::npos);
}

TEST_CASE("import --unit must name the store's own unit", "[security][import]") {
    TempDir d;
    const std::string db = d.file("u.db");
    swtest::fillUnit(db, "unit-a", 1, 11);
    auto r = runCli("import --db " + db + " --csv " + std::string(SW_TEST_FIXTURES) + "/paper_ok.csv --unit other-unit");
    CHECK(r.status == 2);
    CHECK(r.out.find("not this store's unit") != std::string::npos);
    Store s(db);
    CHECK(s.countResponses({}) == 1);
}

TEST_CASE("text from outside is checked, and printed without terminal escapes", "[security]") {
    CHECK(printable("Unit\x1b]0;pwned\x07") == "Unit\\x1B]0;pwned\\x07");
    CHECK(printable("Kantor Imigrasi Kelas I") == "Kantor Imigrasi Kelas I");
    CHECK_FALSE(textProblem(std::string("a\0b", 3), 10).empty());
    CHECK_FALSE(textProblem("\xff\xfe", 10).empty());
    CHECK_FALSE(textProblem(std::string(201, 'x'), 200).empty());
    CHECK(textProblem("baris satu\nbaris dua", 2000, true).empty());
    CHECK_FALSE(textProblem("baris satu\nbaris dua", 2000, false).empty());
}

TEST_CASE("a key rotation signed by the enrolled key moves the unit — one signed by another key does not", "[security][trust]") {
    TempDir d;
    const std::string first = unitBundle(d, "unit-r", 5, 30);
    const std::string kanwil = d.file("kanwil.db");
    const std::string oldFp = fingerprintOf(d.file("unit-r.db"));
    REQUIRE(runCli("enroll --db " + kanwil + " --unit unit-r --key '" + oldFp + "'").status == 0);
    REQUIRE(runCli("merge --into " + kanwil + " " + first).status == 0);

    auto rot = runCli("key --rotate --db " + d.file("unit-r.db"));
    INFO(rot.out);
    REQUIRE(rot.status == 0);
    const std::string newFp = fingerprintOf(d.file("unit-r.db"));
    CHECK(newFp != oldFp);
    CHECK(std::filesystem::exists(UnitKey::keyPathFor(d.file("unit-r.db"))));
    swtest::fillUnit(d.file("unit-r.db"), "unit-r", 3, 31);
    {
        Store s(d.file("unit-r.db"));
        exportBundle(s, UnitKey::loadOrCreate(s), d.file("second.swb"), BundleOptions{});
    }
    auto merged = runCli("merge --into " + kanwil + " " + d.file("second.swb"));
    INFO(merged.out);
    CHECK(merged.status == 0);
    {
        Store k(kanwil);
        CHECK(enrolledKey(k, "unit-r")->fingerprint == newFp);
        CHECK(enrolledKey(k, "unit-r")->source == "rotation");
        CHECK(isRevoked(k, "unit-r", oldFp)); // the old key is retired for good
    }

    // An attacker with a key of their own writes a statement "unit-r moves to my key", signed by
    // their own key: refused.
    TempDir evil;
    swtest::fillUnit(evil.file("unit-r.db"), "unit-r", 2, 32);
    {
        Store s(evil.file("unit-r.db"));
        UnitKey::loadOrCreate(s);
        rotateUnitKey(s); // a genuine-looking statement, but from the attacker's first key
        exportBundle(s, UnitKey::loadOrCreate(s), evil.file("forged.swb"), BundleOptions{});
    }
    auto forged = runCli("merge --into " + kanwil + " " + evil.file("forged.swb"));
    CHECK(forged.status == 5);
    CHECK(forged.out.find("enrolled with key") != std::string::npos);
}
