// The reporting period an assessor compares units over: a month / triwulan / semester / year of
// the units' local calendar, or all time. Kanwil compares units per reporting period
// (PermenPANRB 14/2017: per triwulan, semester or year), so the roll-up opens on a period.
#pragma once
#include "survey/skm/period.hpp"
#include "survey/store/store.hpp"

#include <optional>

namespace sw {

// The local date of the newest response in the store (merged units included); none when empty.
std::optional<LocalDate> newestResponseDate(Store& store);
// The roll-up's first period: the triwulan holding the newest response, or all time (nullopt)
// for an empty store.
std::optional<Period> defaultRollupPeriod(Store& store);
// The same from the newest response's date, however the store found it (AssessorStore).
std::optional<Period> defaultRollupPeriod(const std::optional<LocalDate>& newest);
// The responses of `p` (local dates, inclusive); all time when `p` is empty.
ResponseFilter periodFilter(const std::optional<Period>& p);

} // namespace sw
