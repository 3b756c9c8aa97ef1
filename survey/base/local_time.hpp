// Indonesian local time: UTC is stored, the unit's offset (WIB/WITA/WIT) is shown and exported.
#pragma once
#include <cstdint>
#include <string>

namespace sw {

struct LocalDate {
    int year = 1970, month = 1, day = 1;
};

int zoneOffsetMinutes(const std::string& zone);     // "WIB" → 420, "WITA" → 480, "WIT" → 540; throws UsageError
std::string zoneName(int offsetMinutes);             // 420 → "WIB"; other offsets → "UTC+hh:mm"
std::string offsetText(int offsetMinutes);           // 420 → "+07:00"

std::int64_t daysFromCivil(int y, int m, int d);     // days since 1970-01-01
LocalDate civilFromDays(std::int64_t days);
bool parseDate(const std::string& text, LocalDate& out); // strict YYYY-MM-DD, a real calendar day
std::string formatDate(const LocalDate& d);

// The local calendar date/time of a UTC instant at the given offset.
std::string localDate(std::int64_t utcSeconds, int offsetMinutes);                 // "2026-11-22"
std::string localDateTime(std::int64_t utcSeconds, int offsetMinutes);             // "2026-11-22 14:05:09+07:00"
// The same without allocating, for exports of a million rows: writes 10 / 25 characters.
void formatLocalDate(char* out, std::int64_t utcSeconds, int offsetMinutes);
void formatLocalDateTime(char* out, std::int64_t utcSeconds, int offsetMinutes);
// "2026-11-22 14:05:09+07:00", as the two above write it, back to the UTC instant and its offset;
// false unless the text has exactly that shape with a real date and time (the CSV export read back).
bool parseLocalDateTime(const std::string& text, std::int64_t& utcSeconds, int& offsetMinutes);
int localHour(std::int64_t utcSeconds, int offsetMinutes);
int localWeekday(std::int64_t utcSeconds, int offsetMinutes);                      // 0 = Monday … 6 = Sunday
std::int64_t utcFromLocal(const LocalDate& d, int hour, int minute, int offsetMinutes);
std::int64_t nowUtc();

} // namespace sw
