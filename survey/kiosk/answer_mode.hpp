// How a citizen answers a question at the kiosk (README "The citizen kiosk" — One tap per
// question): one tap (the chosen answer shows, then the next question follows) or answer, then
// "Lanjut". The unit head's setting "kiosk.answer_mode" ("one_tap", the default, or "confirm");
// the kiosk reads it between respondents, the Settings screen writes it.
#pragma once

namespace sw {

class Store;

enum class AnswerMode { OneTap, Confirm };

AnswerMode answerMode(Store& store);   // anything but "confirm" is one tap
void setAnswerMode(Store& store, AnswerMode mode);

} // namespace sw
