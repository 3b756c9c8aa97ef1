// Thanks: shown only after the response is durable (or safely queued — the citizen is never asked
// to wait for the disk). It returns to a fresh welcome screen by itself.
#include "app/kiosk/screens/screens.hpp"

namespace sw::kiosk {

void ThanksScreen::draw(Ui& ui) {
    const Rect s = ui.screen;
    float margin = ui.px(ui.m.marginMm) * 2;
    float w = s.w() - 2 * margin;
    float cx = (s.min.x + s.max.x) * 0.5f;
    float y = s.min.y + s.h() * 0.14f;
    float r = ui.px(16.0f);
    ui.face(ImVec2(cx, y + r), r, 4, false);
    y += 2 * r + ui.px(8.0f);
    y += ui.text(ui.title(), ui.flow.title(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(4.0f);
    y += ui.text(ui.body(), ui.flow.hint(), ImVec2(s.min.x + margin, y), w, ui.theme.text, true);
    y += ui.px(12.0f);
    float bw = std::min(w, ui.px(90.0f)), bh = ui.px(ui.m.targetMm * 1.3f);
    float by = ui.flow.modes().seated ? std::max(y, s.min.y + s.h() * 0.6f) : y;
    Rect done{ImVec2(cx - bw * 0.5f, by), ImVec2(cx + bw * 0.5f, by + bh)};
    if (ui.primaryButton("next", ui.t("thanks.done"), done)) ui.flow.next(ui.now);
}

} // namespace sw::kiosk
