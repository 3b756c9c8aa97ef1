#include "app/kiosk/screens/kiosk_ui.hpp"

#include "survey/base/log.hpp"
#include "survey/store/store.hpp"
#include "survey/kiosk/submitter.hpp"

#include <imgui.h>

#include <algorithm>

namespace sw::kiosk {

bool keyPressed(int imguiKey) {
    int idx = ImGui::GetKeyIndex(imguiKey);
    return idx >= 0 && ImGui::IsKeyPressed(idx, false);
}

KioskUi::KioskUi(CitizenFlow& flow, const FontSet& fonts, Submitter& submitter, Store* store, std::string unitName,
                 KioskUiSettings settings)
    : flow_(flow), fonts_(fonts), submitter_(submitter), store_(store), unitName_(std::move(unitName)), settings_(settings) {
    if (store_) pinLock_ = std::make_unique<PinLock>(*store_);
    readUnit(false);   // the caller named the unit already
}

void KioskUi::readUnit(bool withName) {
    if (!store_) return;
    try {
        const auto u = store_->unit();
        unitSetUp_ = u.has_value();
        if (u) {
            if (withName) unitName_ = u->name;
            unitDemo_ = u->demo;
        }
    } catch (const std::exception&) {
        // A failed read keeps what the kiosk showed: citizens are never blocked by it.
    }
}

KioskUi::~KioskUi() = default;

bool KioskUi::takeLeaveFullscreenRequest() {
    bool r = leaveFullscreen_;
    leaveFullscreen_ = false;
    return r;
}

std::vector<std::string> KioskUi::operatorWarnings() const {
    std::vector<std::string> w;
    if (submitter_.pending() > 0)
        w.push_back(format(flow_.translations().get("warning.pending", adminHost_.lang),
                           {std::to_string(submitter_.pending()), submitter_.lastError()}));
    return w;
}

void KioskUi::openPin() {
    flow_.reset();   // whoever was answering, nothing of theirs stays behind the unit head's area
    pin_.start(pinLock_.get());
    mode_ = Mode::Pin;
}

void KioskUi::openAdmin(const std::string& tab, const std::string& lang) {
    flow_.reset();
    adminHost_ = admin::AdminHost{};
    adminHost_.store = store_;
    adminHost_.instrument = flow_.instrument();
    adminHost_.pxPerMm = fonts_.pxPerMm;
    adminHost_.lang = lang.empty() ? flow_.lang() : lang;
    adminHost_.fullscreen = fullscreen_;
    adminHost_.kioskWarnings = operatorWarnings();
    adminHost_.uploadTexture = uploadTexture;
    adminHost_.releaseTexture = releaseTexture;
    admin_ = std::make_unique<admin::AdminArea>(adminHost_);
    if (!tab.empty()) admin_->showTab(tab);
    else if (!unitSetUp_) admin_->showTab("settings");   // first run: the unit's identity
    mode_ = Mode::Admin;
    logLine("admin", "unit head's area opened");
    if (store_) {
        try {
            store_->logEvent("admin_open", "kiosk");
        } catch (const std::exception&) {
        }
    }
}

void KioskUi::drawAdmin() {
    adminHost_.kioskWarnings = operatorWarnings();
    adminHost_.fullscreen = fullscreen_;
    admin_->draw();
    if (adminHost_.requestLeaveFullscreen) {
        adminHost_.requestLeaveFullscreen = false;
        leaveFullscreen_ = true;
    }
    if (adminHost_.requestClose) {
        admin_.reset();
        mode_ = Mode::Citizen;
        if (onAdminClosed) onAdminClosed();
        readUnit(true);   // the unit head may have renamed it, or set up a real identity
        welcomeResult_.invalidate();   // …or switched the welcome line
        flow_.reset();
    }
}

void KioskUi::handleKeys(double now) {
    ImGuiIO& io = ImGui::GetIO();
    // Characters: digits choose, `*` repeats (and on the welcome screen switches speech on). These
    // keep their keypad meaning on the comment page too — a keypad user cannot write there, and a
    // stored comment is never "*" — while other characters from a physical keyboard type.
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        ImWchar c = io.InputQueueCharacters[i];
        if (mode_ == Mode::Pin) {
            if (c >= '0' && c <= '9') pin_.digit(static_cast<char>(c));
            continue;
        }
        if (!unitSetUp_) continue;
        if (c == '*') {
            if (flow_.step() == Step::Welcome && !flow_.modes().speech) flow_.setSpeechMode(true, now);
            else flow_.repeatSpeech();
        } else if (c >= '0' && c <= '9') {
            flow_.digitKey(c - '0', now);
        } else if (flow_.step() == Step::Comment && c >= 0x20 && c < 0x7F) {
            flow_.typeComment(std::string(1, static_cast<char>(c)), now);
        }
    }
    bool enter = keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter);
    bool backspace = keyPressed(ImGuiKey_Backspace);
    if (mode_ == Mode::Pin) {
        if (backspace) pin_.erase();
        if (enter && pin_.confirm(pinLock_.get()) == PinScreen::Outcome::Opened) openAdmin();
        if (keyPressed(ImGuiKey_Escape)) mode_ = Mode::Citizen;
        return;
    }
    if (!unitSetUp_) {   // the first-run screen: Enter is its one button, nothing else answers
        if (enter) openPin();
        return;
    }
    if (enter) flow_.next(now);
    if (backspace) {
        if (flow_.step() == Step::Comment && !flow_.draft().comment.empty()) flow_.eraseComment(now);
        else flow_.back(now);
    }
}

