// One suite, two stores: every case runs against the assessor's SQLite file and its PostgreSQL
// store (a private cluster, pg_cluster.hpp) through the one interface (survey/national/
// assessor_store.hpp). The rules must hold in both — enrollment, merge refusals, idempotency —
// and the figures must agree with each other and with the units' own stores to the last digit.
#include "survey/export/export_helpers.hpp"
#include "survey/national/pg_cluster.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/skm/period.hpp"
#include "survey/store/scan.hpp"
#include "survey/store/totals.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace sw;
using swtest::TempDir;

namespace {

// A fresh assessor's store of each kind: a file in a temporary folder, a new database in this
// process's cluster.
struct BothStores {
    TempDir dir;
    std::string pgUrl;
    std::unique_ptr<AssessorStore> file, pg;
    BothStores() {
        static int made = 0;
        pgUrl = swtest::PgCluster::shared().newDatabase("kanwil_" + std::to_string(getpid()) + "_" + std::to_string(++made));
        file = openAssessorStore(dir.file("kanwil.db"), true);
        pg = openAssessorStore(pgUrl, true);
    }
    std::vector<std::pair<std::string, AssessorStore*>> each() { return {{"file", file.get()}, {"postgresql", pg.get()}}; }
};

// Units with their own stores and keys, and their signed bundles.
struct Units {
    TempDir dir;
    std::string db(const std::string& id) const { return dir.file(id + ".db"); }
    // Adds `n` simulated respondents to the unit's store (made on first use) and exports all of them.
    std::string bundle(const std::string& id, int n, std::uint64_t seed, int offsetMinutes = 420, const std::string& name = "") {
        swtest::fillUnit(db(id), id, n, seed, offsetMinutes);
        Store s(db(id));
        const std::string out = dir.file((name.empty() ? id : name) + ".swb");
        exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
        return out;
    }
    std::string fingerprint(const std::string& id) const {
        Store s(db(id));
        return UnitKey::loadOrCreate(s).fingerprint();
    }
};

std::optional<BundleError::Kind> refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const BundleError& e) {
        return e.kind;
    }
    return std::nullopt;
}

// A result's message with the store's own name taken out (the enroll hint names the store, a URL quoted).
std::string message(const MergeFileResult& r, const AssessorStore& s) {
    std::string m = r.error;
    for (const std::string& name : {"\"" + s.name() + "\"", s.name()})
        for (std::size_t at; (at = m.find(name)) != std::string::npos;) m.replace(at, name.size(), "<store>");
    return m;
}

std::int64_t added(const std::vector<MergeFileResult>& rs) {
    std::int64_t n = 0;
    for (const auto& r : rs)
        if (r.outcome) n += r.outcome->added;
    return n;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("both stores enroll, revoke, list and check keys by the same rules", "[national]") {
    Units u;
    const Bundle a = readBundleFile(u.bundle("unit-a", 5, 1));
    const Bundle b = readBundleFile(u.bundle("unit-b", 5, 2));
    const std::string fpA = u.fingerprint("unit-a"), fpB = u.fingerprint("unit-b");
    BothStores s;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        CHECK(refusal([&] { st->checkKey(a); }) == BundleError::Kind::NotEnrolled);
        const EnrolledKey k = st->enroll("unit-a", fpA, "Unit A");
        CHECK(k.fingerprint == normalizeFingerprint(fpA));
        CHECK(k.source == "enroll");
        CHECK(k.publicKeyHex.empty());
        CHECK(st->enroll("unit-a", fpA, "").fingerprint == k.fingerprint); // the same key again: nothing changes
        CHECK_THROWS_WITH(st->enroll("unit-a", fpB, ""), Catch::Contains("revoke it first"));
        CHECK_THROWS_AS(st->enroll("unit-c", "not a fingerprint", ""), UsageError);
        CHECK_THROWS_AS(st->enroll("Unit/C", fpB, ""), UsageError);
        CHECK(refusal([&] { st->checkKey(a); }) == std::nullopt);
        // unit-b enrolled under unit-a's key: unit-b's own bundle is signed by another key.
        st->enroll("unit-b", fpA, "");
        CHECK(refusal([&] { st->checkKey(b); }) == BundleError::Kind::KeyMismatch);
        const auto keys = st->enrolledKeys();
        REQUIRE(keys.size() == 2);
        CHECK(keys[0].unitId == "unit-a");
        CHECK(keys[1].unitId == "unit-b");
        CHECK(st->revoke("unit-a").fingerprint == k.fingerprint);
        CHECK_FALSE(st->enrolledKey("unit-a"));
        CHECK(refusal([&] { st->checkKey(a); }) == BundleError::Kind::Revoked);
        CHECK_THROWS_WITH(st->enroll("unit-a", fpA, ""), Catch::Contains("was revoked"));
        CHECK_THROWS_AS(st->revoke("unit-z"), UsageError);
    }
}

