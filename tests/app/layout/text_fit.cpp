// Text runs in ImGui's draw data that do not fit their box (text_fit.hpp says what counts).
#include "app/layout/text_fit.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <sstream>
#include <unordered_map>

namespace swtest {

namespace {

constexpr float kEps = 0.5f;   // layout boxes are pixel-snapped: half a pixel of rounding

std::uint64_t uvKey(float u, float v) {
    std::uint32_t a = 0, b = 0;
    std::memcpy(&a, &u, 4);
    std::memcpy(&b, &v, 4);
    return (std::uint64_t{a} << 32) | b;
}

// Every visible glyph of every font in the atlas, by its texture rectangle's top-left corner.
struct GlyphIndex {
    std::unordered_map<std::uint64_t, const ImFontGlyph*> byCorner;
    std::vector<const ImFontGlyph*> all;
    explicit GlyphIndex(const ImFontAtlas& atlas) {
        for (const ImFont* f : atlas.Fonts)
            for (const ImFontGlyph& g : f->Glyphs)
                if (g.Visible) {
                    byCorner.emplace(uvKey(g.U0, g.V0), &g);
                    all.push_back(&g);
                }
    }
    // The glyph whose texture rectangle holds [u0,u1]×[v0,v1]; `whole` when it is all of it.
    const ImFontGlyph* find(float u0, float v0, float u1, float v1, bool& whole) const {
        auto it = byCorner.find(uvKey(u0, v0));
        if (it != byCorner.end() && it->second->U1 == u1 && it->second->V1 == v1) {
            whole = true;
            return it->second;
        }
        whole = false;
        for (const ImFontGlyph* g : all)
            if (u0 >= g->U0 && u1 <= g->U1 && v0 >= g->V0 && v1 <= g->V1 && u0 < u1 && v0 < v1) return g;
        return nullptr;
    }
};

enum Side { Left, Right, Top, Bottom };
struct Edge {   // a side of a glyph against its clip: out past it, and where it is
    Side side;
    bool out;
    float at;
};
const char* sideName(Side s) { return s == Left ? "left" : s == Right ? "right" : s == Top ? "top" : "bottom"; }

// True when the edge at `at` is the visible edge of a window that shows a scrollbar along that
// axis, and the glyph lies across that window: the rest of the text is reached by scrolling.
bool scrolledEdge(Side side, float at, const ImRect& glyph) {
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden) continue;
        const ImRect& r = w->InnerClipRect;
        const bool vertical = side == Top || side == Bottom;
        if (vertical ? !w->ScrollbarY : !w->ScrollbarX) continue;
        const float edge = side == Left ? r.Min.x : side == Right ? r.Max.x : side == Top ? r.Min.y : r.Max.y;
        if (std::fabs(edge - at) > 1.5f) continue;
        const bool across = vertical ? glyph.Max.x > r.Min.x && glyph.Min.x < r.Max.x : glyph.Max.y > r.Min.y && glyph.Min.y < r.Max.y;
        if (across) return true;
    }
    // The rows of a scrolled table pass under its frozen header row: their top edge is where the
    // header ends (ImGui sets it as Bg2ClipRectForDrawCmd.Min.y when the rows unfreeze).
    if (side == Top)
        for (int n = 0; n < GImGui->Tables.GetMapSize(); ++n) {
            const ImGuiTable* t = GImGui->Tables.TryGetMapData(n);
            if (!t || t->FreezeRowsCount == 0 || !t->InnerWindow || !t->InnerWindow->Active || !t->InnerWindow->ScrollbarY) continue;
            if (std::fabs(t->Bg2ClipRectForDrawCmd.Min.y - at) <= 1.5f && glyph.Max.x > t->OuterRect.Min.x && glyph.Min.x < t->OuterRect.Max.x)
                return true;
        }
    // The columns of a table that scrolls sideways pass under its frozen columns (# and the unit's
    // name in the roll-up): their left edge is where the last frozen column ends.
    if (side == Left)
        for (int n = 0; n < GImGui->Tables.GetMapSize(); ++n) {
            const ImGuiTable* t = GImGui->Tables.TryGetMapData(n);
            if (!t || t->FreezeColumnsCount == 0 || !t->InnerWindow || !t->InnerWindow->Active || !t->InnerWindow->ScrollbarX) continue;
            const float frozenEnd = t->Columns[t->DisplayOrderToIndex[t->FreezeColumnsCount - 1]].MaxX;
            if (std::fabs(frozenEnd - at) <= 2.5f && glyph.Max.y > t->OuterRect.Min.y && glyph.Min.y < t->OuterRect.Max.y) return true;
        }
    return false;
}

