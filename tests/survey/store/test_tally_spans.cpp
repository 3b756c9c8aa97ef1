// Which tallies cover a period (survey/store/tally_spans.hpp): whole years, whole months, single
// days, each day of the period exactly once.
#include "survey/base/local_time.hpp"
#include "survey/store/tally_spans.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace sw;

namespace {

std::string show(const std::vector<SpanRange>& rs) {
    std::string out;
    for (const auto& r : rs) out += std::string(spanCode(r.span)) + ":" + r.first + ".." + r.last + " ";
    return out;
}

std::int64_t dayNo(const std::string& t) {
    LocalDate d;
    REQUIRE(parseDate(t, d));
    return daysFromCivil(d.year, d.month, d.day);
}

// Every day the ranges cover, each counted once (a repeat fails).
std::set<std::int64_t> coveredDays(const std::vector<SpanRange>& rs) {
    std::set<std::int64_t> days;
    for (const auto& r : rs)
        for (std::int64_t s = dayNo(r.first); s <= dayNo(r.last); ++s) {
            const LocalDate d = civilFromDays(s);
            if (r.span == TallySpan::Month && d.day != 1) continue;
            if (r.span == TallySpan::Year && (d.month != 1 || d.day != 1)) continue;
            std::int64_t end = s;
            if (r.span == TallySpan::Month) end = dayNo(formatDate(d.month == 12 ? LocalDate{d.year + 1, 1, 1} : LocalDate{d.year, d.month + 1, 1})) - 1;
            if (r.span == TallySpan::Year) end = daysFromCivil(d.year, 12, 31);
            for (std::int64_t x = s; x <= end; ++x) CHECK(days.insert(x).second);
        }
    return days;
}

} // namespace

TEST_CASE("A period is covered by years, months and days, each day once", "[tallies]") {
    CHECK(show(coverPeriod("2026-01-01", "2026-12-31")) == "y:2026-01-01..2026-01-01 ");
    CHECK(show(coverPeriod("2026-04-01", "2026-06-30")) == "m:2026-04-01..2026-06-01 ");
    CHECK(show(coverPeriod("2026-11-30", "2026-11-30")) == "d:2026-11-30..2026-11-30 ");
    CHECK(show(coverPeriod("2026-02-15", "2026-03-10")) == "d:2026-02-15..2026-03-10 ");
    CHECK(show(coverPeriod("2025-12-20", "2027-01-05")) ==
          "d:2025-12-20..2025-12-31 y:2026-01-01..2026-01-01 d:2027-01-01..2027-01-05 ");
    CHECK(show(coverPeriod("2025-11-20", "2028-02-28")) ==
          "d:2025-11-20..2025-11-30 m:2025-12-01..2025-12-01 y:2026-01-01..2027-01-01 m:2028-01-01..2028-01-01 d:2028-02-01..2028-02-28 ");
    CHECK(show(coverPeriod("2028-01-01", "2028-02-29")) == "m:2028-01-01..2028-02-01 ");   // a leap February is whole
    CHECK(coverPeriod("2026-05-02", "2026-05-01").empty());

    // Every day of many periods, exactly once.
    const std::vector<std::string> ends{"2024-02-28", "2024-02-29", "2024-03-01", "2025-01-01", "2025-06-15", "2025-12-31", "2026-01-31"};
    for (const auto& from : ends)
        for (const auto& to : ends) {
            if (from > to) continue;
            INFO(from << " .. " << to << ": " << show(coverPeriod(from, to)));
            const auto days = coveredDays(coverPeriod(from, to));
            CHECK(static_cast<std::int64_t>(days.size()) == dayNo(to) - dayNo(from) + 1);
            CHECK(*days.begin() == dayNo(from));
            CHECK(*days.rbegin() == dayNo(to));
        }
}

TEST_CASE("An open end covers every stored day", "[tallies]") {
    const auto all = coverPeriod(std::nullopt, std::nullopt);
    REQUIRE(all.size() == 1);
    CHECK(all[0].span == TallySpan::Year);
    CHECK(all[0].first <= "1970-01-01");
    CHECK(all[0].last >= "2999-01-01");
    CHECK(show(coverPeriod("2026-03-05", std::nullopt)).rfind("d:2026-03-05..2026-03-31 m:2026-04-01..2026-12-01 y:2027-01-01..", 0) == 0);
}
