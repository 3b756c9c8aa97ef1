// The citizen flow end to end through the headless UI: touch, keypad, idle reset, debounce,
// back/forward, durable submit with retry, and nothing left for the next respondent.
#include "app/kiosk/headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

// The answers used by the full-survey tests: unsur i gets (i % 4) + 1, HAM item i gets (i % 5)
// with 0 = "tidak tahu" on the fifth button.
int unsurValue(std::size_t i) { return static_cast<int>(i % 4) + 1; }
int hamButton(std::size_t i) { return static_cast<int>(i % 5) + 1; }   // 1..5
int hamValue(std::size_t i) { return hamButton(i) == 5 ? 0 : hamButton(i); }

bool isFacility(const Headless& k, std::size_t i) { return k.in.ham.items[i].criterion == "sarana_prasarana"; }

// The facility page comes before the first supporting facility: the ones answered with a value
// other than "tidak tahu" are ticked (by touch or by their digit), the others are never asked and
// stored as tidak tahu — the same answers as before the page existed.
void answerFacilities(Headless& k, bool keypad) {
    REQUIRE(k.flow->step() == Step::Facility);
    for (std::size_t f = 0; f < k.flow->facilities().size(); ++f) {
        std::size_t i = static_cast<std::size_t>(k.flow->facilities()[f] - k.in.ham.items.data());
        if (hamValue(i) == 0) continue;
        if (keypad) k.type(static_cast<char>('1' + f));
        else k.tapKey("choice." + std::to_string(f + 1));
    }
    if (keypad) k.press(swtest::kEnter);
    else k.tapKey("next");
}

// Every HAM rating by keypad: `button(i)` for item i; an item not asked (a facility not used,
// priority service after "bukan kelompok rentan") is skipped by the flow.
void keypadHam(Headless& k, char (*button)(std::size_t)) {
    for (std::size_t i = 0; i < k.in.ham.items.size(); ++i) {
        if (isFacility(k, i) && k.flow->step() == Step::Facility) {
            k.type(static_cast<char>('1' + k.flow->facilities().size()));   // "none of them"
            k.press(swtest::kEnter);
        }
        if (k.flow->step() != Step::Ham || k.flow->page().index != static_cast<int>(i)) continue;
        k.type(button(i));
        k.press(swtest::kEnter);
    }
}

void takeSurveyByTouch(Headless& k, bool english) {
    if (english) k.tap("English");                          // on the welcome: the page turns English at once
    const std::string lang = english ? "en" : "id";
    k.tap(k.tr.get("welcome.start", lang));                 // straight to the first question
    REQUIRE(k.flow->step() == Step::Service);
    k.tap(k.in.services[1].label.in(lang));
    k.tapKey("next");
    for (std::size_t i = 0; i < k.in.unsur.size(); ++i) {
        REQUIRE(k.flow->step() == Step::Unsur);
        REQUIRE(k.flow->progressIndex() == static_cast<int>(i) + 2);   // one count over the whole survey, after the service
        k.tap(k.in.unsur[i].labels[static_cast<std::size_t>(unsurValue(i) - 1)].in(lang));
        k.tapKey("next");
    }
    REQUIRE(k.flow->step() == Step::RentanGate);
    k.tap(k.in.ham.yes.in(lang));
    k.tapKey("next");
    REQUIRE(k.flow->step() == Step::Rentan);
    k.tap(k.in.ham.rentan[0].label.in(lang));
    k.tap(k.in.ham.rentan[2].label.in(lang));
    k.tapKey("next");
    for (std::size_t i = 0; i < k.in.ham.items.size(); ++i) {
        if (isFacility(k, i) && k.flow->step() == Step::Facility) answerFacilities(k, false);
        if (isFacility(k, i) && hamValue(i) == 0) continue;   // not used: not asked
        REQUIRE(k.flow->step() == Step::Ham);
        REQUIRE(k.flow->page().index == static_cast<int>(i));
        k.tapKey("choice." + std::to_string(hamButton(i)));
        k.tapKey("next");
    }
    REQUIRE(k.flow->step() == Step::Adil);
    k.tap(k.in.ham.yes.in(lang));
    k.tapKey("next");
    REQUIRE(k.flow->step() == Step::Profile);
    k.tap(k.in.profile[0].options[1].label.in(lang));
    k.tapKey("next");
    for (std::size_t i = 1; i < k.in.profile.size(); ++i) {
        std::string labels;
        for (const auto& w : k.ui->widgets()) labels += "[" + w.key + "=" + w.label + "]";
        INFO(labels);
        CHECK(k.findLabel(k.tr.get("nav.skip", lang) + " \xE2\x86\x92"));   // nothing chosen: "Lewati"
        k.tapKey("next");
    }
    REQUIRE(k.flow->step() == Step::Comment);
    for (char c : std::string("ramah")) k.tapKey(std::string("key.") + c, 0.1);
    k.tapKey("key.space", 0.1);
    k.tapKey("key.shift", 0.1);
    k.tapKey("key.o", 0.1);
    k.tapKey("key.k", 0.1);
    k.tapKey("next");
}

