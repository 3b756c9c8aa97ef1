#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"

#include <catch2/catch.hpp>

using namespace sw;

TEST_CASE("local dates in WIB, WITA and WIT", "[time]") {
    // 2026-11-21 17:30 UTC is already the 22nd in WIB (00:30), WITA and WIT.
    LocalDate d{2026, 11, 21};
    std::int64_t t = utcFromLocal(d, 17, 30, 0);
    CHECK(localDate(t, 0) == "2026-11-21");
    CHECK(localDate(t, zoneOffsetMinutes("WIB")) == "2026-11-22");
    CHECK(localDateTime(t, 540) == "2026-11-22 02:30:00+09:00");
    CHECK(localHour(t, 480) == 1);
    CHECK(zoneName(480) == "WITA");
    CHECK_THROWS_AS(zoneOffsetMinutes("PST"), UsageError);
    CHECK(localWeekday(utcFromLocal({2026, 11, 23}, 9, 0, 420), 420) == 0); // a Monday
}

TEST_CASE("dates are parsed strictly", "[time]") {
    LocalDate d;
    CHECK(parseDate("2026-02-28", d));
    CHECK_FALSE(parseDate("2026-02-30", d));
    CHECK_FALSE(parseDate("2026-2-3", d));
    CHECK_FALSE(parseDate("26-02-2026", d));
    CHECK(parseDate("2028-02-29", d));
    CHECK(formatDate(civilFromDays(daysFromCivil(2000, 3, 1))) == "2000-03-01");
}
