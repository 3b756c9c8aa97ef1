// The verdicts file an assessor writes (or the assessor view saves) for one unit, and the JSON a
// verification is stored and sent back as. README "The assessor verifies" documents the form:
//
//   {"format": "suarawarga-verdicts", "format_version": 1, "unit": "kanim-jaksel",
//    "visit": {"date": "2026-11-20", "assessors": ["Budi Santoso"], "seen": "…"},
//    "verdicts": [{"item": "F10", "verdict": "tidak_sesuai", "found": "proses",
//                  "note": "…", "measured": {"ramp_slope_inside": 8.5}}, …]}
//
// Checked whole before anything is stored: every refusal is InstrumentError "FILE:LINE:COLUMN:
// problem" naming the field (the one validating reader, survey/base/json_reader.hpp).
#pragma once
#include "survey/facility/checklist.hpp"
#include "survey/national/verification.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sw {

// `unitId`: the unit named on the command line ("unit" in the file, when given, must match it).
Verification parseVerdicts(const std::string& jsonText, const std::string& fileName, const FacilityChecklist& c,
                           const std::string& unitId);
Verification loadVerdicts(const std::string& path, const FacilityChecklist& c, const std::string& unitId);

// The same form with the stored fields beside it (unit name, checklist, claim date, period, saved).
nlohmann::json verificationToJson(const Verification& v);
// Reads what verificationToJson wrote (a store's own rows, a verified result file's payload);
// fields it does not know are ignored. Throws BundleError(Malformed) when a required one is missing.
Verification verificationFromJson(const nlohmann::json& j);

} // namespace sw
