// A facility self-assessment written as a file, for units that fill the checklist on paper first
// and for scripted set-ups (README "Facility assessment from a file"):
//   {"format": "suarawarga-facility-assessment", "format_version": 1,
//    "assessed_on": "2026-11-20", "assessor": "Kasubag Umum", "note": "…",
//    "items": {"F10": {"status": "ada", "note": "ramp depan", "measures": {"ramp_slope_inside": 5.5}}, …},
//    "petugas": "ada", "petugas_staff": "Budi (loket 1)",
//    "kepatuhan": {"paspor": "patuh"}}
// Every field is checked against the checklist and the unit's services; the first problem is
// named as file:line:column and nothing is stored. Evidence files are attached in the unit
// head's area (a path from data never becomes a file to read).
#pragma once
#include "survey/facility/assessment.hpp"

#include <string>
#include <vector>

namespace sw {

// Throws InstrumentError("file:line:column: what") at the first bad field. `today` is the unit's
// local date: an assessment dated after it is refused.
FacilityAssessment parseAssessmentFile(const std::string& text, const std::string& fileName, const FacilityChecklist& checklist,
                                       const std::vector<std::string>& services, const std::string& today);

} // namespace sw
