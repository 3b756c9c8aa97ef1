// Spoken guidance for "Butuh waktu lagi?" (survey/RULES.md: everything shown can be spoken; warn before an
// idle reset): a blind citizen hears the warning, the seconds left and how to extend, in their
// language; a sighted citizen without speech hears nothing; nothing is said after the reset.
#include "app/kiosk/headless.hpp"

#include <catch2/catch.hpp>

#include <string>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Welcome → (speech on with `*`) → English → first service → U1, by keypad as a blind citizen would.
void toFirstUnsur(Headless& k, bool speech) {
    if (speech) k.type('*');
    k.type('2');
    REQUIRE(k.flow->lang() == "en");
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Service);
    k.type('1');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Unsur);
    REQUIRE(k.flow->modes().speech == speech);
}

} // namespace

TEST_CASE("spoken guidance: the idle prompt is said when it appears, once more near the end, not after the reset", "[kiosk]") {
    sw::kiosk::FlowSettings fs;
    Headless k(fs);
    toFirstUnsur(k, true);
    const std::size_t before = k.speech.said.size();
    k.wait(k.flow->idleLimitSeconds() - 2);
    REQUIRE_FALSE(k.flow->idlePromptSecondsLeft(k.now));
    CHECK(k.speech.said.size() == before);
    k.wait(3);                                   // the prompt appears with 29.5 s left
    REQUIRE(k.flow->idlePromptSecondsLeft(k.now));
    REQUIRE(k.speech.said.size() == before + 1);
    const std::string warning = k.speech.said.back();
    CHECK(warning.rfind("en|", 0) == 0);        // the citizen's language and voice
    CHECK(contains(warning, k.tr.get("idle.title", "en")));
    CHECK(contains(warning, sw::format(k.tr.get("idle.body", "en"), {std::to_string(static_cast<int>(fs.promptSeconds))})));
    CHECK(contains(warning, k.tr.get("idle.speech_extend", "en")));

    k.wait(fs.promptSeconds - fs.promptReminderSeconds - 3);   // the countdown ticks: not said again
    CHECK(k.speech.said.size() == before + 1);
    k.wait(3);
    REQUIRE(k.speech.said.size() == before + 2);
    CHECK(k.speech.said.back() ==
          "en|" + sw::format(k.tr.get("idle.speech_reminder", "en"), {std::to_string(static_cast<int>(fs.promptReminderSeconds))}));

    const int stops = k.speech.stops;
    k.wait(fs.promptReminderSeconds + 1);
    REQUIRE(k.flow->step() == Step::Welcome);
    CHECK(k.speech.stops > stops);               // the reset cuts off whatever was still being said
    k.wait(300);
    CHECK(k.speech.said.size() == before + 2);   // and the fresh kiosk says nothing more
}

TEST_CASE("without spoken guidance the idle prompt says nothing", "[kiosk]") {
    sw::kiosk::FlowSettings fs;
    Headless k(fs);
    toFirstUnsur(k, false);
    k.wait(k.flow->idleLimitSeconds() + 1);
    REQUIRE(k.flow->idlePromptSecondsLeft(k.now));
    k.wait(fs.promptSeconds);
    REQUIRE(k.flow->step() == Step::Welcome);
    CHECK(k.speech.said.empty());
}

TEST_CASE("spoken guidance: Enter or Space extends, the page is read again, and every prompt is said", "[kiosk]") {
    sw::kiosk::FlowSettings fs;
    Headless k(fs);
    toFirstUnsur(k, true);
    k.type('3');
    k.wait(k.flow->idleLimitSeconds() + 1);
    REQUIRE(k.flow->idlePromptSecondsLeft(k.now));
    REQUIRE(contains(k.speech.said.back(), k.tr.get("idle.title", "en")));
    k.press(swtest::kEnter);                     // as the warning says: Enter extends…
    CHECK_FALSE(k.flow->idlePromptSecondsLeft(k.now));
    CHECK(k.flow->page().index == 0);            // …and only extends: still U1 with its answer
    CHECK(k.flow->draft().unsur.at("U1") == 3);
    CHECK(contains(k.speech.said.back(), k.in.unsur[0].question.in("en")));   // back on the page: said again

    std::size_t n = k.speech.said.size();
    k.wait(k.flow->idleLimitSeconds() + 1);      // the next prompt is said too
    REQUIRE(k.flow->idlePromptSecondsLeft(k.now));
    REQUIRE(k.speech.said.size() == n + 1);
    CHECK(contains(k.speech.said.back(), k.tr.get("idle.title", "en")));
    k.type(' ');                                 // so does Space
    CHECK_FALSE(k.flow->idlePromptSecondsLeft(k.now));
    CHECK(k.flow->page().index == 0);

    // After a timeout the next respondent's prompt is said again: nothing of the last one is kept.
    k.wait(k.flow->idleLimitSeconds() + fs.promptSeconds + 2);
    REQUIRE(k.flow->step() == Step::Welcome);
    toFirstUnsur(k, true);
    n = k.speech.said.size();
    k.wait(k.flow->idleLimitSeconds() + 1);
    REQUIRE(k.speech.said.size() == n + 1);
    CHECK(contains(k.speech.said.back(), k.tr.get("idle.title", "en")));
}
