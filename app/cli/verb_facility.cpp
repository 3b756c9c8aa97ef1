#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/small_file.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/facility/assessment_file.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/skm/period.hpp"
#include "survey/store/unit_setup.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbFacility(int argc, char** argv);
const VerbRegistrar reg{{"facility", "unit: store a P2HAM facility self-assessment written as a file (--from-file)", verbFacility}};

// The kiosk's accessibility index for the triwulan of the assessment, as the unit head's screen
// counts it beside the checklist (criterion "indeks_warga").
std::optional<double> citizenIndexFor(Store& store, const Instrument& in, const std::string& assessedOn) {
    LocalDate d;
    parseDate(assessedOn, d);
    const Period p = periodContaining(PeriodKind::Triwulan, d);
    ResponseFilter f;
    f.from = formatDate(p.from);
    f.to = formatDate(p.to);
    const AksesibilitasResult a = aksesibilitasFor(store, in, f);
    return a.any ? std::optional<double>(a.index) : std::nullopt;
}

void printScore(const FacilityScore& s) {
    const FacilityCoverage& c = s.coverage;
    std::cout << "Nilai fasilitas: " << formatNumber(s.total, 1, "id") << " dari 100"
              << (c.complete() ? std::string() : " — belum lengkap, atas " + std::to_string(c.assessed) + " dari " + std::to_string(c.total) + " kriteria")
              << "\n";
    std::size_t unanswered = 0;
    for (const auto& g : s.gaps) unanswered += g.kind == FacilityGap::Kind::Unanswered ? 1 : 0;
    std::cout << "Kekurangan: " << s.gaps.size() - unanswered << " (butir belum dinilai: " << unanswered << ")\n";
}

int verbFacility(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga facility [--db FILE] --from-file ASSESSMENT.json [--check]\n\n"
                     "Stores a P2HAM facility self-assessment filled on paper or by a script, as a new dated\n"
                     "assessment (earlier ones stay). The form (README \"Facility assessment from a file\"):\n"
                     "  {\"format\": \"suarawarga-facility-assessment\", \"format_version\": 1,\n"
                     "   \"assessed_on\": \"YYYY-MM-DD\", \"assessor\": \"…\", \"note\": \"…\",\n"
                     "   \"items\": {\"F10\": {\"status\": \"ada|proses|tidak\", \"note\": \"…\", \"measures\": {\"ramp_slope_inside\": 5.5}}},\n"
                     "   \"petugas\": \"ada|tidak\", \"petugas_staff\": \"…\", \"kepatuhan\": {\"SERVICE\": \"patuh|cukup_patuh|kurang_patuh\"}}\n"
                     "Every field is checked against the checklist; the first problem is named as FILE:LINE:COLUMN\n"
                     "and nothing is stored (exit 3). --check: check and print the score, store nothing.\n"
                     "Evidence photos and documents are attached in the unit head's area.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "from-file"}, {"check"});
    auto file = a.get("from-file");
    if (!file) throw UsageError("--from-file ASSESSMENT.json is required");
    const std::string text = readSmallFile(*file, 1u << 20, "a facility assessment");
    Store store(databaseOption(a.get("db", "")), Store::Options{.create = false});
    const Instrument in = requireUnit(store);
    const FacilityChecklist checklist = loadChecklist(defaultChecklistPath());
    std::vector<std::string> services;
    for (const auto& s : in.services) services.push_back(s.code);
    const std::string today = localDate(nowUtc(), store.unit()->utcOffsetMinutes);
    FacilityAssessment assessment = parseAssessmentFile(text, *file, checklist, services, today);
    assessment.citizenIndex = citizenIndexFor(store, in, assessment.assessedOn);
    printScore(scoreFacility(checklist, assessment, services));
    if (a.has("check")) {
        std::cout << "Diperiksa, tidak disimpan (--check).\n";
        return 0;
    }
    const std::int64_t id = saveAssessment(store, assessment);
    std::cout << "Disimpan sebagai penilaian " << id << " (" << assessment.assessedOn << ").\n";
    return 0;
}

} // namespace
} // namespace sw::cli
