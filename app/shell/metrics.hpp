// Sizes in millimetres, turned into pixels from the display's physical size (survey/RULES.md "The kiosk
// itself is accessible": answer targets ≥ 15 mm, capital H ≥ 7 mm at 60 cm in large text).
// No ImGui here: the numbers are tested.
#pragma once
#include <string>

namespace sw::kiosk {

// Accessibility modes, combinable. None carries over to the next respondent.
struct Modes {
    bool large = false;      // large text and larger targets
    bool contrast = false;   // high-contrast theme (≥ 7:1)
    bool speech = false;     // spoken guidance (espeak-ng)
    bool seated = false;     // answer targets in the lower part of the screen
    bool any() const { return large || contrast || speech || seated; }
    bool operator==(const Modes&) const = default;
};
// "standard" | "large,contrast" …; false on an unknown word.
bool parseModes(const std::string& csv, Modes& out);

// DejaVu Sans: the capital H is 0.729 of the font's em size.
constexpr float kCapHeightPerEm = 0.729f;
float fontPxForCapHeight(float capMm, float pxPerMm);

struct Metrics {
    float pxPerMm = 4.0f;
    float bodyCapMm = 0, headingCapMm = 0, smallCapMm = 0;   // capital H height
    float titleCapMm = 0, titlePx = 0;                       // welcome and thanks
    float bodyPx = 0, headingPx = 0, smallPx = 0;            // font sizes in pixels
    float targetMm = 0;      // minimum height/width of an answer target
    float gapMm = 0;         // clear space between neighbouring targets
    float marginMm = 0;      // screen edge
    float px(float mm) const { return mm * pxPerMm; }
};
Metrics metricsFor(float pxPerMm, bool large);

// Pixels per millimetre from what the monitor reports, unless overridden (monitors lie):
// dpiOverride > 0 wins, then mmOverride (W×H mm of the visible area), then the reported size; a
// reported size of 0 (unknown) falls back to 96 dpi.
float pixelsPerMm(int pixelsWide, int pixelsHigh, int reportedMmWide, int reportedMmHigh, float dpiOverride,
                  float mmWideOverride, float mmHighOverride);

} // namespace sw::kiosk
