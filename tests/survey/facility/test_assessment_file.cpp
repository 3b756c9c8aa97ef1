// A facility self-assessment from a file: the same assessment as the screen makes, and every bad
// field named by file, line and column with nothing stored.
#include "survey/test_helpers.hpp"

#include "survey/base/error.hpp"
#include "survey/base/small_file.hpp"
#include "survey/facility/assessment_file.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/store/store.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

const FacilityChecklist& checklist() {
    static const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    return c;
}

const std::vector<std::string> kServices{"paspor", "izin_tinggal"};

std::string form(const std::string& items, const std::string& more = "") {
    return R"({"format": "suarawarga-facility-assessment", "format_version": 1, "assessed_on": "2026-11-20",
 "assessor": "Kasubag Umum", "items": )" +
           items + more + "}";
}

std::string problem(const std::string& text) {
    try {
        parseAssessmentFile(text, "a.json", checklist(), kServices, "2026-11-30");
    } catch (const InstrumentError& e) {
        return e.what();
    }
    return "accepted";
}

} // namespace

TEST_CASE("a facility assessment from a file scores as the screen's would", "[facility][from_file]") {
    const FacilityAssessment a = parseAssessmentFile(
        form(R"({"F10": {"status": "ada", "note": "ramp depan", "measures": {"ramp_slope_inside": 7.0, "ramp_width": 100}},
                 "F14": {"status": "tidak"}, "F06": {"status": "proses"}})",
             R"(, "petugas": "ada", "petugas_staff": "Budi", "kepatuhan": {"paspor": "patuh", "izin_tinggal": "kurang_patuh"})"),
        "a.json", checklist(), kServices, "2026-11-30");
    CHECK(a.assessedOn == "2026-11-20");
    CHECK(a.assessor == "Kasubag Umum");
    CHECK(a.items.at("F10").measures.at("ramp_slope_inside") == 7.0);
    CHECK(a.items.at("F14").status == FacilityStatus::Tidak);
    CHECK(a.petugas == FacilityStatus::Ada);
    CHECK(a.kepatuhan.at("izin_tinggal") == "kurang_patuh");
    const FacilityScore s = scoreFacility(checklist(), a, kServices);
    CHECK(s.coverage.assessed == 4);   // no kiosk index given: four of five criteria
    CHECK_FALSE(s.coverage.complete());
    // The stored assessment reads back the same.
    swtest::TempDir d;
    Store store(d.file("unit.db"));
    const std::int64_t id = saveAssessment(store, a);
    const auto back = loadAssessment(store, id);
    REQUIRE(back);
    CHECK(back->items.at("F10").note == "ramp depan");
}

TEST_CASE("a bad facility assessment file is named by line and column", "[facility][from_file]") {
    CHECK(problem(R"({"format": "x"})").find("not a facility assessment") != std::string::npos);
    CHECK(problem(form(R"({"F99": {"status": "ada"}})")).find("no item \"F99\"") != std::string::npos);
    CHECK(problem(form(R"({"F10": {"status": "mungkin"}})")).find("a.json:2:48: must be") == 0);
    CHECK(problem(form(R"({"F10": {"status": "ada", "measures": {"tinggi": 3}}})")).find("no measurement \"tinggi\"") != std::string::npos);
    CHECK(problem(form(R"({"F10": {"status": "ada", "measures": {"ramp_width": -4}}})")).find("0 to 100000") != std::string::npos);
    CHECK(problem(form(R"({"F10": {"status": "ada", "note": "a\u001b[2J"}})")).find("control character") != std::string::npos);
    CHECK(problem(form("{}", R"(, "petugas": "proses")")).find("\"ada\" or \"tidak\"") != std::string::npos);
    CHECK(problem(form("{}", R"(, "kepatuhan": {"visa": "patuh"})")).find("no service \"visa\"") != std::string::npos);
    CHECK(problem(form("{}", R"(, "kepatuhan": {"paspor": "sangat"})")).find("not a level") != std::string::npos);
    CHECK(problem(form("{}", R"(, "skor": 100)")).find("unknown field \"skor\"") != std::string::npos);
    const std::string future = R"({"format": "suarawarga-facility-assessment", "format_version": 1, "assessed_on": "2027-01-01"})";
    CHECK(problem(future).find("after today") != std::string::npos);
    CHECK(problem(R"({"format": "suarawarga-facility-assessment", "format_version": 1, "assessed_on": "2026-02-30"})").find("YYYY-MM-DD") !=
          std::string::npos);
    CHECK(problem(form("{}")) == "accepted");
}

TEST_CASE("a small input file is read up to its cap and no further", "[facility][from_file][security]") {
    CHECK_THROWS_WITH(readSmallFile("/dev/zero", 1024, "a facility assessment"), Catch::Contains("larger than 1 KiB"));
    CHECK_THROWS_WITH(readSmallFile("/nonexistent/x.json", 1024, "a facility assessment"), Catch::Contains("cannot read"));
}
