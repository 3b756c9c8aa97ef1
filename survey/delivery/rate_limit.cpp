#include "survey/delivery/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

RateLimiter::RateLimiter(double perMinute, double burst) : perSecond_(perMinute / 60.0), burst_(std::max(1.0, burst)) {}

bool RateLimiter::admit(const std::string& key, int& retryAfterSeconds) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(mutex_);
    if (buckets_.size() >= kMaxKeys) forgetIdle(now);
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
        const double elapsed = std::chrono::duration<double>(now - b.at).count();
        b.tokens = std::min(burst_, b.tokens + elapsed * perSecond_);
        b.at = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    retryAfterSeconds = perSecond_ > 0 ? static_cast<int>(std::ceil((1.0 - b.tokens) / perSecond_)) : 3600;
    return false;
}

void RateLimiter::refund(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = buckets_.find(key); it != buckets_.end()) it->second.tokens = std::min(burst_, it->second.tokens + 1.0);
}

void RateLimiter::forgetIdle(std::chrono::steady_clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        const double elapsed = std::chrono::duration<double>(now - it->second.at).count();
        if (it->second.tokens + elapsed * perSecond_ >= burst_) it = buckets_.erase(it);
        else ++it;
    }
}

} // namespace sw