void checkSurveyAnswers(Headless& k, const sw::Response& r) {
    CHECK(r.service == k.in.services[1].code);
    REQUIRE(r.unsur.size() == 9);
    for (std::size_t i = 0; i < k.in.unsur.size(); ++i) CHECK(r.unsur.at(k.in.unsur[i].code) == unsurValue(i));
    REQUIRE(r.ham.size() == k.in.ham.items.size());
    for (std::size_t i = 0; i < k.in.ham.items.size(); ++i) CHECK(r.ham.at(k.in.ham.items[i].code) == hamValue(i));
    std::vector<std::string> rentan = r.rentan;
    std::sort(rentan.begin(), rentan.end());
    std::vector<std::string> want{k.in.ham.rentan[0].code, k.in.ham.rentan[2].code};
    std::sort(want.begin(), want.end());
    CHECK(rentan == want);
    CHECK(r.adil == true);
}

} // namespace

TEST_CASE("a full survey by touch lands one response with the right answers", "[kiosk]") {
    Headless k;
    takeSurveyByTouch(k, false);
    REQUIRE(k.flow->step() == Step::Thanks);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);   // durable before thanks: the row is there while thanks shows
    checkSurveyAnswers(k, rows[0]);
    CHECK(rows[0].profile.size() == 1);
    CHECK(rows[0].profile.at(k.in.profile[0].code) == k.in.profile[0].options[1].code);
    CHECK(rows[0].comment == "ramah Ok");
    CHECK(rows[0].deviceId == "test-kiosk");
    CHECK_FALSE(rows[0].misuse);
    CHECK(k.submitter->pending() == 0);
}

TEST_CASE("a full survey in English by touch", "[kiosk]") {
    Headless k;
    takeSurveyByTouch(k, true);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    checkSurveyAnswers(k, rows[0]);
}

TEST_CASE("a full survey by keypad lands one response", "[kiosk]") {
    Headless k;
    k.type('2');                                 // English, on the welcome
    CHECK(k.flow->lang() == "en");
    k.press(swtest::kKeypadEnter);               // welcome → the first question
    REQUIRE(k.flow->step() == Step::Service);
    k.type('2');                                 // second service
    k.press(swtest::kEnter);
    for (std::size_t i = 0; i < 9; ++i) {
        k.type(static_cast<char>('0' + unsurValue(i)));
        k.press(swtest::kEnter);
    }
    k.type('1');                                 // yes at the kelompok rentan gate
    k.press(swtest::kEnter);
    k.type('1');
    k.type('3');
    k.press(swtest::kEnter);
    for (std::size_t i = 0; i < k.in.ham.items.size(); ++i) {
        if (isFacility(k, i) && k.flow->step() == Step::Facility) answerFacilities(k, true);
        if (isFacility(k, i) && hamValue(i) == 0) continue;
        k.type(static_cast<char>('0' + hamButton(i)));
        k.press(swtest::kEnter);
    }
    k.type('1');
    k.press(swtest::kEnter);
    for (std::size_t i = 0; i < k.in.profile.size(); ++i) k.press(swtest::kEnter);   // Enter skips an optional page
    REQUIRE(k.flow->step() == Step::Comment);
    k.press(swtest::kEnter);                     // submit without a comment
    REQUIRE(k.flow->step() == Step::Thanks);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    checkSurveyAnswers(k, rows[0]);
    CHECK(rows[0].profile.empty());
    CHECK(rows[0].comment.empty());
}

