// The Kanwil's verification of a unit's facility self-assessment: verdicts change the score
// exactly as the unit's own scoring would (hand-computed below), the verdicts file is checked
// whole with the field and its place named, and both assessor stores keep and give the same.
#include "survey/national/pg_cluster.hpp"
#include "survey/national/verification_fixture.hpp"

#include "survey/base/error.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace sw;
using swtest::TempDir;

namespace {

Verification verdicts(const std::string& unit, const nlohmann::json& others) {
    return parseVerdicts(swtest::verdictsJson(unit, others), "verdicts.json", loadChecklist(defaultChecklistPath()), unit);
}

const CriterionScore& criterion(const FacilityScore& s, const std::string& code) {
    for (const auto& c : s.criteria)
        if (c.code == code) return c;
    FAIL("no criterion " << code);
    throw;
}

std::string refusal(const std::string& text, const std::string& unit = "unit-a") {
    try {
        parseVerdicts(text, "v.json", loadChecklist(defaultChecklistPath()), unit);
    } catch (const InstrumentError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("an item marked Tidak sesuai lowers the verified score exactly as hand-computed", "[national][verification]") {
    TempDir d;
    auto store = openAssessorStore(d.file("kanwil.db"), true);
    swtest::mergeInto(*store, swtest::unitClaimingAda(d, "unit-a"));
    const auto claim = store->facilityClaim("unit-a");
    REQUIRE(claim);
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());

    // Weights 30 aksesibilitas (6 items), 25 sarana (8 items), 20 sdm (petugas); kepatuhan and the
    // kiosk index have no data. All Ada: 100.
    const VerifiedScore all = scoreVerification(c, claim->report, verdicts("unit-a", {}));
    CHECK(all.self.total == Approx(100.0));
    CHECK(all.verified.total == Approx(100.0));
    CHECK(all.differing.empty());
    CHECK(all.coverage.criteriaWithData == 3);
    CHECK(all.coverage.criteria == 5);
    CHECK_FALSE(all.coverage.complete());
    CHECK(all.coverage.itemsVerified == 15);
    CHECK(all.coverage.items == 15);

    // F10 (aksesibilitas) Tidak sesuai: (5×100 + 0) / 6 = 83,33; (30×83,33 + 25×100 + 20×100) / 75 = 93,33.
    const VerifiedScore f10 = scoreVerification(c, claim->report, verdicts("unit-a", {{"F10", {{"verdict", "tidak_sesuai"}, {"note", "Tidak ada ramp"}}}}));
    CHECK(criterion(f10.verified, "aksesibilitas").score == Approx(500.0 / 6));
    CHECK(f10.verified.total == Approx(7000.0 / 75));
    CHECK(f10.difference == Approx(7000.0 / 75 - 100));
    REQUIRE(f10.differing.size() == 1);
    CHECK(f10.differing[0].item == "F10");
    CHECK(f10.differing[0].claimed == FacilityStatus::Ada);
    CHECK(f10.differing[0].verified == FacilityStatus::Tidak);

    // Found "proses" instead: (5×100 + 50) / 6; and a re-measured toilet door of 85 cm (< 90 cm,
    // Permen PUPR 14/2017) on a verified F03 counts as in progress (50): (4×100 + 50 + 50) / 6 = 83,33.
    const VerifiedScore both = scoreVerification(
        c, claim->report,
        verdicts("unit-a", {{"F10", {{"verdict", "tidak_sesuai"}, {"found", "proses"}, {"note", "Ramp belum selesai"}}},
                            {"F03", {{"verdict", "terverifikasi"}, {"measured", {{"toilet_door", 85}}}}}}));
    CHECK(criterion(both.verified, "aksesibilitas").score == Approx(500.0 / 6));
    CHECK(both.verified.total == Approx((30 * 500.0 / 6 + 2500 + 2000) / 75));
    REQUIRE(both.differing.size() == 2);
    CHECK(both.differing[0].item == "F03");
    CHECK(both.differing[0].failingMeasures == std::vector<std::string>{"toilet_door"});

    // Perlu klarifikasi is not credited: F01 left out of sarana (7 × 100 / 7), petugas left out of sdm.
    const VerifiedScore pending = scoreVerification(
        c, claim->report, verdicts("unit-a", {{"F01", {{"verdict", "perlu_klarifikasi"}, {"note", "Foto kurang jelas"}}}}));
    CHECK(pending.verified.total == Approx(100.0));
    CHECK(pending.coverage.itemsVerified == 14);
    REQUIRE(pending.differing.size() == 1);
    CHECK(pending.differing[0].verified == FacilityStatus::Unset);
}

TEST_CASE("a verdicts file is checked whole and a refusal names the field and its place", "[national][verification]") {
    const std::string good = swtest::verdictsJson("unit-a", {});
    CHECK(refusal(good).empty());
    auto with = [&](const std::function<void(nlohmann::json&)>& change) {
        nlohmann::json j = nlohmann::json::parse(good);
        change(j);
        return refusal(j.dump(2));
    };
    CHECK(refusal("{\"format\": ").find("v.json:1:") != std::string::npos);
    CHECK(with([](auto& j) { j["format"] = "other"; }).find("\"format\" must be") != std::string::npos);
    CHECK(with([](auto& j) { j["unit"] = "unit-b"; }).find("for unit \"unit-b\", not unit-a") != std::string::npos);
    CHECK(with([](auto& j) { j["visit"]["date"] = "2026-02-30"; }).find("\"date\" must be a real date") != std::string::npos);
    CHECK(with([](auto& j) { j["visit"]["assessors"] = nlohmann::json::array(); }).find("\"assessors\" must be a non-empty array") !=
          std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][2]["item"] = "F99"; }).find("unknown item \"F99\"") != std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][2]["item"] = "F01"; }).find("duplicate") != std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][3]["verdict"] = "ok"; }).find("\"verdict\" must be terverifikasi") != std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][3]["verdict"] = "tidak_sesuai"; }).find("needs a \"note\"") != std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][9]["measured"] = {{"toilet_door", 80}}; }).find("\"toilet_door\" is not a measure of item F10") !=
          std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][9]["measured"] = {{"ramp_width", "wide"}}; }).find("must be a number") != std::string::npos);
    CHECK(with([](auto& j) { j["verdicts"][0]["found"] = "tidak"; }).find("\"found\" is only for a tidak_sesuai verdict") !=
          std::string::npos);
    // The place: line and column of the bad value.
    const std::string where = with([](auto& j) { j["verdicts"][3]["verdict"] = "ok"; });
    CHECK(where.rfind("v.json:", 0) == 0);
    CHECK(where.find(":0:") == std::string::npos);
}

