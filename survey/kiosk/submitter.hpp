// Durable submit for the kiosk. The citizen sees thanks only after
// Store::append returned — the row is on disk. If the write throws StoreError (disk full, I/O
// error) the response is kept in memory, retried every `retrySeconds`, logged, and reported as an
// operator warning until it lands. It is never dropped while the program runs.
#pragma once
#include "survey/response/response.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace sw {

class Store;

class Submitter {
public:
    using AppendFn = std::function<void(const Response&)>;                           // throws StoreError
    using LogFn = std::function<void(const std::string& kind, const std::string& detail)>; // may throw

    Submitter(AppendFn append, LogFn log, double retrySeconds = 30.0);
    // Appends to `store` and logs to its event table.
    static Submitter forStore(Store& store, double retrySeconds = 30.0);

    enum class Outcome { Stored, Queued };
    // Never throws a StoreError: a failed write queues the response (after anything already queued,
    // which is retried first so order is kept). `now` is the caller's monotonic clock in seconds.
    Outcome submit(Response r, double now);
    // Retries the queue when due; cheap to call every frame. Returns how many landed.
    std::size_t tick(double now);
    // Seconds until the next retry is due (for an idle loop's wait), or nullopt when nothing waits.
    std::optional<double> secondsUntilRetry(double now) const;

    std::size_t pending() const { return queue_.size(); }
    const std::string& lastError() const { return lastError_; }
    // The newest createdUtc handed to submit(), stored or queued (misuse rule, even when the store fails).
    std::optional<std::int64_t> lastSubmitUtc() const { return lastSubmitUtc_; }

private:
    bool tryAppend(const Response& r);
    void log(const std::string& kind, const std::string& detail);

    AppendFn append_;
    LogFn log_;
    double retrySeconds_;
    double nextRetry_ = 0;
    std::deque<Response> queue_;
    std::string lastError_;
    std::optional<std::int64_t> lastSubmitUtc_;
};

} // namespace sw
