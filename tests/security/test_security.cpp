// Security: the unit head's PIN (hash, lock-out), secrets that never leave the
// machine (PIN, private key: not in exports, logs or the event table), the key file's mode,
// bundles signed by another unit's key, and no personal-identity field unless a unit adds one
// on purpose.
#include "survey/bundle/bundle.hpp"
#include "survey/base/error.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sw;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1790000000;

// Runs the CLI; stdout and stderr (what systemd would put in the journal) go to `log`.
int cli(const std::string& args, const std::string& log) {
    std::string cmd = std::string(SW_CLI_BINARY) + " " + args + " >>" + log + " 2>&1";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Captures what this process writes to stderr (logLine) while `f` runs.
template <class F>
std::string captureStderr(F&& f) {
    swtest::TempDir dir;
    const std::string path = dir.file("stderr.txt");
    std::fflush(stderr);
    int saved = dup(2);
    FILE* out = std::fopen(path.c_str(), "w");
    REQUIRE(out);
    dup2(fileno(out), 2);
    f();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::fclose(out);
    return swtest::readFile(path);
}

Bundle bundleOf(Store& unit, int responses, std::uint64_t seed) {
    Instrument in = *unit.latestInstrument();
    Simulator sim(in, *unit.unit(), seed, 30, kNow);
    std::vector<Response> rs;
    for (int i = 0; i < responses; ++i) rs.push_back(sim.next());
    unit.appendAll(rs);
    UnitKey key = UnitKey::loadOrCreate(unit);
    return readBundle(buildBundle(unit, key, BundleOptions{}));
}

} // namespace

TEST_CASE("the PIN is stored only as an Argon2id hash", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    CHECK_FALSE(lock.hasPin());
    CHECK(lock.verify("1234", kNow).result == PinLock::Result::NoPin);
    lock.setPin("90817263");
    CHECK(lock.hasPin());
    const std::string hash = s.setting("pin.hash");
    CHECK_THAT(hash, Catch::StartsWith("$argon2id$"));
    CHECK(hash.find("90817263") == std::string::npos);
    // Nowhere in the database file either.
    s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    CHECK(swtest::readFile(s.path()).find("90817263") == std::string::npos);
    CHECK(lock.verify("90817263", kNow).result == PinLock::Result::Ok);
    // Salted: the same PIN set twice gives another hash.
    lock.setPin("90817263");
    CHECK(s.setting("pin.hash") != hash);
    for (const char* bad : {"123", "1234567890123", "12a4", "", " 1234", "１２３４"}) CHECK_FALSE(PinLock::validPin(bad));
    CHECK_THROWS_AS(lock.setPin("12ab"), UsageError);
}

TEST_CASE("wrong PINs lock the unit head's area out, growing, capped, across restarts", "[security][pin]") {
    swtest::TempDir dir;
    const std::string path = dir.file("k.db");
    {
        Store s(path);
        PinLock lock(s);
        lock.setPin("4826");
        for (int i = 1; i < PinLock::kFreeTries; ++i) {
            auto c = lock.verify("0000", kNow + i);
            CHECK(c.result == PinLock::Result::Wrong);
            CHECK(c.failures == i);
        }
        auto locked = lock.verify("0000", kNow + 10);
        CHECK(locked.result == PinLock::Result::LockedOut);
        CHECK(locked.secondsLeft == PinLock::kFirstDelaySeconds);
    }
    // A restart (power cycle) does not lift the lock-out, and while locked even the right PIN
    // is not accepted (not even hashed).
    Store s(path);
    PinLock lock(s);
    auto during = lock.verify("4826", kNow + 20);
    CHECK(during.result == PinLock::Result::LockedOut);
    CHECK(during.secondsLeft == 20);
    // The delay doubles with each further wrong try and stops at the cap.
    std::int64_t t = kNow + 10 + PinLock::kFirstDelaySeconds;
    int previous = PinLock::kFirstDelaySeconds;
    for (int i = 0; i < 12; ++i) {
        auto c = lock.verify("1111", t);
        REQUIRE(c.result == PinLock::Result::LockedOut);
        CHECK(c.secondsLeft == std::min(previous * 2, PinLock::kMaxDelaySeconds));
        previous = c.secondsLeft;
        t += c.secondsLeft;
    }
    CHECK(previous == PinLock::kMaxDelaySeconds);
    // Once the wait is over the right PIN opens and clears the count.
    auto ok = lock.verify("4826", t);
    CHECK(ok.result == PinLock::Result::Ok);
    CHECK(lock.verify("0000", t + 1).result == PinLock::Result::Wrong);
    // Each failure is logged for the unit head, without the PIN.
    CHECK(s.db().scalarInt("SELECT count(*) FROM event WHERE kind='pin_failure'") >= 17);
    CHECK(s.db().scalarInt("SELECT count(*) FROM event WHERE detail LIKE '%0000%' OR detail LIKE '%1111%' "
                           "OR detail LIKE '%4826%'") == 0);
}

