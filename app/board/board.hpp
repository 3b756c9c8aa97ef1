// The waiting-room board: the unit's public SKM result full screen in large type, cycling through
// the overall result, the weakest unsur, the strongest unsur and what was done about the results.
// The words and figures are the public page's (survey/export/public_summary.hpp), so the board,
// the page and `report` never disagree. `suarawarga board --db FILE`.
#pragma once
#include "survey/export/public_summary.hpp"

#include <imgui.h>

namespace sw::board {

// Type sizes for a board seen across a waiting room, in millimetres on the real display (the
// shell's pixels per millimetre), each capped to a share of the screen's height so every page fits
// a small screen too. Pure: tested.
struct BoardType {
    float pxPerMm = 4.0f;
    float smallCapMm = 0, bodyCapMm = 0, headingCapMm = 0, figureCapMm = 0;   // capital H height
    float smallPx = 0, bodyPx = 0, headingPx = 0, figurePx = 0;              // font sizes
    float marginPx = 0, gapPx = 0;
};
BoardType boardType(float pxPerMm, int widthPx, int heightPx);

struct BoardFonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* heading = nullptr;
    ImFont* figure = nullptr;     // digits and punctuation only: the score, in very large type
};
// Adds the board's faces to the atlas (before the first frame).
BoardFonts addBoardFonts(ImFontAtlas& atlas, const BoardType& type);

enum class BoardPage { Overall, Weakest, Strongest, Done };
inline constexpr int kBoardPages = 4;
// The pages worth cycling through for a summary: without a rated unsur, no weakest or strongest.
std::vector<BoardPage> boardPages(const PublicSummary& s);

// Draws one page over the whole display, in the current ImGui frame. Returns where the page's
// content ended and the footer begins (tests: the content must end above it).
struct BoardLayout {
    float contentBottom = 0;
    float footerTop = 0;
};
BoardLayout drawBoard(const PublicSummary& s, BoardPage page, const BoardFonts& fonts, const BoardType& type);

// The verb (registered with the kiosk's display verbs).
int runBoardVerb(int argc, char** argv);
void printBoardHelp();

} // namespace sw::board
