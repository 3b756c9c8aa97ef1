// The unit head's PIN: stored only as an Argon2id hash (libsodium crypto_pwhash_str), with a
// lock-out that grows after 5 wrong tries so a curious visitor cannot guess it at the kiosk.
// State lives in the store's settings ("pin.hash", "pin.failures", "pin.failed_at_utc",
// "pin.locked_until_utc"), so a restart does not reset the lock-out.
//
// Writes only when something changes: a right PIN with no failures behind it writes nothing, so a
// full or read-only disk never locks the unit head out of the area that would tell them so.
// The wall clock is not trusted to be monotonic (NTP steps, a dead RTC battery, a hand-set date):
// a lock-out never outlasts its own delay however far the clock goes back (see lockSecondsLeft).
#pragma once
#include <cstdint>
#include <string>

namespace sw {

class Store;

// Why `pin` may not become the unit head's PIN, as a key of assets/i18n/kiosk.json (the kiosk's PIN
// pad and `admin --set-pin` show it in the unit's language), or "" when it may:
//   "pin.too_short"       not 4–12 ASCII digits
//   "pin.trivial_repeat"  one digit repeated (0000, 1111…)
//   "pin.trivial_run"     digits in a row up or down (1234, 4321, 123456, 9876; 7890 too, as on a keypad)
// These are the first PINs anyone tries; refusing them costs the unit head nothing.
std::string pinProblem(const std::string& pin);
// The same reason in English (UsageError's what(), logs, tests).
std::string pinProblemEnglish(const std::string& problemKey);

class PinLock {
public:
    static constexpr int kFreeTries = 5;            // wrong tries before the lock-out starts
    static constexpr int kFirstDelaySeconds = 30;   // then 30 s, 60 s, 120 s … doubling
    static constexpr int kMaxDelaySeconds = 3600;   // capped at one hour
    static constexpr std::size_t kMinDigits = 4;
    static constexpr std::size_t kMaxDigits = 12;

    explicit PinLock(Store& store) : store_(store) {}

    bool hasPin();
    // Throws UsageError (pinProblemEnglish) unless validPin(pin). Clears any lock-out.
    void setPin(const std::string& pin);
    // True when `pin` may be set: 4–12 digits and not trivial (pinProblem is empty). A PIN stored
    // before the triviality rule still verifies; it just cannot be set again.
    static bool validPin(const std::string& pin);

    enum class Result { Ok, Wrong, LockedOut, NoPin };
    struct Check {
        Result result = Result::Wrong;
        int secondsLeft = 0;   // LockedOut: until the next try is allowed
        int failures = 0;
    };
    // While locked out the PIN is not even hashed: the answer is LockedOut. A right PIN writes
    // only to clear earlier failures, and opens even when that write fails (disk full); a wrong
    // one is recorded before the answer (StoreError when it cannot be: no free tries on a full disk).
    Check verify(const std::string& pin, std::int64_t nowUtc);
    // Changing the PIN needs the current one: `oldPin` is checked as by verify() (a wrong one is a
    // failed try, the lock-out applies) and only on Ok is `newPin` set. With no PIN set, `newPin`
    // is set as is (the kiosk's first entry does the same). A refused `newPin` throws UsageError
    // before `oldPin` is tried, so a typo in the new PIN costs no try.
    Check changePin(const std::string& oldPin, const std::string& newPin, std::int64_t nowUtc);
    // Forgets the PIN and its lock-out, so the next PIN entry at the kiosk sets a new one. For a
    // forgotten PIN only (`admin --reset-pin`, root only): logged as event "pin_reset" + `detail`.
    void clearPin(const std::string& detail);
    // Seconds until the next try, at most the delay the last failure set (never more than
    // kMaxDelaySeconds). A clock set back before the last failure ends the lock: without a
    // monotonic clock across restarts the time served is unknown, and holding the lock until
    // the clock catches up could lock the unit head out for days. It only rate-limits guesses at
    // a kiosk whose clock a visitor cannot set, and the failure count stays, so the next wrong
    // try locks again with the next, longer delay.
    int lockSecondsLeft(std::int64_t nowUtc);
    // The delay after `failures` consecutive wrong tries (0 while under kFreeTries).
    static int delayAfter(int failures);

private:
    Store& store_;
};

} // namespace sw
