// The dashboard's reporting periods in the unit's local calendar: bulan, triwulan (quarter),
// semester, tahun, or custom dates. PermenPANRB 14/2017 lets a unit survey per triwulan, semester
// or year; the head compares a period with the one before it.
#pragma once
#include "survey/base/local_time.hpp"

#include <string>

namespace sw {

enum class PeriodKind { Month, Triwulan, Semester, Year, Custom };
const char* periodKindCode(PeriodKind k);                 // "month" | "triwulan" | "semester" | "year" | "custom"
bool parsePeriodKind(const std::string& code, PeriodKind& out);

struct Period {
    PeriodKind kind = PeriodKind::Month;
    LocalDate from;                                       // inclusive, local dates
    LocalDate to;
    std::int64_t fromDay() const { return daysFromCivil(from.year, from.month, from.day); }
    std::int64_t toDay() const { return daysFromCivil(to.year, to.month, to.day); }
    std::int64_t days() const { return toDay() - fromDay() + 1; }
    bool contains(std::int64_t day) const { return day >= fromDay() && day <= toDay(); }
};

// The month / triwulan / semester / year that contains `day`.
Period periodContaining(PeriodKind kind, const LocalDate& day);
// Custom dates; throws UsageError when `to` is before `from`.
Period customPeriod(const LocalDate& from, const LocalDate& to);
// The period just before: the previous month/triwulan/…; for custom dates the same number of
// days immediately before `from`.
Period previousPeriod(const Period& p);
// The period just after (the picker's "next" arrow).
Period nextPeriod(const Period& p);
// "November 2026" / "Triwulan IV 2026" / "Semester II 2026" / "Tahun 2026" / "2026-01-05 – 2026-02-10"
// in Indonesian ("id") or English ("en").
std::string periodLabel(const Period& p, const std::string& lang);
std::string monthName(int month, const std::string& lang);   // 1..12
std::string monthShort(int month, const std::string& lang);  // "Jan", "Agu"/"Aug"
std::string romanNumeral(int n);                             // 1..4 → "I".."IV"

} // namespace sw
