// The unit head's PIN pad, reached by the hidden long press. First entry with no PIN set asks for a
// new one twice (citizens are never blocked by set-up: the citizen flow never needs a PIN).
#include "app/kiosk/screens/screen_pin.hpp"

#include "survey/base/error.hpp"

#include <chrono>

namespace sw::kiosk {

namespace {
std::int64_t wallUtc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
} // namespace

void PinScreen::start(PinLock* lock) {
    entry.clear();
    first.clear();
    message.clear();
    stage = lock && !lock->hasPin() ? Stage::NewFirst : Stage::Enter;
}

void PinScreen::digit(char d) {
    if (entry.size() < PinLock::kMaxDigits) entry.push_back(d);
}

void PinScreen::erase() {
    if (!entry.empty()) entry.pop_back();
}

PinScreen::Outcome PinScreen::confirm(PinLock* lock) {
    if (!lock) return Outcome::None;
    std::string e = entry;
    entry.clear();
    try {
        switch (stage) {
        case Stage::NewFirst:
            // The reason, not just "no": a unit head told why 1234 is refused picks a better one.
            message = pinProblem(e);
            if (!message.empty()) return Outcome::None;
            first = e;
            stage = Stage::NewConfirm;
            return Outcome::None;
        case Stage::NewConfirm:
            if (e != first) {
                first.clear();
                stage = Stage::NewFirst;
                message = "pin.mismatch";
                return Outcome::None;
            }
            lock->setPin(e);
            first.clear();
            return Outcome::Opened;
        case Stage::Enter: {
            PinLock::Check c = lock->verify(e, wallUtc());
            switch (c.result) {
            case PinLock::Result::Ok: return Outcome::Opened;
            case PinLock::Result::NoPin: stage = Stage::NewFirst; message.clear(); return Outcome::None;
            case PinLock::Result::LockedOut: message = "pin.locked"; lockedSeconds = c.secondsLeft; return Outcome::None;
            case PinLock::Result::Wrong: message = "pin.wrong"; return Outcome::None;
            }
        }
        }
    } catch (const std::exception&) {
        message = "pin.store_error";
    }
    return Outcome::None;
}

PinScreen::Outcome PinScreen::draw(Ui& ui, PinLock* lock) {
    const Rect s = ui.screen;
    float margin = ui.px(ui.m.marginMm);
    float w = std::min(s.w() - 2 * margin, ui.px(120.0f));
    float cx = (s.min.x + s.max.x) * 0.5f;
    float y = s.min.y + margin;
    const char* titleKey = stage == Stage::Enter ? "pin.title" : stage == Stage::NewFirst ? "pin.new" : "pin.confirm";
    y += ui.text(ui.heading(), ui.t(titleKey), ImVec2(cx - w * 0.5f, y), w, ui.theme.text, true);
    // Dots, never the digits.
    float dot = ui.px(3.0f);
    float dotsW = static_cast<float>(entry.size()) * dot * 3.0f;
    y += ui.px(4.0f);
    for (std::size_t i = 0; i < entry.size(); ++i)
        ui.dl->AddCircleFilled(ImVec2(cx - dotsW * 0.5f + (static_cast<float>(i) + 0.5f) * dot * 3.0f, y + dot), dot, Ui::col(ui.theme.text), 16);
    y += dot * 2 + ui.px(3.0f);
    std::string msg = message.empty() ? std::string() : ui.t(message);
    if (message == "pin.locked") msg = format(msg, {std::to_string(lockedSeconds)});
    y += std::max(ui.small()->FontSize * 1.2f, ui.text(ui.small(), msg, ImVec2(cx - w * 0.5f, y), w, ui.theme.text, true));
    y += ui.px(2.0f);
    Outcome out = Outcome::None;
    Rect pad{ImVec2(cx - w * 0.5f, y), ImVec2(cx + w * 0.5f, s.max.y - margin)};
    std::vector<Rect> rs = ui.grid(pad, 12, 3, ui.m.targetMm);
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", nullptr, "0", nullptr};
    for (int i = 0; i < 12; ++i) {
        if (labels[i]) {
            if (ui.secondaryButton(std::string("pin.") + labels[i], labels[i], rs[static_cast<std::size_t>(i)])) digit(labels[i][0]);
        } else if (i == 9) {
            if (ui.secondaryButton("pin.cancel", ui.t("pin.cancel"), rs[9])) out = Outcome::Cancel;
        } else {
            if (ui.primaryButton("pin.ok", ui.t("pin.ok"), rs[11])) out = confirm(lock);
        }
    }
    return out;
}

} // namespace sw::kiosk
