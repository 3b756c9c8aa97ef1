#include "survey/base/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw {

double roundTo(double v, int decimals) {
    double f = std::pow(10.0, decimals);
    // A small epsilon so 76.605 computed as 76.60499999 still rounds as printed by hand.
    return std::round(v * f + (v >= 0 ? 1e-9 : -1e-9)) / f;
}

std::string formatNumber(double v, int decimals, const std::string& lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, roundTo(v, decimals));
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // -0,00 is not a figure anyone prints: a value that rounds to zero is zero.
        if (s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    }
    if (lang != "en") std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string formatCount(std::int64_t n, const std::string& lang) {
    const std::string digits = std::to_string(n < 0 ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
    const char sep = lang == "en" ? ',' : '.';
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

} // namespace sw
