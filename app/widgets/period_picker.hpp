// The assessor's reporting-period picker: Month · Quarter · Semester · Year · All time, then
// "< Quarter IV 2026 >" to step through periods (the unit head's dashboard has the same presets).
#pragma once
#include "survey/skm/period.hpp"
#include "survey/base/translations.hpp"

#include <optional>
#include <string>

namespace sw::assessor {

// Draws one row (the arrows wrap under the presets when the row would run off the window).
// `anchor` is the day a preset starts from when none is chosen yet: the newest response.
// Returns true when the user changed `period` (nullopt = all time) this frame.
bool drawPeriodPicker(std::optional<Period>& period, const LocalDate& anchor, const Translations& tr, const std::string& lang);

// The period a preset picks: the one of `kind` holding the current period's end, or `anchor`
// when that is later (or when showing all time) — a preset never jumps past the data.
Period presetPeriod(PeriodKind kind, const std::optional<Period>& current, const LocalDate& anchor);

} // namespace sw::assessor