TEST_CASE("both stores merge three units — an unenrolled key is refused and --enroll-new pins it", "[national]") {
    Units u;
    const std::vector<std::string> files = {u.bundle("unit-a", 20, 11), u.bundle("unit-b", 30, 12), u.bundle("unit-c", 25, 13)};
    BothStores s;
    std::vector<std::vector<std::string>> messages;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        st->enroll("unit-a", u.fingerprint("unit-a"), "");
        auto first = st->mergeFiles(files, KeyPolicy::EnrolledOnly);
        REQUIRE(first.size() == 3);
        REQUIRE(first[0].outcome);
        CHECK(first[0].outcome->added == 20);
        CHECK_FALSE(first[0].outcome->pinnedNow);
        CHECK(first[0].fingerprint == u.fingerprint("unit-a"));
        for (int i : {1, 2}) {
            CHECK_FALSE(first[static_cast<std::size_t>(i)].outcome);
            CHECK(contains(first[static_cast<std::size_t>(i)].error, "not enrolled"));
            CHECK(contains(first[static_cast<std::size_t>(i)].error, st->name()));
        }
        CHECK(contains(first[1].error, "unit-b"));
        CHECK(st->responseCount() == 20);
        CHECK_FALSE(st->enrolledKey("unit-b"));
        // The enrolled key now carries the public key of its first bundle.
        CHECK_FALSE(st->enrolledKey("unit-a")->publicKeyHex.empty());

        auto second = st->mergeFiles({files[1], files[2]}, KeyPolicy::EnrollNew);
        REQUIRE(second.size() == 2);
        for (const auto& r : second) {
            REQUIRE(r.outcome);
            CHECK(r.outcome->pinnedNow);
        }
        CHECK(second[0].outcome->added == 30);
        CHECK(second[1].outcome->added == 25);
        CHECK(st->enrolledKey("unit-b")->source == "merge --enroll-new");
        CHECK(st->responseCount() == 75);
        const auto tallies = st->unitTallies({});
        REQUIRE(tallies.size() == 3);
        CHECK(tallies[0].unit.id == "unit-a");
        CHECK(tallies[0].unit.name == "Unit unit-a");
        CHECK(tallies[0].bundles == 1);
        CHECK(tallies[0].fingerprint == u.fingerprint("unit-a"));
        messages.push_back({message(first[1], *st), message(first[2], *st)});
    }
    CHECK(messages[0] == messages[1]);
}

TEST_CASE("a bundle merged again adds nothing and an overlapping bundle adds only its new responses", "[national]") {
    Units u;
    const std::string a = u.bundle("unit-a", 20, 21), b = u.bundle("unit-b", 10, 22);
    const std::string a2 = u.bundle("unit-a", 7, 23, 420, "unit-a-later"); // the first 20 again, and 7 more
    BothStores s;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        REQUIRE(added(st->mergeFiles({a, b}, KeyPolicy::EnrollNew)) == 30);
        auto again = st->mergeFiles({a, b, a}, KeyPolicy::EnrollNew);
        for (const auto& r : again) {
            REQUIRE(r.outcome);
            CHECK(r.outcome->alreadyMerged);
            CHECK(r.outcome->added == 0);
        }
        CHECK(again[0].outcome->responses == 20);
        CHECK(again[0].outcome->unitId == "unit-a");
        CHECK(st->responseCount() == 30);
        auto later = st->mergeFiles({a2}, KeyPolicy::EnrolledOnly);
        REQUIRE(later[0].outcome);
        CHECK(later[0].outcome->responses == 27);
        CHECK(later[0].outcome->added == 7);
        CHECK(st->responseCount() == 37);
        const auto tallies = st->unitTallies({});
        REQUIRE(tallies.size() == 2);
        CHECK(tallies[0].bundles == 2);
        CHECK(tallies[0].totals.total(std::nullopt).rows + tallies[0].misuse == 27);
    }
}

