// The HAM accessibility module (Permenkumham 25/2023): kelompok rentan (multi-select; "bukan"
// is exclusive), the 1–4 ratings with "tidak tahu / tidak menggunakan", and the adil yes/no.
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

void drawFaces(Ui& ui, Rect area, const std::vector<Choice>& cs);   // screen_unsur.cpp

void HamScreen::drawRentan(Ui& ui) {
    std::vector<Choice> cs = ui.flow.choices();
    int columns = ui.screen.w() > ui.px(190.0f) ? 3 : 2;
    Rect area = ui.beginPage(ui.rowsHeight(static_cast<int>((cs.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns)), ui.m.targetMm));
    std::vector<Rect> rs = ui.grid(area, cs.size(), columns, ui.m.targetMm);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i])) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    ui.navBar();
}

void HamScreen::drawRating(Ui& ui) {
    Rect area = ui.beginPage(ui.px(ui.m.targetMm * 3.5f + ui.m.gapMm));
    std::vector<Choice> cs = ui.flow.choices();
    // "Tidak tahu / tidak menggunakan" below the faces, full width: a real answer, not a skip.
    float naH = ui.px(ui.m.targetMm);
    Rect faces{area.min, ImVec2(area.max.x, area.max.y - naH - ui.px(ui.m.gapMm))};
    drawFaces(ui, faces, cs);
    if (cs.size() > 4) {
        float w = std::min(area.w(), std::max(ui.px(150.0f), ui.optionWidth(cs[4])));   // the label on one line
        float cx = (area.min.x + area.max.x) * 0.5f;
        Rect na{ImVec2(cx - w * 0.5f, area.max.y - naH), ImVec2(cx + w * 0.5f, area.max.y)};
        if (ui.optionButton("choice.5", cs[4], 5, na)) ui.flow.choose(4, ui.now, CitizenFlow::Input::Touch);
    }
    ui.navBar();
}

void HamScreen::drawYesNo(Ui& ui) {
    Rect area = ui.beginPage(ui.px(ui.m.targetMm * 1.5f));
    std::vector<Choice> cs = ui.flow.choices();
    float w = std::min(area.w(), ui.px(200.0f));
    float cx = (area.min.x + area.max.x) * 0.5f;
    Rect a{ImVec2(cx - w * 0.5f, area.min.y), ImVec2(cx + w * 0.5f, area.max.y)};
    std::vector<Rect> rs = ui.grid(a, cs.size(), 2, ui.m.targetMm * 1.5f);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i])) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    ui.navBar();
}

} // namespace sw::kiosk
