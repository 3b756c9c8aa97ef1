// Respondent profile (SKM: jenis kelamin, usia, pendidikan, pekerjaan): one field per page, every
// one optional, and "Lewati semua" skips the whole profile in one tap.
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

void ProfileScreen::draw(Ui& ui) {
    std::vector<Choice> cs = ui.flow.choices();
    int columns = cs.size() > 3 ? 2 : 1;
    int rows = static_cast<int>((cs.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    Rect area = ui.beginPage(ui.rowsHeight(rows + 1, ui.m.targetMm) + ui.px(ui.m.gapMm));
    float skipH = ui.px(ui.m.targetMm);
    Rect opts{area.min, ImVec2(area.max.x, area.max.y - skipH - ui.px(ui.m.gapMm * 2))};
    std::vector<Rect> rs = ui.grid(opts, cs.size(), columns, ui.m.targetMm);
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (ui.optionButton("choice." + std::to_string(i + 1), cs[i], static_cast<int>(i) + 1, rs[i])) ui.flow.choose(i, ui.now, CitizenFlow::Input::Touch);
    const std::string skipLabel = ui.t("profile.skip_all") + " (0)";
    float w = std::min(area.w(), std::max(ui.px(110.0f), ui.labelWidth(skipLabel)));
    float cx = (area.min.x + area.max.x) * 0.5f;
    Rect skip{ImVec2(cx - w * 0.5f, area.max.y - skipH), ImVec2(cx + w * 0.5f, area.max.y)};
    // The keypad's 0 does the same (CitizenFlow::digitKey), and the button says so.
    if (ui.secondaryButton("profile.skip_all", skipLabel, skip)) ui.flow.skipProfile(ui.now);
    ui.navBar();
}

} // namespace sw::kiosk
