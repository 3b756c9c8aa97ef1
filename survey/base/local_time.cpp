#include "survey/base/local_time.hpp"

#include "survey/base/error.hpp"

#include <chrono>
#include <cstdio>

namespace sw {

int zoneOffsetMinutes(const std::string& zone) {
    if (zone == "WIB") return 7 * 60;
    if (zone == "WITA") return 8 * 60;
    if (zone == "WIT") return 9 * 60;
    throw UsageError("unknown time zone \"" + zone + "\" (use WIB, WITA or WIT)");
}

std::string zoneName(int off) {
    if (off == 420) return "WIB";
    if (off == 480) return "WITA";
    if (off == 540) return "WIT";
    return "UTC" + offsetText(off);
}

std::string offsetText(int off) {
    char buf[16];
    int a = off < 0 ? -off : off;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

// Howard Hinnant's civil-calendar algorithms (public domain).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

LocalDate civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool parseDate(const std::string& t, LocalDate& out) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[static_cast<std::size_t>(i)] < '0' || t[static_cast<std::size_t>(i)] > '9') return false;
    int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970) return false;
    LocalDate back = civilFromDays(daysFromCivil(y, m, d));
    if (back.year != y || back.month != m || back.day != d) return false; // 2026-02-30
    out = back;
    return true;
}

std::string formatDate(const LocalDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

static std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string localDate(std::int64_t utc, int off) {
    return formatDate(civilFromDays(floorDiv(utc + off * 60, 86400)));
}

namespace {
void digits(char* out, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}
} // namespace

void formatLocalDate(char* out, std::int64_t utc, int off) {
    LocalDate d = civilFromDays(floorDiv(utc + off * 60, 86400));
    digits(out, d.year, 4);
    out[4] = '-';
    digits(out + 5, d.month, 2);
    out[7] = '-';
    digits(out + 8, d.day, 2);
}

void formatLocalDateTime(char* out, std::int64_t utc, int off) {
    formatLocalDate(out, utc, off);
    const std::int64_t local = utc + off * 60;
    const auto secs = static_cast<int>(local - floorDiv(local, 86400) * 86400);
    out[10] = ' ';
    digits(out + 11, secs / 3600, 2);
    out[13] = ':';
    digits(out + 14, secs / 60 % 60, 2);
    out[16] = ':';
    digits(out + 17, secs % 60, 2);
    const int a = off < 0 ? -off : off;
    out[19] = off < 0 ? '-' : '+';
    digits(out + 20, a / 60, 2);
    out[22] = ':';
    digits(out + 23, a % 60, 2);
}

std::string localDateTime(std::int64_t utc, int off) {
    std::int64_t local = utc + off * 60;
    std::int64_t secs = local - floorDiv(local, 86400) * 86400;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d%s", localDate(utc, off).c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), offsetText(off).c_str());
    return buf;
}

int localHour(std::int64_t utc, int off) {
    std::int64_t local = utc + off * 60;
    return static_cast<int>((local - floorDiv(local, 86400) * 86400) / 3600);
}

int localWeekday(std::int64_t utc, int off) {
    std::int64_t days = floorDiv(utc + off * 60, 86400);
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

namespace {
// Two digits at `at`, or -1.
int twoDigits(const std::string& t, std::size_t at) {
    const char a = t[at], b = t[at + 1];
    return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
}
} // namespace

bool parseLocalDateTime(const std::string& t, std::int64_t& utc, int& off) {
    LocalDate d;
    if (t.size() != 25 || t[10] != ' ' || t[13] != ':' || t[16] != ':' || (t[19] != '+' && t[19] != '-') || t[22] != ':') return false;
    if (!parseDate(t.substr(0, 10), d)) return false;
    const int h = twoDigits(t, 11), m = twoDigits(t, 14), s = twoDigits(t, 17), oh = twoDigits(t, 20), om = twoDigits(t, 23);
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || oh < 0 || oh > 14 || om < 0 || om > 59) return false;
    off = (t[19] == '-' ? -1 : 1) * (oh * 60 + om);
    utc = utcFromLocal(d, h, m, off) + s;
    return true;
}

std::int64_t utcFromLocal(const LocalDate& d, int hour, int minute, int off) {
    return daysFromCivil(d.year, d.month, d.day) * 86400 + hour * 3600 + minute * 60 - off * 60;
}

std::int64_t nowUtc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace sw
