// Welcome: large and inviting, the unit's name, one big "Mulai" — and spoken guidance one tap away
// for people who cannot read the screen (they can also press `*` on the keypad).
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

namespace {

// The demo unit's band across the top: a citizen (and anyone photographing the kiosk) sees that
// these answers count for no real unit. Returns its bottom edge.
float demoBand(Ui& ui, float margin) {
    const Rect s = ui.screen;
    const float pad = ui.px(3.0f), w = s.w() - 2 * margin;
    const std::string& label = ui.t("welcome.demo");
    const float h = ui.textHeight(ui.heading(), label, w - 2 * pad) + 2 * pad;
    const float top = s.min.y + ui.px(ui.m.marginMm);
    const Rect band{ImVec2(s.min.x + margin, top), ImVec2(s.max.x - margin, top + h)};
    ui.dl->AddRectFilled(band.min, band.max, Ui::col(ui.theme.demoBand), ui.px(1.5f));
    ui.text(ui.heading(), label, ImVec2(band.min.x + pad, band.min.y + pad), w - 2 * pad, ui.theme.demoText, true);
    return band.max.y;
}

} // namespace

void WelcomeScreen::draw(Ui& ui) {
    const Rect s = ui.screen;
    float margin = ui.px(ui.m.marginMm) * 2;
    float w = s.w() - 2 * margin;
    const float bw = std::min(w, ui.px(ui.large() ? 170.0f : 120.0f)), bh = ui.px(ui.m.targetMm * 1.6f);
    // Under "Mulai": the languages, spoken guidance and the display options, two to a row where
    // the screen is wide enough, so a citizen starts in their language with one more tap at most.
    const std::vector<Choice> cs = ui.flow.choices();
    const float gap = ui.px(ui.m.gapMm * 2);
    const int cols = 2 * bw + gap <= w ? 2 : 1;
    const int rows = (static_cast<int>(cs.size()) + cols - 1) / cols;
    const float optionsW = static_cast<float>(cols) * bw + static_cast<float>(cols - 1) * gap;
    const float optionsH = ui.rowsHeight(rows, ui.m.targetMm);
    const float buttons = bh + gap + optionsH;
    // The words first, from the top; on a short screen in large text they start higher and the
    // decorative faces go, so nothing reaches below the screen's edge.
    const float words = ui.textHeight(ui.body(), ui.unitName, w) + ui.px(9.0f) + ui.textHeight(ui.title(), ui.flow.title(), w) +
                        ui.textHeight(ui.body(), ui.flow.hint(), w) + ui.textHeight(ui.small(), ui.t("welcome.keys"), w) +
                        otherLanguages(ui, 0, margin, false) + ui.px(10.0f);
    const float r = ui.px(ui.large() ? 10.0f : 8.0f), facesH = 2 * r + ui.px(10.0f);
    float y = s.min.y + s.h() * (ui.flow.modes().seated ? 0.14f : 0.16f);
    const float bottom = s.max.y - ui.px(ui.m.marginMm);
    if (y + words + facesH + buttons > bottom) y = std::max(s.min.y + ui.px(ui.m.marginMm), bottom - words - facesH - buttons);
    const bool faces = y + words + facesH + buttons <= bottom;
    if (ui.unitDemo) y = std::max(y, demoBand(ui, margin) + ui.px(6.0f));
    y += ui.text(ui.body(), ui.unitName, ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true);
    y += ui.px(6.0f);
    y += ui.text(ui.title(), ui.flow.title(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(3.0f);
    y += ui.text(ui.body(), ui.flow.hint(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.text(ui.small(), ui.t("welcome.keys"), ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true);
    y += otherLanguages(ui, y, margin, true);
    if (const std::string& n = ui.flow.notice(); !n.empty()) {
        const float nw = std::min(w, ui.px(200.0f));
        y += ui.px(2.0f) + ui.noticeBox(n, ImVec2((s.min.x + s.max.x - nw) * 0.5f, y + ui.px(2.0f)), nw);
    }
    y += ui.px(8.0f);
    float cx = (s.min.x + s.max.x) * 0.5f;
    if (faces) {   // a row of four small faces: the survey at a glance, decorative
        for (int v = 1; v <= 4; ++v) ui.face(ImVec2(cx + (static_cast<float>(v) - 2.5f) * r * 3.0f, y + r), r, v, false);
        y += facesH;
    }
    float by = std::max(y, ui.flow.modes().seated ? s.min.y + s.h() * 0.6f : y);
    by = std::min(by, bottom - buttons);
    Rect start{ImVec2(cx - optionsW * 0.5f, by), ImVec2(cx + optionsW * 0.5f, by + bh)};   // as wide as what is under it
    if (ui.primaryButton("next", ui.t("welcome.start"), start)) ui.flow.next(ui.now);
    const Rect options{ImVec2(cx - optionsW * 0.5f, start.max.y + gap), ImVec2(cx + optionsW * 0.5f, start.max.y + gap + optionsH)};
    const std::vector<Rect> rs = ui.grid(options, cs.size(), cols, ui.m.targetMm, 0.0f);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i]))
            ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    resultLine(ui, options.max.y + ui.px(ui.m.gapMm), margin);
}

// The invitation and the keypad hint in each other language the kiosk offers, smaller, so a
// citizen who does not read Indonesian knows the kiosk is for them before touching anything.
float WelcomeScreen::otherLanguages(Ui& ui, float top, float margin, bool draw) {
    const Rect s = ui.screen;
    const float w = s.w() - 2 * margin;
    float y = top;
    const std::vector<std::string> codes = ui.flow.offeredLanguageCodes();
    const std::vector<Choice> cs = ui.flow.choices();   // the languages first, in this order, when there are two or more
    for (std::size_t i = 0; codes.size() > 1 && i < codes.size(); ++i) {
        const std::string& code = codes[i];
        if (code == ui.flow.lang()) continue;
        const Translations& tr = ui.flow.translations();
        const std::string line = tr.get("welcome.title", code) + " " + format(tr.get("welcome.other", code), {cs[i].label, std::to_string(i + 1)});
        y += ui.px(3.0f);
        y += draw ? ui.text(ui.small(), line, ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true) : ui.textHeight(ui.small(), line, w);
    }
    return y - top;
}

// The last triwulan's result, when the unit shows it: along the bottom, below everything a citizen
// taps, and left out where the screen has no room for it.
void WelcomeScreen::resultLine(Ui& ui, float below, float margin) {
    if (ui.resultLine.empty()) return;
    const Rect s = ui.screen;
    const float w = s.w() - 2 * margin;
    const float h = ui.textHeight(ui.body(), ui.resultLine, w);
    const float y = std::max(below, s.max.y - ui.px(ui.m.marginMm) - h);
    if (y + h > s.max.y) return;
    ui.text(ui.body(), ui.resultLine, ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true);
}

} // namespace sw::kiosk
