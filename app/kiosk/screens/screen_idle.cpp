// "Butuh waktu lagi?" — WCAG 2.2.1: warn before the time runs out and extend with one tap. The
// whole screen is the button; the countdown is at least 20 s (FlowSettings::promptSeconds).
// Drawn alone on the cleared background (KioskUi::drawCitizen): no full-screen layer, which
// software rendering pays for on every pixel of every frame of the countdown.
#include "app/kiosk/screens/screens.hpp"
#include "app/kiosk/screens/crisp_shapes.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sw::kiosk {

bool IdlePrompt::draw(Ui& ui, double secondsLeft) {
    const Rect s = ui.screen;
    float w = std::min(s.w() - ui.px(20.0f), ui.px(200.0f));
    float cx = (s.min.x + s.max.x) * 0.5f;
    float h = std::min(s.h() - ui.px(20.0f), ui.px(140.0f));
    float top = (s.min.y + s.max.y - h) * 0.5f;
    if (ui.flow.modes().seated) top = s.max.y - h - ui.px(10.0f);
    Rect card{ImVec2(cx - w * 0.5f, top), ImVec2(cx + w * 0.5f, top + h)};
    ui.panelFill(card.min, card.max, ui.theme.overlay, ui.px(4.0f));
    crispOutline(*ui.dl, card.min, card.max, Ui::col(ui.theme.selectedOutline), ui.px(4.0f), ui.px(1.2f));
    float pad = ui.px(8.0f);
    float y = card.min.y + pad;
    y += ui.text(ui.heading(), ui.t("idle.title"), ImVec2(card.min.x + pad, y), w - 2 * pad, ui.theme.overlayText, true);
    y += ui.px(3.0f);
    std::string secs = std::to_string(static_cast<int>(std::ceil(secondsLeft)));
    y += ui.text(ui.body(), format(ui.t("idle.body"), {secs}), ImVec2(card.min.x + pad, y), w - 2 * pad, ui.theme.overlayText, true);
    // A countdown ring with the seconds in it: the time left is visible, not only written.
    float bh = ui.px(ui.m.targetMm * 1.3f);
    float ringR = std::min(ui.px(18.0f), (card.max.y - pad - bh - y) * 0.4f);
    if (ringR > ui.px(5.0f)) {
        ImVec2 rc(cx, y + (card.max.y - pad - bh - y) * 0.5f);
        const float pi = 3.14159265f;
        float frac = static_cast<float>(std::clamp(secondsLeft / 30.0, 0.0, 1.0));
        ui.dl->AddCircle(rc, ringR, Ui::col(ui.theme.cardBorder), 64, ui.px(1.0f));
        ui.dl->PathArcTo(rc, ringR, -pi * 0.5f, -pi * 0.5f + 2 * pi * frac, 64);
        ui.dl->PathStroke(Ui::col(ui.theme.selectedOutline), 0, ui.px(2.5f));
        ImFont* hf = ui.heading();
        ImVec2 sz = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, secs.c_str());
        ui.dl->AddText(hf, hf->FontSize, ImVec2(rc.x - sz.x * 0.5f, rc.y - sz.y * 0.5f), Ui::col(ui.theme.overlayText), secs.c_str());
    }
    Rect b{ImVec2(card.min.x + pad, card.max.y - pad - bh), ImVec2(card.max.x - pad, card.max.y - pad)};
    bool wasBlocked = ui.blocked;
    ui.blocked = false;
    bool extend = ui.primaryButton("idle.extend", ui.t("idle.extend"), b);
    ui.blocked = wasBlocked;
    return extend;
}

} // namespace sw::kiosk
