// The unit head's PIN pad (see screen_pin.cpp).
#pragma once
#include "app/kiosk/screens/ui.hpp"
#include "survey/kiosk/pin.hpp"

#include <string>

namespace sw::kiosk {

struct PinScreen {
    enum class Stage { Enter, NewFirst, NewConfirm };
    enum class Outcome { None, Cancel, Opened };
    Stage stage = Stage::Enter;
    std::string entry;        // digits typed so far (never logged, never drawn)
    std::string first;        // a new PIN waiting for its confirmation
    std::string message;      // translation key of the last problem
    int lockedSeconds = 0;

    void start(PinLock* lock);
    void digit(char d);
    void erase();
    Outcome confirm(PinLock* lock);
    Outcome draw(Ui& ui, PinLock* lock);
};

} // namespace sw::kiosk
