#include "app/shell/corner_texels.hpp"

#include <imgui_internal.h>   // ImFontBuilderIO: a build that also writes the corners

#include <algorithm>
#include <cmath>

namespace sw::kiosk {

namespace {

// Marks the atlas rectangles that are ours; each also carries its (radius, thickness) in GlyphOffset.
// A rectangle with no font is never made a glyph, whatever its GlyphID (ImFontAtlasBuildFinish).
constexpr unsigned kTag = 0x5357434Eu;   // "SWCN"

int firstRing(int thickness) { return std::max(kMinRadius, thickness + 1); }

// Where (radius, thickness) lies among ours: the discs by radius, then the rings by thickness and radius.
int offsetOf(int radius, int thickness) {
    if (thickness == 0) return radius - kMinRadius;
    int n = kMaxRadius - kMinRadius + 1;
    for (int t = 1; t < thickness; ++t) n += kMaxRadius - firstRing(t) + 1;
    return n + radius - firstRing(thickness);
}

int firstCorner(const ImFontAtlas& atlas) {
    for (int i = 0; i < atlas.CustomRects.Size; ++i)
        if (atlas.CustomRects[i].GlyphID == kTag) return i;
    return -1;
}

std::optional<CornerTexels> lookup(const ImFontAtlas& atlas, int radius, int thickness) {
    if (radius < kMinRadius || radius > kMaxRadius || thickness < 0 || thickness > kMaxThickness) return std::nullopt;
    if (thickness > 0 && radius < firstRing(thickness)) return std::nullopt;
    const int base = firstCorner(atlas);
    if (base < 0 || atlas.TexWidth == 0) return std::nullopt;
    const int i = base + offsetOf(radius, thickness);
    if (i >= atlas.CustomRects.Size) return std::nullopt;
    const ImFontAtlasCustomRect& c = atlas.CustomRects[i];
    if (c.GlyphID != kTag || c.GlyphOffset.x != static_cast<float>(radius) || c.GlyphOffset.y != static_cast<float>(thickness) || !c.IsPacked())
        return std::nullopt;
    const ImVec2 s = atlas.TexUvScale;
    const float x = c.X, y = c.Y, r = static_cast<float>(radius);
    return CornerTexels{ImVec2(x * s.x, y * s.y), ImVec2((x + r) * s.x, (y + r) * s.y)};
}

void bake(ImFontAtlas& atlas) {
    for (const ImFontAtlasCustomRect& c : atlas.CustomRects) {
        if (c.GlyphID != kTag || !c.IsPacked()) continue;
        const int r = static_cast<int>(c.GlyphOffset.x), t = static_cast<int>(c.GlyphOffset.y);
        for (int y = 0; y < r; ++y)
            for (int x = 0; x < r; ++x) {
                const unsigned char a = cornerCoverage(r, t, x, y);
                const int at = (c.Y + y) * atlas.TexWidth + c.X + x;
                if (atlas.TexPixelsAlpha8) atlas.TexPixelsAlpha8[at] = a;
                if (atlas.TexPixelsRGBA32) atlas.TexPixelsRGBA32[at] = IM_COL32(255, 255, 255, a);
            }
    }
}

bool buildWithCorners(ImFontAtlas* atlas);
const ImFontBuilderIO kBuilder{buildWithCorners};

// ImGui's own builder makes the fonts (stb_truetype or FreeType, as the library was built), then
// the corners are written into the texture it made.
bool buildWithCorners(ImFontAtlas* atlas) {
    atlas->FontBuilderIO = nullptr;
    const bool built = atlas->Build();
    atlas->FontBuilderIO = &kBuilder;
    if (built) bake(*atlas);
    return built;
}

} // namespace

unsigned char cornerCoverage(int radius, int thickness, int x, int y) {
    const float r = static_cast<float>(radius);
    const float outer = r * r, inner = thickness > 0 ? (r - static_cast<float>(thickness)) * (r - static_cast<float>(thickness)) : -1.0f;
    // The texel's nearest and farthest points from the centre (r, r), which lies below and right of it.
    const float nx = std::max(0.0f, r - static_cast<float>(x + 1)), ny = std::max(0.0f, r - static_cast<float>(y + 1));
    const float fx = r - static_cast<float>(x), fy = r - static_cast<float>(y);
    const float near = nx * nx + ny * ny, far = fx * fx + fy * fy;
    if (far <= outer && near >= inner) return 255;
    if (near > outer || far < inner) return 0;
    constexpr int n = 16;   // samples a side
    int in = 0;
    for (int sy = 0; sy < n; ++sy)
        for (int sx = 0; sx < n; ++sx) {
            const float dx = static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / n - r;
            const float dy = static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / n - r;
            const float d = dx * dx + dy * dy;
            in += d <= outer && d >= inner ? 1 : 0;
        }
    return static_cast<unsigned char>(std::lround(255.0 * in / (n * n)));
}

void reserveCorners(ImFontAtlas& atlas) {
    if (firstCorner(atlas) >= 0) return;
    auto add = [&](int radius, int thickness) {
        const int i = atlas.AddCustomRectRegular(radius, radius);
        atlas.CustomRects[i].GlyphID = kTag;
        atlas.CustomRects[i].GlyphOffset = ImVec2(static_cast<float>(radius), static_cast<float>(thickness));
    };
    for (int r = kMinRadius; r <= kMaxRadius; ++r) add(r, 0);
    for (int t = 1; t <= kMaxThickness; ++t)
        for (int r = firstRing(t); r <= kMaxRadius; ++r) add(r, t);
    atlas.FontBuilderIO = &kBuilder;
}

std::optional<CornerTexels> cornerFill(const ImFontAtlas& atlas, int radius) { return lookup(atlas, radius, 0); }

std::optional<CornerTexels> cornerRing(const ImFontAtlas& atlas, int radius, int thickness) {
    return thickness > 0 ? lookup(atlas, radius, thickness) : std::nullopt;
}

} // namespace sw::kiosk
