// The board's pages, drawn with ImDrawList over the whole display: a frame (DEMO band, unit and
// period, page dots, an invitation to the kiosk) around one page's content. Colours are the public
// page's palette (survey/export/html_page.hpp, contrast-checked) and the mutu palette.
#include "app/board/board.hpp"

#include "app/widgets/mutu_colours.hpp"
#include "app/widgets/wrap_words.hpp"
#include "survey/base/translations.hpp"
#include "survey/export/html_page.hpp"

#include <algorithm>
#include <sstream>

namespace sw::board {

namespace {

ImU32 rgb(std::uint32_t v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255); }

struct Canvas {
    const PublicSummary& s;
    const BoardFonts& f;
    const BoardType& type;
    ImDrawList* dl;
    ImVec2 min, max;          // the content area, inside the margins and the frame

    const std::string& t(const char* key) const { return publicStrings().get(key, s.lang); }
    float width() const { return max.x - min.x; }

    // Text wrapped at spaces to `w`; returns its height. center: each line centred in w.
    float text(ImFont* font, const std::string& str, ImVec2 at, float w, ImU32 col, bool center = false) const {
        ImGui::PushFont(font);
        const std::string wrapped = admin::ui::wrapWords(str, w);
        ImGui::PopFont();
        std::istringstream lines(wrapped);
        float y = at.y;
        for (std::string line; std::getline(lines, line);) {
            const float lw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.c_str()).x;
            dl->AddText(font, font->FontSize, ImVec2(center ? at.x + (w - lw) * 0.5f : at.x, y), col, line.c_str());
            y += font->FontSize * 1.15f;
        }
        return y - at.y;
    }
    float textHeight(ImFont* font, const std::string& str, float w) const {
        ImGui::PushFont(font);
        const std::string wrapped = admin::ui::wrapWords(str, w);
        ImGui::PopFont();
        return font->FontSize * 1.15f * static_cast<float>(1 + std::count(wrapped.begin(), wrapped.end(), '\n'));
    }
    float textWidth(ImFont* font, const std::string& str) const { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, str.c_str()).x; }
};

// [SECTION] The frame around every page

// The demo unit's band across the top (README "Security model"); returns its bottom edge.
float demoBand(Canvas& c, float top) {
    const HtmlPalette& p = htmlPalette();
    const float pad = c.type.gapPx * 0.6f;
    const std::string& label = c.t("board.demo");
    const float h = c.textHeight(c.f.bodyBold, label, c.width() - 2 * pad) + 2 * pad;
    c.dl->AddRectFilled(ImVec2(c.min.x, top), ImVec2(c.max.x, top + h), rgb(p.demoBand), pad * 0.5f);
    c.text(c.f.bodyBold, label, ImVec2(c.min.x + pad, top + pad), c.width() - 2 * pad, rgb(p.demoText), true);
    return top + h;
}

// Title and unit on the left, the period on the right; returns the content's top.
float header(Canvas& c) {
    const HtmlPalette& p = htmlPalette();
    float y = c.min.y;
    if (c.s.demo) y = demoBand(c, y) + c.type.gapPx;
    const float periodW = c.textWidth(c.f.small, c.s.periodText);
    c.dl->AddText(c.f.small, c.f.small->FontSize, ImVec2(c.max.x - periodW, y), rgb(p.muted), c.s.periodText.c_str());
    y += c.text(c.f.small, c.t("page.title"), ImVec2(c.min.x, y), c.width() - periodW - c.type.gapPx, rgb(p.muted));
    y += c.text(c.f.bodyBold, c.s.unitName, ImVec2(c.min.x, y), c.width(), rgb(p.text));
    y += c.type.gapPx * 0.5f;
    c.dl->AddLine(ImVec2(c.min.x, y), ImVec2(c.max.x, y), rgb(p.rule), std::max(1.0f, c.type.pxPerMm * 0.5f));
    return y + c.type.gapPx * 1.5f;
}

// Page dots on the left, the invitation on the right; returns the content's bottom.
float footer(Canvas& c, int pageIndex, int pageCount) {
    const HtmlPalette& p = htmlPalette();
    const float h = c.f.small->FontSize * 1.15f;
    const float y = c.max.y - h;
    const float r = c.f.small->FontSize * 0.25f;
    for (int i = 0; i < pageCount; ++i) {
        const ImVec2 centre(c.min.x + r + static_cast<float>(i) * r * 3.5f, y + h * 0.5f);
        if (i == pageIndex) c.dl->AddCircleFilled(centre, r, rgb(p.text));
        else c.dl->AddCircle(centre, r, rgb(p.muted), 0, std::max(1.0f, r * 0.25f));
    }
    const std::string& invite = c.t("board.invite");
    c.dl->AddText(c.f.small, c.f.small->FontSize, ImVec2(c.max.x - c.textWidth(c.f.small, invite), y), rgb(p.muted), invite.c_str());
    return y - c.type.gapPx;
}

