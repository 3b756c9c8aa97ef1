// The unit's side of delivery (`suarawarga send`, the daily timer): takes the outbox's next bundle,
// POSTs it to the Kanwil, and records the receipt only when its signature holds under the Kanwil
// key the unit trusted at set-up (trust-kanwil) and it is for the bytes sent. Anything else — no
// connection, a timeout, 429/503, an answer that is no such receipt — leaves the bundle pending,
// to be sent again after a backoff (outbox.hpp). README "Delivery".
#pragma once
#include "survey/delivery/http_client.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sw {

struct SendOptions {
    std::string url;              // "" = the Kanwil address in the settings (kanwil.url)
    bool ignoreBackoff = true;    // a send started by hand goes now; the timer's waits its turn
    int maxBundles = 1000;        // per run (a backlog is many bundles)
    std::int64_t keepTryingSeconds = 0; // > 0: on failure, sleep the backoff and try again until then
    PostOptions post;
};

struct SendReport {
    int acknowledged = 0;         // bundles the Kanwil confirmed (merged or already there)
    int refused = 0;
    int failed = 0;               // attempts without a valid receipt
    std::int64_t added = 0, alreadyThere = 0;
    std::string lastProblem;      // of the last refusal or failure, in the receipt's or libcurl's words
    bool delivered = false;       // nothing left to send when the run ended
    std::optional<std::int64_t> waitingUntil; // a pending bundle's backoff had not run out
};

// The URL a bundle is POSTed to: the Kanwil address with kBundlePath appended.
std::string bundleEndpoint(const std::string& kanwilAddress);

// Throws SigningError when the unit trusts no Kanwil key, UsageError when it has no address.
SendReport sendPending(Store& unit, const SendOptions& opt);

} // namespace sw
