// From the welcome straight to the first question: the language, spoken guidance and the way to
// the display options are on the welcome itself; and priority service is asked only of a citizen
// in a kelompok rentan (README "The citizen kiosk").
#include "app/kiosk/headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

// Keypad: service 1, the nine unsur "3", then the kelompok rentan gate: "Tidak" (2) when `groupDigit`
// is 0, else "Ya" (1) and that group on the list.
void toHam(Headless& k, char groupDigit) {
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Service);
    k.type('1');
    k.press(swtest::kEnter);
    for (int i = 0; i < 9; ++i) {
        k.type('3');
        k.press(swtest::kEnter);
    }
    REQUIRE(k.flow->step() == Step::RentanGate);
    k.type(groupDigit == 0 ? '2' : '1');
    k.press(swtest::kEnter);
    if (groupDigit != 0) {
        REQUIRE(k.flow->step() == Step::Rentan);
        k.type(groupDigit);
        k.press(swtest::kEnter);
    }
    REQUIRE(k.flow->step() == Step::Ham);
}

// Straight to the comment page and Enter: the response as stored.
sw::Response sendFromComment(Headless& k) {
    k.flow->showPage(Step::Comment);
    k.frame();
    k.press(swtest::kEnter);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    return rows[0];
}

int indexOf(const sw::Instrument& in, const std::string& code) {
    for (std::size_t i = 0; i < in.ham.items.size(); ++i)
        if (in.ham.items[i].code == code) return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("the welcome starts in the citizen's language with one tap, the display page only for who asks", "[kiosk][welcome]") {
    Headless k;
    REQUIRE(k.flow->step() == Step::Welcome);
    // The languages, spoken guidance and the display options, numbered for the keypad.
    const auto cs = k.flow->choices();
    REQUIRE(cs.size() == 4);
    CHECK(cs[0].label == "Bahasa Indonesia");
    CHECK(cs[0].selected);
    CHECK(cs[1].label == "English");
    CHECK(cs[2].label == k.tr.get("welcome.speech", "id"));
    CHECK(cs[3].opens);
    for (int i = 1; i <= 4; ++i) CHECK(k.findKey("choice." + std::to_string(i)));
    // English speakers read how to get the survey in English, key included.
    CHECK(k.drawn(k.tr.get("welcome.title", "en") + " " + sw::format(k.tr.get("welcome.other", "en"), {"English", "2"})));
    // English: the page turns English at once, and Start goes to the first question.
    k.tap("English");
    CHECK(k.flow->lang() == "en");
    CHECK(k.findLabel(k.tr.get("welcome.start", "en")));
    CHECK(k.drawn(k.tr.get("welcome.title", "id") + " " + sw::format(k.tr.get("welcome.other", "id"), {"Bahasa Indonesia", "1"})));
    k.tap(k.tr.get("welcome.start", "en"));
    CHECK(k.flow->step() == Step::Service);
    CHECK(k.flow->progressIndex() == 1);
    k.tapKey("back");                                            // back to the welcome, not to a page never seen
    CHECK(k.flow->step() == Step::Welcome);
    // The display options: their page, then on; Back from the first question returns to it.
    k.tapKey("choice.4");
    REQUIRE(k.flow->step() == Step::Language);
    k.tap(k.tr.get("mode.large", "en"));
    CHECK(k.flow->modes().large);
    k.tapKey("next");
    CHECK(k.flow->step() == Step::Service);
    k.tapKey("back");
    CHECK(k.flow->step() == Step::Language);
    // A unit that offers one language: nothing to choose there, spoken guidance is 1.
    Headless one;
    one.flow->setOfferedLanguages({"id"});
    one.frame();
    REQUIRE(one.flow->choices().size() == 2);
    one.type('1');
    CHECK(one.flow->modes().speech);
    one.type('2');
    CHECK(one.flow->step() == Step::Language);
    // Spoken guidance by touch on the welcome, as by `*`.
    Headless k2;
    k2.tapKey("choice.3");
    CHECK(k2.flow->modes().speech);
    REQUIRE_FALSE(k2.speech.said.empty());
    CHECK(k2.speech.said.back().find(sw::format(k2.tr.get("speech.option", "id"), {"2", "English"})) != std::string::npos);
}

TEST_CASE("a duration counts from leaving the welcome, by Mulai or by the display page", "[kiosk][welcome]") {
    Headless k;
    k.wait(30);                                                  // the welcome stood a while: not the citizen's time
    k.tapKey("choice.4");
    REQUIRE(k.flow->step() == Step::Language);
    const std::int64_t left = k.utcBase + static_cast<std::int64_t>(k.now - 1000.0);
    CHECK(std::abs(k.flow->draft().startedUtc - left) <= 1);
}

TEST_CASE("priority service is asked only of a citizen in a kelompok rentan", "[kiosk][welcome]") {
    const int h2 = [] {
        Headless probe;
        return indexOf(probe.in, "H2");
    }();
    REQUIRE(h2 >= 0);
    SECTION("bukan kelompok rentan: H1, then straight to H3; H2 stored as not used") {
        Headless k;
        toHam(k, 0);
        CHECK(k.flow->page().index == h2 - 1);
        k.type('3');
        k.press(swtest::kEnter);
        CHECK(k.flow->page().index == h2 + 1);                  // H3
        k.press(swtest::kBackspace);
        CHECK(k.flow->page().index == h2 - 1);                  // Back skips it too
        // Answered as someone in a group, then changed to "bukan": the earlier H2 answer is not kept.
        k.flow->showPage(Step::Ham, h2);
        k.frame();
        k.type('1');
        const sw::Response r = sendFromComment(k);
        CHECK(r.ham.at("H2") == sw::kTidakTahu);
        CHECK(r.ham.at("H1") == 3);
    }
    SECTION("lanjut usia: H2 is asked and kept") {
        Headless k;
        toHam(k, '1');
        k.type('3');
        k.press(swtest::kEnter);
        REQUIRE(k.flow->page().index == h2);
        k.type('2');
        CHECK(sendFromComment(k).ham.at("H2") == 2);
    }
}

TEST_CASE("the welcome's words never lie under Mulai or its options, on a short screen in large text too", "[kiosk][welcome]") {
    for (ImVec2 display : {ImVec2(1280, 800), ImVec2(1366, 768), ImVec2(1920, 1080)})
        for (const std::string modes : {"standard", "large", "seated", "large,seated", "large,contrast,speech,seated"})
            for (const std::string lang : {"id", "en"}) {
                Headless k({}, display);
                sw::kiosk::Modes m;
                REQUIRE(sw::kiosk::parseModes(modes, m));
                k.flow->setModes(m);
                k.flow->setLang(lang);
                k.frame();
                REQUIRE(k.flow->step() == Step::Welcome);
                INFO(display.x << "x" << display.y << " " << modes << " " << lang);
                REQUIRE(k.ui->textBoxes().size() >= 5);   // the unit, the question, the hint, the keys, the other language
                for (const auto& t : k.ui->textBoxes()) CHECK(t.max.y <= display.y);
                CHECK(k.textsUnderTargets() == "");
                k.type('9');                               // a key that does nothing here: its notice has room too
                REQUIRE_FALSE(k.flow->notice().empty());
                CHECK(k.textsUnderTargets() == "");
            }
}
