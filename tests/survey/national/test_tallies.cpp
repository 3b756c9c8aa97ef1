// Daily tallies: a roll-up read from them gives the same figures, to the last digit, as one read
// from the responses; they follow appended rows (refreshed or not); areas pool their units.
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/national/area_rollup.hpp"
#include "survey/national/kanwil_map.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/store/daily_tally.hpp"
#include "survey/store/scan.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/error.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

// A unit's store with `n` responses over 90 days, in kabupaten/kota `kode`, and its bundle file.
std::string unitBundle(const swtest::TempDir& d, const std::string& id, const std::string& kode, const std::string& province,
                       int n, std::uint64_t seed) {
    const std::string db = d.file(id + ".db");
    swtest::fillUnit(db, id, n, seed, 420, 90);
    Store s(db);
    UnitInfo u = *s.unit();
    u.kodeWilayah = kode;
    u.kabupaten = "Kab " + kode;
    u.province = province;
    s.setUnit(u);
    const std::string out = d.file(id + ".swb");
    exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
    return out;
}

// The Kanwil's file store with three units merged (two in one kabupaten, one elsewhere).
std::string kanwilOfThree(const swtest::TempDir& d) {
    std::vector<std::string> files{unitBundle(d, "unit-a", "36.04", "Banten", 180, 1), unitBundle(d, "unit-b", "36.04", "Banten", 120, 2),
                                   unitBundle(d, "unit-c", "32.73", "Jawa Barat", 150, 3)};
    const std::string kanwil = d.file("kanwil.db");
    auto store = openAssessorStore(kanwil, true);
    for (const auto& r : store->mergeFiles(files, KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
    return kanwil;
}

void sameSkm(const SkmResult& a, const SkmResult& b) {
    CHECK(a.respondents == b.respondents);
    REQUIRE(a.unsur.size() == b.unsur.size());
    for (std::size_t i = 0; i < a.unsur.size(); ++i) {
        CHECK(a.unsur[i].code == b.unsur[i].code);
        CHECK(a.unsur[i].sum == b.unsur[i].sum);
        CHECK(a.unsur[i].n == b.unsur[i].n);
    }
    CHECK(a.ikm == b.ikm);   // exactly: the same sums through the same arithmetic
    CHECK(a.mutu == b.mutu);
}

} // namespace

TEST_CASE("the roll-up read from tallies equals the one read from responses, for any period", "[national][tally]") {
    swtest::TempDir d;
    Store kanwil(kanwilOfThree(d));
    const Instrument in = *kanwil.latestInstrument();
    auto ago = [](int days) { return localDate(nowUtc() - days * 86400LL, 420); };
    ResponseFilter month, rentan;
    month.from = ago(30);
    month.to = ago(0);
    rentan.from = ago(60);
    rentan.to = ago(45);
    rentan.kelompok = "rentan";
    for (const ResponseFilter& f : {ResponseFilter{}, month, rentan}) {
        const auto units = rollupByUnit(kanwil, f);
        REQUIRE(units.size() == 3);
        for (const auto& u : units) {
            ResponseFilter one = f;
            one.unitId = u.unit.id;
            INFO(u.unit.id << " " << f.from.value_or("-") << ".." << f.to.value_or("-"));
            sameSkm(u.skm, skmFor(kanwil, in, one));
            CHECK(u.akses.index == aksesibilitasFor(kanwil, in, one).index);
        }
    }
    // The merge kept the tallies: nothing is left for a reader to count on the fly.
    CHECK(kanwil.db().scalarInt("SELECT rid FROM tally_mark") == kanwil.db().scalarInt("SELECT max(rid) FROM response"));
}

TEST_CASE("tallies follow appended rows, refreshed or not, and a refresh twice counts nothing twice", "[national][tally]") {
    swtest::TempDir d;
    const std::string db = d.file("u.db");
    swtest::fillUnit(db, "unit-x", 50, 9);
    Store s(db);
    const Instrument in = *s.latestInstrument();
    auto scanned = [&] { return skmFor(s, in, ResponseFilter{}); };
    auto tallied = [&] { return rollupByUnit(s, ResponseFilter{}).at(0).skm; };
    sameSkm(tallied(), scanned());   // nothing refreshed yet: every row counted on the fly
    refreshTallies(s);
    refreshTallies(s);
    sameSkm(tallied(), scanned());
    swtest::fillUnit(db, "unit-x", 30, 10);   // more rows after the mark
    sameSkm(tallied(), scanned());
    refreshTallies(s);
    sameSkm(tallied(), scanned());
    CHECK(tallied().respondents > 0);
}

TEST_CASE("a merge tallies the rows it keeps in its commit, none of a bundle refused half-way, and rows left untallied before it", "[national][tally]") {
    swtest::TempDir d;
    const std::string a = unitBundle(d, "unit-a", "36.04", "Banten", 40, 21), b = unitBundle(d, "unit-b", "32.73", "Jawa Barat", 30, 22);
    // Unit Y's bundle: its own rows, then one of A's UUIDs, refused after its first rows went in.
    swtest::fillUnit(d.file("unit-y.db"), "unit-y", 25, 23);
    {
        Store ua(d.file("unit-a.db")), y(d.file("unit-y.db"));
        forEachResponse(ua, {}, [&](const Response& r) {
            Response copy = r;
            copy.unitId = "unit-y";
            y.append(copy);
            return false;
        });
        exportBundle(y, UnitKey::loadOrCreate(y), d.file("unit-y.swb"), BundleOptions{});
    }
    // The Kanwil's store holds rows no tally counts yet (written without a refresh).
    const std::string kanwil = d.file("kanwil.db");
    swtest::fillUnit(kanwil, "unit-k", 15, 24);
    Store k(kanwil);
    CHECK(k.db().scalarInt("SELECT coalesce((SELECT rid FROM tally_mark), 0)") == 0);
    const auto results = openAssessorStore(kanwil, false)->mergeFiles({a, d.file("unit-y.swb"), b}, KeyPolicy::EnrollNew);
    REQUIRE(results.size() == 3);
    CHECK(results[0].outcome);
    CHECK_FALSE(results[1].outcome);
    CHECK(results[2].outcome);
    CHECK(k.db().scalarInt("SELECT count(*) FROM response WHERE unit_id = 'unit-y'") == 0);
    // Every stored row is in the tallies once, and nothing else is.
    CHECK(k.db().scalarInt("SELECT rid FROM tally_mark") == k.db().scalarInt("SELECT max(rid) FROM response"));
    CHECK(k.db().scalarInt("SELECT sum(rows + misuse) FROM daily_tally") == k.db().scalarInt("SELECT count(*) FROM response"));
    CHECK(k.db().scalarInt("SELECT count(*) FROM daily_tally WHERE unit_id = 'unit-y'") == 0);
    const Instrument in = *k.latestInstrument();
    const auto units = rollupByUnit(k, ResponseFilter{});
    REQUIRE(units.size() == 3);
    for (const auto& u : units) {
        ResponseFilter one;
        one.unitId = u.unit.id;
        INFO(u.unit.id);
        sameSkm(u.skm, skmFor(k, in, one));
    }
}

TEST_CASE("a kabupaten/kota and a province pool their units' respondents", "[national][tally]") {
    swtest::TempDir d;
    auto store = openAssessorStore(kanwilOfThree(d), false);
    const Instrument in = *store->latestInstrument();
    const auto units = store->unitTallies({});
    const auto kab = rollupByArea(units, store->layouts(), in, AreaLevel::KabKota);
    const auto prov = rollupByArea(units, store->layouts(), in, AreaLevel::Province);
    REQUIRE(kab.size() == 2);
    REQUIRE(prov.size() == 2);
    const AreaRollup& serang = kab[0].code == "36.04" ? kab[0] : kab[1];
    CHECK(serang.units == 2);
    CHECK(serang.reporting == 2);
    const auto ranked = rankUnits(units, store->layouts(), in, {});
    std::int64_t respondents = 0, u1sum = 0;
    double ikmSum = 0;
    for (const auto& u : ranked)
        if (u.unit.kodeWilayah == "36.04") {
            respondents += u.skm.respondents;
            u1sum += u.skm.unsur[0].sum;
            ikmSum += u.skm.ikmUnit;
        }
    CHECK(serang.skm.respondents == respondents);
    CHECK(serang.skm.unsur[0].sum == u1sum);
    CHECK(serang.meanUnitIkm == Approx(ikmSum / 2));
    CHECK(serang.unitsByMutu[0] + serang.unitsByMutu[1] + serang.unitsByMutu[2] + serang.unitsByMutu[3] == 2);
    const AreaRollup& banten = prov[0].code == "36" ? prov[0] : prov[1];
    CHECK(banten.name == "Banten");
    CHECK(banten.skm.respondents == respondents);
}

TEST_CASE("a Kanwil pools the provinces it covers, and a province in no Kanwil is named as such", "[national][tally][kanwil]") {
    swtest::TempDir d;
    auto store = openAssessorStore(kanwilOfThree(d), false);
    const Instrument in = *store->latestInstrument();
    const auto units = store->unitTallies({});
    // One office over Banten and Jawa Barat: it holds every respondent of both.
    const KanwilMap both = KanwilMap::parse(R"({"format": "suarawarga-kanwil", "format_version": 1, "kanwil": [
        {"code": "kanwil-barat", "name": "Kanwil Wilayah Barat", "provinces": [{"code": "36", "name": "Banten"}, {"code": "32", "name": "Jawa Barat"}]}]})",
                                            "both.json");
    const auto one = rollupByArea(units, store->layouts(), in, AreaLevel::Kanwil, Weights::Exact, &both);
    REQUIRE(one.size() == 1);
    CHECK(one[0].code == "kanwil-barat");
    CHECK(one[0].name == "Kanwil Wilayah Barat");
    CHECK(one[0].units == 3);
    std::int64_t all = 0;
    for (const auto& u : rankUnits(units, store->layouts(), in, {})) all += u.skm.respondents;
    CHECK(one[0].skm.respondents == all);
    // The shipped map: one Kanwil per province.
    const KanwilMap shipped = KanwilMap::load(defaultKanwilMapPath());
    CHECK(shipped.forProvince("36")->code == "kanwil-36");
    CHECK(shipped.provinceName("32") == "Jawa Barat");
    const auto two = rollupByArea(units, store->layouts(), in, AreaLevel::Kanwil, Weights::Exact, &shipped);
    CHECK(two.size() == 2);
    // A map that covers Banten only: Jawa Barat's unit is in no Kanwil, under an empty code.
    const KanwilMap banten = KanwilMap::parse(R"({"format": "suarawarga-kanwil", "format_version": 1, "kanwil": [
        {"code": "kanwil-36", "name": "Kanwil Banten", "provinces": [{"code": "36", "name": "Banten"}]}]})",
                                              "banten.json");
    const auto part = rollupByArea(units, store->layouts(), in, AreaLevel::Kanwil, Weights::Exact, &banten);
    REQUIRE(part.size() == 2);
    const AreaRollup& none = part[0].code.empty() ? part[0] : part[1];
    CHECK(none.code.empty());
    CHECK(none.units == 1);
}

