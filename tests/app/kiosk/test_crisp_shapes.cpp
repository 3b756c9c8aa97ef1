// The kiosk's rounded rectangles (app/kiosk/screens/crisp_shapes.hpp): whole pixels, and a blended
// fringe only in the four corners — never along a straight side, where software rendering pays for
// every 4×4 block a one-pixel strip touches. ImGui's own AddRect/AddRectFilled is checked the same
// way and fails, so the check can tell the two apart.
#include "app/kiosk/screens/crisp_shapes.hpp"
#include "app/shell/corner_texels.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using sw::kiosk::crispFill;
using sw::kiosk::crispOutline;

namespace {

const ImU32 kInk = IM_COL32(30, 40, 50, 255);

struct Triangle {
    ImVec2 p[3];
    ImVec2 uv[3];
    int alpha[3];
    bool atlas = false;   // a vertex samples the font atlas elsewhere than its white texel (baked lines)
    bool fringe() const { return alpha[0] < 255 || alpha[1] < 255 || alpha[2] < 255; }
    bool opaque() const { return !fringe(); }
    bool contains(ImVec2 q) const {
        auto side = [&](ImVec2 a, ImVec2 b) { return (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x); };
        const float d0 = side(p[0], p[1]), d1 = side(p[1], p[2]), d2 = side(p[2], p[0]);
        return (d0 >= 0 && d1 >= 0 && d2 >= 0) || (d0 <= 0 && d1 <= 0 && d2 <= 0);
    }
    float area() const {
        return std::fabs((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)) * 0.5f;
    }
};

// The atlas's texels, kept after its context is gone.
struct Texels {
    std::vector<unsigned char> alpha;
    int width = 0, height = 0;
    int at(ImVec2 uv) const {   // nearest, as the kiosk samples
        const int x = static_cast<int>(std::floor(uv.x * static_cast<float>(width)));
        const int y = static_cast<int>(std::floor(uv.y * static_cast<float>(height)));
        return alpha[static_cast<std::size_t>(y * width + x)];
    }
};

// One draw list drawn as the kiosk draws (anti-aliased fills and lines, whole-pixel lines from the
// atlas's baked texture unless told otherwise), its triangles read back. `corners`: the atlas has
// the baked corners the kiosk's fonts bring (app/shell/corner_texels.hpp); its texels go to `texels`.
std::vector<Triangle> drawn(const std::function<void(ImDrawList&)>& draw, bool corners = false, Texels* texels = nullptr) {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // a test writes no imgui.ini where it runs
    io.DisplaySize = ImVec2(1920, 1080);
    if (corners) sw::kiosk::reserveCorners(*io.Fonts);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // a built atlas: NewFrame sets the tessellation it implies
    if (texels) *texels = Texels{std::vector<unsigned char>(pixels, pixels + static_cast<std::ptrdiff_t>(w) * h), w, h};
    ImGui::NewFrame();
    std::vector<Triangle> out;
    {
        ImDrawList dl(ImGui::GetDrawListSharedData());
        dl._ResetForNewFrame();
        dl.Flags = ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedLinesUseTex;
        const ImVec2 white = io.Fonts->TexUvWhitePixel;
        dl.PushClipRect(ImVec2(0, 0), ImVec2(4096, 4096));
        dl.PushTextureID(nullptr);
        draw(dl);
        for (int i = 0; i + 2 < dl.IdxBuffer.Size; i += 3) {
            Triangle t{};
            for (int k = 0; k < 3; ++k) {
                const ImDrawVert& v = dl.VtxBuffer[dl.IdxBuffer[i + k]];
                t.p[k] = v.pos;
                t.uv[k] = v.uv;
                t.alpha[k] = static_cast<int>((v.col >> IM_COL32_A_SHIFT) & 0xFF);
                t.atlas = t.atlas || v.uv.x != white.x || v.uv.y != white.y;
            }
            out.push_back(t);
        }
    }
    ImGui::EndFrame();
    ImGui::DestroyContext(ctx);
    return out;
}

// Every blended triangle lies within a corner's square of `reach` pixels.
bool fringeOnlyInCorners(const std::vector<Triangle>& ts, ImVec2 a, ImVec2 b, float reach) {
    for (const Triangle& t : ts) {
        if (!t.fringe()) continue;
        float x0 = t.p[0].x, x1 = x0, y0 = t.p[0].y, y1 = y0;
        for (const ImVec2& q : t.p) {
            x0 = std::min(x0, q.x), x1 = std::max(x1, q.x), y0 = std::min(y0, q.y), y1 = std::max(y1, q.y);
        }
        const bool nearLeft = x1 <= a.x + reach, nearRight = x0 >= b.x - reach;
        const bool nearTop = y1 <= a.y + reach, nearBottom = y0 >= b.y - reach;
        if (!((nearLeft || nearRight) && (nearTop || nearBottom))) return false;
    }
    return true;
}

bool opaqueAt(const std::vector<Triangle>& ts, ImVec2 q) {
    return std::any_of(ts.begin(), ts.end(), [&](const Triangle& t) { return t.opaque() && t.contains(q); });
}

bool anythingAt(const std::vector<Triangle>& ts, ImVec2 q) {
    return std::any_of(ts.begin(), ts.end(), [&](const Triangle& t) { return t.contains(q); });
}

} // namespace

