#include "survey/skm/period.hpp"

#include "survey/base/error.hpp"

namespace sw {

const char* periodKindCode(PeriodKind k) {
    switch (k) {
    case PeriodKind::Month: return "month";
    case PeriodKind::Triwulan: return "triwulan";
    case PeriodKind::Semester: return "semester";
    case PeriodKind::Year: return "year";
    case PeriodKind::Custom: return "custom";
    }
    return "month";
}

bool parsePeriodKind(const std::string& code, PeriodKind& out) {
    for (PeriodKind k : {PeriodKind::Month, PeriodKind::Triwulan, PeriodKind::Semester, PeriodKind::Year, PeriodKind::Custom})
        if (code == periodKindCode(k)) {
            out = k;
            return true;
        }
    return false;
}

namespace {

int monthsIn(PeriodKind k) {
    switch (k) {
    case PeriodKind::Month: return 1;
    case PeriodKind::Triwulan: return 3;
    case PeriodKind::Semester: return 6;
    case PeriodKind::Year: return 12;
    case PeriodKind::Custom: return 0;
    }
    return 1;
}

LocalDate lastDayOfMonth(int y, int m) {
    int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
    return civilFromDays(daysFromCivil(ny, nm, 1) - 1);
}

// A calendar period of `len` months starting at month index `start` (year*12 + month-1).
Period monthSpan(PeriodKind kind, int start, int len) {
    Period p;
    p.kind = kind;
    p.from = {start / 12, start % 12 + 1, 1};
    int last = start + len - 1;
    p.to = lastDayOfMonth(last / 12, last % 12 + 1);
    return p;
}

} // namespace

Period periodContaining(PeriodKind kind, const LocalDate& day) {
    if (kind == PeriodKind::Custom) return customPeriod(day, day);
    const int len = monthsIn(kind);
    const int idx = day.year * 12 + (day.month - 1);
    return monthSpan(kind, idx - idx % len, len);
}

Period customPeriod(const LocalDate& from, const LocalDate& to) {
    if (daysFromCivil(to.year, to.month, to.day) < daysFromCivil(from.year, from.month, from.day))
        throw UsageError("the period ends (" + formatDate(to) + ") before it starts (" + formatDate(from) + ")");
    Period p;
    p.kind = PeriodKind::Custom;
    p.from = from;
    p.to = to;
    return p;
}

Period previousPeriod(const Period& p) {
    if (p.kind == PeriodKind::Custom) {
        const std::int64_t len = p.days();
        return customPeriod(civilFromDays(p.fromDay() - len), civilFromDays(p.fromDay() - 1));
    }
    const int len = monthsIn(p.kind);
    return monthSpan(p.kind, p.from.year * 12 + (p.from.month - 1) - len, len);
}

Period nextPeriod(const Period& p) {
    if (p.kind == PeriodKind::Custom) {
        const std::int64_t len = p.days();
        return customPeriod(civilFromDays(p.toDay() + 1), civilFromDays(p.toDay() + len));
    }
    const int len = monthsIn(p.kind);
    return monthSpan(p.kind, p.from.year * 12 + (p.from.month - 1) + len, len);
}

std::string monthName(int month, const std::string& lang) {
    static const char* const id[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni",
                                     "Juli", "Agustus", "September", "Oktober", "November", "Desember"};
    static const char* const en[] = {"January", "February", "March", "April", "May", "June",
                                     "July", "August", "September", "October", "November", "December"};
    if (month < 1 || month > 12) return "?";
    return (lang == "en" ? en : id)[month - 1];
}

std::string monthShort(int month, const std::string& lang) {
    static const char* const id[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    static const char* const en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month < 1 || month > 12) return "?";
    return (lang == "en" ? en : id)[month - 1];
}

std::string romanNumeral(int n) {
    static const char* const r[] = {"I", "II", "III", "IV"};
    return n >= 1 && n <= 4 ? r[n - 1] : std::to_string(n);
}

std::string periodLabel(const Period& p, const std::string& lang) {
    const bool en = lang == "en";
    const std::string year = std::to_string(p.from.year);
    switch (p.kind) {
    case PeriodKind::Month: return monthName(p.from.month, lang) + " " + year;
    case PeriodKind::Triwulan: return (en ? "Quarter " : "Triwulan ") + romanNumeral((p.from.month - 1) / 3 + 1) + " " + year;
    case PeriodKind::Semester: return std::string("Semester ") + romanNumeral((p.from.month - 1) / 6 + 1) + " " + year;
    case PeriodKind::Year: return (en ? "Year " : "Tahun ") + year;
    case PeriodKind::Custom: return formatDate(p.from) + " – " + formatDate(p.to);
    }
    return formatDate(p.from);
}

} // namespace sw
