// A token bucket per key: `perMinute` refill, `burst` capacity. Thread-safe. The table is bounded:
// when it holds too many keys, the full buckets (keys idle long enough) are forgotten.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sw {

class RateLimiter {
public:
    RateLimiter(double perMinute, double burst);
    // True (and one token taken) when `key` may go on; otherwise `retryAfterSeconds` says when.
    bool admit(const std::string& key, int& retryAfterSeconds);
    // Gives the token back: the upload turned out not to be signed by that key, so it must not
    // count against the key's owner (anyone can write a unit's public key into a trailer).
    void refund(const std::string& key);

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point at;
    };
    void forgetIdle(std::chrono::steady_clock::time_point now);
    double perSecond_, burst_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    static constexpr std::size_t kMaxKeys = 20000;
};

} // namespace sw
