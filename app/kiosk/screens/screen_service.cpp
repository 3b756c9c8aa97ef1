// Jenis layanan: which service the citizen received (the unit's own list, from the instrument).
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

void ServiceScreen::draw(Ui& ui) {
    std::vector<Choice> cs = ui.flow.choices();
    int columns = cs.size() > 4 ? 2 : 1;
    Rect area = ui.beginPage(ui.rowsHeight(static_cast<int>((cs.size() + 1) / static_cast<std::size_t>(columns)), ui.m.targetMm));
    std::vector<Rect> rs = ui.grid(area, cs.size(), columns, ui.m.targetMm);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i])) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    ui.navBar();
}

} // namespace sw::kiosk
