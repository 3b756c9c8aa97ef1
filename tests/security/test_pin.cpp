// Security: the unit head's PIN beyond hashing and the basic lock-out (test_security.cpp): a
// right PIN that writes nothing (a full or read-only disk must not lock the unit head out), a
// lock-out that a clock set back cannot stretch, PINs too easy to guess, and changing or clearing
// a PIN only with the current one (or as root, at the CLI).
#include "survey/base/error.hpp"
#include "survey/base/translations.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/store/store.hpp"

#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace sw;

namespace {

constexpr std::int64_t kNow = 1790000000;
constexpr std::int64_t kDay = 24 * 3600;

std::int64_t changesSoFar(Store& s) { return s.db().scalarInt("SELECT total_changes()"); }

// Wrong PINs until the lock-out starts; returns the lock-out's first answer.
PinLock::Check lockOut(PinLock& lock, std::int64_t at) {
    PinLock::Check c;
    for (int i = 0; i < PinLock::kFreeTries; ++i) c = lock.verify("5555", at);
    return c;
}

} // namespace

TEST_CASE("a right PIN with nothing to reset writes nothing to the store", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("482915");
    const std::int64_t before = changesSoFar(s);
    CHECK(lock.verify("482915", kNow).result == PinLock::Result::Ok);
    CHECK(lock.verify("482915", kNow + 1).result == PinLock::Result::Ok);
    CHECK(changesSoFar(s) == before);

    // A store that refuses every write (as a full or read-only disk does): the right PIN still
    // opens; it used to fail writing "pin.failures = 0" and lock the unit head out.
    s.db().exec("PRAGMA query_only=1");
    CHECK(lock.verify("482915", kNow + 2).result == PinLock::Result::Ok);
    CHECK(lock.lockSecondsLeft(kNow + 2) == 0);
    // A wrong PIN must be recorded; when it cannot be, the answer is an error, never Ok.
    CHECK_THROWS_AS(lock.verify("000111", kNow + 3), StoreError);
    s.db().exec("PRAGMA query_only=0");
}

TEST_CASE("a right PIN after failures clears them, and opens even when that write fails", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("482915");
    CHECK(lock.verify("000111", kNow).result == PinLock::Result::Wrong);
    CHECK(lock.verify("000111", kNow + 1).failures == 2);
    // Something to reset: written, once.
    std::int64_t before = changesSoFar(s);
    CHECK(lock.verify("482915", kNow + 2).result == PinLock::Result::Ok);
    CHECK(changesSoFar(s) > before);
    CHECK(lock.verify("000111", kNow + 3).failures == 1);   // the count started again
    before = changesSoFar(s);
    s.db().exec("PRAGMA query_only=1");
    // The reset cannot be written: the right PIN opens all the same.
    CHECK(lock.verify("482915", kNow + 4).result == PinLock::Result::Ok);
    s.db().exec("PRAGMA query_only=0");
    CHECK(changesSoFar(s) == before);
    CHECK(s.setting("pin.failures") == "1");   // kept: the next lock-out only comes sooner
}

TEST_CASE("a clock set back does not lengthen the PIN lock-out", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("4826");
    auto locked = lockOut(lock, kNow);
    REQUIRE(locked.result == PinLock::Result::LockedOut);
    REQUIRE(locked.secondsLeft == PinLock::kFirstDelaySeconds);
    CHECK(lock.lockSecondsLeft(kNow + 10) == PinLock::kFirstDelaySeconds - 10);

    // The clock goes back a day (NTP step, a dead RTC battery): before the fix the lock held
    // until the clock caught up, a day-long lock-out. Never more than the lock's own delay.
    for (std::int64_t back : {std::int64_t{1}, std::int64_t{60}, std::int64_t{3600}, kDay, 30 * kDay})
        CHECK(lock.lockSecondsLeft(kNow - back) <= PinLock::kFirstDelaySeconds);
    CHECK(lock.verify("4826", kNow - kDay).result == PinLock::Result::Ok);
}

TEST_CASE("after a clock set back the failures still count: the next wrong try locks longer", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("4826");
    REQUIRE(lockOut(lock, kNow).result == PinLock::Result::LockedOut);
    const std::int64_t back = kNow - kDay;
    auto c = lock.verify("5555", back);
    CHECK(c.result == PinLock::Result::LockedOut);
    CHECK(c.secondsLeft == 2 * PinLock::kFirstDelaySeconds);
    CHECK(c.failures == PinLock::kFreeTries + 1);
    // The new lock is measured on the new clock.
    CHECK(lock.lockSecondsLeft(back + 10) == 2 * PinLock::kFirstDelaySeconds - 10);
    CHECK(lock.verify("4826", back + 10).result == PinLock::Result::LockedOut);
    CHECK(lock.verify("4826", back + 2 * PinLock::kFirstDelaySeconds).result == PinLock::Result::Ok);
}

TEST_CASE("the longest lock-out stays within its cap whatever the clock says", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("4826");
    std::int64_t t = kNow;
    PinLock::Check c = lockOut(lock, t);
    while (c.secondsLeft < PinLock::kMaxDelaySeconds) {
        t += c.secondsLeft;
        c = lock.verify("5555", t);
        REQUIRE(c.result == PinLock::Result::LockedOut);
    }
    CHECK(c.secondsLeft == PinLock::kMaxDelaySeconds);
    for (std::int64_t at = t - 2 * kDay; at <= t + 2 * PinLock::kMaxDelaySeconds; at += 600) {
        INFO("clock at " << at - t << " s from the last failure");
        CHECK(lock.lockSecondsLeft(at) <= PinLock::kMaxDelaySeconds);
    }
    CHECK(lock.lockSecondsLeft(t + PinLock::kMaxDelaySeconds) == 0);
}

