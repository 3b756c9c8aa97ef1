// A blind citizen on the keypad meets no trap: the comment page keeps `*`, digits and Enter for
// their keypad meaning, every key that does nothing says why (shown and spoken), the debounce
// drops only a repeat of the same key or target, the whole profile is skipped with one key, and
// the welcome screen invites in every language with the keypad's keys (README "The citizen kiosk").
#include "app/kiosk/headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

bool saidLast(const Headless& k, const std::string& text) {
    return !k.speech.said.empty() && k.speech.said.back().find(text) != std::string::npos;
}

// Welcome → service 1 → the first unsur, by keypad, with spoken guidance on.
void toFirstUnsur(Headless& k) {
    k.type('*');
    k.press(swtest::kEnter);
    k.type('1');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Unsur);
}

} // namespace

TEST_CASE("on the comment page star repeats, digits are not typed and Enter sends an empty comment", "[kiosk][keypad]") {
    Headless k;
    toFirstUnsur(k);
    k.flow->showPage(Step::Comment);
    k.frame();
    std::size_t said = k.speech.said.size();
    k.type('*');
    CHECK(k.flow->draft().comment.empty());
    REQUIRE(k.speech.said.size() == said + 1);
    CHECK(saidLast(k, k.tr.get("comment.title", "id")));          // the page again, with how to send
    CHECK(saidLast(k, k.tr.get("comment.keys", "id")));
    k.type('3');
    CHECK(k.flow->draft().comment.empty());
    CHECK(k.flow->notice() == k.tr.get("notice.comment", "id"));
    CHECK(k.drawn(k.tr.get("notice.comment", "id")));
    CHECK(saidLast(k, k.tr.get("notice.comment", "id")));
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Thanks);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].comment.empty());                               // never "*" nor "3"
}

TEST_CASE("a key that does nothing is answered on screen and in speech", "[kiosk][keypad]") {
    Headless k;
    toFirstUnsur(k);
    const std::string range4 = sw::format(k.tr.get("notice.range", "id"), {"4"});
    const std::string first = k.tr.get("notice.choose_first", "id");
    REQUIRE(k.flow->notice().empty());
    const int before = ImGui::GetDrawData()->TotalVtxCount;
    k.type('5');                                                  // five on a four-face question
    CHECK(k.flow->notice() == range4);
    CHECK(k.drawn(range4));
    CHECK(ImGui::GetDrawData()->TotalVtxCount != before);         // not pixel-identical any more
    CHECK(saidLast(k, range4));
    k.press(swtest::kEnter);                                      // Enter before an answer
    CHECK(k.flow->step() == Step::Unsur);
    CHECK(k.flow->notice() == first);
    CHECK(k.drawn(first));
    CHECK(saidLast(k, first));
    k.type('2');                                                  // an answer clears the notice
    CHECK(k.flow->notice().empty());
    CHECK_FALSE(k.drawn(first));
    // Three on the yes/no question.
    k.flow->showPage(Step::Adil);
    k.frame();
    k.type('3');
    CHECK(k.flow->notice() == sw::format(k.tr.get("notice.range", "id"), {"2"}));
    CHECK_FALSE(k.flow->draft().adil.has_value());
    // A digit on the welcome screen says how to start.
    k.flow->reset();
    k.frame();
    k.type('7');
    CHECK(k.flow->notice() == k.tr.get("notice.welcome", "id"));
    CHECK(k.drawn(k.tr.get("notice.welcome", "id")));
}

TEST_CASE("a tap on Lanjut before an answer says to choose first", "[kiosk][keypad]") {
    Headless k;
    toFirstUnsur(k);
    const sw::kiosk::Widget* next = k.findKey("next");
    REQUIRE(next);
    CHECK_FALSE(next->enabled);
    k.tapKey("next");
    CHECK(k.flow->step() == Step::Unsur);
    CHECK(k.flow->notice() == k.tr.get("notice.choose_first", "id"));
    CHECK(k.drawn(k.tr.get("notice.choose_first", "id")));
}

TEST_CASE("a digit then Enter quickly both land, the same key twice lands once", "[kiosk][keypad]") {
    Headless k;
    toFirstUnsur(k);
    for (int i = 0; i < 3; ++i) {                                 // Enter 0.05 s after the digit: a fast keypad user
        k.type('3', 0.05);
        k.press(swtest::kEnter, 0.4);
    }
    CHECK(k.flow->page().index == 3);
    CHECK(k.flow->draft().unsur.size() == 3);
    // Enter twice within the debounce on a page that may be passed: the second is a bounce, not
    // "skip the next page too".
    k.flow->showPage(Step::Profile, 0);
    k.wait(0.5);
    k.press(swtest::kEnter, 0.05);
    k.press(swtest::kEnter, 0.5);
    CHECK(k.flow->step() == Step::Profile);
    CHECK(k.flow->page().index == 1);
}

TEST_CASE("the keypad's 0 skips the whole profile and the page says so", "[kiosk][keypad]") {
    Headless k;
    toFirstUnsur(k);
    k.flow->showPage(Step::Profile, 0);
    k.frame();
    k.type('1');                                                  // one field answered, then skipped as a whole
    k.type('*');
    CHECK(saidLast(k, sw::format(k.tr.get("speech.option", "id"), {"0", k.tr.get("profile.skip_all", "id")})));
    const sw::kiosk::Widget* skip = k.findKey("profile.skip_all");
    REQUIRE(skip);
    CHECK(skip->label.find("(0)") != std::string::npos);
    k.type('0');
    CHECK(k.flow->step() == Step::Comment);
    CHECK(k.flow->draft().profile.empty());
    CHECK(saidLast(k, k.tr.get("comment.title", "id")));
}

TEST_CASE("the welcome screen invites in every offered language with the keypad's keys", "[kiosk][keypad]") {
    Headless k;
    REQUIRE(k.flow->step() == Step::Welcome);
    CHECK(k.drawn(k.tr.get("welcome.keys", "id")));
    bool english = false;
    for (const std::string& t : k.ui->texts())
        english = english || (t.find(k.tr.get("welcome.title", "en")) != std::string::npos &&
                              t.find(sw::format(k.tr.get("welcome.other", "en"), {"English", "2"})) != std::string::npos);
    CHECK(english);
    // Offered languages only: a unit that offers Indonesian alone shows no English line.
    k.flow->setOfferedLanguages({"id"});
    k.frame();
    for (const std::string& t : k.ui->texts()) CHECK(t.find(k.tr.get("welcome.title", "en")) == std::string::npos);
    k.type('*');
    CHECK(saidLast(k, k.tr.get("welcome.keys", "id")));
}