// True when the glyph lies wholly past one edge of its clip that is the visible edge of a window
// scrolling along that axis, and inside that window's scrollable content: a cell of a table that
// scrolls both ways, down and to the right of what shows, is not on screen at all (ImGui emits
// wrapped lines below the clip, and the table's merged draw command may hold glyphs of a column
// past its edge). It is reached by scrolling, like the text cut at that edge.
bool pastScrolledEdge(const ImRect& q, const ImVec4& clip) {
    const Edge sides[] = {{Left, q.Max.x <= clip.x + kEps, clip.x},
                           {Right, q.Min.x >= clip.z - kEps, clip.z},
                           {Top, q.Max.y <= clip.y + kEps, clip.y},
                           {Bottom, q.Min.y >= clip.w - kEps, clip.w}};
    for (const Edge& e : sides) {
        if (!e.out) continue;
        const bool vertical = e.side == Top || e.side == Bottom;
        for (const ImGuiWindow* w : GImGui->Windows) {
            if (!w->Active || w->Hidden || (vertical ? !w->ScrollbarY : !w->ScrollbarX)) continue;
            const ImRect& r = w->InnerClipRect;
            const float edge = e.side == Left ? r.Min.x : e.side == Right ? r.Max.x : e.side == Top ? r.Min.y : r.Max.y;
            if (std::fabs(edge - e.at) > 1.5f) continue;
            const ImVec2 origin(w->InnerRect.Min.x - w->Scroll.x, w->InnerRect.Min.y - w->Scroll.y);
            const ImRect content(origin, ImVec2(origin.x + std::max(w->ContentSize.x, r.GetWidth()), origin.y + std::max(w->ContentSize.y, r.GetHeight())));
            const bool inside = vertical ? q.Max.x > content.Min.x && q.Min.x < content.Max.x : q.Max.y > content.Min.y && q.Min.y < content.Max.y;
            if (inside) return true;
        }
    }
    return false;
}

void appendUtf8(std::string& s, unsigned c) {
    if (c < 0x80) s += static_cast<char>(c);
    else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
}

struct Run {
    std::string text;
    ImRect box{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
    std::string why;   // first reason found, "" = fits
};

// One draw command's glyphs, in the order drawn, grouped into runs of text on one line.
struct RunBuilder {
    ImVec4 clip;
    std::vector<Run> runs;
    float lastX2 = 0;

