// Welcome: large and inviting, the unit's name, one big "Mulai" — and spoken guidance one tap away
// for people who cannot read the screen (they can also press `*` on the keypad).
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

namespace {

// The demo unit's band across the top: a citizen (and anyone photographing the kiosk) sees that
// these answers count for no real unit. Returns its bottom edge (draw = false: measured only).
float demoBand(Ui& ui, float margin, bool draw) {
    const Rect s = ui.screen;
    const float pad = ui.px(3.0f), w = s.w() - 2 * margin;
    const std::string& label = ui.t("welcome.demo");
    const float h = ui.textHeight(ui.heading(), label, w - 2 * pad) + 2 * pad;
    const float top = s.min.y + ui.px(ui.m.marginMm);
    const Rect band{ImVec2(s.min.x + margin, top), ImVec2(s.max.x - margin, top + h)};
    if (!draw) return band.max.y;
    ui.dl->AddRectFilled(band.min, band.max, Ui::col(ui.theme.demoBand), ui.px(1.5f));
    ui.text(ui.heading(), label, ImVec2(band.min.x + pad, band.min.y + pad), w - 2 * pad, ui.theme.demoText, true);
    return band.max.y;
}

} // namespace

// Where everything goes: the words from the top, then "Mulai" and the options under it, two to a
// row unless the screen is too narrow for two answer-wide targets. On a short screen in large text
// the words start higher, the decorative faces go, then "Mulai" is one target high, then it and
// the options close up to the least room and size a target may have: nothing reaches below the
// screen's edge or over the words.
WelcomeScreen::Layout WelcomeScreen::layout(Ui& ui, std::size_t options, float margin) {
    const Rect s = ui.screen;
    const float w = s.w() - 2 * margin;
    Layout l;
    l.gap = ui.px(ui.m.gapMm * 2);
    const float bw = std::min(w, ui.px(ui.large() ? 170.0f : 120.0f)), between = l.gap;   // between the two columns
    const float half = std::min(bw, (w - between) * 0.5f);
    l.cols = half >= ui.px(ui.large() ? 100.0f : 70.0f) ? 2 : 1;
    l.optionsW = l.cols == 2 ? 2 * half + between : bw;
    l.optionsH = ui.rowsHeight((static_cast<int>(options) + l.cols - 1) / l.cols, ui.m.targetMm);
    l.startH = ui.px(ui.m.targetMm * 1.6f);
    l.faceR = ui.px(ui.large() ? 10.0f : 8.0f);
    const float words = ui.textHeight(ui.body(), ui.unitName, w) + ui.px(9.0f) + ui.textHeight(ui.title(), ui.flow.title(), w) +
                        ui.textHeight(ui.body(), ui.flow.hint(), w) + guidance(ui, 0, margin, false) + ui.px(10.0f);
    const float top = ui.unitDemo ? demoBand(ui, margin, false) + ui.px(6.0f) : s.min.y + ui.px(ui.m.marginMm);
    const float bottom = s.max.y - ui.px(ui.m.marginMm);
    auto need = [&] { return words + (l.faces ? 2 * l.faceR + ui.px(10.0f) : 0.0f) + l.startH + l.gap + l.optionsH; };
    if (top + need() > bottom) l.faces = false;
    if (top + need() > bottom) l.startH = ui.px(ui.m.targetMm);
    if (top + need() > bottom) l.gap = ui.px(ui.m.gapMm);
    if (top + need() > bottom)   // the options as low as a target may be (README: 20 mm in large text)
        l.optionsH = ui.rowsHeight((static_cast<int>(options) + l.cols - 1) / l.cols, ui.large() ? 20.0f : 15.0f);
    l.y = std::max(top, s.min.y + s.h() * (ui.flow.modes().seated ? 0.14f : 0.16f));
    if (l.y + need() > bottom) l.y = std::max(top, bottom - need());
    l.buttonsTop = bottom - l.startH - l.gap - l.optionsH;
    return l;
}

void WelcomeScreen::draw(Ui& ui) {
    const Rect s = ui.screen;
    const float margin = ui.px(ui.m.marginMm) * 2, w = s.w() - 2 * margin;
    const std::vector<Choice> cs = ui.flow.choices();
    const Layout l = layout(ui, cs.size(), margin);
    if (ui.unitDemo) demoBand(ui, margin, true);
    float y = l.y;
    y += ui.text(ui.body(), ui.unitName, ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true);
    y += ui.px(6.0f);
    y += ui.text(ui.title(), ui.flow.title(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(3.0f);
    y += ui.text(ui.body(), ui.flow.hint(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += guidance(ui, y, margin, true);
    y += ui.px(8.0f);
    const float cx = (s.min.x + s.max.x) * 0.5f;
    if (l.faces) {   // a row of four small faces: the survey at a glance, decorative
        for (int v = 1; v <= 4; ++v) ui.face(ImVec2(cx + (static_cast<float>(v) - 2.5f) * l.faceR * 3.0f, y + l.faceR), l.faceR, v, false);
        y += 2 * l.faceR + ui.px(10.0f);
    }
    // Seated: in the lower part of the screen, within reach from a wheelchair.
    const float by = std::min(ui.flow.modes().seated ? std::max(y, s.min.y + s.h() * 0.6f) : y, l.buttonsTop);
    const Rect start{ImVec2(cx - l.optionsW * 0.5f, by), ImVec2(cx + l.optionsW * 0.5f, by + l.startH)};   // as wide as what is under it
    if (ui.primaryButton("next", ui.t("welcome.start"), start)) ui.flow.next(ui.now);
    const Rect options{ImVec2(start.min.x, start.max.y + l.gap), ImVec2(start.max.x, start.max.y + l.gap + l.optionsH)};
    const std::vector<Rect> rs = ui.grid(options, cs.size(), l.cols, ui.m.targetMm, 0.0f);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i]))
            ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    resultLine(ui, options.max.y + ui.px(ui.m.gapMm), margin);
}

// Under the question: the keypad's keys and the invitation in the other languages — or, after a key
// that does nothing here, what to do instead ("Tekan Enter untuk mulai"), in their place: it says
// the same to whoever is already pressing keys, and a short screen has room for one or the other.
// Its height (draw = false: measured only).
float WelcomeScreen::guidance(Ui& ui, float top, float margin, bool draw) {
    const Rect s = ui.screen;
    const float w = s.w() - 2 * margin;
    if (const std::string& n = ui.flow.notice(); !n.empty()) {
        const float nw = std::min(w, ui.px(200.0f)), pad = ui.px(1.5f);
        if (!draw) return ui.px(2.0f) + ui.textHeight(ui.body(), n, nw - 2 * pad) + 2 * pad;
        return ui.px(2.0f) + ui.noticeBox(n, ImVec2((s.min.x + s.max.x - nw) * 0.5f, top + ui.px(2.0f)), nw);
    }
    const std::string& keys = ui.t("welcome.keys");
    const float h = draw ? ui.text(ui.small(), keys, ImVec2(s.min.x + margin, top), w, ui.theme.textMuted, true) : ui.textHeight(ui.small(), keys, w);
    return h + otherLanguages(ui, top + h, margin, draw);
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