// [SECTION] Pieces of the pages

// A filled band in the grade's colour with the grade in words. White on the mutu colours is at
// least 4,1:1; at this size (bold, far above 18,66 px) WCAG 1.4.3 asks 3:1. Returns its width.
float gradeBand(Canvas& c, Mutu m, const std::string& label, float y) {
    const float pad = c.type.gapPx * 0.6f;
    const float w = c.textWidth(c.f.heading, label) + 2 * pad, h = c.textHeight(c.f.heading, label, c.width() - 2 * pad) + 2 * pad;
    c.dl->AddRectFilled(ImVec2(c.min.x, y), ImVec2(c.min.x + std::min(w, c.width()), y + h), widgets::mutuColour(m), pad * 0.5f);
    c.text(c.f.heading, label, ImVec2(c.min.x + pad, y + pad), c.width() - 2 * pad, IM_COL32(255, 255, 255, 255));
    return std::min(w, c.width());
}

// "82,34" very large, then "dari 100" beside it on the same baseline.
float bigScore(Canvas& c, double value, float y) {
    const HtmlPalette& p = htmlPalette();
    const std::string v = publicNumber(value, c.s.lang);
    const float vw = c.textWidth(c.f.figure, v);
    c.dl->AddText(c.f.figure, c.f.figure->FontSize, ImVec2(c.min.x, y), rgb(p.text), v.c_str());
    const float baseline = y + c.f.figure->Ascent, ofY = baseline - c.f.body->Ascent;
    c.dl->AddText(c.f.body, c.f.body->FontSize, ImVec2(c.min.x + vw + c.type.gapPx, ofY), rgb(p.muted), c.t("page.of_100").c_str());
    return c.f.figure->FontSize;
}

// The 25–100 scale as a bar, with thin marks where C, B and A begin (as on the public page).
float scaleBar(Canvas& c, double value, Mutu m, float y) {
    const HtmlPalette& p = htmlPalette();
    const float h = std::max(c.type.pxPerMm * 10.0f, c.f.small->FontSize), w = c.width();
    auto xAt = [&](double v) { return c.min.x + w * static_cast<float>((std::clamp(v, 25.0, 100.0) - 25.0) / 75.0); };
    c.dl->AddRectFilled(ImVec2(c.min.x, y), ImVec2(c.max.x, y + h), rgb(p.panel));
    c.dl->AddRectFilled(ImVec2(c.min.x, y), ImVec2(xAt(value), y + h), widgets::mutuColour(m));
    for (double bound : kMutuLowerBounds)
        c.dl->AddLine(ImVec2(xAt(bound), y), ImVec2(xAt(bound), y + h), rgb(p.rule), std::max(1.0f, c.type.pxPerMm * 0.4f));
    // The grade each stretch of the scale means, under it.
    const float pad = c.type.pxPerMm * 1.5f;
    const Mutu grades[] = {Mutu::D, Mutu::C, Mutu::B, Mutu::A};
    for (Mutu g : grades)
        c.dl->AddText(c.f.small, c.f.small->FontSize, ImVec2(xAt(mutuLowerBound(g)) + pad, y + h), rgb(p.muted), mutuLetter(g));
    return h + c.f.small->FontSize;
}

// [SECTION] Pages

float overallPage(Canvas& c, float y) {
    const PublicSummary& s = c.s;
    const HtmlPalette& p = htmlPalette();
    y += c.text(c.f.body, c.t("board.overall"), ImVec2(c.min.x, y), c.width(), rgb(p.muted));
    if (!s.hasResult) return y + c.text(c.f.heading, s.headline, ImVec2(c.min.x, y), c.width(), rgb(p.text));
    y += bigScore(c, s.ikmUnit, y) + c.type.gapPx * 0.5f;
    // The grade, and beside it (below it on a narrow screen) how many rated the service.
    const float bandW = gradeBand(c, s.mutu, format(c.t("page.grade"), {mutuLetter(s.mutu), s.kinerja}), y);
    const float bandH = c.textHeight(c.f.heading, "M", c.width()) + c.type.gapPx * 1.2f;
    const std::string rated = format(c.t("board.rated_by"), {s.respondentsText});
    const float ratedW = c.textWidth(c.f.body, rated);
    if (bandW + c.type.gapPx * 2 + ratedW <= c.width()) {
        c.text(c.f.body, rated, ImVec2(c.min.x + bandW + c.type.gapPx * 2, y + (bandH - c.f.body->FontSize) * 0.5f), ratedW + 1, rgb(p.muted));
        return y + bandH;
    }
    y += bandH + c.type.gapPx * 0.5f;
    return y + c.text(c.f.body, rated, ImVec2(c.min.x, y), c.width(), rgb(p.muted));
}