TEST_CASE("a Kanwil map is refused with file, line and column when it is wrong", "[national][kanwil]") {
    auto problem = [](const std::string& text) {
        try {
            KanwilMap::parse(text, "map.json");
        } catch (const InstrumentError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    const std::string head = R"({"format": "suarawarga-kanwil", "format_version": 1, "kanwil": [)";
    CHECK(problem(R"({"format": "x"})").find("not a Kanwil map") != std::string::npos);
    const std::string twice = problem(head + R"(
        {"code": "kanwil-a", "name": "A", "provinces": [{"code": "36", "name": "Banten"}]},
        {"code": "kanwil-b", "name": "B", "provinces": [{"code": "36", "name": "Banten"}]}]})");
    CHECK(twice.find("map.json:3:") == 0);
    CHECK(twice.find("already covered by kanwil-a") != std::string::npos);
    CHECK(problem(head + R"({"code": "kanwil-a", "name": "A", "provinces": [{"code": "3", "name": "X"}]}]})").find("two digits") !=
          std::string::npos);
    CHECK(problem(head + R"({"code": "../etc", "name": "A", "provinces": [{"code": "36", "name": "X"}]}]})").find("/code") ==
          std::string::npos);   // the message names the position, not the pointer
    CHECK(problem(head + R"({"code": "../etc", "name": "A", "provinces": [{"code": "36", "name": "X"}]}]})") != "accepted");
    CHECK(problem(head + R"({"code": "kanwil-a", "name": "A\u001b[2J", "provinces": [{"code": "36", "name": "X"}]}]})") != "accepted");
    CHECK(problem(head + R"({"code": "kanwil-a", "name": "A", "provinces": []}]})").find("at least one province") != std::string::npos);
}

TEST_CASE("stored tally sums are read back exactly, and a damaged one is named", "[national][tally]") {
    std::vector<std::pair<std::int64_t, std::int64_t>> sums{{12, 3}, {0, 0}, {7, 2}};
    CHECK(encodeSums(sums) == "12:3,0:0,7:2");
    std::vector<std::pair<std::int64_t, std::int64_t>> back;
    addEncodedSums(back, encodeSums(sums));
    CHECK(back == sums);
    CHECK_THROWS_AS(addEncodedSums(back, "12:3,x"), StoreError);
    CHECK_THROWS_AS(addEncodedSums(back, "12:-3"), StoreError);
}
