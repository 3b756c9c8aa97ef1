#include "survey/kiosk/submitter.hpp"

#include "survey/base/error.hpp"
#include "survey/base/log.hpp"
#include "survey/store/store.hpp"

#include <algorithm>

namespace sw {

Submitter::Submitter(AppendFn append, LogFn log, double retrySeconds)
    : append_(std::move(append)), log_(std::move(log)), retrySeconds_(retrySeconds) {}

Submitter Submitter::forStore(Store& store, double retrySeconds) {
    auto append = [&store](const Response& r) {
        try {
            store.append(r);
        } catch (const StoreError& e) {
            // A commit can reach the disk yet report an error; its retry then hits the UUID's
            // UNIQUE constraint. That response is stored: don't retry it forever.
            if (e.kind == StoreError::Kind::Constraint && store.hasUuid(r.uuid)) return;
            throw;
        }
    };
    return Submitter(append,
                     [&store](const std::string& k, const std::string& d) { store.logEvent(k, d); }, retrySeconds);
}

void Submitter::log(const std::string& kind, const std::string& detail) {
    logLine(kind, detail);
    if (!log_) return;
    try {
        log_(kind, detail);   // the event table lives in the same store: it may be failing too
    } catch (const std::exception&) {
    }
}

bool Submitter::tryAppend(const Response& r) {
    try {
        append_(r);
        return true;
    } catch (const StoreError& e) {
        lastError_ = e.what();
        return false;
    }
}

Submitter::Outcome Submitter::submit(Response r, double now) {
    lastSubmitUtc_ = std::max(lastSubmitUtc_.value_or(r.createdUtc), r.createdUtc);
    if (queue_.empty() && tryAppend(r)) return Outcome::Stored;
    if (queue_.empty()) nextRetry_ = now + retrySeconds_;
    log("submit_failed", "response " + r.uuid + " kept in memory for retry (" + std::to_string(queue_.size() + 1) +
                             " waiting): " + lastError_);
    queue_.push_back(std::move(r));
    return Outcome::Queued;
}

std::size_t Submitter::tick(double now) {
    if (queue_.empty() || now < nextRetry_) return 0;
    std::size_t landed = 0;
    while (!queue_.empty() && tryAppend(queue_.front())) {
        queue_.pop_front();
        ++landed;
    }
    if (landed > 0) log("submit_retried", std::to_string(landed) + " response(s) stored after retry, " +
                                              std::to_string(queue_.size()) + " waiting");
    if (!queue_.empty()) nextRetry_ = now + retrySeconds_;
    else lastError_.clear();
    return landed;
}

std::optional<double> Submitter::secondsUntilRetry(double now) const {
    if (queue_.empty()) return std::nullopt;
    return std::max(0.0, nextRetry_ - now);
}

} // namespace sw
