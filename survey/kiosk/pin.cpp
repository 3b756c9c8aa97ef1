#include "survey/kiosk/pin.hpp"

#include "survey/base/error.hpp"
#include "survey/base/log.hpp"
#include "survey/base/sqlite.hpp"
#include "survey/store/store.hpp"
#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <algorithm>

namespace sw {

namespace {
const char* const kHashKey = "pin.hash";
const char* const kFailuresKey = "pin.failures";
const char* const kFailedAtKey = "pin.failed_at_utc";
const char* const kLockedKey = "pin.locked_until_utc";

long long settingInt(Store& s, const char* key) {
    try {
        return std::stoll(s.setting(key, "0"));
    } catch (const std::logic_error&) {
        return 0;
    }
}

// Each digit one more (or one less) than the one before, 9→0 (0→9) included: 1234, 4321, 7890.
bool isRun(const std::string& pin, int step) {
    for (std::size_t i = 1; i < pin.size(); ++i)
        if ((pin[i - 1] - '0' + step + 10) % 10 != pin[i] - '0') return false;
    return true;
}
} // namespace

std::string pinProblem(const std::string& pin) {
    if (pin.size() < PinLock::kMinDigits || pin.size() > PinLock::kMaxDigits ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "pin.too_short";
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin.front(); })) return "pin.trivial_repeat";
    if (isRun(pin, 1) || isRun(pin, -1)) return "pin.trivial_run";
    return "";
}

std::string pinProblemEnglish(const std::string& problemKey) {
    if (problemKey == "pin.too_short") return "the PIN must be 4 to 12 digits";
    if (problemKey == "pin.trivial_repeat") return "the PIN is too easy to guess: one digit repeated (like 1111)";
    if (problemKey == "pin.trivial_run") return "the PIN is too easy to guess: digits in a row (like 1234 or 4321)";
    return problemKey;
}

bool PinLock::validPin(const std::string& pin) { return pinProblem(pin).empty(); }

bool PinLock::hasPin() { return !store_.setting(kHashKey).empty(); }

void PinLock::setPin(const std::string& pin) {
    if (std::string problem = pinProblem(pin); !problem.empty()) throw UsageError(pinProblemEnglish(problem));
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreError::Kind::Other, "PIN: out of memory while hashing");
    sql::Transaction tx(store_.db());   // the new hash and a cleared lock-out, or neither
    store_.setSetting(kHashKey, out);
    store_.setSetting(kFailuresKey, "0");
    store_.setSetting(kLockedKey, "0");
    tx.commit();
    sodium_memzero(out, sizeof out);
}

PinLock::Check PinLock::changePin(const std::string& oldPin, const std::string& newPin, std::int64_t nowUtc) {
    if (std::string problem = pinProblem(newPin); !problem.empty()) throw UsageError(pinProblemEnglish(problem));
    Check c;
    if (hasPin()) {
        c = verify(oldPin, nowUtc);
        if (c.result != Result::Ok) return c;
    }
    setPin(newPin);
    c.result = Result::Ok;
    c.failures = 0;
    c.secondsLeft = 0;
    return c;
}

void PinLock::clearPin(const std::string& detail) {
    sql::Transaction tx(store_.db());   // forgotten and logged together
    store_.setSetting(kHashKey, "");
    store_.setSetting(kFailuresKey, "0");
    store_.setSetting(kLockedKey, "0");
    store_.logEvent("pin_reset", detail);
    tx.commit();
    logLine("pin", "PIN cleared, " + detail);
}

int PinLock::delayAfter(int failures) {
    if (failures < kFreeTries) return 0;
    long long d = kFirstDelaySeconds;
    for (int i = kFreeTries; i < failures && d < kMaxDelaySeconds; ++i) d *= 2;
    return static_cast<int>(std::min<long long>(d, kMaxDelaySeconds));
}

int PinLock::lockSecondsLeft(std::int64_t nowUtc) {
    const long long until = settingInt(store_, kLockedKey);
    if (until <= nowUtc) return 0;
    long long failedAt = settingInt(store_, kFailedAtKey);
    // A lock written before "pin.failed_at_utc" existed: assume the longest delay began it.
    if (failedAt <= 0 || failedAt > until) failedAt = until - kMaxDelaySeconds;
    if (nowUtc < failedAt) return 0;   // the clock went back past the failure (see pin.hpp)
    return static_cast<int>(std::min<long long>(until - nowUtc, kMaxDelaySeconds));
}

PinLock::Check PinLock::verify(const std::string& pin, std::int64_t nowUtc) {
    Check c;
    c.failures = static_cast<int>(settingInt(store_, kFailuresKey));
    if (int left = lockSecondsLeft(nowUtc); left > 0) {
        c.result = Result::LockedOut;
        c.secondsLeft = left;
        return c;
    }
    std::string hash = store_.setting(kHashKey);
    if (hash.empty()) {
        c.result = Result::NoPin;
        return c;
    }
    ensureSodium();
    if (crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
        // Nothing to clear: no write, so a full or read-only disk does not stop the right PIN.
        if (c.failures != 0 || settingInt(store_, kLockedKey) != 0) {
            try {
                sql::Transaction tx(store_.db());
                store_.setSetting(kFailuresKey, "0");
                store_.setSetting(kLockedKey, "0");
                tx.commit();
            } catch (const StoreError& e) {
                // The PIN was right: open anyway. The stale count only makes the next lock-out
                // come sooner, which errs on the safe side.
                logLine("pin", std::string("right PIN, but the failure count could not be cleared: ") + e.what());
            }
        }
        c.result = Result::Ok;
        c.failures = 0;
        return c;
    }
    c.failures += 1;
    int delay = delayAfter(c.failures);
    {
        // Count, time and lock together: a crash between them must not leave a count without its lock.
        sql::Transaction tx(store_.db());
        store_.setSetting(kFailuresKey, std::to_string(c.failures));
        store_.setSetting(kFailedAtKey, std::to_string(nowUtc));
        store_.setSetting(kLockedKey, delay > 0 ? std::to_string(nowUtc + delay) : "0");
        tx.commit();
    }
    logLine("pin", "wrong PIN (" + std::to_string(c.failures) + " in a row)");   // never the PIN itself
    try {
        store_.logEvent("pin_failure", std::to_string(c.failures) + " wrong in a row");
    } catch (const StoreError&) {
    }
    c.result = delay > 0 ? Result::LockedOut : Result::Wrong;
    c.secondsLeft = delay;
    return c;
}

} // namespace sw
