#include "app/board/board.hpp"

#include "app/shell/fonts.hpp"
#include "app/shell/metrics.hpp"

#include <algorithm>

namespace sw::board {

// Read from 3–5 m: a capital of about 1/350 of the distance is legible, so body text gets 14 mm
// (the kiosk's arm's-length text has 4,6 mm, its large mode 7 mm; survey/RULES.md "The kiosk itself
// is accessible"). On a small or a portrait screen each size yields to a share of its height and
// width, so a page of four or five lines and the score still fit.
BoardType boardType(float pxPerMm, int widthPx, int heightPx) {
    BoardType t;
    t.pxPerMm = pxPerMm;
    const float heightMm = static_cast<float>(heightPx) / pxPerMm;
    const float widthMm = static_cast<float>(widthPx) / pxPerMm;
    t.smallCapMm = std::min({9.0f, heightMm * 0.026f, widthMm * 0.022f});
    t.bodyCapMm = std::min({14.0f, heightMm * 0.036f, widthMm * 0.032f});
    t.headingCapMm = std::min({20.0f, heightMm * 0.052f, widthMm * 0.045f});
    t.figureCapMm = std::min({60.0f, heightMm * 0.18f, widthMm * 0.16f});
    t.smallPx = kiosk::fontPxForCapHeight(t.smallCapMm, pxPerMm);
    t.bodyPx = kiosk::fontPxForCapHeight(t.bodyCapMm, pxPerMm);
    t.headingPx = kiosk::fontPxForCapHeight(t.headingCapMm, pxPerMm);
    t.figurePx = kiosk::fontPxForCapHeight(t.figureCapMm, pxPerMm);
    t.marginPx = std::min(20.0f, std::min(widthMm, heightMm) * 0.06f) * pxPerMm;
    t.gapPx = t.bodyPx * 0.6f;
    return t;
}

BoardFonts addBoardFonts(ImFontAtlas& atlas, const BoardType& type) {
    // The score needs digits, comma, point and a space only: baked at 60 mm it stays small.
    static const ImWchar kFigures[] = {0x0020, 0x0020, 0x002C, 0x0039, 0};
    BoardFonts f;
    f.small = kiosk::addDejaVu(atlas, false, type.smallPx);
    f.body = kiosk::addDejaVu(atlas, false, type.bodyPx);
    f.bodyBold = kiosk::addDejaVu(atlas, true, type.bodyPx);
    f.heading = kiosk::addDejaVu(atlas, true, type.headingPx);
    f.figure = kiosk::addDejaVu(atlas, true, type.figurePx, kFigures);
    return f;
}

std::vector<BoardPage> boardPages(const PublicSummary& s) {
    if (!s.weakestUnsur()) return {BoardPage::Overall, BoardPage::Done};
    if (s.strongest == s.weakest) return {BoardPage::Overall, BoardPage::Weakest, BoardPage::Done};
    return {BoardPage::Overall, BoardPage::Weakest, BoardPage::Strongest, BoardPage::Done};
}

} // namespace sw::board
