// What a bundle and the reports carry beside the responses: the unit's latest P2HAM facility
// self-assessment for the period (scored with the unit's checklist, with its evidence), the
// population the head entered (Krejcie–Morgan) and the rencana tindak lanjut. Read through the
// unit head's APIs (survey/facility/assessment.hpp, evidence.hpp, tindak_lanjut.hpp, dashboard.hpp).
#pragma once
#include "survey/skm/period.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace sw {

// The filter's dates as a Period; open ends are closed with the first/last response date (or
// today when the store is empty).
Period exportPeriod(Store& store, const ResponseFilter& f);

// The newest assessment made on or before the period's end, if any.
std::optional<FacilityAssessment> assessmentForPeriod(Store& store, const Period& p);

// {"checklist", "assessed_on", "score", "criteria", "items"[{…, "evidence"[…]}], "gaps", "gap_count"}
// or null when the unit has no assessment. withEvidence: include the evidence files (base64).
nlohmann::json facilityForBundle(Store& store, const ResponseFilter& f, bool withEvidence = true);
// {"population": N|null, "tindak_lanjut": […]}
nlohmann::json unitExtraForBundle(Store& store, const ResponseFilter& f);

std::string base64(const std::string& bytes);
std::optional<std::string> unbase64(const std::string& text);

} // namespace sw
