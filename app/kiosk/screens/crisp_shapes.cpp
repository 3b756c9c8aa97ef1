#include "app/kiosk/screens/crisp_shapes.hpp"

#include "app/shell/corner_texels.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace sw::kiosk {

namespace {

bool crisp = true;
bool discRects = true;

struct Snapped {
    ImVec2 a, b;    // whole-pixel corners
    float radius;   // whole pixels, at most half the shorter side
};

Snapped snap(ImVec2 min, ImVec2 max, float rounding) {
    Snapped s{ImVec2(std::round(min.x), std::round(min.y)), ImVec2(std::round(max.x), std::round(max.y)), 0};
    const float shorter = std::min(s.b.x - s.a.x, s.b.y - s.a.y);
    s.radius = std::max(0.0f, std::min(std::round(rounding), std::floor(shorter * 0.5f)));
    return s;
}

bool opaque(ImU32 colour) { return (colour & IM_COL32_A_MASK) == IM_COL32_A_MASK; }

// The corners' centres with their quarter in ImGui's twelfths of a circle (0 = right, 3 = down),
// as ImDrawList::PathRect walks them.
struct Corner {
    ImVec2 centre;
    int from, to;
};

// The four corners' squares as quads of baked texels (app/shell/corner_texels.hpp), each the
// top-left quarter mirrored to face its corner; false when these texels cannot be used here.
bool texelCorners(ImDrawList& dl, const Snapped& s, const std::optional<CornerTexels>& t, ImU32 colour) {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (!t || dl._CmdHeader.TextureId != atlas.TexID) return false;
    const float r = s.radius;
    const ImVec2 u0 = t->uv0, u1 = t->uv1;
    auto quad = [&](ImVec2 a, bool flipX, bool flipY) {
        const ImVec2 b(a.x + r, a.y + r);
        const float ul = flipX ? u1.x : u0.x, ur = flipX ? u0.x : u1.x, vt = flipY ? u1.y : u0.y, vb = flipY ? u0.y : u1.y;
        dl.PrimReserve(6, 4);
        dl.PrimQuadUV(a, ImVec2(b.x, a.y), b, ImVec2(a.x, b.y), ImVec2(ul, vt), ImVec2(ur, vt), ImVec2(ur, vb), ImVec2(ul, vb), colour);
    };
    quad(s.a, false, false);                               // top left
    quad(ImVec2(s.b.x - r, s.a.y), true, false);           // top right
    quad(ImVec2(s.b.x - r, s.b.y - r), true, true);        // bottom right
    quad(ImVec2(s.a.x, s.b.y - r), false, true);           // bottom left
    return true;
}

void corners(const Snapped& s, Corner out[4]) {
    const float r = s.radius;
    out[0] = {ImVec2(s.a.x + r, s.a.y + r), 6, 9};   // top left
    out[1] = {ImVec2(s.b.x - r, s.a.y + r), 9, 12};  // top right
    out[2] = {ImVec2(s.b.x - r, s.b.y - r), 0, 3};   // bottom right
    out[3] = {ImVec2(s.a.x + r, s.b.y - r), 3, 6};   // bottom left
}

// Strokes as geometry, not ImGui's baked line texture: a whole-pixel thickness picks that
// texture, whose edges are anti-aliased only by linear filtering, and the citizen's screens
// sample the atlas nearest (app/kiosk/font_sampling.hpp): the arcs would be stairs.
struct GeometryLines : DrawFlagsOff {
    explicit GeometryLines(ImDrawList& dl) : DrawFlagsOff(dl, ImDrawListFlags_AntiAliasedLinesUseTex) {}
};

} // namespace

void useCrispShapes(bool on) { crisp = on; }
void useDiscRects(bool on) { discRects = on; }

void crispFill(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
    const Snapped s = snap(min, max, rounding);
    if (s.b.x <= s.a.x || s.b.y <= s.a.y) return;
    if (!opaque(colour) || !crisp) {
        dl.AddRectFilled(min, max, colour, rounding);
        return;
    }
    const float r = s.radius;
    if (r < 1) {
        dl.AddRectFilled(s.a, s.b, colour);
        return;
    }
    // A cross of three rectangles, then a quarter disc in each corner: the discs' fringe along
    // their straight sides falls on the cross, the same colour, and leaves it as it is.
    dl.AddRectFilled(ImVec2(s.a.x + r, s.a.y), ImVec2(s.b.x - r, s.b.y), colour);
    dl.AddRectFilled(ImVec2(s.a.x, s.a.y + r), ImVec2(s.a.x + r, s.b.y - r), colour);
    dl.AddRectFilled(ImVec2(s.b.x - r, s.a.y + r), ImVec2(s.b.x, s.b.y - r), colour);
    if (texelCorners(dl, s, cornerFill(*ImGui::GetIO().Fonts, static_cast<int>(r)), colour)) return;
    Corner cs[4];
    corners(s, cs);
    for (const Corner& c : cs) {
        dl.PathLineTo(c.centre);
        dl.PathArcToFast(c.centre, r, c.from, c.to);
        dl.PathFillConvex(colour);
    }
}

