// Fewer taps for the hurried and the elderly: one tap per question by touch (the chosen face shows,
// then the next question follows; Back still works), the supporting facilities asked only of those
// who used them, one progress over the whole survey — and the measured taps and seconds of a typical
// path at a reading pace (README "The citizen kiosk").
#include "app/kiosk/headless.hpp"
#include "survey/delivery/libcurl_lazy.hpp"
#include "survey/export/minizip_lazy.hpp"
#include "survey/export/pangocairo_lazy.hpp"
#include "survey/export/xlsxwriter_lazy.hpp"
#include "survey/national/libpq_lazy.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

sw::kiosk::FlowSettings confirmMode() {
    sw::kiosk::FlowSettings fs;
    fs.oneTap = false;
    return fs;
}

// Straight to a page, as a citizen just arrived there (no idle prompt from the test's clock).
void show(Headless& k, Step step, int index = 0) {
    k.flow->showPage(step, index);
    k.flow->touched(k.now);
    k.frame();
}

int words(const std::string& s) {
    std::istringstream in(s);
    int n = 0;
    for (std::string w; in >> w;) ++n;
    return n;
}

// What a citizen reads on the page before tapping: the question, its hint and every option.
int wordsOnPage(const Headless& k) {
    int n = words(k.flow->title()) + words(k.flow->hint());
    for (const auto& c : k.flow->choices()) n += words(c.label);
    return n;
}

// The minutes in the welcome's "sekitar 2–3 menit" / "about 3 minutes": {low, high}, the same
// number twice for one, {0, 0} when there is none.
std::pair<double, double> minutesPromised(const std::string& welcome) {
    const auto digit = welcome.find_first_of("0123456789");
    if (digit == std::string::npos) return {0, 0};
    std::size_t used = 0;
    const double low = std::stod(welcome.substr(digit), &used);
    const std::string dash = "\xE2\x80\x93";   // an en dash between the two
    const std::size_t after = digit + used;
    if (welcome.compare(after, dash.size(), dash) != 0) return {low, low};
    return {low, std::stod(welcome.substr(after + dash.size()))};
}

struct Pace {
    double secondsPerWord;   // reading
    double secondsPerTap;    // finding the target and touching it
};

struct Measured {
    int taps = 0;
    double seconds = 0;
    int words = 0;
    std::string perPage;   // "welcome 26, service 20, …": what was read where
};

// The typical path of someone in a hurry: Indonesian, a service, the nine unsur, not in a
// kelompok rentan, the four HAM ratings, no supporting facility used, fair treatment, the profile
// and the comment skipped. Each tap comes after reading the page; the kiosk's own moments (the
// chosen answer shown before the next question) pass in real time.
Measured typicalPath(Headless& k, Pace pace) {
    Measured m;
    const double start = k.now;
    auto tap = [&](const std::string& key) {
        const int n = wordsOnPage(k);
        const Step s = k.flow->step();
        m.words += n;
        m.perPage += std::string(m.perPage.empty() ? "" : ", ") + sw::kiosk::stepName(s) +
                     (s == Step::Unsur || s == Step::Ham ? " " + std::to_string(k.flow->page().index + 1) : "") + " " + std::to_string(n);
        k.wait(n * pace.secondsPerWord + pace.secondsPerTap);
        k.tapKey(key, 0.01);
        ++m.taps;
    };
    auto answer = [&](const std::string& key) {   // then wait for the page to change (one tap) or tap Lanjut
        const int page = k.flow->progressIndex();
        const Step step = k.flow->step();
        tap(key);
        for (int i = 0; i < 120 && k.flow->advancePending(); ++i) k.frame(0.05);
        if (k.flow->progressIndex() == page && k.flow->step() == step) {
            k.wait(pace.secondsPerTap);
            k.tapKey("next", 0.01);
            ++m.taps;
        }
    };
    tap("next");                                            // Mulai, language and display as they are
    answer("choice.1");                                     // service
    for (int i = 0; i < 9; ++i) answer("choice.3");         // unsur
    REQUIRE(k.flow->step() == Step::RentanGate);
    answer("choice.2");                                     // "Tidak": in no kelompok rentan
    while (k.flow->step() == Step::Ham) answer("choice.3");
    REQUIRE(k.flow->step() == Step::Facility);
    answer("choice." + std::to_string(k.flow->facilities().size() + 1));   // none of them
    REQUIRE(k.flow->step() == Step::Adil);
    answer("choice.1");
    REQUIRE(k.flow->step() == Step::Profile);
    tap("profile.skip_all");
    REQUIRE(k.flow->step() == Step::Comment);
    tap("next");                                            // "Kirim tanpa saran"
    REQUIRE(k.flow->step() == Step::Thanks);
    m.seconds = k.now - start;
    return m;
}

} // namespace

