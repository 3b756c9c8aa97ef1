// Which tallies a period's roll-up reads. Besides one row per day (daily_tally), a store keeps the
// same sums per calendar month and per calendar year (period_tally), so a roll-up reads the few
// rows of the whole years and months its period covers and days only at its ragged ends: a year
// of 20,000 units is 20,000 × masks rows instead of 365 times as many (README "The national
// store"). Every layer is counted from the same responses by ResponseTotals::count, so the
// figures do not depend on which layer a period is read from (tests/survey/national/test_tallies).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

enum class TallySpan { Day, Month, Year };

// The tallies of one layer whose start date lies in [first, last] (YYYY-MM-DD, inclusive). A
// month's or year's tally starts on its first day.
struct SpanRange {
    TallySpan span = TallySpan::Day;
    std::string first, last;
};

// The fewest ranges that together cover [from, to] exactly (local dates, inclusive; an empty end
// is open): whole years, then whole months, then single days. Dates must be valid YYYY-MM-DD.
std::vector<SpanRange> coverPeriod(const std::optional<std::string>& from, const std::optional<std::string>& to);

// The first day of the month / year holding `day` (YYYY-MM-DD): the key of its tally in that layer.
std::string spanStart(TallySpan span, const std::string& day);
// The same for a day counted from 1970-01-01 (survey/base/local_time.hpp daysFromCivil).
std::int64_t spanStartDay(TallySpan span, std::int64_t day);
// How period_tally names its layers: "m", "y".
const char* spanCode(TallySpan span);

} // namespace sw