void crispOutline(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding, float thickness) {
    const Snapped s = snap(min, max, rounding);
    const float t = std::max(1.0f, std::round(thickness));
    if (!crisp) {
        dl.AddRect(min, max, colour, rounding, 0, thickness);
        return;
    }
    if (s.b.x - s.a.x < 2 * t || s.b.y - s.a.y < 2 * t) {
        dl.AddRectFilled(s.a, s.b, colour);   // too small for a hole: all outline
        return;
    }
    const float r = s.radius;
    if (!opaque(colour) || (r > 0 && r < t + 1)) {
        // Translucent, or corners too tight for a band: ImGui's own stroke, centred the same way.
        const float h = t * 0.5f - 0.5f;   // AddRect strokes along [min + 0.5, max − 0.5]
        GeometryLines geometry(dl);
        dl.AddRect(ImVec2(s.a.x + h, s.a.y + h), ImVec2(s.b.x - h, s.b.y - h), colour, std::max(0.0f, r - h), 0, t);
        return;
    }
    const float in = std::max(r, t);   // where the straight runs start and end along each side
    dl.AddRectFilled(ImVec2(s.a.x + r, s.a.y), ImVec2(s.b.x - r, s.a.y + t), colour);       // top
    dl.AddRectFilled(ImVec2(s.a.x + r, s.b.y - t), ImVec2(s.b.x - r, s.b.y), colour);       // bottom
    dl.AddRectFilled(ImVec2(s.a.x, s.a.y + in), ImVec2(s.a.x + t, s.b.y - in), colour);     // left
    dl.AddRectFilled(ImVec2(s.b.x - t, s.a.y + in), ImVec2(s.b.x, s.b.y - in), colour);     // right
    if (r < 1) {   // square corners: the top and bottom runs reach across, the sides fill between
        return;
    }
    if (texelCorners(dl, s, cornerRing(*ImGui::GetIO().Fonts, static_cast<int>(r), static_cast<int>(t)), colour)) return;
    GeometryLines geometry(dl);
    Corner cs[4];
    corners(s, cs);
    for (const Corner& c : cs) {
        dl.PathArcToFast(c.centre, r - t * 0.5f, c.from, c.to);
        dl.PathStroke(colour, 0, t);
    }
}

namespace {

// One row of pixels of a disc under a ring: the columns it must fill and the columns it may.
struct RowSpan {
    int needL, needR;     // the first and last pixel centred within mustFill (needL > needR: none)
    int allowL, allowR;   // the first and last pixel centred within mayFill
};

RowSpan rowSpan(ImVec2 centre, float mustFill, float mayFill, int row) {
    const float dy = static_cast<float>(row) + 0.5f - centre.y;
    auto half = [dy](float radius) { return std::sqrt(std::max(0.0f, radius * radius - dy * dy)); };
    auto first = [&](float w) { return static_cast<int>(std::ceil(centre.x - w - 0.5f)); };
    auto last = [&](float w) { return static_cast<int>(std::floor(centre.x + w - 0.5f)); };
    const bool needed = std::fabs(dy) < mustFill;
    return {needed ? first(half(mustFill)) : 1, needed ? last(half(mustFill)) : 0, first(half(mayFill)), last(half(mayFill))};
}

} // namespace

bool discUnderRing(ImDrawList& dl, ImVec2 centre, float mustFill, float mayFill, ImU32 colour) {
    if (!crisp || !discRects || !opaque(colour) || mayFill - mustFill < 1.0f) return false;
    // Rows top to bottom, each joining the band above while one rectangle can still serve them all:
    // the widest it may be in the band's narrowest row still covers what its widest row needs.
    // No more rectangles than the fan's 48 triangles would be: a thin ring on a small disc leaves
    // narrow bands, and then the fan is the cheaper drawing.
    struct Band {
        int top = 0, bottom = -1, needL = 0, needR = 0, allowL = 0, allowR = 0;
    } band;
    std::array<Band, 24> bands;
    std::size_t n = 0;
    bool tooMany = false;
    auto flush = [&] {
        if (band.bottom >= band.top) {
            if (n < bands.size()) bands[n++] = band;
            else tooMany = true;
        }
        band = Band{};
    };
    const int first = static_cast<int>(std::floor(centre.y - mustFill));
    const int last = static_cast<int>(std::ceil(centre.y + mustFill));
    for (int row = first; row <= last; ++row) {
        const RowSpan r = rowSpan(centre, mustFill, mayFill, row);
        if (r.needL > r.needR) {
            flush();
            continue;
        }
        const bool open = band.bottom >= band.top;
        const int allowL = open ? std::max(band.allowL, r.allowL) : r.allowL, allowR = open ? std::min(band.allowR, r.allowR) : r.allowR;
        const int needL = open ? std::min(band.needL, r.needL) : r.needL, needR = open ? std::max(band.needR, r.needR) : r.needR;
        if (open && (allowL > needL || allowR < needR)) {
            flush();
            band = Band{row, row, r.needL, r.needR, r.allowL, r.allowR};
            continue;
        }
        band = Band{open ? band.top : row, row, needL, needR, allowL, allowR};
    }
    flush();
    if (tooMany) return false;
    for (std::size_t i = 0; i < n; ++i) {
        const Band& b = bands[i];
        dl.AddRectFilled(ImVec2(float(b.allowL), float(b.top)), ImVec2(float(b.allowR + 1), float(b.bottom + 1)), colour);
    }
    return true;
}

} // namespace sw::kiosk