TEST_CASE("neither the PIN nor the private key appears in exports, logs or the event table", "[security]") {
    swtest::TempDir dir;
    const std::string db = dir.file("unit.db");
    const std::string log = dir.file("journal.txt");
    const std::string pin = "90817263";
    REQUIRE(cli("simulate --demo --db " + db + " --count 40 --quiet", log) == 0);
    std::string hash, secretHex;
    std::string stderrText;
    {
        Store s(db);
        PinLock lock(s);
        lock.setPin(pin);
        hash = s.setting("pin.hash");
        stderrText = captureStderr([&] {
            lock.verify("11112222", kNow);
            lock.verify(pin + "0", kNow + 1); // a near miss
            lock.verify(pin, kNow + 2);
        });
        UnitKey::loadOrCreate(s);
    }
    // The key file: "header\n<hex>\n".
    const std::string keyFile = swtest::readFile(UnitKey::keyPathFor(db));
    {
        auto nl = keyFile.find('\n');
        REQUIRE(nl != std::string::npos);
        secretHex = keyFile.substr(nl + 1, 128);
        REQUIRE(secretHex.size() == 128);
    }
    std::string secretRaw(64, '\0');
    REQUIRE(fromHex(secretHex, reinterpret_cast<unsigned char*>(secretRaw.data()), 64));
    // The seed half of an Ed25519 secret key is the part that must never leak.
    const std::string seedHex = secretHex.substr(0, 64);
    const std::string seedRaw = secretRaw.substr(0, 32);

    std::vector<std::string> outputs;
    for (const char* fmt : {"csv", "bundle", "pdf", "xlsx"}) {
        const std::string out = dir.file(std::string("export.") + fmt);
        REQUIRE(cli("export --db " + db + " --format " + fmt + " --out " + out, log) == 0);
        outputs.push_back(out);
    }
    REQUIRE(cli("report --db " + db, log) == 0);
    REQUIRE(cli("backup --db " + db + " --to " + dir.path.string(), log) == 0);

    auto clean = [&](const std::string& what, const std::string& text) {
        INFO(what);
        CHECK(text.find(pin) == std::string::npos);
        CHECK(text.find(hash) == std::string::npos);
        CHECK(text.find(secretHex) == std::string::npos);
        CHECK(text.find(seedHex) == std::string::npos);
        CHECK(text.find(seedRaw) == std::string::npos);
    };
    for (const auto& out : outputs) clean(out, swtest::readFile(out));
    // Compressed containers: look inside too (PDF text via pdftotext, XLSX via unzip).
    if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
        const std::string txt = dir.file("export.txt");
        REQUIRE(std::system(("pdftotext " + dir.file("export.pdf") + " " + txt).c_str()) == 0);
        clean("pdf text", swtest::readFile(txt));
    } else {
        WARN("pdftotext not installed: PDF checked as raw bytes only");
    }
    if (std::system("command -v unzip >/dev/null 2>&1") == 0) {
        const std::string x = dir.file("xlsx.txt");
        REQUIRE(std::system(("unzip -p " + dir.file("export.xlsx") + " > " + x).c_str()) == 0);
        clean("xlsx content", swtest::readFile(x));
    } else {
        WARN("unzip not installed: XLSX checked as raw bytes only");
    }
    clean("CLI output (the journal)", swtest::readFile(log));
    clean("in-process log lines", stderrText);
    CHECK_THAT(stderrText, Catch::Contains("wrong PIN"));
    Store s(db);
    sql::Statement ev(s.db(), "SELECT kind || ' ' || detail FROM event");
    std::string events;
    while (ev.step()) events += ev.getText(0) + "\n";
    clean("event table", events);
    CHECK_THAT(events, Catch::Contains("pin_failure"));
}

