// What the P2HAM evidence pack says about itself (survey/export/p2ham_pack.hpp): DAFTAR-ISI.txt
// for a person, index.json for a machine and penilaian-fasilitas.csv for a spreadsheet, all read
// from the facility report as a bundle carries it (facilityForBundle, survey/dashboard/unit_report.hpp)
// with each evidence entry's "path" inside the ZIP added.
#pragma once
#include "survey/base/translations.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/skm/period.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sw {

// The pack's fixed entries, in the order they are written.
inline constexpr const char* kPackIndexText = "DAFTAR-ISI.txt";
inline constexpr const char* kPackIndexJson = "index.json";
inline constexpr const char* kPackAssessmentCsv = "penilaian-fasilitas.csv";
inline constexpr const char* kPackAnnexPdf = "lampiran-p2ham.pdf";
inline constexpr const char* kPackEvidenceFolder = "data-dukung";

struct PackContext {
    const nlohmann::json& report;      // facilityForBundle, evidence entries with "path"
    const FacilityChecklist& checklist; // which criteria petugas, kepatuhan and the citizens' index feed
    const UnitInfo& unit;
    const Period& period;
    const Translations& tr;
    const std::string& lang;
    std::string created;               // local date and time the pack was made
};

// The report's items grouped under their criteria, in the checklist's order: what index.json and
// DAFTAR-ISI.txt list.
nlohmann::json packCriteria(const nlohmann::json& report);

std::string packIndexJson(const PackContext& x);
std::string packIndexText(const PackContext& x);
std::string packAssessmentCsv(const PackContext& x);

} // namespace sw
