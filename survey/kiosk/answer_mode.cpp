#include "survey/kiosk/answer_mode.hpp"

#include "survey/store/store.hpp"

namespace sw {

namespace {
constexpr const char* kSetting = "kiosk.answer_mode";
}

AnswerMode answerMode(Store& store) {
    return store.setting(kSetting, "one_tap") == "confirm" ? AnswerMode::Confirm : AnswerMode::OneTap;
}

void setAnswerMode(Store& store, AnswerMode mode) { store.setSetting(kSetting, mode == AnswerMode::Confirm ? "confirm" : "one_tap"); }

} // namespace sw