TEST_CASE("Enter does not pass an unanswered unsur, Backspace goes back", "[kiosk]") {
    Headless k;
    k.press(swtest::kEnter);
    k.type('1');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Unsur);
    k.press(swtest::kEnter);
    CHECK(k.flow->step() == Step::Unsur);        // still U1: no answer yet
    CHECK(k.flow->page().index == 0);
    k.press(swtest::kBackspace);
    CHECK(k.flow->step() == Step::Service);
}

TEST_CASE("idle: the prompt comes, one tap extends, and the timeout resets everything", "[kiosk]") {
    sw::kiosk::FlowSettings fs;
    Headless k(fs);
    k.tap("English");
    k.tap(k.tr.get("welcome.start", "en"));
    k.tap(k.in.services[0].label.in("en"));
    k.tapKey("next");
    k.tap(k.in.unsur[0].labels[2].in("en"));
    REQUIRE(k.flow->draft().unsur.size() == 1);
    k.wait(fs.idleSeconds + 1);
    REQUIRE(k.flow->idlePromptSecondsLeft(k.now));
    CHECK(*k.flow->idlePromptSecondsLeft(k.now) >= 20.0);
    REQUIRE(k.findLabel(k.tr.get("idle.extend", "en")));
    k.tap(k.tr.get("idle.extend", "en"));
    CHECK_FALSE(k.flow->idlePromptSecondsLeft(k.now));
    CHECK(k.flow->step() == Step::Unsur);        // the tap only extended: nothing chosen under the prompt
    CHECK(k.flow->draft().unsur.size() == 1);
    k.wait(fs.idleSeconds + fs.promptSeconds + 2);
    CHECK(k.flow->step() == Step::Welcome);
    CHECK(k.flow->draft().empty());
    CHECK(k.flow->lang() == "id");
    CHECK(k.stored().empty());
}

TEST_CASE("accessibility modes lengthen the idle limit", "[kiosk]") {
    Headless k;
    k.type('4');                                 // the welcome's display options
    REQUIRE(k.flow->step() == Step::Language);
    double standard = k.flow->idleLimitSeconds();
    k.type('3');                                 // large text
    CHECK(k.flow->modes().large);
    CHECK(k.flow->idleLimitSeconds() > standard);
}

TEST_CASE("a tap lands once: a bounce or double tap does not skip a question", "[kiosk]") {
    Headless k;
    k.press(swtest::kEnter);
    k.type('1');
    k.press(swtest::kEnter);
    k.tap(k.in.unsur[0].labels[3].in("id"));
    REQUIRE(k.flow->page().index == 0);
    // Two taps on "Lanjut" 0.1 s apart: the second would land on U2's "Lanjut" (same place).
    k.tapKey("next", 0.05);
    k.tapKey("next", 0.05);
    CHECK(k.flow->step() == Step::Unsur);
    CHECK(k.flow->page().index == 1);
    k.wait(0.5);
    // Two different targets in quick succession are two deliberate taps: both land.
    k.tapKey("choice.2", 0.05);
    k.tapKey("choice.3", 0.05);
    CHECK(k.flow->draft().unsur.at("U2") == 3);
    // The same target again within the debounce is a bounce: it lands once (a second tap on a
    // profile answer would un-choose it).
    k.flow->showPage(Step::Profile, 0);
    k.frame();
    k.tapKey("choice.1", 0.05);
    k.tapKey("choice.1", 0.5);
    CHECK(k.flow->draft().profile.count(k.in.profile[0].code) == 1);
}

TEST_CASE("back and forward keep the answers", "[kiosk]") {
    Headless k;
    k.press(swtest::kEnter);
    k.press(swtest::kEnter);
    k.type('3');
    k.press(swtest::kEnter);
    k.type('4');
    k.press(swtest::kEnter);
    k.type('2');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->page().index == 2);
    k.tapKey("back");
    k.tapKey("back");
    REQUIRE(k.flow->page().index == 0);
    const sw::kiosk::Widget* chosen = k.findKey("choice.4");
    REQUIRE(chosen);
    CHECK(chosen->selected);                     // drawn as selected when coming back
    k.tapKey("back");
    CHECK(k.flow->step() == Step::Service);
    CHECK(k.flow->draft().service == k.in.services[2].code);
    k.tapKey("next");
    k.tapKey("next");
    k.tapKey("next");
    CHECK(k.flow->page().index == 2);
    CHECK(k.flow->draft().unsur.at("U1") == 4);
    CHECK(k.flow->draft().unsur.at("U2") == 2);
}

