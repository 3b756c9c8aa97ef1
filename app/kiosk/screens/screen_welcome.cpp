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
    const float buttons = bh + ui.px(ui.m.gapMm * 2 + ui.m.targetMm);
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
    Rect start{ImVec2(cx - bw * 0.5f, by), ImVec2(cx + bw * 0.5f, by + bh)};
    if (ui.primaryButton("next", ui.t("welcome.start"), start)) ui.flow.next(ui.now);
    Rect speak{ImVec2(cx - bw * 0.5f, start.max.y + ui.px(ui.m.gapMm * 2)),
               ImVec2(cx + bw * 0.5f, start.max.y + ui.px(ui.m.gapMm * 2 + ui.m.targetMm))};
    Choice c{ui.t("welcome.speech"), ui.flow.modes().speech, 0, true};
    if (ui.optionButton("welcome.speech", c, 1, speak)) ui.flow.setSpeechMode(!ui.flow.modes().speech, ui.now);
    resultLine(ui, speak.max.y + ui.px(ui.m.gapMm), margin);
}

// The invitation and the keypad hint in each other language the kiosk offers, smaller, so a
// citizen who does not read Indonesian knows the kiosk is for them before touching anything.
float WelcomeScreen::otherLanguages(Ui& ui, float top, float margin, bool draw) {
    const Rect s = ui.screen;
    const float w = s.w() - 2 * margin;
    float y = top;
    for (const std::string& code : ui.flow.offeredLanguageCodes()) {
        if (code == ui.flow.lang()) continue;
        const Translations& tr = ui.flow.translations();
        const std::string line = tr.get("welcome.title", code) + " " + tr.get("welcome.subtitle", code) + " " + tr.get("welcome.keys", code);
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
