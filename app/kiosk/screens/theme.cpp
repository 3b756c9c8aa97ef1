#include "app/kiosk/screens/theme.hpp"

#include "survey/base/contrast.hpp"

#include <algorithm>

namespace sw::kiosk {

Rgb rgbHex(std::uint32_t v) {
    return Rgb{static_cast<float>((v >> 16) & 0xFF) / 255.0f, static_cast<float>((v >> 8) & 0xFF) / 255.0f,
               static_cast<float>(v & 0xFF) / 255.0f};
}

// The one WCAG formula (survey/base/contrast.hpp), also behind the public page's palette.
static Srgb srgb(Rgb c) { return Srgb{c.r, c.g, c.b}; }

double relativeLuminance(Rgb c) { return sw::relativeLuminance(srgb(c)); }

double contrastRatio(Rgb a, Rgb b) { return sw::contrastRatio(srgb(a), srgb(b)); }

std::vector<Theme::Pair> Theme::pairs() const {
    double t = minTextContrast, u = minUiContrast;
    std::vector<Pair> p = {
        {"text on background", text, background, t},
        {"muted text on background", textMuted, background, t},
        {"card text on card", cardText, card, t},
        {"card border on background", cardBorder, background, u},
        {"selected text on selected card", selectedText, selectedCard, t},
        {"selection mark on selected card", selectedMark, selectedCard, u},
        {"selection outline on background", selectedOutline, background, u},
        {"primary text on primary", primaryText, primary, t},
        {"primary button on background", primary, background, u},
        {"disabled text on disabled", disabledText, disabled, t},
        {"overlay text on overlay", overlayText, overlay, t},
        // A warning nobody may miss: AAA contrast even in the standard theme.
        {"demo text on demo band", demoText, demoBand, std::max(7.0, t)},
        {"demo band on background", demoBand, background, u},
    };
    for (int i = 0; i < 4; ++i) {
        p.push_back({"face ink on face " + std::to_string(i + 1), faceInk, faceFill[i], u});
        p.push_back({"face outline on card", faceOutline, card, u});
        p.push_back({"face ink outline on selected card", faceInk, selectedCard, u});
    }
    return p;
}

const Theme& standardTheme() {
    static const Theme t = [] {
        Theme s;
        s.name = "standard";
        s.minTextContrast = 4.5;
        s.background = rgbHex(0xEEF2F6);
        s.text = rgbHex(0x14202B);
        s.textMuted = rgbHex(0x44525F);
        s.card = rgbHex(0xFFFFFF);
        s.cardText = rgbHex(0x14202B);
        s.cardBorder = rgbHex(0x6B7785);
        s.selectedCard = rgbHex(0xDCEBFF);
        s.selectedText = rgbHex(0x0A2540);
        s.selectedMark = rgbHex(0x0B4FA0);
        s.selectedOutline = rgbHex(0x0B4FA0);
        s.primary = rgbHex(0x0B4FA0);
        s.primaryText = rgbHex(0xFFFFFF);
        s.disabled = rgbHex(0xD5DBE1);
        s.disabledText = rgbHex(0x3D4852);
        s.faceFill[0] = rgbHex(0xF4A6A0);
        s.faceFill[1] = rgbHex(0xF7C98B);
        s.faceFill[2] = rgbHex(0xC4E3A0);
        s.faceFill[3] = rgbHex(0x8FD19E);
        s.faceInk = rgbHex(0x1E2A33);
        s.faceOutline = rgbHex(0x1E2A33);
        s.overlay = rgbHex(0xFFFFFF);
        s.overlayText = rgbHex(0x14202B);
        s.demoBand = rgbHex(0x9B1C1C);
        s.demoText = rgbHex(0xFFFFFF);
        return s;
    }();
    return t;
}

const Theme& highContrastTheme() {
    static const Theme t = [] {
        Theme h;
        h.name = "contrast";
        h.minTextContrast = 7.0;
        h.minUiContrast = 3.0;
        h.background = rgbHex(0x000000);
        h.text = rgbHex(0xFFFFFF);
        h.textMuted = rgbHex(0xFFEB3B);
        h.card = rgbHex(0x000000);
        h.cardText = rgbHex(0xFFFFFF);
        h.cardBorder = rgbHex(0xFFFFFF);
        h.selectedCard = rgbHex(0xFFEB3B);
        h.selectedText = rgbHex(0x000000);
        h.selectedMark = rgbHex(0x000000);
        h.selectedOutline = rgbHex(0x00E5FF);
        h.primary = rgbHex(0xFFEB3B);
        h.primaryText = rgbHex(0x000000);
        h.disabled = rgbHex(0x1A1A1A);
        h.disabledText = rgbHex(0xD0D0D0);
        for (auto& f : h.faceFill) f = rgbHex(0xFFFFFF);
        h.faceInk = rgbHex(0x000000);
        h.faceOutline = rgbHex(0xFFFFFF);
        h.overlay = rgbHex(0x000000);
        h.overlayText = rgbHex(0xFFFFFF);
        h.demoBand = rgbHex(0xFFFFFF);   // not yellow: that is the primary button's colour here
        h.demoText = rgbHex(0x000000);
        return h;
    }();
    return t;
}

std::vector<const Theme*> allThemes() { return {&standardTheme(), &highContrastTheme()}; }

} // namespace sw::kiosk