TEST_CASE("a failed write still thanks the citizen, is retried and not lost", "[kiosk]") {
    Headless k;
    k.failWrites = true;
    takeSurveyByTouch(k, false);
    CHECK(k.flow->step() == Step::Thanks);       // the citizen is not punished for a full disk
    CHECK(k.flow->lastOutcome() == sw::Submitter::Outcome::Queued);
    CHECK(k.submitter->pending() == 1);
    CHECK(k.stored().empty());
    // The unit head sees a warning.
    k.ui->openAdmin();
    k.frame();
    REQUIRE(k.ui->adminHost().kioskWarnings.size() == 1);
    CHECK(k.ui->adminHost().kioskWarnings[0].find("disk I/O error") != std::string::npos);
    k.wait(40);                                  // retry is due after 30 s, but the disk still fails
    CHECK(k.submitter->pending() == 1);
    CHECK(k.appendCalls >= 2);
    k.failWrites = false;
    k.wait(31);
    CHECK(k.submitter->pending() == 0);
    CHECK(k.ui->adminHost().kioskWarnings.empty());   // the warning goes once the row is on disk
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    checkSurveyAnswers(k, rows[0]);
}

TEST_CASE("nothing carries over to the next respondent", "[kiosk]") {
    sw::kiosk::FlowSettings fs;
    Headless k(fs);
    k.tap("English");                            // on the welcome
    k.tap(k.tr.get("welcome.display", "en"));    // → the display options
    REQUIRE(k.flow->step() == Step::Language);
    k.tap(k.tr.get("mode.large", "en"));
    k.tap(k.tr.get("mode.contrast", "en"));
    k.tap(k.tr.get("mode.speech", "en"));
    k.tap(k.tr.get("mode.seated", "en"));
    REQUIRE(k.flow->modes().large);
    REQUIRE(k.flow->modes().seated);
    k.tapKey("speech.louder");
    REQUIRE(k.speech.volume() > fs.defaultVolume);
    k.tapKey("next");
    REQUIRE(k.flow->step() == Step::Service);
    k.type('1');
    REQUIRE(k.flow->draft().service == k.in.services[0].code);
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Unsur);
    for (int i = 0; i < 9; ++i) {
        k.type('3');
        k.press(swtest::kEnter);
    }
    INFO("page " << k.flow->page().index << " draft " << k.flow->draft().unsur.size() << " service " << k.flow->draft().service);
    REQUIRE(k.flow->step() == Step::RentanGate);
    k.type('2');                                 // not in a kelompok rentan
    REQUIRE(k.flow->draft().rentan.size() == 1);
    k.press(swtest::kEnter);
    keypadHam(k, [](std::size_t) { return '5'; });
    k.type('2');
    k.press(swtest::kEnter);
    k.type('1');                                 // profile: first option of the first field
    k.tapKey("profile.skip_all");
    REQUIRE(k.flow->step() == Step::Comment);
    k.tapKey("key.a", 0.1);
    k.tapKey("key.b", 0.1);
    k.tapKey("next");
    REQUIRE(k.flow->step() == Step::Thanks);
    CHECK(k.flow->lang() == "en");               // thanks is still in their language…
    CHECK(k.flow->draft().empty());              // …but the answers already left the screen
    k.wait(fs.thanksSeconds + 1);
    REQUIRE(k.flow->step() == Step::Welcome);
    CHECK(k.flow->lang() == "id");
    CHECK(k.flow->modes() == sw::kiosk::Modes{});
    CHECK(k.flow->draft().empty());
    CHECK(k.speech.volume() == fs.defaultVolume);
    // The next person walks through and finds empty pages, starting from the welcome straight to
    // the first question: the display page the last person asked for is not asked for them.
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Service);
    k.type('1');
    k.press(swtest::kEnter);
    CHECK_FALSE(k.findKey("choice.3")->selected);
    k.flow->showPage(Step::Comment);
    k.frame();
    CHECK(k.flow->draft().comment.empty());
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].comment == "ab");
    CHECK(rows[0].adil == false);
    CHECK(rows[0].rentan == std::vector<std::string>{"bukan"});
    CHECK(rows[0].profile.empty());              // skipped as a whole: the one chosen field is dropped too
}

