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
#include "survey/national/assessor_evidence.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/skm/period.hpp"
#include "survey/store/scan.hpp"
#include "survey/store/totals.hpp"

#include <catch2/catch.hpp>

#include <sstream>
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

namespace {

// What the assessor's window and `evidence` read, in a form two stores can be compared by.
struct WindowReads {
    std::string newest;
    std::vector<std::string> receipts;   // unit, name, bundles, responses, received or not
    nlohmann::json report;
    std::vector<std::string> evidence;   // item, hash, name, type, size, width × height
    std::vector<std::string> thumbs, written;
};

WindowReads windowReads(AssessorStore& st, const std::string& unit, const std::string& out) {
    WindowReads w;
    if (auto d = st.newestResponseDate()) w.newest = formatDate(*d);
    auto receipts = st.bundleReceipts();
    std::sort(receipts.begin(), receipts.end(), [](const BundleReceipt& a, const BundleReceipt& b) { return a.unitId < b.unitId; });
    for (const BundleReceipt& r : receipts)
        w.receipts.push_back(r.unitId + "|" + r.name + "|" + std::to_string(r.bundles) + "|" + std::to_string(r.responses) + "|" +
                             (r.lastBundleUtc ? "received" : "never"));
    if (auto claim = st.facilityClaim(unit)) w.report = claim->report;
    for (const EvidenceFile& f : unitEvidence(st, unit)) {
        const EvidenceInfo& i = f.info;
        w.evidence.push_back(f.item + "|" + i.sha256 + "|" + i.fileName + "|" + i.mime + "|" + std::to_string(i.size) + "|" +
                             std::to_string(i.width) + "x" + std::to_string(i.height));
        w.thumbs.push_back(st.evidenceThumbnailPng(unit, i.sha256));
        CHECK(sha256Hex(st.evidenceData(unit, i.sha256)) == i.sha256);
    }
    for (const EvidenceFile& f : writeEvidenceFiles(st, unit, out))
        w.written.push_back(std::filesystem::path(f.path).filename().string() + "|" + sha256Hex(swtest::readFile(f.path)));
    return w;
}

// A unit's bundle whose facility report lists a photo and a PDF as evidence.
std::string bundleWithEvidence(Units& u, const std::string& id, const std::string& png, const std::string& pdf) {
    swtest::fillUnit(u.db(id), id, 12, 71);
    auto evidence = [](const std::string& file, const std::string& bytes) {
        return nlohmann::json{{"file", file}, {"sha256", sha256Hex(bytes)}, {"data", base64(bytes)}};
    };
    nlohmann::json ramp = {{"code", "F10"}, {"status", "ada"}, {"evidence", nlohmann::json::array({evidence("ramp.png", png)})}};
    nlohmann::json toilet = {{"code", "F11"}, {"status", "ada"}, {"evidence", nlohmann::json::array({evidence("sk.pdf", pdf)})}};
    Store st(u.db(id));
    BundleOptions o;
    o.facility = nlohmann::json{{"score", 80.0}, {"gap_count", 0}, {"assessed_on", "2026-01-05"}, {"items", {ramp, toilet}}};
    const std::string out = u.dir.file(id + ".swb");
    exportBundle(st, UnitKey::loadOrCreate(st), out, o);
    return out;
}

} // namespace

TEST_CASE("both stores give the assessor's window and evidence the same reads and files", "[national]") {
    Units u;
    const std::string png = swtest::pngBytes(120, 80), pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    const std::vector<std::string> files = {bundleWithEvidence(u, "unit-e", png, pdf), u.bundle("unit-a", 9, 72)};
    std::string ownNewest;
    {
        Store own(u.db("unit-e"));
        ownNewest = own.db().scalarText("SELECT max(local_date) FROM response");
    }
    BothStores s;
    std::vector<WindowReads> reads;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        CHECK_FALSE(st->newestResponseDate());   // nothing merged yet
        CHECK(st->utcOffsetMinutes() == 420);   // no unit of its own: WIB
        REQUIRE(added(st->mergeFiles(files, KeyPolicy::EnrollNew)) == 21);
        st->enroll("unit-z", u.fingerprint("unit-a"), "Unit Z");   // enrolled, never sent anything
        reads.push_back(windowReads(*st, "unit-e", s.dir.file("out-" + kind)));
        CHECK(unitEvidence(*st, "unit-a").empty());
        CHECK(unitEvidence(*st, "unit-none").empty());
        // PostgreSQL keeps each unit's files apart; the file one copy per hash, whoever sent it.
        if (kind == "postgresql") CHECK(st->evidenceData("unit-a", sha256Hex(png)).empty());
    }
    const WindowReads& file = reads[0];
    CHECK(file.newest >= ownNewest);
    REQUIRE(file.receipts.size() == 3);
    CHECK(file.receipts[2] == "unit-z|Unit Z|0|0|never");
    REQUIRE(file.evidence.size() == 2);
    CHECK(file.evidence[0] == "F10|" + sha256Hex(png) + "|ramp.png|image/png|" + std::to_string(png.size()) + "|120x80");
    CHECK(file.evidence[1].rfind("F11|" + sha256Hex(pdf) + "|sk.pdf|application/pdf|", 0) == 0);
    CHECK_FALSE(file.thumbs[0].empty());
    CHECK(file.thumbs[1].empty());   // a PDF has no thumbnail
    REQUIRE(file.written.size() == 2);
    const WindowReads& pg = reads[1];
    CHECK(pg.newest == file.newest);
    CHECK(pg.receipts == file.receipts);
    CHECK(pg.report == file.report);
    CHECK(pg.evidence == file.evidence);
    CHECK(pg.thumbs == file.thumbs);
    CHECK(pg.written == file.written);
}