TEST_CASE("a lock-out written before the failure time was stored is capped too", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("4826");
    // As an older SuaraWarga left it after its clock had run a day ahead.
    s.setSetting("pin.failures", "9");
    s.setSetting("pin.locked_until_utc", std::to_string(kNow + kDay));
    CHECK(lock.lockSecondsLeft(kNow) <= PinLock::kMaxDelaySeconds);
    CHECK(lock.verify("4826", kNow).result == PinLock::Result::Ok);
    // An ordinary one still holds.
    s.setSetting("pin.locked_until_utc", std::to_string(kNow + 100));
    CHECK(lock.lockSecondsLeft(kNow) == 100);
}

TEST_CASE("PINs too easy to guess are refused with the reason", "[security][pin]") {
    for (const char* p : {"0000", "1111", "7777", "999999", "000000000000"}) {
        INFO(p);
        CHECK(pinProblem(p) == "pin.trivial_repeat");
        CHECK_FALSE(PinLock::validPin(p));
    }
    for (const char* p : {"1234", "4321", "123456", "9876", "0123", "3210", "7890", "0987", "123456789012"}) {
        INFO(p);
        CHECK(pinProblem(p) == "pin.trivial_run");
        CHECK_FALSE(PinLock::validPin(p));
    }
    // The length rule is unchanged: 4–12 ASCII digits.
    for (const char* p : {"", "123", "1234567890123", "12a4", " 4826", "４８２６"}) {
        INFO(p);
        CHECK(pinProblem(p) == "pin.too_short");
    }
    for (const char* p : {"4826", "2468", "1357", "1122", "1243", "482915", "90817263", "123456789013"}) {
        INFO(p);
        CHECK(pinProblem(p).empty());
        CHECK(PinLock::validPin(p));
    }

    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    try {
        lock.setPin("1234");
        FAIL("1234 was accepted");
    } catch (const UsageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("easy to guess"));
    }
    CHECK_THROWS_AS(lock.setPin("0000"), UsageError);
    CHECK_FALSE(lock.hasPin());

    // The reasons are shown on the kiosk's PIN pad and by `admin --set-pin`, in every language.
    Translations tr = Translations::load(std::string(SW_SOURCE_ASSET_DIR) + "/i18n/kiosk.json");
    for (const char* key : {"pin.too_short", "pin.trivial_repeat", "pin.trivial_run"}) {
        INFO(key);
        REQUIRE(tr.has(key));
        CHECK(tr.get(key, "id") != tr.get(key, "en"));
        CHECK(pinProblemEnglish(key) != key);
    }
}

TEST_CASE("changing the PIN needs the current one, and a wrong one is a failed try", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    // No PIN yet: the first one is set as is (as at the kiosk's first entry).
    CHECK(lock.changePin("", "482915", kNow).result == PinLock::Result::Ok);
    REQUIRE(lock.hasPin());

    auto wrong = lock.changePin("000111", "246813", kNow + 1);
    CHECK(wrong.result == PinLock::Result::Wrong);
    CHECK(wrong.failures == 1);
    CHECK(lock.verify("246813", kNow + 2).result == PinLock::Result::Wrong);   // not set
    CHECK(lock.verify("482915", kNow + 3).result == PinLock::Result::Ok);      // unchanged

    // A refused new PIN costs no try: it is checked before the current one.
    CHECK_THROWS_AS(lock.changePin("000111", "1111", kNow + 4), UsageError);
    CHECK_THROWS_AS(lock.changePin("482915", "4321", kNow + 5), UsageError);
    CHECK(s.setting("pin.failures") == "0");

    // Wrong current PINs lock changing out as they lock entering out.
    for (int i = 0; i < PinLock::kFreeTries; ++i) lock.changePin("000111", "246813", kNow + 10);
    auto locked = lock.changePin("482915", "246813", kNow + 11);
    CHECK(locked.result == PinLock::Result::LockedOut);
    CHECK(lock.verify("482915", kNow + 11 + PinLock::kFirstDelaySeconds).result == PinLock::Result::Ok);

    auto ok = lock.changePin("482915", "246813", kNow + 100);
    CHECK(ok.result == PinLock::Result::Ok);
    CHECK(lock.verify("246813", kNow + 101).result == PinLock::Result::Ok);
    CHECK(lock.verify("482915", kNow + 102).result == PinLock::Result::Wrong);
}

TEST_CASE("clearing a forgotten PIN lifts its lock-out, is logged, and lets the kiosk set a new one", "[security][pin]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    PinLock lock(s);
    lock.setPin("482915");
    REQUIRE(lockOut(lock, kNow).result == PinLock::Result::LockedOut);
    lock.clearPin("by root from the terminal");
    CHECK_FALSE(lock.hasPin());
    CHECK(lock.lockSecondsLeft(kNow) == 0);
    CHECK(lock.verify("482915", kNow).result == PinLock::Result::NoPin);
    CHECK(s.db().scalarInt("SELECT count(*) FROM event WHERE kind='pin_reset'") == 1);
    CHECK(s.db().scalarInt("SELECT count(*) FROM event WHERE detail LIKE '%482915%'") == 0);
    // The next entry sets a new PIN; the old failures do not follow it.
    lock.setPin("246813");
    CHECK(lock.verify("246813", kNow + 1).result == PinLock::Result::Ok);
    CHECK(lock.verify("000111", kNow + 2).failures == 1);
}
