// WCAG 2.x contrast (1.4.3 text ≥ 4,5:1, 1.4.6 ≥ 7:1, 1.4.11 UI parts ≥ 3:1; survey/RULES.md "The
// kiosk itself is accessible"): the one formula behind the kiosk's themes and the public page's
// palette, so both are judged the same way.
#pragma once
#include <cstdint>

namespace sw {

struct Srgb {
    double r = 0, g = 0, b = 0;   // sRGB, 0..1
};
Srgb srgbHex(std::uint32_t rrggbb);

double relativeLuminance(Srgb c);   // WCAG's relative luminance, 0..1
double contrastRatio(Srgb a, Srgb b);   // 1..21

} // namespace sw
