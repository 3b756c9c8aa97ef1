// Colours of the kiosk, as data the contrast test can check (survey/RULES.md "The kiosk itself is accessible" — "Contrast: text ≥ 4.5:1
// (7:1 in high-contrast mode), UI parts ≥ 3:1", WCAG 2.2 1.4.3 / 1.4.6 / 1.4.11). No ImGui here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sw::kiosk {

struct Rgb {
    float r = 0, g = 0, b = 0;   // sRGB, 0..1
};
Rgb rgbHex(std::uint32_t rrggbb);

// WCAG 2.x relative luminance and contrast ratio (1..21).
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);

struct Theme {
    std::string name;
    double minTextContrast = 4.5;    // WCAG AA; 7.0 (AAA) for the high-contrast theme
    double minUiContrast = 3.0;      // borders, faces, focus marks against their background
    Rgb background, text, textMuted;
    Rgb card, cardText, cardBorder;  // an answer/option target
    Rgb selectedCard, selectedText, selectedMark;   // chosen: check mark drawn on the card…
    Rgb selectedOutline;             // …and a thick outline against the background: never colour alone
    Rgb primary, primaryText;        // "Lanjut"
    Rgb disabled, disabledText;      // "Lanjut" before an answer (still readable)
    Rgb faceFill[4];                 // sad → happy; the face shape carries the meaning, not the colour
    Rgb faceInk;                     // eyes and mouth
    Rgb faceOutline;                 // the face's edge against the card
    Rgb overlay;                     // idle prompt card
    Rgb overlayText;
    Rgb demoBand, demoText;          // the demo unit's band on the welcome screen (≥ 7:1 in every theme)

    struct Pair {
        std::string what;
        Rgb fg, bg;
        double min;
    };
    // Every foreground/background pair the screens draw, with the ratio it must reach.
    std::vector<Pair> pairs() const;
};

const Theme& standardTheme();
const Theme& highContrastTheme();
std::vector<const Theme*> allThemes();

} // namespace sw::kiosk
