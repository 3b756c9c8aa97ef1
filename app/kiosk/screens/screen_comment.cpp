// Comment (optional). Kiosks have no keyboard, so an on-screen one: QWERTY (what Indonesian
// phones and PCs use), digits on top, the punctuation Indonesian sentences need, a wide space bar,
// and one-shot capitals. Keys are ≥ the target size and spaced like every other target.
#include "app/kiosk/screens/screens.hpp"
#include "app/kiosk/screens/crisp_shapes.hpp"

#include <algorithm>
#include <cfloat>

namespace sw::kiosk {

namespace {
// Row 4 ends in a wide "Hapus" and row 5 in a wide space bar; "/" and "@" for dates and addresses.
const char* const kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm", ",.?!-/@"};
}

void CommentScreen::draw(Ui& ui) {
    const float gap = ui.px(ui.m.gapMm * 0.6f);   // keys sit closer than answers but still ≥ 3 mm apart
    const float minKey = ui.px(15.0f);
    const float lineH = ui.body()->FontSize * 1.15f;
    const float minBox = lineH + ui.px(4.0f);
    Rect area = ui.beginPage(minBox + ui.px(ui.m.gapMm) + minKey * 5 + gap * 4);
    const float rows = 5.0f;
    // Keys first (≥ 15 mm), the text box takes what is left (one line at least, 40 mm at most).
    float keyH = std::clamp((area.h() - minBox - ui.px(ui.m.gapMm) - gap * (rows - 1)) / rows, minKey, ui.px(ui.m.targetMm + 4.0f));
    // A screen too short for 15 mm keys (≈ 160 mm tall in large text) squeezes them rather than
    // letting them slide under the navigation bar.
    float room = area.h() - minBox - ui.px(ui.m.gapMm) - gap * (rows - 1);
    if (keyH * rows > room) keyH = std::max(1.0f, room / rows);
    float kbH = keyH * rows + gap * (rows - 1);
    float boxH = std::clamp(area.h() - kbH - ui.px(ui.m.gapMm), minBox, ui.px(40.0f));
    Rect box{area.min, ImVec2(area.max.x, area.min.y + boxH)};
    ui.panelFill(box.min, box.max, ui.theme.card, ui.px(2.0f));
    crispOutline(*ui.dl, box.min, box.max, Ui::col(ui.theme.cardBorder), ui.px(2.0f), ui.px(0.5f));
    const std::string& text = ui.flow.draft().comment;
    float pad = ui.px(2.0f);
    float innerW = box.w() - 2 * pad;
    // Show the end of a long comment: the part being written.
    std::string shown = text + "|";
    while (ui.textHeight(ui.body(), shown, innerW) > boxH - pad && shown.size() > 1) shown.erase(0, 1);
    ui.text(ui.body(), shown, ImVec2(box.min.x + pad, box.min.y + pad), innerW, ui.theme.cardText);
    // Keyboard at the bottom of the area (within reach, seated or standing).
    float keyW = std::max(minKey, std::min(ui.px(28.0f), (area.w() - gap * 10) / 11.0f));
    float kbW = keyW * 11 + gap * 10;
    float x0 = (area.min.x + area.max.x - kbW) * 0.5f;
    float y = std::max(box.max.y + ui.px(ui.m.gapMm), area.max.y - kbH);
    ImFont* kf = ui.body();
    // One type size for every key, "Hapus" as large as "a" (small only when the keys are squeezed).
    if (kf->FontSize > keyH * 0.8f) kf = ui.small();
    auto key = [&](const std::string& id, const std::string& label, float x, float w) {
        Rect r{ImVec2(x, y), ImVec2(x + w, y + keyH)};
        ui.card(r, false);
        ui.textIn(kf, label, r, ui.theme.cardText);
        return ui.hit("key." + id, label, r);
    };
    for (int row = 0; row < 5; ++row) {
        std::string chars = kRows[row];
        float rowW = static_cast<float>(chars.size()) * (keyW + gap) - gap;
        float x = x0 + (kbW - rowW) * 0.5f;
        if (row >= 3) x = x0 + keyW + gap;   // shift key on the left; punctuation and space below
        if (row == 3 && key("shift", ui.t("keyboard.shift"), x0, keyW)) shift = !shift;
        for (char ch : chars) {
            std::string s(1, ch);
            if (shift && ch >= 'a' && ch <= 'z') s[0] = static_cast<char>(ch - 'a' + 'A');
            if (key(std::string(1, ch), s, x, keyW)) {
                ui.flow.typeComment(s, ui.now);
                shift = false;
            }
            x += keyW + gap;
        }
        if (row == 3 && key("erase", ui.t("keyboard.erase"), x, x0 + kbW - x)) ui.flow.eraseComment(ui.now);
        if (row == 4 && key("space", ui.t("keyboard.space"), x, x0 + kbW - x)) ui.flow.typeComment(" ", ui.now);
        y += keyH + gap;
    }
    ui.navBar();
}

} // namespace sw::kiosk
