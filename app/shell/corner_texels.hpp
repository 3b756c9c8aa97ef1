// Anti-aliased rounded corners baked into the font atlas: a quarter disc for each radius, a
// quarter ring for each radius and outline thickness, in whole pixels. A rounded rectangle's
// corner is then one textured quad (two triangles) instead of a fan and a stroke with blended
// fringes (about thirty small triangles). On the kiosk's weakest machine (Mesa's llvmpipe, no
// GPU) every triangle costs set-up and binning however small it is, and the corners of the
// comment page's 44 keys were half its frame (tests/bench/kiosk/results-2026-12-02-s15.md).
// Drawn at one texel per pixel on whole-pixel corners, the texels are the pixels, whatever the
// atlas's sampling filter.
#pragma once
#include <imgui.h>

#include <optional>

namespace sw::kiosk {

// The baked sizes, in pixels: radii kMinRadius..kMaxRadius; rings thickness 1..kMaxThickness, radius
// above thickness. Other sizes are drawn as geometry.
constexpr int kMinRadius = 2;
constexpr int kMaxRadius = 16;
constexpr int kMaxThickness = 6;

// The texels of the top-left quarter: its outer corner at uv0, the circle's centre at uv1.
struct CornerTexels {
    ImVec2 uv0, uv1;
};

// Reserves the corners' rectangles in `atlas` and has every build of it (the first and each after
// fonts are added) write their coverage. Call before the atlas is built; the fonts it builds are
// the builder's own, unchanged.
void reserveCorners(ImFontAtlas& atlas);

// The baked quarter disc of `radius`, or the quarter ring `thickness` wide inside it; none when that
// size is not baked or `atlas` was not built with reserveCorners.
std::optional<CornerTexels> cornerFill(const ImFontAtlas& atlas, int radius);
std::optional<CornerTexels> cornerRing(const ImFontAtlas& atlas, int radius, int thickness);

// The coverage (0–255) of texel (x, y) of a top-left quarter of `radius`: inside the circle and,
// for a ring, outside the one `thickness` smaller (0: a disc). Exposed for the tests.
unsigned char cornerCoverage(int radius, int thickness, int x, int y);

} // namespace sw::kiosk