namespace {

// Overwrites every stored evidence file's bytes, as a damaged disk or a hand at the database might.
void damageEvidence(const std::string& kind, const std::string& fileDb, const std::string& pgUrl) {
    if (kind == "file") {
        Store st(fileDb);
        st.db().exec("UPDATE evidence SET data = x'00'");
        return;
    }
    PGconn* c = PQconnectdb(pgUrl.c_str());
    PGresult* r = PQexec(c, "UPDATE evidence SET data = '\\x00'::bytea");
    CHECK(PQresultStatus(r) == PGRES_COMMAND_OK);
    PQclear(r);
    PQfinish(c);
}

} // namespace

TEST_CASE("both stores refuse to write evidence whose bytes no longer match their hash", "[national]") {
    Units u;
    const std::string png = swtest::pngBytes(40, 30), pdf = "%PDF-1.4\n%%EOF\n";
    const std::string bundle = bundleWithEvidence(u, "unit-e", png, pdf);
    BothStores s;
    for (auto& [kind, st] : s.each()) {
        INFO(kind);
        REQUIRE(added(st->mergeFiles({bundle}, KeyPolicy::EnrollNew)) == 12);
        damageEvidence(kind, s.dir.file("kanwil.db"), s.pgUrl);
        const std::string out = s.dir.file("out-" + kind);
        try {
            writeEvidenceFiles(*st, "unit-e", out);
            FAIL("damaged evidence was written");
        } catch (const StoreError& e) {
            CHECK(e.kind == StoreError::Kind::Corrupt);
            CHECK(contains(e.what(), "ramp.png"));
            CHECK(contains(e.what(), st->name()));
        }
        CHECK(std::filesystem::is_empty(out));
    }
}

TEST_CASE("evidence --db postgresql://… --unit writes the same files as from the file store", "[national][cli]") {
    Units u;
    const std::string png = swtest::pngBytes(64, 48), pdf = "%PDF-1.4\n%%EOF\n";
    const std::string bundle = bundleWithEvidence(u, "unit-e", png, pdf);
    BothStores s;
    std::vector<std::vector<std::string>> written;
    for (const std::string& db : {s.dir.file("kanwil.db"), s.pgUrl}) {
        INFO(db);
        REQUIRE(added(openAssessorStore(db, false)->mergeFiles({bundle}, KeyPolicy::EnrollNew)) == 12);
        const std::string out = s.dir.file("out-" + std::to_string(written.size()));
        const auto r = swtest::runCli("evidence --db '" + db + "' --unit unit-e --out " + out);
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK(contains(r.out, "2 evidence file(s) written for unit unit-e"));
        written.emplace_back();
        for (const auto& f : std::filesystem::directory_iterator(out))
            written.back().push_back(f.path().filename().string() + " " + sha256Hex(swtest::readFile(f.path().string())));
        std::sort(written.back().begin(), written.back().end());
    }
    REQUIRE(written[0].size() == 2);
    CHECK(written[1] == written[0]);
    CHECK(contains(written[0][0], sha256Hex(png)));
    // Without --unit a PostgreSQL store is refused (it keeps each unit's files apart); nothing made.
    const auto r = swtest::runCli("evidence --db '" + s.pgUrl + "' --out " + s.dir.file("all"));
    CHECK(r.status == 2);
    CHECK_FALSE(std::filesystem::exists(s.dir.file("all")));
}

TEST_CASE("serve --units lists the same units from a PostgreSQL store as from the file store", "[national][cli]") {
    Units u;
    const std::vector<std::string> files = {u.bundle("unit-a", 6, 81), u.bundle("unit-b", 4, 82)};
    BothStores s;
    std::vector<std::string> listed;
    for (const std::string& db : {s.dir.file("kanwil.db"), s.pgUrl}) {
        INFO(db);
        REQUIRE(added(openAssessorStore(db, false)->mergeFiles(files, KeyPolicy::EnrollNew)) == 10);
        const auto r = swtest::runCli("serve --db '" + db + "' --units");
        INFO(r.out);
        CHECK(r.status == 0);
        std::string rows;   // each unit's line without its merge time, which differs by the run
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);)
            rows += line.substr(0, line.find('\t')) + line.substr(line.rfind('\t', line.find(" bundles"))) + "\n";
        listed.push_back(rows);
    }
    CHECK(listed[0] == "unit-a\t1 bundles\t6 responses\nunit-b\t1 bundles\t4 responses\n");
    CHECK(listed[1] == listed[0]);
}
