// First run: a store with no unit is not a survey yet. Citizens see a plain notice; staff set up the
// unit behind the PIN (the PIN pad asks for a new PIN when none is set), then the unit's identity in
// the settings. Once done the kiosk never shows this again (README "The command line": `init`).
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

bool SetupScreen::draw(Ui& ui) {
    const Rect s = ui.screen;
    const float margin = ui.px(ui.m.marginMm) * 2, w = s.w() - 2 * margin;
    float y = s.min.y + s.h() * 0.14f;
    y += ui.text(ui.title(), ui.t("setup.title"), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(5.0f);
    y += ui.text(ui.body(), ui.t("setup.body"), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(10.0f);
    const float cx = (s.min.x + s.max.x) * 0.5f;
    const float bw = std::min(w, ui.px(140.0f)), bh = ui.px(ui.m.targetMm * 1.6f);
    const Rect start{ImVec2(cx - bw * 0.5f, y), ImVec2(cx + bw * 0.5f, y + bh)};
    const bool open = ui.primaryButton("setup", ui.t("setup.start"), start);
    y = start.max.y + ui.px(10.0f);
    ui.text(ui.body(), ui.t("setup.command"), ImVec2(s.min.x + margin, y), w, ui.theme.textMuted, true);
    return open;
}

} // namespace sw::kiosk