TEST_CASE("one tap per question: the chosen face shows, then the next question follows, Back still works", "[kiosk][one-tap]") {
    Headless k;
    k.tap(k.tr.get("welcome.start", "id"));
    k.tapKey("choice.2");
    k.wait(1.0);
    REQUIRE(k.flow->step() == Step::Unsur);
    k.tapKey("choice.3", 0.1);
    CHECK(k.flow->advancePending());
    CHECK(k.flow->page().index == 0);                         // the choice is visible first…
    const sw::kiosk::Widget* chosen = k.findKey("choice.3");
    REQUIRE(chosen);
    CHECK(chosen->selected);
    CHECK(k.ui->wantsRender(k.now));                          // …and the kiosk keeps drawing through the moment
    k.wait(1.0);
    CHECK(k.flow->page().index == 1);                         // …then the next question
    CHECK(k.flow->draft().unsur.at("U1") == 3);
    k.tapKey("back");
    CHECK(k.flow->page().index == 0);
    CHECK(k.findKey("choice.3")->selected);
    k.tapKey("choice.4", 0.1);                                // a change of mind: the new answer, then on
    k.tapKey("back", 0.1);                                    // Back within the moment cancels the move
    k.wait(1.0);
    CHECK(k.flow->step() == Step::Service);
    CHECK(k.flow->draft().unsur.at("U1") == 4);
}

TEST_CASE("'Pilih satu jawaban' stands where the way to answer changes, not on every page", "[kiosk][one-tap]") {
    Headless k;
    const std::string one = k.tr.get("hint.one", "id");
    auto hintOn = [&](Step step, int index) {
        show(k, step, index);
        return k.flow->hint();
    };
    CHECK(hintOn(Step::Service, 0) == one);                   // the first question
    for (int i = 0; i < static_cast<int>(k.in.unsur.size()); ++i) CHECK(hintOn(Step::Unsur, i).empty());
    CHECK(hintOn(Step::RentanGate, 0).empty());
    CHECK(hintOn(Step::Rentan, 0) == k.tr.get("hint.many", "id"));   // a different kind of page keeps its line
    k.flow->reset();                                          // the list was shown as after a yes
    CHECK(hintOn(Step::Ham, 0).empty());                      // after the gate alone: one answer again
    CHECK(hintOn(Step::Ham, 1).empty());
    CHECK(hintOn(Step::Adil, 0) == one);                      // after the facilities' multi-select page
    // After a yes and the list of groups (several may be ticked), the first HAM question says it again.
    show(k, Step::RentanGate);
    k.type('1');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Rentan);
    k.type('1');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Ham);
    CHECK(k.flow->hint() == one);
    // Drawn as it is said: the second question has no hint line under it.
    show(k, Step::Unsur, 1);
    CHECK(std::find(k.ui->texts().begin(), k.ui->texts().end(), one) == k.ui->texts().end());
    show(k, Step::Service, 0);
    CHECK(std::find(k.ui->texts().begin(), k.ui->texts().end(), one) != k.ui->texts().end());
}