TEST_CASE("a bundle with another unit's response UUID or other answers for a UUID is refused whole", "[national]") {
    Units u;
    const std::string bx = u.bundle("unit-x", 10, 31);
    // Unit Y copies one of X's responses (its UUID) into its own store and signs it with its key.
    swtest::fillUnit(u.db("unit-y"), "unit-y", 5, 32);
    Response stolen;
    {
        Store x(u.db("unit-x"));
        forEachResponse(x, {}, [&](const Response& r) {
            stolen = r;
            return false;
        });
        Store y(u.db("unit-y"));
        Response copy = stolen;
        copy.unitId = "unit-y";
        y.append(copy);
        exportBundle(y, UnitKey::loadOrCreate(y), u.dir.file("unit-y.swb"), BundleOptions{});
    }
    // Unit X itself, later, with one answer changed under the same UUID (its own key).
    std::filesystem::copy_file(u.db("unit-x"), u.db("unit-x2"));
    std::filesystem::copy_file(UnitKey::keyPathFor(u.db("unit-x")), UnitKey::keyPathFor(u.db("unit-x2")));
    {
        Store x2(u.db("unit-x2"));
        x2.db().exec("UPDATE response SET comment = 'changed afterwards' WHERE uuid = '" + stolen.uuid + "'");
        exportBundle(x2, UnitKey::loadOrCreate(x2), u.dir.file("unit-x2.swb"), BundleOptions{});
    }
    BothStores s;
    std::vector<std::string> messages;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        REQUIRE(added(st->mergeFiles({bx}, KeyPolicy::EnrollNew)) == 10);
        auto r = st->mergeFiles({u.dir.file("unit-y.swb"), u.dir.file("unit-x2.swb")}, KeyPolicy::EnrollNew);
        REQUIRE(r.size() == 2);
        CHECK_FALSE(r[0].outcome);
        CHECK(contains(r[0].error, stolen.uuid));
        CHECK(contains(r[0].error, "belongs to unit \"unit-x\""));
        CHECK(contains(r[0].error, "unit-y"));
        CHECK_FALSE(r[1].outcome);
        CHECK(contains(r[1].error, "other answers"));
        // Nothing of the refused bundles was kept: no rows, no pinned key, no unit.
        CHECK(st->responseCount() == 10);
        CHECK_FALSE(st->enrolledKey("unit-y"));
        const auto tallies = st->unitTallies({});
        REQUIRE(tallies.size() == 1);
        CHECK(tallies[0].bundles == 1);
        messages.push_back(r[0].error + " | " + r[1].error);
    }
    CHECK(messages[0] == messages[1]);
}

TEST_CASE("a tampered bundle is refused by both stores and leaves nothing", "[national]") {
    Units u;
    const std::string good = u.bundle("unit-a", 12, 41);
    std::string bytes = swtest::readFile(good);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    const std::string bad = u.dir.file("tampered.swb");
    swtest::writeFile(bad, bytes);
    BothStores s;
    std::vector<std::string> messages;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        auto r = st->mergeFiles({bad}, KeyPolicy::EnrollNew);
        REQUIRE(r.size() == 1);
        CHECK_FALSE(r[0].outcome);
        CHECK(contains(r[0].error, "tampered.swb"));
        CHECK(st->responseCount() == 0);
        CHECK(st->unitTallies({}).empty());
        CHECK(st->enrolledKeys().empty());
        messages.push_back(r[0].error);
    }
    CHECK(messages[0] == messages[1]);
}

