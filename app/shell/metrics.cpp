#include "app/shell/metrics.hpp"

#include <sstream>

namespace sw::kiosk {

bool parseModes(const std::string& csv, Modes& out) {
    Modes m;
    std::stringstream ss(csv);
    std::string w;
    while (std::getline(ss, w, ',')) {
        if (w == "standard" || w.empty()) continue;
        else if (w == "large") m.large = true;
        else if (w == "contrast") m.contrast = true;
        else if (w == "speech") m.speech = true;
        else if (w == "seated") m.seated = true;
        else return false;
    }
    out = m;
    return true;
}

float fontPxForCapHeight(float capMm, float pxPerMm) { return capMm * pxPerMm / kCapHeightPerEm; }

Metrics metricsFor(float pxPerMm, bool large) {
    Metrics m;
    m.pxPerMm = pxPerMm;
    // Standard text is comfortable at arm's length; large mode meets the 7 mm capital H of survey/RULES.md.
    m.bodyCapMm = large ? 7.0f : 4.6f;
    m.headingCapMm = large ? 8.5f : 6.0f;
    m.smallCapMm = large ? 5.5f : 3.6f;
    m.bodyPx = fontPxForCapHeight(m.bodyCapMm, pxPerMm);
    m.headingPx = fontPxForCapHeight(m.headingCapMm, pxPerMm);
    m.smallPx = fontPxForCapHeight(m.smallCapMm, pxPerMm);
    m.titleCapMm = large ? 12.0f : 9.0f;
    m.titlePx = fontPxForCapHeight(m.titleCapMm, pxPerMm);
    m.targetMm = large ? 22.0f : 16.0f;   // ≥ 15 mm (WCAG 2.5.5 on a kiosk), more for elderly users
    m.gapMm = large ? 6.0f : 5.0f;        // a fingertip (~10 mm) cannot press two neighbours at once
    m.marginMm = 6.0f;
    return m;
}

float pixelsPerMm(int pixelsWide, int pixelsHigh, int reportedMmWide, int reportedMmHigh, float dpiOverride,
                  float mmWideOverride, float mmHighOverride) {
    if (dpiOverride > 0) return dpiOverride / 25.4f;
    if (mmWideOverride > 0 && mmHighOverride > 0 && pixelsWide > 0 && pixelsHigh > 0)
        return 0.5f * (static_cast<float>(pixelsWide) / mmWideOverride + static_cast<float>(pixelsHigh) / mmHighOverride);
    // X servers without EDID (Xvfb) invent sizes; trust only a plausible one (0.5..20 px/mm).
    if (reportedMmWide > 0 && reportedMmHigh > 0 && pixelsWide > 0) {
        float p = static_cast<float>(pixelsWide) / static_cast<float>(reportedMmWide);
        if (p > 0.5f && p < 20.0f) return p;
    }
    return 96.0f / 25.4f;
}

} // namespace sw::kiosk
