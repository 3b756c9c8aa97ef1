#include "survey/kiosk/pin.hpp"

#include "survey/base/error.hpp"
#include "survey/base/log.hpp"
#include "survey/store/store.hpp"
#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <algorithm>

namespace sw {

namespace {
const char* const kHashKey = "pin.hash";
const char* const kFailuresKey = "pin.failures";
const char* const kLockedKey = "pin.locked_until_utc";

long long settingInt(Store& s, const char* key) {
    try {
        return std::stoll(s.setting(key, "0"));
    } catch (const std::logic_error&) {
        return 0;
    }
}
} // namespace

bool PinLock::validPin(const std::string& pin) {
    if (pin.size() < kMinDigits || pin.size() > kMaxDigits) return false;
    return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool PinLock::hasPin() { return !store_.setting(kHashKey).empty(); }

void PinLock::setPin(const std::string& pin) {
    if (!validPin(pin)) throw UsageError("PIN must be 4 to 12 digits");
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreError::Kind::Other, "PIN: out of memory while hashing");
    store_.setSetting(kHashKey, out);
    store_.setSetting(kFailuresKey, "0");
    store_.setSetting(kLockedKey, "0");
    sodium_memzero(out, sizeof out);
}

int PinLock::delayAfter(int failures) {
    if (failures < kFreeTries) return 0;
    long long d = kFirstDelaySeconds;
    for (int i = kFreeTries; i < failures && d < kMaxDelaySeconds; ++i) d *= 2;
    return static_cast<int>(std::min<long long>(d, kMaxDelaySeconds));
}

int PinLock::lockSecondsLeft(std::int64_t nowUtc) {
    long long until = settingInt(store_, kLockedKey);
    return until > nowUtc ? static_cast<int>(until - nowUtc) : 0;
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
        store_.setSetting(kFailuresKey, "0");
        store_.setSetting(kLockedKey, "0");
        c.result = Result::Ok;
        c.failures = 0;
        return c;
    }
    c.failures += 1;
    store_.setSetting(kFailuresKey, std::to_string(c.failures));
    int delay = delayAfter(c.failures);
    if (delay > 0) store_.setSetting(kLockedKey, std::to_string(nowUtc + delay));
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