namespace {

// The same figure from an assessor's tallies and from a scan of the unit's own store.
void checkUnitFigures(const UnitTally& t, const LayoutLookup& layouts, const Instrument& in, const std::string& unitDb,
                      const TallyPeriod& period) {
    Store own(unitDb);
    ResponseFilter f;
    f.from = period.from;
    f.to = period.to;
    const ResponseTotals& scanned = own.totals(f);
    for (const std::optional<std::string>& kelompok : {std::optional<std::string>(), std::optional<std::string>("rentan"),
                                                       std::optional<std::string>("bukan"), std::optional<std::string>("lansia")}) {
        INFO("kelompok " << kelompok.value_or("(all)"));
        std::int64_t people = -1, ownPeople = -2;
        const auto unsur = t.totals.unsur(layouts, kelompok, &people);
        const auto ownUnsur = scanned.unsur(own, kelompok, &ownPeople);
        CHECK(people == ownPeople);
        REQUIRE(unsur.size() == ownUnsur.size());
        for (std::size_t i = 0; i < unsur.size(); ++i) {
            INFO("unsur " << unsur[i].code);
            CHECK(unsur[i].code == ownUnsur[i].code);
            CHECK(unsur[i].sum == ownUnsur[i].sum);
            CHECK(unsur[i].n == ownUnsur[i].n);
        }
        const auto ham = t.totals.ham(layouts, kelompok), ownHam = scanned.ham(own, kelompok);
        REQUIRE(ham.size() == ownHam.size());
        for (std::size_t i = 0; i < ham.size(); ++i) {
            CHECK(ham[i].sum == ownHam[i].sum);
            CHECK(ham[i].n == ownHam[i].n);
        }
        ResponseFilter fk = f;
        fk.kelompok = kelompok;
        const SkmResult mine = skmOf(t.totals, layouts, in, kelompok), theirs = skmFor(own, in, fk);
        CHECK(mine.respondents == theirs.respondents);
        CHECK(mine.ikmUnit == theirs.ikmUnit); // to the last digit: the same integers, the same arithmetic
        CHECK(mine.mutu == theirs.mutu);
    }
    ResponseFilter withMisuse = f;
    withMisuse.includeMisuse = true;
    CHECK(t.misuse == own.countResponses(withMisuse) - own.countResponses(f));
    CHECK(t.totals.total(std::nullopt).rows == own.countResponses(f));
    CHECK(t.totals.total(std::nullopt).adilYes == scanned.total(std::nullopt).adilYes);
}

} // namespace

TEST_CASE("both stores' tallies equal the units' own stores over all time, a year, a month and ragged ends", "[national]") {
    Units u;
    // Three time zones: the local day of a response decides its month.
    const std::vector<std::string> files = {u.bundle("unit-a", 300, 51, 420), u.bundle("unit-b", 200, 52, 480),
                                            u.bundle("unit-c", 150, 53, 540)};
    BothStores s;
    const Period month = previousPeriod(periodContaining(PeriodKind::Month, civilFromDays(nowUtc() / 86400)));
    // Read from each tally layer (survey/store/tally_spans.hpp): all time and a year (years), a month
    // (months), and a period with ragged ends (days, months, days).
    const LocalDate today = civilFromDays(nowUtc() / 86400);
    auto ago = [](int days) { return formatDate(civilFromDays(nowUtc() / 86400 - days)); };
    const std::vector<TallyPeriod> periods = {TallyPeriod{}, TallyPeriod{formatDate(month.from), formatDate(month.to)},
                                              TallyPeriod{formatDate({today.year, 1, 1}), formatDate({today.year, 12, 31})},
                                              TallyPeriod{ago(75), ago(10)}};
    std::vector<std::int64_t> counts;
    std::vector<std::vector<double>> ikm;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        REQUIRE(added(st->mergeFiles(files, KeyPolicy::EnrollNew)) == 650);
        counts.push_back(st->responseCount());
        const auto in = st->latestInstrument();
        REQUIRE(in);
        const LayoutLookup layouts = st->layouts();
        ikm.emplace_back();
        for (const TallyPeriod& p : periods) {
            INFO("period " << p.from.value_or("…") << " to " << p.to.value_or("…"));
            const auto tallies = st->unitTallies(p);
            REQUIRE(tallies.size() == 3);
            for (const UnitTally& t : tallies) {
                INFO("unit " << t.unit.id);
                checkUnitFigures(t, layouts, *in, u.db(t.unit.id), p);
                ikm.back().push_back(skmOf(t.totals, layouts, *in, std::nullopt).ikmUnit);
            }
        }
    }
    CHECK(counts[0] == 650);
    CHECK(counts[0] == counts[1]);
    CHECK(ikm[0] == ikm[1]);
}

