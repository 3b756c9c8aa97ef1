#include "survey/store/tally_spans.hpp"

#include "survey/base/local_time.hpp"

#include <stdexcept>

namespace sw {

namespace {

// Open ends as dates every stored day lies between.
constexpr const char* kFirstDay = "1970-01-01";   // no local date lies before (parseDate)
constexpr const char* kLastDay = "9999-12-31";

LocalDate dateOf(const std::string& text) {
    LocalDate d;
    if (!parseDate(text, d)) throw std::invalid_argument("tally period: \"" + text + "\" is not a date");
    return d;
}

std::int64_t dayNumber(const LocalDate& d) { return daysFromCivil(d.year, d.month, d.day); }
std::string dayText(std::int64_t n) { return formatDate(civilFromDays(n)); }

LocalDate nextMonth(LocalDate d) { return d.month == 12 ? LocalDate{d.year + 1, 1, 1} : LocalDate{d.year, d.month + 1, 1}; }

// Days [a, b] as whole months where they are whole, single days at the two ends.
void coverMonths(std::int64_t a, std::int64_t b, std::vector<SpanRange>& out) {
    if (a > b) return;
    const LocalDate da = civilFromDays(a);
    const LocalDate firstWhole = da.day == 1 ? da : nextMonth(da);         // the first month starting in [a, b]
    const LocalDate afterB = civilFromDays(b + 1);
    const LocalDate endWhole{afterB.year, afterB.month, 1};                // the first day after the last whole month
    const std::int64_t m1 = dayNumber(firstWhole), m2 = dayNumber(endWhole);
    if (m1 >= m2) {
        out.push_back({TallySpan::Day, dayText(a), dayText(b)});
        return;
    }
    if (a < m1) out.push_back({TallySpan::Day, dayText(a), dayText(m1 - 1)});
    out.push_back({TallySpan::Month, dayText(m1), formatDate(civilFromDays(m2 - 1)).substr(0, 8) + "01"});
    if (m2 <= b) out.push_back({TallySpan::Day, dayText(m2), dayText(b)});
}

} // namespace

std::vector<SpanRange> coverPeriod(const std::optional<std::string>& from, const std::optional<std::string>& to) {
    const LocalDate df = dateOf(from.value_or(kFirstDay)), dt = dateOf(to.value_or(kLastDay));
    const std::int64_t a = dayNumber(df), b = dayNumber(dt);
    std::vector<SpanRange> out;
    if (a > b) return out;
    const int y1 = (df.month == 1 && df.day == 1) ? df.year : df.year + 1;  // the first year starting in [a, b]
    const int y2 = (dt.month == 12 && dt.day == 31) ? dt.year : dt.year - 1; // the last year ending in it
    if (y1 > y2) {
        coverMonths(a, b, out);
        return out;
    }
    coverMonths(a, daysFromCivil(y1, 1, 1) - 1, out);
    out.push_back({TallySpan::Year, formatDate({y1, 1, 1}), formatDate({y2, 1, 1})});
    coverMonths(daysFromCivil(y2, 12, 31) + 1, b, out);
    return out;
}

std::string spanStart(TallySpan span, const std::string& day) {
    switch (span) {
    case TallySpan::Day: return day;
    case TallySpan::Month: return day.substr(0, 8) + "01";
    case TallySpan::Year: return day.substr(0, 5) + "01-01";
    }
    return day;
}

std::int64_t spanStartDay(TallySpan span, std::int64_t day) {
    const LocalDate d = civilFromDays(day);
    switch (span) {
    case TallySpan::Day: return day;
    case TallySpan::Month: return daysFromCivil(d.year, d.month, 1);
    case TallySpan::Year: return daysFromCivil(d.year, 1, 1);
    }
    return day;
}

const char* spanCode(TallySpan span) {
    switch (span) {
    case TallySpan::Day: return "d";
    case TallySpan::Month: return "m";
    case TallySpan::Year: return "y";
    }
    return "d";
}

} // namespace sw