TEST_CASE("the kelompok rentan gate: no stores 'bukan' in one tap, yes opens the list without it", "[kiosk][one-tap]") {
    const std::string bukan = [] {
        Headless probe;
        REQUIRE(probe.in.ham.rentanGate);
        REQUIRE(probe.in.ham.rentan.back().exclusive);
        return probe.in.ham.rentan.back().code;
    }();
    SECTION("Tidak: one tap, the list and priority service are skipped, 'bukan' is stored") {
        Headless k;
        show(k, Step::RentanGate);
        const int total = k.flow->progressTotal();
        k.tapKey("choice.2");
        k.wait(1.0);
        REQUIRE(k.flow->step() == Step::Ham);
        CHECK(k.flow->draft().rentan == std::vector<std::string>{bukan});
        CHECK(k.flow->progressTotal() == total - 1);        // H2 (priority service) is not asked
        k.tapKey("back");
        CHECK(k.flow->step() == Step::RentanGate);           // Back skips the list never seen
        CHECK(k.findKey("choice.2")->selected);
        show(k, Step::Comment);
        k.press(swtest::kEnter);
        auto rows = k.stored();
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].rentan == std::vector<std::string>{bukan});
        CHECK(rows[0].ham.at("H2") == sw::kTidakTahu);
        // The next citizen finds the gate unanswered.
        k.wait(11.0);
        REQUIRE(k.flow->step() == Step::Welcome);
        show(k, Step::RentanGate);
        CHECK_FALSE(k.findKey("choice.1")->selected);
        CHECK_FALSE(k.findKey("choice.2")->selected);
        CHECK_FALSE(k.flow->canNext());
    }
    SECTION("Ya: the list follows without 'bukan'; back at the gate, Tidak clears the groups ticked") {
        Headless k(confirmMode());
        show(k, Step::RentanGate);
        k.type('1');
        k.press(swtest::kEnter);
        REQUIRE(k.flow->step() == Step::Rentan);
        const auto cs = k.flow->choices();
        REQUIRE(cs.size() == k.in.ham.rentan.size() - 1);
        for (const auto& c : cs) CHECK(c.label != k.in.ham.rentan.back().label.in("id"));
        k.press(swtest::kEnter);                              // nothing ticked yet
        CHECK(k.flow->step() == Step::Rentan);
        CHECK(k.flow->notice() == k.tr.get("notice.choose_many", "id"));
        k.type('1');
        k.type('3');
        CHECK(k.flow->draft().rentan == std::vector<std::string>{k.in.ham.rentan[0].code, k.in.ham.rentan[2].code});
        k.press(swtest::kBackspace);
        REQUIRE(k.flow->step() == Step::RentanGate);
        CHECK(k.findKey("choice.1")->selected);
        k.type('1');                                          // yes again: the groups stay ticked
        CHECK(k.flow->draft().rentan.size() == 2);
        k.type('2');
        CHECK(k.flow->draft().rentan == std::vector<std::string>{bukan});
        k.press(swtest::kEnter);
        CHECK(k.flow->step() == Step::Ham);
    }
}

TEST_CASE("an instrument without the gate asks the list alone, 'bukan' on it", "[kiosk][one-tap]") {
    Headless k;
    k.in.ham.rentanGate.reset();   // as instrument versions before 3
    k.restartOn();
    show(k, Step::Unsur, static_cast<int>(k.in.unsur.size()) - 1);
    k.type('3');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Rentan);
    REQUIRE(k.flow->choices().size() == k.in.ham.rentan.size());
    k.type(static_cast<char>('0' + k.in.ham.rentan.size()));   // "Bukan kelompok rentan", last
    k.press(swtest::kEnter);
    CHECK(k.flow->step() == Step::Ham);
    CHECK(k.flow->draft().rentan == std::vector<std::string>{k.in.ham.rentan.back().code});
    show(k, Step::RentanGate);
    CHECK(k.flow->step() != Step::RentanGate);                 // there is no such page
}