// What was done about this unsur, if anything is recorded as done.
const PublicAction* actionFor(const PublicSummary& s, const std::string& code) {
    for (const auto& a : s.done)
        if (a.unsurCode == code) return &a;
    return nullptr;
}

float unsurPage(Canvas& c, float y, float bottom, bool weakest) {
    const PublicSummary& s = c.s;
    const HtmlPalette& p = htmlPalette();
    const PublicUnsur* u = weakest ? s.weakestUnsur() : s.strongestUnsur();
    y += c.text(c.f.body, c.t(weakest ? "board.weakest" : "board.strongest"), ImVec2(c.min.x, y), c.width(), rgb(p.muted));
    if (!u) return y + c.text(c.f.body, s.headline, ImVec2(c.min.x, y), c.width(), rgb(p.text));
    y += c.text(c.f.heading, u->name, ImVec2(c.min.x, y), c.width(), rgb(p.text)) + c.type.gapPx * 0.5f;
    const std::string value = publicNumber(u->value, s.lang) + " " + c.t("page.of_100") + " · " + gradeText(u->mutu, s.lang);
    y += c.text(c.f.heading, value, ImVec2(c.min.x, y), c.width(), rgb(p.text)) + c.type.gapPx * 0.5f;
    y += scaleBar(c, u->value, u->mutu, y);
    // What was done about it, when it fits above the footer (the page of what was done has it all).
    const PublicAction* a = actionFor(s, u->code);
    if (a && y + c.type.gapPx + c.textHeight(c.f.bodyBold, c.t("board.done"), c.width()) + c.textHeight(c.f.body, a->action, c.width()) <= bottom) {
        y += c.type.gapPx;
        y += c.text(c.f.bodyBold, c.t("board.done"), ImVec2(c.min.x, y), c.width(), rgb(p.text));
        y += c.text(c.f.body, a->action, ImVec2(c.min.x, y), c.width(), rgb(p.text));
    }
    return y;
}

float donePage(Canvas& c, float y, float bottom) {
    const PublicSummary& s = c.s;
    const HtmlPalette& p = htmlPalette();
    y += c.text(c.f.heading, c.t("board.done"), ImVec2(c.min.x, y), c.width(), rgb(p.text)) + c.type.gapPx;
    if (s.done.empty()) return y + c.text(c.f.body, c.t("page.done_none"), ImVec2(c.min.x, y), c.width(), rgb(p.text));
    // As many as fit, newest first (at most three: a board is read in passing).
    for (std::size_t i = 0; i < std::min<std::size_t>(3, s.done.size()); ++i) {
        const PublicAction& a = s.done[i];
        const float need = c.textHeight(c.f.bodyBold, a.target, c.width()) + c.textHeight(c.f.body, a.action, c.width());
        if (i > 0 && y + need > bottom) break;
        if (i > 0) y += c.type.gapPx;
        y += c.text(c.f.bodyBold, a.target, ImVec2(c.min.x, y), c.width(), rgb(p.text));
        y += c.text(c.f.body, a.action, ImVec2(c.min.x, y), c.width(), rgb(p.text));
    }
    return y;
}

} // namespace

BoardLayout drawBoard(const PublicSummary& s, BoardPage page, const BoardFonts& fonts, const BoardType& type) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##board", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground |
                                         ImGuiWindowFlags_NoSavedSettings);
    Canvas c{s, fonts, type, ImGui::GetWindowDrawList(),
             ImVec2(vp->Pos.x + type.marginPx, vp->Pos.y + type.marginPx),
             ImVec2(vp->Pos.x + vp->Size.x - type.marginPx, vp->Pos.y + vp->Size.y - type.marginPx)};
    const std::vector<BoardPage> pages = boardPages(s);
    const auto at = std::find(pages.begin(), pages.end(), page);
    BoardLayout drawn;
    const float top = header(c);
    drawn.footerTop = footer(c, at == pages.end() ? -1 : static_cast<int>(at - pages.begin()), static_cast<int>(pages.size()));
    switch (page) {
    case BoardPage::Overall: drawn.contentBottom = overallPage(c, top); break;
    case BoardPage::Weakest: drawn.contentBottom = unsurPage(c, top, drawn.footerTop, true); break;
    case BoardPage::Strongest: drawn.contentBottom = unsurPage(c, top, drawn.footerTop, false); break;
    case BoardPage::Done: drawn.contentBottom = donePage(c, top, drawn.footerTop); break;
    }
    ImGui::End();
    return drawn;
}

} // namespace sw::board
