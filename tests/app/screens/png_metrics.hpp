// What a screenshot test can say about a PNG without knowing its layout: is it blank, is there
// text on it, does one mode differ from another, how far apart are its darkest and lightest inks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace swtest {

struct Rgb8Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb; // width*height*3, rows top to bottom

    static Rgb8Image load(const std::string& path); // empty (width 0) when unreadable
    double luma(int x, int y) const;                // 0..255, Rec. 709 weights on the sRGB values
};

double lumaStdDev(const Rgb8Image& img);            // 0 for a blank frame
// Share of pixels with a sharp luminance step (> `step`) to the right or below: glyph strokes
// make many of these; flat panels and soft gradients make few.
double sharpEdgeShare(const Rgb8Image& img, double step = 80);
// Share of the picture (band of rows [y0, y1) as fractions of the height) with a sharp edge.
double sharpEdgeShareInBand(const Rgb8Image& img, double y0, double y1, double step = 80);
// Share of pixels whose colour differs by more than `tolerance` in any channel (sizes must match).
double differingShare(const Rgb8Image& a, const Rgb8Image& b, int tolerance = 24);
// WCAG contrast ratio between the luminance at the `lowPct` and `highPct` percentiles.
double inkContrast(const Rgb8Image& img, double lowPct = 1, double highPct = 99);

} // namespace swtest