TEST_CASE("the answer-then-Lanjut setting keeps the page until Lanjut", "[kiosk][one-tap]") {
    Headless k(confirmMode());
    show(k, Step::Unsur, 0);
    k.tapKey("choice.2");
    k.wait(2.0);
    CHECK(k.flow->page().index == 0);
    CHECK_FALSE(k.flow->advancePending());
    k.tapKey("next");
    CHECK(k.flow->page().index == 1);
    // The unit head's setting, read from the store between respondents.
    k.store->setSetting("kiosk.answer_mode", "one_tap");
    CHECK(k.store->setting("kiosk.answer_mode") == "one_tap");
}

TEST_CASE("the keypad never moves on by itself: a blind citizen hears the choice, then presses Enter", "[kiosk][one-tap]") {
    Headless k;
    show(k, Step::Unsur, 0);
    k.type('2');
    k.wait(2.0);
    CHECK(k.flow->page().index == 0);
    k.press(swtest::kEnter);
    CHECK(k.flow->page().index == 1);
}

TEST_CASE("supporting facilities are asked only of those who used them", "[kiosk][one-tap]") {
    Headless k(confirmMode());
    REQUIRE(k.flow->facilities().size() == 3);
    show(k, Step::Ham, 3);                                    // H4, the last before the facilities
    k.type('3');
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Facility);
    const int total = k.flow->progressTotal();
    k.press(swtest::kEnter);                                  // nothing chosen yet
    CHECK(k.flow->step() == Step::Facility);
    CHECK(k.flow->notice() == k.tr.get("notice.choose_many", "id"));
    k.type('2');                                              // the lactation room only
    CHECK(k.flow->progressTotal() == total + 1);
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Ham);
    CHECK(k.in.ham.items[static_cast<std::size_t>(k.flow->page().index)].code == k.flow->facilities()[1]->code);
    k.type('4');
    k.press(swtest::kEnter);
    CHECK(k.flow->step() == Step::Adil);                      // the children's area was not used: not asked
    k.press(swtest::kBackspace);
    CHECK(k.in.ham.items[static_cast<std::size_t>(k.flow->page().index)].code == k.flow->facilities()[1]->code);
    k.press(swtest::kBackspace);
    CHECK(k.flow->step() == Step::Facility);
    // "None of them" clears the others; submitted, every facility is stored as not used.
    k.type('4');
    CHECK_FALSE(k.flow->facilityUsed(k.flow->facilities()[1]->code));
    k.press(swtest::kEnter);
    CHECK(k.flow->step() == Step::Adil);
    show(k, Step::Comment);
    k.press(swtest::kEnter);
    auto rows = k.stored();
    REQUIRE(rows.size() == 1);
    for (const auto* f : k.flow->facilities()) CHECK(rows[0].ham.at(f->code) == sw::kTidakTahu);
}

TEST_CASE("one progress over the whole survey, with the section's name", "[kiosk][one-tap]") {
    Headless k(confirmMode());
    CHECK(k.flow->progressText().empty());                    // the welcome: not a question
    k.press(swtest::kEnter);
    REQUIRE(k.flow->step() == Step::Service);
    const int total = k.flow->progressTotal();
    // Service, nine unsur, the kelompok rentan gate (its list only after a yes), four HAM ratings,
    // the facility page, adil, four profile fields and the comment: 22 when no facility is used.
    CHECK(total == 22);
    int expect = 1, lastTotal = 0;
    while (k.flow->step() != Step::Thanks) {
        INFO(sw::kiosk::stepName(k.flow->step()) << " " << k.flow->page().index);
        CHECK(k.flow->progressIndex() == expect);
        CHECK(k.flow->progressText() == sw::format(k.tr.get("progress", "id"), {std::to_string(expect), std::to_string(k.flow->progressTotal())}));
        CHECK_FALSE(k.flow->sectionName().empty());
        bool shown = false;
        for (const auto& t : k.ui->texts()) shown = shown || t == k.flow->progressText();
        CHECK(shown);
        const std::size_t n = k.flow->choices().size();
        if (k.flow->step() == Step::RentanGate) k.type('2');   // "Tidak"
        else if (k.flow->step() == Step::Rentan || k.flow->step() == Step::Facility) k.type(static_cast<char>('0' + n));
        else if (!k.flow->canNext()) k.type('1');
        lastTotal = k.flow->progressTotal();
        k.press(swtest::kEnter);
        ++expect;
    }
    // "Tidak" at the gate leaves priority service unasked: one page fewer.
    CHECK(lastTotal == total - 1);
    CHECK(expect == total);
}

