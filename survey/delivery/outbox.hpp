// The unit's outbox (table delivery_outbox, schema 10): what is sent to the Kanwil and what came
// back. A bundle is built once from the responses after the highest rid a receipt acknowledged
// (at most kMaxResponsesPerBundle of them), plus the unit's facility self-assessment, population
// and tindak lanjut; it is stored with its bytes and sent, the same bytes, until a signed receipt
// for them arrives. Only a receipt moves the mark: a crash anywhere leaves either no bundle or a
// pending one, and the Kanwil's merge is idempotent (README "Delivery"). Nothing is deleted: an
// acknowledged bundle drops only its copy of the bytes, the responses stay in the store.
#pragma once
#include "survey/bundle/signing.hpp"
#include "survey/delivery/receipt.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sw {

// A day of a busy unit is a few thousand responses; a backlog is split so that each bundle stays
// far below the receiver's request cap (~200 bytes a response).
inline constexpr std::int64_t kMaxResponsesPerBundle = 20000;
// With nothing new, a unit still sends an empty bundle this often: the Kanwil sees it alive.
inline constexpr std::int64_t kHeartbeatSeconds = 20 * 3600;

struct OutboxEntry {
    std::int64_t seq = 0;
    std::int64_t firstRid = 0, lastRid = 0;   // the responses it carries: firstRid <= rid <= lastRid
    std::int64_t responses = 0;
    std::string sha256;
    std::string bytes;
    int attempts = 0;
    std::int64_t nextAttemptUtc = 0;
    bool waiting = false;                     // pending, but its backoff has not run out
};

// The pending bundle, or a new one when something is unacknowledged (responses, a changed facility
// report, or a heartbeat due); nullopt when there is nothing to send. Built and recorded in one
// transaction. `ignoreBackoff` (a send started by hand): a refused bundle is rebuilt at once.
std::optional<OutboxEntry> nextOutboxEntry(Store& unit, const UnitKey& key, std::int64_t nowUtc, bool ignoreBackoff);

// A receipt whose signature and hash held: merged or already there marks the bundle acknowledged
// (its rid range delivered); refused marks it refused (its responses go into the next bundle).
void recordReceipt(Store& unit, std::int64_t seq, const Receipt& r, const std::string& wire, std::int64_t nowUtc);
// A failed attempt (no answer, an answer that is no receipt): the bundle stays pending, and the
// next attempt waits `retryAfter` seconds.
void recordFailure(Store& unit, std::int64_t seq, const std::string& error, std::int64_t nowUtc, std::int64_t retryAfter);

// What the unit head's area shows.
struct DeliveryStatus {
    std::optional<std::int64_t> lastDeliveryUtc;   // the newest receipt that merged or had it all
    std::int64_t acknowledgedThroughRid = 0;
    std::int64_t pendingResponses = 0;             // responses no receipt has acknowledged yet
    std::int64_t attempts = 0;                     // of the pending bundle
    std::optional<std::int64_t> nextAttemptUtc;
    std::string lastError;                         // of the pending bundle's last attempt
    std::optional<std::int64_t> lastRefusalUtc;    // only while no later bundle was acknowledged
    std::string lastRefusalKind, lastRefusal;
};
DeliveryStatus deliveryStatus(Store& unit);

// The backoff after the nth failed attempt: 30 s doubling to 1 h, with ±20 % jitter so units
// that lost the same connection do not come back at the same second.
std::int64_t retryDelaySeconds(int attempts, std::uint32_t jitterSeed);

} // namespace sw