TEST_CASE("both stores keep a bundle's evidence once and refuse a file that does not match its hash", "[national]") {
    Units u;
    swtest::fillUnit(u.db("unit-e"), "unit-e", 8, 61);
    const std::string png = swtest::pngBytes(40, 30);
    auto facilityWith = [&](const std::string& sha) {
        nlohmann::json e = {{"file", "ramp.png"}, {"sha256", sha}, {"data", base64(png)}};
        nlohmann::json item = {{"code", "ramp"}, {"status", "ada"}, {"evidence", nlohmann::json::array({e})}};
        return nlohmann::json{{"score", 75.0}, {"gap_count", 1}, {"items", nlohmann::json::array({item})}};
    };
    {
        Store st(u.db("unit-e"));
        BundleOptions good, bad;
        good.facility = facilityWith(sha256Hex(png));
        bad.facility = facilityWith(std::string(64, '0'));
        bad.filter.from = "2000-01-01"; // another payload, so another bundle
        exportBundle(st, UnitKey::loadOrCreate(st), u.dir.file("bad.swb"), bad);
        exportBundle(st, UnitKey::loadOrCreate(st), u.dir.file("good.swb"), good);
    }
    BothStores s;
    std::vector<std::string> messages;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        auto r = st->mergeFiles({u.dir.file("bad.swb"), u.dir.file("good.swb")}, KeyPolicy::EnrollNew);
        REQUIRE(r.size() == 2);
        CHECK_FALSE(r[0].outcome);
        CHECK(contains(r[0].error, "does not match its SHA-256"));
        REQUIRE(r[1].outcome);
        CHECK(r[1].outcome->added == 8);
        const auto tallies = st->unitTallies({});
        REQUIRE(tallies.size() == 1);
        const nlohmann::json& ev = tallies[0].facility["items"][0]["evidence"][0];
        CHECK(ev["sha256"] == sha256Hex(png));
        CHECK_FALSE(ev.contains("data")); // the bytes are in the evidence table, not in the report
        CHECK(tallies[0].facility["score"] == 75.0);
        messages.push_back(r[0].error);
    }
    CHECK(messages[0] == messages[1]);
}

TEST_CASE("both stores follow a key rotation signed by the enrolled key and retire the old key", "[national]") {
    Units u;
    const std::string before = u.bundle("unit-r", 10, 91);
    const std::string oldFp = u.fingerprint("unit-r");
    {
        Store unit(u.db("unit-r"));
        rotateUnitKey(unit);
    }
    const std::string after = u.bundle("unit-r", 5, 92, 420, "unit-r-rotated"); // carries the statement
    const std::string newFp = u.fingerprint("unit-r");
    REQUIRE(newFp != oldFp);
    BothStores s;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        st->enroll("unit-r", oldFp, "");
        REQUIRE(added(st->mergeFiles({before}, KeyPolicy::EnrolledOnly)) == 10);
        auto r = st->mergeFiles({after}, KeyPolicy::EnrolledOnly);
        REQUIRE(r[0].outcome);
        CHECK(r[0].outcome->added == 5);
        CHECK(st->enrolledKey("unit-r")->fingerprint == newFp);
        CHECK(st->enrolledKey("unit-r")->source == "rotation");
        // The old key is retired for good: a bundle it signed is refused from now on.
        CHECK(refusal([&] { st->checkKey(readBundleFile(before)); }) == BundleError::Kind::Revoked);
    }
}
