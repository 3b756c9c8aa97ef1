// The kiosk's UI-free parts: contrast of every theme, millimetre sizing, the PIN lock, the
// response draft and the durable submitter.
#include "app/shell/metrics.hpp"
#include "app/kiosk/flow/speech.hpp"
#include "app/kiosk/screens/theme.hpp"
#include "survey/base/error.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/response/draft.hpp"
#include "survey/store/store.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/test_helpers.hpp"
#include "survey/base/translations.hpp"

#include <catch2/catch.hpp>

using namespace sw::kiosk;

TEST_CASE("contrast ratio follows WCAG", "[kiosk]") {
    CHECK(contrastRatio(rgbHex(0x000000), rgbHex(0xFFFFFF)) == Approx(21.0));
    CHECK(contrastRatio(rgbHex(0x777777), rgbHex(0xFFFFFF)) == Approx(4.48).epsilon(0.01));
    CHECK(contrastRatio(rgbHex(0x123456), rgbHex(0x123456)) == Approx(1.0));
}

TEST_CASE("every theme's text and UI pairs reach their contrast", "[kiosk]") {
    for (const Theme* t : allThemes()) {
        CHECK(t->minTextContrast >= (t->name == "contrast" ? 7.0 : 4.5));
        for (const Theme::Pair& p : t->pairs()) {
            INFO(t->name << ": " << p.what << " = " << contrastRatio(p.fg, p.bg));
            CHECK(contrastRatio(p.fg, p.bg) >= p.min);
        }
    }
}

TEST_CASE("sizes come from millimetres", "[kiosk]") {
    for (float ppm : {3.0f, 3.78f, 4.0f, 6.0f}) {
        Metrics s = metricsFor(ppm, false), l = metricsFor(ppm, true);
        CHECK(s.targetMm >= 15.0f);
        CHECK(l.targetMm > s.targetMm);
        CHECK(l.bodyCapMm >= 7.0f);              // capital H ≥ 7 mm in large text (survey/RULES.md)
        CHECK(l.bodyPx * kCapHeightPerEm / ppm == Approx(l.bodyCapMm));
        CHECK(s.gapMm >= 5.0f);
    }
    CHECK(pixelsPerMm(1920, 1080, 476, 268, 0, 0, 0) == Approx(1920.0f / 476.0f));
    CHECK(pixelsPerMm(1920, 1080, 476, 268, 254.0f, 0, 0) == Approx(10.0f));      // --dpi wins
    CHECK(pixelsPerMm(1920, 1080, 476, 268, 0, 960.0f, 540.0f) == Approx(2.0f));  // --mm next
    CHECK(pixelsPerMm(1920, 1080, 0, 0, 0, 0, 0) == Approx(96.0f / 25.4f));      // unknown size
    Modes m;
    CHECK(parseModes("large,contrast", m));
    CHECK((m.large && m.contrast && !m.speech));
    CHECK_FALSE(parseModes("huge", m));
}

TEST_CASE("PIN: Argon2id hash, lock-out that grows after 5 wrong tries, kept across restarts", "[kiosk]") {
    swtest::TempDir dir;
    std::int64_t t = 1'700'000'000;
    {
        sw::Store store(dir.file("s.db"));
        sw::PinLock pin(store);
        CHECK_FALSE(pin.hasPin());
        CHECK(pin.verify("1234", t).result == sw::PinLock::Result::NoPin);
        CHECK_THROWS_AS(pin.setPin("12"), sw::UsageError);
        CHECK_THROWS_AS(pin.setPin("12a4"), sw::UsageError);
        pin.setPin("482915");
        CHECK(store.setting("pin.hash").find("482915") == std::string::npos);
        CHECK(pin.verify("482915", t).result == sw::PinLock::Result::Ok);
        for (int i = 1; i <= 4; ++i) CHECK(pin.verify("000000", t).result == sw::PinLock::Result::Wrong);
        auto c = pin.verify("000000", t);
        CHECK(c.result == sw::PinLock::Result::LockedOut);
        CHECK(c.secondsLeft == sw::PinLock::kFirstDelaySeconds);
        // Locked: even the right PIN is refused until the delay passes.
        CHECK(pin.verify("482915", t + 10).result == sw::PinLock::Result::LockedOut);
    }
    sw::Store store(dir.file("s.db"));   // a restart does not clear the lock-out
    sw::PinLock pin(store);
    CHECK(pin.lockSecondsLeft(t + 10) == 20);
    auto c = pin.verify("111111", t + 31);
    CHECK(c.result == sw::PinLock::Result::LockedOut);
    CHECK(c.secondsLeft == 2 * sw::PinLock::kFirstDelaySeconds);   // growing delay
    CHECK(pin.verify("482915", t + 31 + 61).result == sw::PinLock::Result::Ok);
    CHECK(sw::PinLock::delayAfter(40) == sw::PinLock::kMaxDelaySeconds);
}