TEST_CASE("a crisp fill is whole pixels with its fringe only in the corners", "[kiosk][crisp]") {
    // A card as the layout gives it: fractional millimetre-derived edges, 3 mm rounding at 96 dpi.
    const ImVec2 min(10.3f, 20.6f), max(210.7f, 100.2f);
    const float rounding = 11.3f;
    const auto ts = drawn([&](ImDrawList& dl) { crispFill(dl, min, max, kInk, rounding); });
    const ImVec2 a(10, 21), b(211, 100);   // snapped
    CHECK(fringeOnlyInCorners(ts, a, b, 11 + 1));
    // The straight sides end on whole pixels: the first and last pixel centres are in, the next out.
    CHECK(opaqueAt(ts, ImVec2(100.5f, 21.5f)));
    CHECK(opaqueAt(ts, ImVec2(100.5f, 99.5f)));
    CHECK(opaqueAt(ts, ImVec2(10.5f, 60.5f)));
    CHECK(opaqueAt(ts, ImVec2(210.5f, 60.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(100.5f, 20.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(100.5f, 100.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(9.5f, 60.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(211.5f, 60.5f)));
    // Rounded: the corner's outermost pixel is left out.
    CHECK_FALSE(anythingAt(ts, ImVec2(10.5f, 21.5f)));
    // Its opaque area is the rounded rectangle's less the corners' fringe: half a pixel along each
    // quarter disc's arc and its two radii (the radii's fringe lies on the cross, the same colour).
    float area = 0;
    for (const Triangle& t : ts)
        if (t.opaque()) area += t.area();
    const float pi = 3.14159265f;
    const float rounded = 201.0f * 79.0f - (4.0f - pi) * 11.0f * 11.0f;
    const float cornerFringe = 4 * 0.5f * (0.5f * pi * 11.0f + 2 * 11.0f);
    CHECK(area == Approx(rounded - cornerFringe).margin(8));

    SECTION("ImGui's own fill fringes the straight sides too") {
        const auto imgui = drawn([&](ImDrawList& dl) { dl.AddRectFilled(min, max, kInk, rounding); });
        CHECK_FALSE(fringeOnlyInCorners(imgui, a, b, 11 + 1));
    }
}

TEST_CASE("a crisp outline lies inside the rectangle, whole pixels thick, fringed only in the corners", "[kiosk][crisp]") {
    const ImVec2 min(40.4f, 30.5f), max(300.2f, 140.8f);   // snaps to (40, 31)–(300, 141)
    const float rounding = 11.3f, thickness = 1.51f;        // 0.4 mm at 96 dpi: two pixels
    const auto ts = drawn([&](ImDrawList& dl) { crispOutline(dl, min, max, kInk, rounding, thickness); });
    const ImVec2 a(40, 31), b(300, 141);
    CHECK(fringeOnlyInCorners(ts, a, b, 11 + 1));
    // Top side: two rows, 31 and 32; nothing above, nothing below them.
    CHECK(opaqueAt(ts, ImVec2(170.5f, 31.5f)));
    CHECK(opaqueAt(ts, ImVec2(170.5f, 32.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(170.5f, 30.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(170.5f, 33.5f)));
    // Right side: columns 298 and 299.
    CHECK(opaqueAt(ts, ImVec2(299.5f, 80.5f)));
    CHECK(opaqueAt(ts, ImVec2(298.5f, 80.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(297.5f, 80.5f)));
    CHECK_FALSE(anythingAt(ts, ImVec2(300.5f, 80.5f)));
    // Its corners are geometry: the kiosk samples the atlas nearest, and a baked line's edges are
    // anti-aliased only by linear filtering.
    CHECK(std::none_of(ts.begin(), ts.end(), [](const Triangle& t) { return t.atlas; }));
    // The middle is left for the card's fill.
    CHECK_FALSE(anythingAt(ts, ImVec2(170.5f, 85.5f)));
    // The corners are drawn: a point on the arc between the sides is covered.
    const float c = 11.0f - 1.0f;   // the band's middle, one pixel in from the edge
    CHECK(anythingAt(ts, ImVec2(a.x + 11 - c * 0.7071f, a.y + 11 - c * 0.7071f)));

    SECTION("ImGui's own outline fringes the straight sides") {
        const auto imgui = drawn([&](ImDrawList& dl) { dl.AddRect(min, max, kInk, rounding, 0, thickness); });
        CHECK_FALSE(fringeOnlyInCorners(imgui, a, b, 11 + 1));
    }
}

TEST_CASE("crisp shapes: tight, tiny and translucent rectangles", "[kiosk][crisp]") {
    SECTION("a rounding larger than half the shorter side is cut to it") {
        const auto ts = drawn([&](ImDrawList& dl) { crispFill(dl, ImVec2(0, 0), ImVec2(100, 10), kInk, 30); });
        CHECK(fringeOnlyInCorners(ts, ImVec2(0, 0), ImVec2(100, 10), 5 + 1));
        CHECK(opaqueAt(ts, ImVec2(50.5f, 0.5f)));
    }
    SECTION("nothing for an empty rectangle") {
        CHECK(drawn([&](ImDrawList& dl) { crispFill(dl, ImVec2(5, 5), ImVec2(5.2f, 30), kInk, 3); }).empty());
    }
    SECTION("an outline thicker than the rectangle fills it") {
        const auto ts = drawn([&](ImDrawList& dl) { crispOutline(dl, ImVec2(0, 0), ImVec2(3, 40), kInk, 1, 2); });
        CHECK(opaqueAt(ts, ImVec2(1.5f, 20.5f)));
    }
    SECTION("a translucent fill is ImGui's, not pieces that would blend twice where they meet") {
        const auto ts = drawn([&](ImDrawList& dl) { crispFill(dl, ImVec2(0, 0), ImVec2(100, 50), IM_COL32(30, 40, 50, 200), 8); });
        CHECK_FALSE(fringeOnlyInCorners(ts, ImVec2(0, 0), ImVec2(100, 50), 9));
    }
}

namespace {

// The atlas texel a pixel centre `q` shows, through the textured triangle that covers it (-1: none).
int sampled(const std::vector<Triangle>& ts, const Texels& tx, ImVec2 q) {
    for (const Triangle& t : ts) {
        if (!t.atlas || !t.contains(q)) continue;
        const ImVec2 *p = t.p, *uv = t.uv;
        const float d = (p[1].y - p[2].y) * (p[0].x - p[2].x) + (p[2].x - p[1].x) * (p[0].y - p[2].y);
        const float l0 = ((p[1].y - p[2].y) * (q.x - p[2].x) + (p[2].x - p[1].x) * (q.y - p[2].y)) / d;
        const float l1 = ((p[2].y - p[0].y) * (q.x - p[2].x) + (p[0].x - p[2].x) * (q.y - p[2].y)) / d;
        const float l2 = 1 - l0 - l1;
        return tx.at(ImVec2(uv[0].x * l0 + uv[1].x * l1 + uv[2].x * l2, uv[0].y * l0 + uv[1].y * l1 + uv[2].y * l2));
    }
    return -1;
}

// Pixels of the four corner squares of (a, b) whose texel is not the quarter's own, counted from
// each corner's outer pixel: the quarter mirrored to face its corner, one texel a pixel.
int cornerMismatches(const std::vector<Triangle>& ts, const Texels& tx, ImVec2 a, ImVec2 b, int r, int thickness) {
    int wrong = 0;
    for (int j = 0; j < r; ++j)
        for (int i = 0; i < r; ++i) {
            const int want = sw::kiosk::cornerCoverage(r, thickness, i, j);
            const float x = static_cast<float>(i) + 0.5f, y = static_cast<float>(j) + 0.5f;
            for (ImVec2 q : {ImVec2(a.x + x, a.y + y), ImVec2(b.x - x, a.y + y), ImVec2(b.x - x, b.y - y), ImVec2(a.x + x, b.y - y)})
                wrong += sampled(ts, tx, q) == want ? 0 : 1;
        }
    return wrong;
}

bool bakedAsComputed(const ImFontAtlas& atlas) {
    for (int t : {0, 1, 2, 5})
        for (int r : {t + 2, 11, sw::kiosk::kMaxRadius}) {
            const auto c = t ? sw::kiosk::cornerRing(atlas, r, t) : sw::kiosk::cornerFill(atlas, r);
            if (!c) return false;
            const int x0 = static_cast<int>(std::lround(c->uv0.x * static_cast<float>(atlas.TexWidth)));
            const int y0 = static_cast<int>(std::lround(c->uv0.y * static_cast<float>(atlas.TexHeight)));
            for (int y = 0; y < r; ++y)
                for (int x = 0; x < r; ++x)
                    if (atlas.TexPixelsAlpha8[(y0 + y) * atlas.TexWidth + x0 + x] != sw::kiosk::cornerCoverage(r, t, x, y)) return false;
        }
    return true;
}

std::vector<unsigned char> glyphTexels(const ImFontAtlas& atlas, ImWchar c) {
    const ImFontGlyph* g = atlas.Fonts[0]->FindGlyph(c);
    std::vector<unsigned char> out;
    const int x0 = static_cast<int>(std::lround(g->U0 * static_cast<float>(atlas.TexWidth))), x1 = static_cast<int>(std::lround(g->U1 * static_cast<float>(atlas.TexWidth)));
    const int y0 = static_cast<int>(std::lround(g->V0 * static_cast<float>(atlas.TexHeight))), y1 = static_cast<int>(std::lround(g->V1 * static_cast<float>(atlas.TexHeight)));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) out.push_back(atlas.TexPixelsAlpha8[y * atlas.TexWidth + x]);
    return out;
}

} // namespace

TEST_CASE("baked corners: a quarter disc's and a ring's area, in the atlas after every build, the fonts unchanged", "[kiosk][crisp]") {
    using namespace sw::kiosk;
    const float pi = 3.14159265f;
    for (int r : {2, 5, 11, 16}) {
        float disc = 0, ring = 0;
        for (int y = 0; y < r; ++y)
            for (int x = 0; x < r; ++x) {
                disc += static_cast<float>(cornerCoverage(r, 0, x, y)) / 255.0f;
                ring += static_cast<float>(cornerCoverage(r, 2, x, y)) / 255.0f;
            }
        const float rr = static_cast<float>(r);
        INFO("radius " << r);
        CHECK(disc == Approx(pi * rr * rr / 4).margin(0.05));
        CHECK(ring == Approx(pi * (rr * rr - (rr - 2) * (rr - 2)) / 4).margin(0.05));
    }
    CHECK(cornerCoverage(11, 0, 0, 0) == 0);      // the outer corner pixel is outside the arc
    CHECK(cornerCoverage(11, 0, 10, 10) == 255);  // next to the centre: inside
    CHECK(cornerCoverage(11, 2, 10, 10) == 0);    // …and inside the ring's hole

    ImFontAtlas atlas;
    CHECK_FALSE(cornerFill(atlas, 11));
    reserveCorners(atlas);
    atlas.AddFontDefault();
    REQUIRE(atlas.Build());
    CHECK(bakedAsComputed(atlas));
    ImFontConfig bigger;
    bigger.SizePixels = 26;
    atlas.AddFontDefault(&bigger);                 // as large text adds its sizes: a new build
    REQUIRE(atlas.Build());
    CHECK(bakedAsComputed(atlas));
    CHECK_FALSE(cornerFill(atlas, kMaxRadius + 1));   // not baked: drawn as geometry
    CHECK_FALSE(cornerRing(atlas, 3, 3));             // no hole left

    ImFontAtlas plain;
    plain.AddFontDefault();
    REQUIRE(plain.Build());
    for (ImWchar c : {'H', 'g', '@'}) CHECK(glyphTexels(atlas, c) == glyphTexels(plain, c));
}

TEST_CASE("with the kiosk's atlas each corner is one quad of baked texels, one texel a pixel, facing its corner", "[kiosk][crisp]") {
    Texels tx;
    const auto fill = drawn([&](ImDrawList& dl) { crispFill(dl, ImVec2(10.3f, 20.6f), ImVec2(210.7f, 100.2f), kInk, 11.3f); }, true, &tx);
    CHECK(fill.size() == 3 * 2 + 4 * 2);   // the cross, and a quad in each corner
    CHECK(std::none_of(fill.begin(), fill.end(), [](const Triangle& t) { return t.fringe(); }));   // coverage is in the texels
    CHECK(cornerMismatches(fill, tx, ImVec2(10, 21), ImVec2(211, 100), 11, 0) == 0);

    const auto outline = drawn([&](ImDrawList& dl) { crispOutline(dl, ImVec2(40.4f, 30.5f), ImVec2(300.2f, 140.8f), kInk, 11.3f, 1.51f); }, true, &tx);
    CHECK(outline.size() == 4 * 2 + 4 * 2);   // the four runs and four quarter rings
    CHECK(cornerMismatches(outline, tx, ImVec2(40, 31), ImVec2(300, 141), 11, 2) == 0);
    CHECK(opaqueAt(outline, ImVec2(170.5f, 32.5f)));          // the runs as before: two rows, nothing below
    CHECK_FALSE(anythingAt(outline, ImVec2(170.5f, 33.5f)));
    CHECK_FALSE(anythingAt(outline, ImVec2(170.5f, 85.5f)));   // the middle left for the fill

    SECTION("a size not baked is drawn as geometry, as without them") {
        const auto big = drawn([&](ImDrawList& dl) { crispFill(dl, ImVec2(0, 0), ImVec2(300, 200), kInk, 40); }, true);
        CHECK(std::none_of(big.begin(), big.end(), [](const Triangle& t) { return t.atlas; }));
        CHECK(fringeOnlyInCorners(big, ImVec2(0, 0), ImVec2(300, 200), 41));
    }
}

TEST_CASE("a face's disc as rectangles fills every pixel inside the ring's opaque middle and none past it", "[kiosk][crisp]") {
    // Faces from 50 px to the large-text ones at 1920×1080 (about 180 px), the outline 7 % of the
    // radius as Ui::face draws it, and thinner and thicker; centres on and between whole pixels.
    for (float rad : {50.0f, 64.0f, 74.25f, 109.0f, 140.6f, 181.0f})
        for (float edge : {rad * 0.07f, 3.5f, 12.0f})
            for (ImVec2 c : {ImVec2(300, 200), ImVec2(300.5f, 200.5f), ImVec2(300.3f, 199.8f)}) {
                const float must = rad - edge * 0.5f + 0.75f, may = rad + edge * 0.5f - 1.75f;
                bool drew = false;
                const auto ts = drawn([&](ImDrawList& dl) { drew = sw::kiosk::discUnderRing(dl, c, must, may, kInk); });
                INFO("radius " << rad << " edge " << edge << " centre " << c.x << "," << c.y);
                CHECK(ts.size() <= 48);   // never more triangles than the fan it replaces
                if (rad >= 64 && edge == rad * 0.07f) CHECK(drew);   // the kiosk's faces from about 18 mm across
                if (!drew) {
                    CHECK(ts.empty());   // the caller draws the fan
                    continue;
                }
                CHECK(std::all_of(ts.begin(), ts.end(), [](const Triangle& t) { return t.opaque(); }));
                int wrong = 0;
                for (int y = static_cast<int>(c.y - may) - 2; y <= static_cast<int>(c.y + may) + 2; ++y)
                    for (int x = static_cast<int>(c.x - may) - 2; x <= static_cast<int>(c.x + may) + 2; ++x) {
                        const ImVec2 q(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
                        const float d = std::hypot(q.x - c.x, q.y - c.y);
                        const bool filled = opaqueAt(ts, q);
                        wrong += (d < must && !filled) || (d > may && filled);
                    }
                CHECK(wrong == 0);
            }
    // Nothing drawn, the caller's fan instead: a translucent colour, or no room between the radii.
    bool drew = true;
    CHECK(drawn([&](ImDrawList& dl) { drew = sw::kiosk::discUnderRing(dl, ImVec2(50, 50), 20, 24, IM_COL32(0, 0, 0, 128)); }).empty());
    CHECK_FALSE(drew);
    drew = true;
    CHECK(drawn([&](ImDrawList& dl) { drew = sw::kiosk::discUnderRing(dl, ImVec2(50, 50), 20, 20.5f, kInk); }).empty());
    CHECK_FALSE(drew);
}