TEST_CASE("the same verdicts give the same figures in the file store and PostgreSQL", "[national][verification][postgresql]") {
    TempDir d;
    static int made = 0;
    const std::string url = swtest::PgCluster::shared().newDatabase("verify_" + std::to_string(getpid()) + "_" + std::to_string(++made));
    auto file = openAssessorStore(d.file("kanwil.db"), true);
    auto pg = openAssessorStore(url, true);
    const std::string bundle = swtest::unitClaimingAda(d, "unit-a");
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    Verification v = verdicts("unit-a", {{"F10", {{"verdict", "tidak_sesuai"}, {"note", "Tidak ada ramp"}, {"measured", {{"ramp_width", 80}}}}},
                                         {"F01", {{"verdict", "perlu_klarifikasi"}, {"note", "Foto kurang jelas"}}}});
    v.savedUtc = 1700000000;
    std::vector<VerifiedScore> scores;
    std::vector<std::string> periods;
    for (AssessorStore* s : {file.get(), pg.get()}) {
        INFO(s->name());
        swtest::mergeInto(*s, bundle);
        CHECK_FALSE(s->verification("unit-a"));
        const auto claim = s->facilityClaim("unit-a");
        REQUIRE(claim);
        CHECK(claim->unit.name == "Unit unit-a");
        periods.push_back(claim->periodFrom + "/" + claim->periodTo);
        v.claimAssessedOn = claim->report.value("assessed_on", "");
        s->saveVerification(v);
        s->saveVerification(v); // replaces, never duplicates
        const auto back = s->verification("unit-a");
        REQUIRE(back);
        CHECK(verificationToJson(*back) == verificationToJson(v));
        CHECK(s->verifications().size() == 1);
        scores.push_back(scoreVerification(c, claim->report, *back));
    }
    CHECK(periods[0] == periods[1]);
    CHECK(scores[0].self.total == scores[1].self.total);
    CHECK(scores[0].verified.total == scores[1].verified.total);
    CHECK(scores[0].verified.total == Approx((30 * 500.0 / 6 + 25 * 100 + 20 * 100) / 75));
    CHECK(scores[0].differing.size() == scores[1].differing.size());
    CHECK(scores[0].coverage.itemsVerified == scores[1].coverage.itemsVerified);
    CHECK(scores[0].coverage.criteriaWithData == scores[1].coverage.criteriaWithData);
    CHECK_FALSE(pg->facilityClaim("no-such-unit"));
    CHECK_FALSE(file->facilityClaim("no-such-unit"));
}
