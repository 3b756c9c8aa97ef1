// Text that does not fit its box, found in the frame ImGui drew — no widget instrumented.
//
// After ImGui::Render() every piece of text is a run of glyph quads in the draw data: quads whose
// texture coordinates are a glyph's rectangle in the font atlas. A run does not fit when
//   * a glyph sticks out of its draw command's ClipRect (text cut by the window, child, table
//     column or popup it was drawn in; ImGui emits a glyph that straddles the clip edge and drops
//     the ones wholly outside, so an overflow always leaves one straddling glyph),
//   * a glyph was trimmed on the CPU (its texture rectangle is part of a glyph's: a button's or
//     input's label cut at the item's own frame by RenderTextClipped's fine clipping),
//   * it holds the ellipsis ImGui draws when it shortens a label (RenderTextEllipsis: table
//     headers, tabs). The harness replaces each font's ellipsis by a marker glyph the product never
//     prints (kEllipsisMarker), so an ellipsis typed in the product's own strings is not mistaken
//     for a shortened label.
//   * it overlaps another text of the same window (a label running into the next item placed at
//     a fixed x: nothing is clipped, the two are drawn over each other).
// Not an overflow, and so excluded: text cut at the visible edge of a window or child that shows a
// scrollbar along that axis (a scrolled list or a table with ScrollY/ScrollX: the rest is reached by
// scrolling), including the rows of a scrolled table passing under its frozen header and its
// columns passing under its frozen columns, and text wholly past such an edge (a wrapped cell down
// and to the right of a table that scrolls both ways). Only an edge that is the scrolling window's own inner clip edge is excused; a cut at a
// column boundary inside a scrolled table still counts.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace swtest {

// U+00A4 CURRENCY SIGN: in the product's glyph ranges (Latin-1), never in its strings or data.
inline constexpr ImWchar kEllipsisMarker = 0x00A4;

struct TextCut {
    std::string text;        // the run's glyphs (spaces guessed from gaps): roughly what was drawn
    std::string why;         // "cut by its clip rect (right)", "trimmed to its frame (right)", "overlaps …"
    ImVec4 clip;             // the draw command's clip rectangle (x0, y0, x1, y1)
    ImVec2 min, max;         // the run's glyph box
    std::string window;      // the ImGui window that drew it ("##admin/##screen_…/##qid_…")
};

// Makes every glyph's quad its layout box across — the full advance wide, spaces included (up and
// down it keeps the glyph's ink: ImGui cuts lines, not glyphs, vertically) — and replaces every font's ellipsis by kEllipsisMarker. Call once the atlas is built;
// only for contexts that are never rendered to pixels (the quads no longer match the ink).
// Why: ImGui drops the glyphs wholly past a clip edge and never draws spaces, so a label cut
// between two words would leave nothing to see; with boxes that tile the line, every cut edge
// falls inside some drawn box. Layout is unchanged (it uses only the advances).
void measureLayoutBoxes(ImFontAtlas& atlas);

// The text runs of the current context's last rendered frame that do not fit (see above).
std::vector<TextCut> findTextCuts();

// Words of `text` (split at spaces) that the current context's last rendered frame drew broken
// across two lines: one line ends with the word's start and the next, at the same x just below,
// begins with its rest. ImGui's wrap cuts a word wider than its column anywhere ("Ka / nw / il"),
// which no clip edge shows, so this needs to know the words: the tests pass their data's names.
std::vector<TextCut> findBrokenWords(const std::vector<std::string>& texts);

// "page 1280x800 id: \"text\" why" lines, for a failure message.
std::string describe(const std::vector<TextCut>& cuts, const std::string& where);

} // namespace swtest