TEST_CASE("draft: 'bukan kelompok rentan' is exclusive and order follows the instrument", "[kiosk]") {
    const sw::Instrument& in = swtest::defaultInstrument();
    sw::ResponseDraft d;
    d.toggleRentan(in, "anak");
    d.toggleRentan(in, "lansia");
    CHECK(d.rentan == std::vector<std::string>{"lansia", "anak"});
    d.toggleRentan(in, "bukan");
    CHECK(d.rentan == std::vector<std::string>{"bukan"});
    d.toggleRentan(in, "hamil");
    CHECK(d.rentan == std::vector<std::string>{"hamil"});
    d.toggleRentan(in, "hamil");
    CHECK(d.rentan.empty());
    d.toggleRentan(in, "no_such_code");
    CHECK(d.rentan.empty());
    CHECK(d.appendComment("caf\xC3\xA9"));
    d.backspaceComment();
    CHECK(d.comment == "caf");                   // a whole UTF-8 character, not half of it
    CHECK_FALSE(d.appendComment(std::string(sw::ResponseDraft::kMaxCommentBytes, 'x')));
    d.clear();
    CHECK(d.empty());
}

TEST_CASE("submitter: a failing store keeps responses in order and retries until they land", "[kiosk]") {
    std::vector<std::string> landed, logged;
    bool fail = true;
    sw::Submitter s(
        [&](const sw::Response& r) {
            if (fail) throw sw::StoreError(sw::StoreError::Kind::Full, "database or disk is full");
            landed.push_back(r.uuid);
        },
        [&](const std::string& k, const std::string&) { logged.push_back(k); }, 30.0);
    sw::Response a, b;
    a.uuid = "a";
    a.createdUtc = 10;
    b.uuid = "b";
    b.createdUtc = 20;
    CHECK(s.submit(a, 0.0) == sw::Submitter::Outcome::Queued);
    CHECK(s.lastError().find("full") != std::string::npos);
    fail = false;
    CHECK(s.submit(b, 1.0) == sw::Submitter::Outcome::Queued);   // behind "a", to keep the order
    CHECK(s.tick(10.0) == 0);                                    // not due yet
    REQUIRE(s.secondsUntilRetry(10.0));
    CHECK(s.tick(30.0) == 2);
    CHECK(landed == std::vector<std::string>{"a", "b"});
    CHECK(s.pending() == 0);
    CHECK(s.lastSubmitUtc() == 20);
    CHECK(std::count(logged.begin(), logged.end(), "submit_failed") == 2);
    CHECK(std::count(logged.begin(), logged.end(), "submit_retried") == 1);
}

TEST_CASE("every kiosk string exists in Indonesian and English", "[kiosk]") {
    sw::Translations tr = sw::Translations::loadArea("kiosk");
    CHECK(tr.languages() == std::vector<std::string>{"id", "en"});
    for (const char* k : {"welcome.title", "idle.title", "progress", "nav.next", "nav.back", "pin.title", "speech.keys"})
        CHECK(tr.has(k));
    CHECK(tr.get("idle.title", "id") == "Butuh waktu lagi?");
    CHECK(sw::format(tr.get("progress", "id"), {"3", "9"}) == "3 dari 9");
    CHECK(sw::format(tr.get("progress", "en"), {"3", "9"}) == "3 of 9");
}

TEST_CASE("espeak-ng speech never blocks the caller and copes with no audio device", "[kiosk]") {
    auto speech = makeEspeakSpeech();
    speech->setVolume(500);
    CHECK(speech->volume() == 200);                // clamped to espeak-ng's useful range
    speech->say("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", "id");
    speech->say("How fast was the service delivered?", "en");   // interrupts the first
    speech->stop();
    // Destruction joins the worker: this returns (no hang) whether or not a sound card exists.
}