TEST_CASE("rapid repeated submissions are stored but flagged as suspected misuse", "[kiosk]") {
    Headless k;
    auto quick = [&] {
        k.press(swtest::kEnter);
        k.type('1');
        k.press(swtest::kEnter);
        for (int i = 0; i < 9; ++i) {
            k.type('4');
            k.press(swtest::kEnter);
        }
        k.type('2');                             // in no kelompok rentan
        k.press(swtest::kEnter);
        keypadHam(k, [](std::size_t) { return '4'; });
        k.type('1');
        k.press(swtest::kEnter);
        for (std::size_t i = 0; i < k.in.profile.size(); ++i) k.press(swtest::kEnter);
        k.press(swtest::kEnter);
        REQUIRE(k.flow->step() == Step::Thanks);
        k.tapKey("next");                        // "Selesai"
        REQUIRE(k.flow->step() == Step::Welcome);
    };
    quick();
    k.wait(5);
    quick();
    auto rows = k.stored();
    REQUIRE(rows.size() == 2);
    // 20+ pages at 1 s each is over the 15 s minimum, so the first is fine; the second comes
    // within the 60 s repeat window of the first.
    CHECK_FALSE(rows[0].misuse);
    CHECK(rows[1].misuse);
    sw::ResponseFilter scored;                   // scores leave suspected misuse out by default
    CHECK(k.store->countResponses(scored) == 1);
}

TEST_CASE("spoken guidance reads the question, its options and the choice, a new page interrupts", "[kiosk]") {
    Headless k;
    k.type('*');                                 // on the welcome screen `*` switches speech on
    REQUIRE(k.flow->modes().speech);
    REQUIRE_FALSE(k.speech.said.empty());
    CHECK(k.speech.said.back().rfind("id|", 0) == 0);
    k.type('2');                                 // English, on the welcome: speech follows the language and voice
    CHECK(k.speech.said.back().rfind("en|", 0) == 0);
    k.press(swtest::kEnter);
    k.type('1');
    k.press(swtest::kEnter);
    std::string q = k.speech.said.back();
    CHECK(q.find(k.in.unsur[0].question.in("en")) != std::string::npos);
    for (const auto& l : k.in.unsur[0].labels) CHECK(q.find(l.in("en")) != std::string::npos);
    k.type('3');
    CHECK(k.speech.said.back().find(k.in.unsur[0].labels[2].in("en")) != std::string::npos);
    std::size_t n = k.speech.said.size();
    k.type('*');
    REQUIRE(k.speech.said.size() == n + 1);      // repeat
    CHECK(k.speech.said.back().find(k.in.unsur[0].question.in("en")) != std::string::npos);
    CHECK(k.speech.said.back().find(sw::format(k.tr.get("speech.selected", "en"), {k.in.unsur[0].labels[2].in("en")})) !=
          std::string::npos);
    k.press(swtest::kEnter);                     // next page: said again (the worker replaces the old text)
    CHECK(k.speech.said.back().find(k.in.unsur[1].question.in("en")) != std::string::npos);
}

TEST_CASE("hidden long press opens the PIN pad, first entry sets the PIN, then the area opens", "[kiosk]") {
    Headless k;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(10, 10);
    io.MouseDown[0] = true;
    for (int i = 0; i < 20; ++i) k.frame(0.1);   // 2 s: not yet
    CHECK(k.ui->mode() == sw::kiosk::KioskUi::Mode::Citizen);
    for (int i = 0; i < 15; ++i) k.frame(0.1);
    io.MouseDown[0] = false;
    k.frame();
    io.MousePos = ImVec2(-1e5f, -1e5f);
    k.frame();
    REQUIRE(k.ui->mode() == sw::kiosk::KioskUi::Mode::Pin);
    CHECK(k.ui->pinScreen().stage == sw::kiosk::PinScreen::Stage::NewFirst);
    for (char c : std::string("2468")) k.tapKey(std::string("pin.") + c, 0.1);
    k.tapKey("pin.ok");
    for (char c : std::string("2468")) k.type(c, 0.1);   // a keypad works too
    k.press(swtest::kEnter);
    CHECK(k.ui->mode() == sw::kiosk::KioskUi::Mode::Admin);
    CHECK(sw::PinLock(*k.store).hasPin());
    CHECK(k.store->setting("pin.hash").find("$argon2id$") == 0);
}