void KioskUi::detectLongPress(double now) {
    ImGuiIO& io = ImGui::GetIO();
    float corner = settings_.cornerMm * fonts_.pxPerMm;
    bool inCorner = io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.y >= 0 && io.MousePos.x < corner && io.MousePos.y < corner;
    if (!inCorner) {
        pressStart_ = -1;
        return;
    }
    if (pressStart_ < 0) pressStart_ = now;
    if (now - pressStart_ >= settings_.longPressSeconds) {
        pressStart_ = -1;
        openPin();
    }
}

void KioskUi::drawCitizen(Ui& ui, double now) {
    std::optional<double> left = flow_.idlePromptSecondsLeft(now);
    if (forceIdle_ && !left) left = 30.0;
    // While the prompt shows, only its card is drawn: the page under it would need a full-screen
    // dimming layer to read as "behind", and that blend alone costs 7–10 ms a frame under software
    // rendering (tests/bench/kiosk). The shell's clear is the background; nothing under it reacts.
    if (left) {
        IdlePrompt{}.draw(ui, *left);
        return;
    }
    switch (flow_.step()) {
    case Step::Welcome: WelcomeScreen{}.draw(ui); break;
    case Step::Language: LanguageScreen{}.draw(ui); break;
    case Step::Service: ServiceScreen{}.draw(ui); break;
    case Step::Unsur: UnsurScreen{}.draw(ui); break;
    case Step::Rentan:
    case Step::Facility: HamScreen{}.drawRentan(ui); break;
    case Step::Ham: HamScreen{}.drawRating(ui); break;
    case Step::RentanGate:
    case Step::Adil: HamScreen{}.drawYesNo(ui); break;
    case Step::Profile: ProfileScreen{}.draw(ui); break;
    case Step::Comment: comment_.draw(ui); break;
    case Step::Thanks: ThanksScreen{}.draw(ui); break;
    }
    if (flow_.step() != Step::Comment) comment_.shift = false;
}

void KioskUi::frame(double now) {
    ImGuiIO& io = ImGui::GetIO();
    widgets_.clear();
    texts_.clear();
    textBoxes_.clear();
    bool input = io.MouseClicked[0] || io.MouseDown[0] || io.InputQueueCharacters.Size > 0;
    for (bool k : io.KeysDown) input = input || k;
    if (input) {
        lastInput_ = now;
        framesLeft_ = settings_.framesAfterInput;
    } else if (framesLeft_ > 0) {
        --framesLeft_;
    }
    submitter_.tick(now);

    if (mode_ == Mode::Admin) {
        drawAdmin();
        return;
    }
    flow_.tick(now);
    // The idle prompt takes the first tap or key for itself: "one tap extends". Enter counts as a
    // touch too: it is the keypad's way to extend (and what spoken guidance tells a blind citizen).
    bool prompt = mode_ == Mode::Citizen && flow_.idlePromptSecondsLeft(now).has_value();
    bool swallowed = false;
    if (input && mode_ == Mode::Citizen) {
        bool touch = io.MouseClicked[0] || io.InputQueueCharacters.Size > 0 || keyPressed(ImGuiKey_Enter) ||
                     keyPressed(ImGuiKey_KeyPadEnter);
        if (prompt && touch) swallowed = true;
        if (touch) flow_.touched(now);
    }
    if (!swallowed && !prompt) handleKeys(now);
    else if (mode_ == Mode::Pin) handleKeys(now);

    const Theme& theme = flow_.modes().contrast ? highContrastTheme() : standardTheme();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, Ui::col(theme.background));
    // NoBackground: the shell already clears to the theme's background; a second full-screen
    // fill costs tens of ms a frame under software rendering (tests/bench/kiosk).
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
    Rect screen{ImVec2(0, 0), io.DisplaySize};
    Ui ui(flow_, theme, fonts_, now, ImGui::GetWindowDrawList(), screen, &widgets_);
    ui.unitName = unitName_;
    ui.textRecord = &texts_;
    ui.textBoxRecord = &textBoxes_;
    ui.unitDemo = unitDemo_;
    if (mode_ == Mode::Citizen && unitSetUp_ && flow_.step() == Step::Welcome) ui.resultLine = welcomeResult_.line(store_, flow_.lang(), now);
    shownResultLine_ = ui.resultLine;
    ui.blocked = prompt || swallowed;
    if (mode_ == Mode::Pin) {
        switch (pin_.draw(ui, pinLock_.get())) {
        case PinScreen::Outcome::Opened: openAdmin(); break;
        case PinScreen::Outcome::Cancel: mode_ = Mode::Citizen; break;
        case PinScreen::Outcome::None: break;
        }
    } else if (!unitSetUp_) {
        if (SetupScreen{}.draw(ui)) openPin();
    } else {
        drawCitizen(ui, now);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (mode_ == Mode::Citizen) detectLongPress(now);
}

bool KioskUi::wantsRender(double now) const {
    ImGuiIO& io = ImGui::GetIO();
    if (framesLeft_ > 0 || io.MouseDown[0] || pressStart_ >= 0) return true;
    if (mode_ == Mode::Citizen && flow_.advancePending()) return true;   // the chosen answer's moment, then the next page
    if (mode_ == Mode::Admin) return now - lastInput_ < 1.0;   // the hosted area may animate briefly
    return false;
}

double KioskUi::secondsUntilDue(double now) const {
    double d = flow_.secondsUntilDue(now);
    if (auto r = submitter_.secondsUntilRetry(now)) d = std::min(d, *r);
    return std::clamp(d, 0.0, 60.0);
}

} // namespace sw::kiosk
