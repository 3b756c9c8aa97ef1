// The unit's rencana tindak lanjut as its latest bundle carried it (every period the bundle
// overlaps), on the assessor's unit page: what the unit plans about its weak unsur and facility
// gaps, who owns it, by when, and how far it got.
#pragma once
#include "survey/base/translations.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sw::assessor {

// `extra`: the bundle's "extra" object (survey/dashboard/unit_report.hpp unitExtraForBundle).
void drawFollowUpPlan(const nlohmann::json& extra, const Translations& tr, const std::string& lang);

} // namespace sw::assessor