namespace {

// The libraries the kiosk opens on first use (survey/base/lazy_library.hpp) for the unit head's
// exports, delivery and the assessor's PostgreSQL store: which of them are open now.
std::vector<std::string> lazyLibrariesOpen() {
    std::vector<std::string> open;
    for (sw::LazyLibrary* l : {&sw::dyn::libxlsxwriter(), &sw::dyn::libpangocairo(), &sw::dyn::libminizip(),
                               &sw::dyn::libpq(), &sw::dyn::libcurl()})
        if (l->isOpen()) open.push_back(l->soname());
    return open;
}

} // namespace

TEST_CASE("a citizen's whole survey opens none of the export, delivery or PostgreSQL libraries", "[kiosk][lazy]") {
    // Run alone (as ctest runs every case), nothing has opened them yet; after a survey, nothing has.
    if (!lazyLibrariesOpen().empty()) {
        WARN("an earlier case in this process opened one; run this case alone");
        return;
    }
    Headless k;
    Measured m = typicalPath(k, Pace{60.0 / 240.0, 1.0});   // the measured path's own pace
    CHECK(m.taps > 0);
    CHECK(k.flow->step() == Step::Thanks);
    CHECK(lazyLibrariesOpen().empty());
}

TEST_CASE("a typical path by touch at a reading pace: taps and seconds", "[kiosk][one-tap][measure]") {
    // Reading: 240 words a minute is the adult average for silent reading (Brysbaert 2019), 170 a
    // slower, older reader's; a tap is the time to find the target and touch it.
    const Pace pace{60.0 / 240.0, 1.0}, slow{60.0 / 170.0, 1.5};
    Headless oneTap;
    Measured a = typicalPath(oneTap, pace);
    Headless oneTapSlow;
    Measured as = typicalPath(oneTapSlow, slow);
    Headless confirm(confirmMode());
    Measured b = typicalPath(confirm, pace);
    std::printf("typical path (profile and comment skipped), one tap per question: %d taps, %.0f s at 240 words/min + 1 s a tap, "
                "%.0f s at 170 words/min + 1.5 s a tap\n",
                a.taps, a.seconds, as.seconds);
    std::printf("the same path, answer then Lanjut: %d taps, %.0f s at 240 words/min + 1 s a tap\n", b.taps, b.seconds);
    std::printf("words read on the way (%d): %s\n", a.words, a.perPage.c_str());
    CHECK(a.taps <= 25);
    CHECK(b.taps > a.taps);
    CHECK(a.seconds < b.seconds);
    // The 2-minute goal (README "The citizen kiosk": 120 s at the average reader's pace).
    CHECK(a.seconds <= 120.0);
    // The welcome's promise ("sekitar 2–3 menit") comes from this measurement: from the average
    // reader's time rounded to the nearest minute — "sekitar", about — to the slower reader's
    // rounded up, and no wider.
    for (const char* lang : {"id", "en"}) {
        const auto [low, high] = minutesPromised(oneTap.tr.get("welcome.subtitle", lang));
        INFO(lang << ": promised " << low << " to " << high << " min, measured " << a.seconds << " s to " << as.seconds << " s");
        CHECK(low == std::round(a.seconds / 60));
        CHECK(high == std::ceil(as.seconds / 60));
    }
    auto rows = oneTap.stored();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].unsur.size() == 9);
    CHECK(rows[0].profile.empty());
    CHECK(rows[0].comment.empty());
}
