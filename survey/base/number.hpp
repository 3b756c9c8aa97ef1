// Numbers as Indonesian reports print them: rounded half away from zero, then written with the
// decimal comma in Indonesian ("88,31") and the point in English. The one formatter of the
// dashboard, the assessor's view, the PDF, the XLSX captions and the CLI, so they agree to the
// last digit.
#pragma once
#include <cstdint>
#include <string>

namespace sw {

// Round half away from zero to `decimals` places.
double roundTo(double v, int decimals);

// roundTo, then fixed `decimals` places; lang "en" uses '.', every other language ','.
std::string formatNumber(double v, int decimals, const std::string& lang);

// A count with thousands grouped: "1.234.567" in Indonesian, "1,234,567" in English.
std::string formatCount(std::int64_t n, const std::string& lang);

} // namespace sw