TEST_CASE("the private key file is created 0600 whatever the umask", "[security][signing]") {
    swtest::TempDir dir;
    const mode_t old = umask(0);
    std::string path;
    {
        Store s(dir.file("unit.db"));
        UnitKey::loadOrCreate(s);
        path = UnitKey::keyPathFor(s.path());
    }
    umask(old);
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a bundle signed with another key than the unit's pinned one is refused whole", "[security][merge]") {
    swtest::TempDir dir;
    Store unit(dir.file("kanim.db"));
    setUpDemo(unit);
    const std::string unitId = unit.unit()->id;
    Bundle genuine = bundleOf(unit, 10, 1);

    Store assessor(dir.file("kanwil.db"));
    MergeOutcome first = mergeBundle(assessor, genuine, "asli.swb", sw::KeyPolicy::EnrollNew);
    CHECK(first.pinnedNow);
    CHECK(enrolledKey(assessor, unitId)->fingerprint == genuine.fingerprint);

    // An impostor: same unit id, its own key (a copied database without the key file, or forged).
    Store impostor(dir.file("palsu.db"));
    setUpDemo(impostor);
    UnitInfo u = *impostor.unit();
    REQUIRE(u.id == unitId);
    Bundle forged = bundleOf(impostor, 25, 2);
    REQUIRE(forged.fingerprint != genuine.fingerprint);
    const std::int64_t before = assessor.db().scalarInt("SELECT count(*) FROM response");
    try {
        mergeBundle(assessor, forged, "palsu.swb", sw::KeyPolicy::EnrollNew);
        FAIL("a bundle under another key must be refused");
    } catch (const BundleError& e) {
        CHECK(e.kind == BundleError::Kind::KeyMismatch);
    }
    CHECK(assessor.db().scalarInt("SELECT count(*) FROM response") == before);
    CHECK(enrolledKey(assessor, unitId)->fingerprint == genuine.fingerprint);

    // A byte changed after signing: refused before anything is read.
    std::string bytes = buildBundle(unit, UnitKey::loadOrCreate(unit), BundleOptions{});
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    try {
        readBundle(bytes);
        FAIL("a changed bundle must be refused");
    } catch (const BundleError& e) {
        CHECK(e.kind == BundleError::Kind::BadSignature);
    }
    // A forged signature block copied from the genuine bundle onto other content: refused too.
    std::string genuineBytes = buildBundle(unit, UnitKey::loadOrCreate(unit), BundleOptions{});
    std::string forgedBytes = buildBundle(impostor, UnitKey::loadOrCreate(impostor), BundleOptions{});
    forgedBytes.replace(forgedBytes.size() - 96, 96, genuineBytes.substr(genuineBytes.size() - 96));
    CHECK_THROWS_AS(readBundle(forgedBytes), BundleError);
}

TEST_CASE("no personal-identity field exists unless a unit adds one on purpose", "[security][privacy]") {
    // The default instrument asks nothing that identifies a citizen.
    const Instrument& in = swtest::defaultInstrument();
    for (const auto& f : in.profile) {
        INFO(f.code);
        CHECK_FALSE(f.personalData);
        for (const char* personal : {"nama", "name", "alamat", "address", "agama", "religion", "telepon", "phone", "nik"})
            CHECK(f.code != personal);
    }
    // A unit that adds "nama" without saying so on purpose is refused, naming the place.
    const std::string fixture = std::string(SW_TEST_FIXTURES) + "/instruments/personal_field.json";
    try {
        loadInstrument(fixture);
        FAIL("a personal field must be refused");
    } catch (const InstrumentError& e) {
        CHECK_THAT(e.what(), Catch::Contains("personal_data_acknowledged"));
        CHECK_THAT(e.what(), Catch::Contains("nama"));
        CHECK(e.line > 0);
    }
    // With the acknowledgement it loads, and the field is marked as personal data.
    std::string text = swtest::readFile(fixture);
    const std::string needle = "\"code\": \"nama\"";
    auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    text.insert(at + needle.size(), ", \"personal_data_acknowledged\": true");
    Instrument acknowledged = parseInstrument(text, "acknowledged.json");
    bool marked = false;
    for (const auto& f : acknowledged.profile) marked = marked || (f.code == "nama" && f.personalData);
    CHECK(marked);
    // And the acknowledgement travels with the instrument into stores and bundles.
    CHECK(acknowledged.canonicalJson.find("personal_data_acknowledged") != std::string::npos);
}
