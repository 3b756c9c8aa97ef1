// The unit head's PIN: stored only as an Argon2id hash (libsodium crypto_pwhash_str), with a
// lock-out that grows after 5 wrong tries so a curious visitor cannot guess it at the kiosk.
// State lives in the store's settings ("pin.hash", "pin.failures", "pin.locked_until_utc"),
// so a restart does not reset the lock-out.
#pragma once
#include <cstdint>
#include <string>

namespace sw {

class Store;

class PinLock {
public:
    static constexpr int kFreeTries = 5;            // wrong tries before the lock-out starts
    static constexpr int kFirstDelaySeconds = 30;   // then 30 s, 60 s, 120 s … doubling
    static constexpr int kMaxDelaySeconds = 3600;   // capped at one hour
    static constexpr std::size_t kMinDigits = 4;
    static constexpr std::size_t kMaxDigits = 12;

    explicit PinLock(Store& store) : store_(store) {}

    bool hasPin();
    // Throws UsageError unless `pin` is 4–12 digits. Clears any lock-out.
    void setPin(const std::string& pin);
    static bool validPin(const std::string& pin);

    enum class Result { Ok, Wrong, LockedOut, NoPin };
    struct Check {
        Result result = Result::Wrong;
        int secondsLeft = 0;   // LockedOut: until the next try is allowed
        int failures = 0;
    };
    // While locked out the PIN is not even hashed: the answer is LockedOut.
    Check verify(const std::string& pin, std::int64_t nowUtc);
    int lockSecondsLeft(std::int64_t nowUtc);
    // The delay after `failures` consecutive wrong tries (0 while under kFreeTries).
    static int delayAfter(int failures);

private:
    Store& store_;
};

} // namespace sw
