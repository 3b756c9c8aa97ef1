#include "app/shell/fonts.hpp"

#include "app/shell/metrics.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace sw::kiosk {

namespace {
const char* const kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin-1 (Indonesian needs no more; names of places and people with accents fit), Σ (the
// assessor's "Σ nilai" column), dashes and quotes, arrows, minus. Kept small: eight sizes of every
// glyph live in one texture.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x03A3, 0x03A3, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265, 0}; // ≤ ≥ in checklist notes

ImFont* add(ImFontAtlas& atlas, const char* file, float px, const ImWchar* ranges = kRanges) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;   // large sizes need no horizontal oversampling; keeps the atlas small
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* f = atlas.AddFontFromFileTTF(file, px, &cfg, ranges);
    if (!f) throw std::runtime_error(std::string(file) + ": cannot load font (install fonts-dejavu-core)");
    return f;
}
} // namespace

FontSet buildFonts(ImFontAtlas& atlas, float pxPerMm) {
    for (const char* f : {kRegular, kBold})
        if (!std::filesystem::exists(f)) throw std::runtime_error(std::string(f) + ": font not found (install fonts-dejavu-core)");
    FontSet s;
    s.pxPerMm = pxPerMm;
    for (int large = 0; large < 2; ++large) {
        Metrics m = metricsFor(pxPerMm, large != 0);
        s.body[large] = add(atlas, kRegular, m.bodyPx);
        s.heading[large] = add(atlas, kBold, m.headingPx);
        s.title[large] = add(atlas, kBold, m.titlePx);
        s.small[large] = add(atlas, kRegular, m.smallPx);
    }
    return s;
}

ImFont* addDejaVu(ImFontAtlas& atlas, bool bold, float px, const ImWchar* ranges) {
    return add(atlas, bold ? kBold : kRegular, px, ranges ? ranges : kRanges);
}

} // namespace sw::kiosk