    void add(const ImFontGlyph& g, const ImRect& q, const std::string& why) {
        // Boxes of one text tile its line (measureLayoutBoxes): a gap or a jump starts another.
        const float cy = q.GetCenter().y;
        const bool fresh = runs.empty() || cy < runs.back().box.Min.y || cy > runs.back().box.Max.y ||
                           std::fabs(q.Min.x - lastX2) > 1.0f;
        if (fresh) runs.emplace_back();
        Run& r = runs.back();
        appendUtf8(r.text, g.Codepoint);
        r.box.Add(q);
        if (!why.empty() && r.why.find(why) == std::string::npos) r.why += (r.why.empty() ? "" : ", ") + why;
        lastX2 = q.Max.x;
    }
};

// Why this glyph quad does not fit, or "" when it does.
std::string glyphCut(const ImFontGlyph& g, bool whole, const ImRect& q, ImVec2 uvMin, ImVec2 uvMax, const ImVec4& clip) {
    if (g.Codepoint == kEllipsisMarker) return "shortened with an ellipsis";
    if (pastScrolledEdge(q, clip)) return "";
    const Edge straddles[] = {{Left, q.Min.x < clip.x - kEps, clip.x},
                              {Right, q.Max.x > clip.z + kEps, clip.z},
                              {Top, q.Min.y < clip.y - kEps, clip.y},
                              {Bottom, q.Max.y > clip.w + kEps, clip.w}};
    for (const Edge& e : straddles)
        if (e.out && !scrolledEdge(e.side, e.at, q)) return std::string("cut by its clip rect (") + sideName(e.side) + ")";
    if (whole) return "";
    // Trimmed on the CPU to the item's frame (RenderTextClipped): which side lost texture.
    // The part of the glyph's box that was cut away, in pixels (its texture shrank in proportion).
    const float wPx = q.GetWidth() / (uvMax.x - uvMin.x), hPx = q.GetHeight() / (uvMax.y - uvMin.y);
    const Edge trims[] = {{Left, (uvMin.x - g.U0) * wPx > kEps, q.Min.x},
                          {Right, (g.U1 - uvMax.x) * wPx > kEps, q.Max.x},
                          {Top, (uvMin.y - g.V0) * hPx > kEps, q.Min.y},
                          {Bottom, (g.V1 - uvMax.y) * hPx > kEps, q.Max.y}};
    for (const Edge& e : trims)
        if (e.out && !scrolledEdge(e.side, e.at, q)) return std::string("trimmed to its frame (") + sideName(e.side) + ")";
    return "";
}

// Every run one draw command drew, with why it does not fit ("" when it does) and its clip.
struct DrawnRun {
    Run run;
    ImVec4 clip;
};

void scanCommand(const ImDrawList& list, const ImDrawCmd& cmd, const GlyphIndex& glyphs, std::vector<DrawnRun>& out) {
    RunBuilder rb;
    rb.clip = cmd.ClipRect;
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    for (unsigned i = 0; i + 3 <= cmd.ElemCount;) {
        // A glyph is a quad written as (a, a+1, a+2) (a, a+2, a+3); anything else is a triangle.
        const bool quad = i + 6 <= cmd.ElemCount && idx[i + 1] == idx[i] + 1 && idx[i + 2] == idx[i] + 2 &&
                          idx[i + 3] == idx[i] && idx[i + 4] == idx[i] + 2 && idx[i + 5] == idx[i] + 3;
        if (!quad) {
            i += 3;
            continue;
        }
        const ImDrawVert& a = vtx[idx[i]];
        const ImDrawVert& c = vtx[idx[i] + 2];
        i += 6;
        if (a.uv.x == c.uv.x || a.uv.y == c.uv.y) continue;   // a solid fill (the white pixel)
        bool whole = false;
        const ImFontGlyph* g = glyphs.find(a.uv.x, a.uv.y, c.uv.x, c.uv.y, whole);
        if (!g) continue;   // anti-aliased line texture, not text
        const ImRect q(a.pos, c.pos);
        rb.add(*g, q, glyphCut(*g, whole, q, a.uv, c.uv, cmd.ClipRect));
    }
    for (const Run& r : rb.runs) out.push_back({r, cmd.ClipRect});
}

// The part of a run that shows: its box within its clip rectangle.
ImRect shown(const DrawnRun& d) {
    ImRect b = d.run.box;
    b.ClipWith(ImRect(d.clip.x, d.clip.y, d.clip.z, d.clip.w));
    return b;
}

// Two texts of one window drawn over each other (a label that runs into the next item placed at a
// fixed x). Boxes are the layout boxes across and the ink up and down, so neighbours on a line and
// lines of a paragraph never touch; more than a pixel each way is an overlap.
void findOverlaps(std::vector<DrawnRun>& runs) {
    for (std::size_t i = 0; i < runs.size(); ++i)
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const ImRect a = shown(runs[i]), b = shown(runs[j]);
            const float dx = std::min(a.Max.x, b.Max.x) - std::max(a.Min.x, b.Min.x);
            const float dy = std::min(a.Max.y, b.Max.y) - std::max(a.Min.y, b.Min.y);
            if (dx > 1.0f && dy > 1.0f) {
                std::string& why = runs[i].run.why;
                why += (why.empty() ? "" : ", ") + std::string("overlaps \"") + runs[j].run.text + "\"";
            }
        }
}

} // namespace

void measureLayoutBoxes(ImFontAtlas& atlas) {
    float fake = -1.0f;
    for (ImFont* f : atlas.Fonts) {
        IM_ASSERT(f->FindGlyphNoFallback(kEllipsisMarker));
        f->EllipsisChar = kEllipsisMarker;
        for (ImFontGlyph& g : f->Glyphs) {
            g.X0 = 0;
            g.X1 = g.AdvanceX;
            if (!g.Visible) {   // a space: drawn as a quad with texture coordinates no real glyph has
                g.Visible = 1;
                g.Y0 = 0.4f * f->FontSize;   // mid-line, like the ink of the letters around it
                g.Y1 = 0.6f * f->FontSize;
                g.U0 = g.V0 = fake;
                g.U1 = g.V1 = fake + 0.5f;
                fake -= 1.0f;
            }
        }
    }
}

