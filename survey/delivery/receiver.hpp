// The Kanwil's receiver (`suarawarga serve`): units POST their signed bundles to /v1/bundles; each
// is written to a spool file as it arrives (memory per connection is a 4 KiB buffer), verified and
// merged into the Kanwil's store with merge's rules (survey/national/assessor_store.hpp: signature,
// enrollment, UUID ownership, evidence checks; one merge at a time), and answered with a receipt
// signed by the Kanwil's own key (receipt.hpp). README "Delivery".
//
// Limits, so no sender can hold the others up: a request larger than maxBundleBytes is refused
// from its Content-Length before a byte of it is read; a key sending faster than its rate gets 429
// and nothing is merged; a connection that has not delivered its request line and headers within
// headerSeconds, or whose body arrives slower than minBytesPerSecond after a grace, is closed
// (slow-loris); the worker pool serves the others meanwhile.
#pragma once
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace sw {

struct ReceiverLimits {
    std::uint64_t maxBundleBytes = 64ull << 20;  // a day's bundle is kilobytes; a backlog bundle ≤ ~10 MB
    int workers = 16;                           // connections served at once (more wait in the queue)
    int headerSeconds = 10;                     // the request line and headers must be in by then
    int graceSeconds = 10;                      // then the body must average at least:
    std::int64_t minBytesPerSecond = 4096;
    int ioTimeoutSeconds = 5;                   // one read or write that makes no progress
    double bundlesPerMinutePerKey = 30;         // token bucket per unit key…
    double burstPerKey = 10;                    // …holding this many
    std::string spoolDir;                       // "" = beside a file store, else the system's temp dir
    std::string tlsCert, tlsKey;                // both set: HTTPS directly (else HTTP, behind a proxy)
};

struct ReceiverCounters {
    std::atomic<std::int64_t> merged{0}, alreadyThere{0}, refused{0}, rateLimited{0}, tooLarge{0},
        incomplete{0}, closedSlow{0}, storeFailures{0};
};

class Receiver {
public:
    // Opens the Kanwil's store (it must exist: units are enrolled before they send) and its key.
    Receiver(const std::string& db, const std::string& kanwilKeyPath, ReceiverLimits limits = {});
    ~Receiver();
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    // Binds ADDR:PORT (port 0: any free port); returns the port. Throws UsageError when it cannot.
    int bind(const std::string& host, int port);
    // Serves until stop() (from another thread or a signal handler's thread).
    void run();
    void stop();
    const ReceiverCounters& counters() const;
    std::string kanwilFingerprint() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The path units POST to, below the Kanwil address they were given (kanwil.url).
inline constexpr const char* kBundlePath = "/v1/bundles";

} // namespace sw
