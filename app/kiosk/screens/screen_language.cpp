// Language (from the instrument) and the accessibility modes, combinable. Keypad digits follow
// the order on screen: languages first, then the modes.
#include "app/kiosk/screens/screens.hpp"

#include <algorithm>

namespace sw::kiosk {

void LanguageScreen::draw(Ui& ui) {
    std::vector<Choice> cs = ui.flow.choices();
    std::size_t nLang = 0;
    for (const Choice& c : cs) nLang += c.toggle ? 0 : 1;   // languages are the radio buttons
    int rows = static_cast<int>(std::max(nLang, cs.size() - nLang));
    Rect area = ui.beginPage(ui.rowsHeight(rows, ui.m.targetMm) + ui.small()->FontSize * 1.4f);
    float gap = ui.px(ui.m.gapMm * 2);
    float colW = (area.w() - gap) * 0.5f;
    Rect left{area.min, ImVec2(area.min.x + colW, area.max.y)};
    Rect right{ImVec2(area.max.x - colW, area.min.y), area.max};
    float headH = ui.small()->FontSize * 1.4f;
    ui.text(ui.small(), ui.t("language.languages"), left.min, colW, ui.theme.textMuted);
    ui.text(ui.small(), ui.t("language.modes"), right.min, colW, ui.theme.textMuted);
    left.min.y += headH;
    right.min.y += headH;
    // Both columns start at the same height, row for row.
    float rowH = std::min(ui.px(ui.m.targetMm * 1.6f), (area.h() - headH - ui.px(ui.m.gapMm) * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    float colH = rowH * static_cast<float>(rows) + ui.px(ui.m.gapMm) * static_cast<float>(rows - 1);
    if (ui.flow.modes().seated) {
        left.min.y = right.min.y = std::max(left.min.y, area.max.y - colH);
    }
    left.max.y = right.max.y = std::min(area.max.y, left.min.y + colH);
    std::vector<Rect> lr = ui.grid(left, nLang, 1, ui.m.targetMm, 0.0f);
    std::vector<Rect> mr = ui.grid(right, cs.size() - nLang, 1, ui.m.targetMm, 0.0f);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        Rect r = i < nLang ? lr[i] : mr[i - nLang];
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, r)) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    }
    ui.navBar();
}

} // namespace sw::kiosk