namespace {

// The text runs of each draw list of the last rendered frame, in the order drawn.
template <class Each> void eachListsRuns(Each&& each) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || !dd->Valid) return;
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const GlyphIndex glyphs(atlas);
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList& list = *dd->CmdLists[l];
        std::vector<DrawnRun> runs;
        for (const ImDrawCmd& cmd : list.CmdBuffer)
            if (!cmd.UserCallback && cmd.TextureId == atlas.TexID) scanCommand(list, cmd, glyphs, runs);
        each(list, runs);
    }
}

bool wordChar(char ch) { return ch != ' ' && ch != '(' && ch != ')' && ch != ',' && ch != ';' && ch != ':' && ch != '"'; }

// `a` ends with the first `k` bytes of `w` as a word start, and `b` begins with the rest as a word end.
bool brokenAt(const std::string& a, const std::string& b, const std::string& w, std::size_t k) {
    const std::string head = w.substr(0, k), tail = w.substr(k);
    if (a.size() < head.size() || b.size() < tail.size()) return false;
    if (a.compare(a.size() - head.size(), head.size(), head) != 0 || b.compare(0, tail.size(), tail) != 0) return false;
    return (a.size() == head.size() || !wordChar(a[a.size() - head.size() - 1])) && (b.size() == tail.size() || !wordChar(b[tail.size()]));
}

} // namespace

std::vector<TextCut> findTextCuts() {
    std::vector<TextCut> out;
    eachListsRuns([&](const ImDrawList& list, std::vector<DrawnRun>& runs) {
        findOverlaps(runs);
        for (const DrawnRun& d : runs)
            if (!d.run.why.empty())
                out.push_back({d.run.text, d.run.why, d.clip, d.run.box.Min, d.run.box.Max, list._OwnerName ? list._OwnerName : ""});
    });
    return out;
}

std::vector<TextCut> findBrokenWords(const std::vector<std::string>& texts) {
    std::vector<std::string> words;
    for (const std::string& t : texts)
        for (std::size_t at = 0; at < t.size();) {
            const std::size_t end = std::min(t.find(' ', at), t.size());
            if (end - at >= 2) words.push_back(t.substr(at, end - at));
            at = end + 1;
        }
    std::vector<TextCut> out;
    eachListsRuns([&](const ImDrawList& list, const std::vector<DrawnRun>& runs) {
        for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
            const Run &a = runs[i].run, &b = runs[i + 1].run;
            // The next line of one wrapped text: same left edge, below, about two lines down at most
            // (boxes are the glyphs' ink up and down, some 70 % of a line).
            const float lineH = std::max(a.box.GetHeight(), b.box.GetHeight());
            if (std::fabs(a.box.Min.x - b.box.Min.x) > 1.0f || b.box.Min.y <= a.box.Max.y - kEps || b.box.Min.y - a.box.Min.y > 3 * lineH) continue;
            for (const std::string& w : words)
                for (std::size_t k = 1; k < w.size(); ++k)
                    if ((static_cast<unsigned char>(w[k]) & 0xC0) != 0x80 && brokenAt(a.text, b.text, w, k)) {
                        out.push_back({a.text + " / " + b.text, "breaks \"" + w + "\" across lines", runs[i].clip, a.box.Min, b.box.Max,
                                       list._OwnerName ? list._OwnerName : ""});
                        k = w.size();
                    }
        }
    });
    return out;
}

std::string describe(const std::vector<TextCut>& cuts, const std::string& where) {
    std::ostringstream s;
    for (const TextCut& c : cuts)
        s << where << ": \"" << c.text << "\" " << c.why << " at (" << c.min.x << "," << c.min.y << ")-(" << c.max.x << ","
          << c.max.y << "), clip (" << c.clip.x << "," << c.clip.y << ")-(" << c.clip.z << "," << c.clip.w << ") in " << c.window << "\n";
    return s.str();
}

} // namespace swtest
