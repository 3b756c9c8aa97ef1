#include "survey/base/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

Srgb srgbHex(std::uint32_t v) {
    return Srgb{static_cast<double>((v >> 16) & 0xFF) / 255.0, static_cast<double>((v >> 8) & 0xFF) / 255.0,
                static_cast<double>(v & 0xFF) / 255.0};
}

namespace {
double linear(double s) { return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4); }
} // namespace

double relativeLuminance(Srgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrastRatio(Srgb a, Srgb b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace sw
