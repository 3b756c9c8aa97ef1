// One unsur (PermenPANRB 14/2017): the question and its four answers as large faces with their
// labels. The value is the position (1..4); the face shape and the words carry it, not colour.
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

// Shared with the HAM ratings: four faces in a row (or 2×2 when the screen is narrow).
void drawFaces(Ui& ui, Rect area, const std::vector<Choice>& cs) {
    std::size_t n = std::min<std::size_t>(cs.size(), 4);
    int columns = area.w() / 4.0f >= ui.px(ui.m.targetMm * 2.2f) ? 4 : 2;
    std::vector<Rect> rs = ui.grid(area, n, columns, ui.m.targetMm * 2.5f);
    for (std::size_t i = 0; i < n; ++i)
        if (ui.faceButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i])) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
}

void UnsurScreen::draw(Ui& ui) {
    Rect area = ui.beginPage(ui.px(ui.m.targetMm * 2.5f));
    drawFaces(ui, area, ui.flow.choices());
    ui.navBar();
}

} // namespace sw::kiosk
