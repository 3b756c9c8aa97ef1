#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/delivery/outbox.hpp"
#include "survey/delivery/sender.hpp"
#include "survey/store/store.hpp"

#include <cstdlib>
#include <iostream>

namespace sw::cli {

namespace {
int verbSend(int argc, char** argv);
const VerbRegistrar reg{{"send", "unit: send what the Kanwil has not acknowledged, keep its signed receipts", verbSend}};

int verbSend(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga send --db FILE [--to URL] [--keep-trying SECONDS] [--timer] [--status]\n\n"
                     "Sends the responses the Kanwil has not acknowledged yet (and the unit's facility report,\n"
                     "population and tindak lanjut) as signed bundles to the Kanwil's receiver, and keeps each\n"
                     "receipt once its signature holds under the Kanwil key set with `trust-kanwil`. Nothing is\n"
                     "deleted; a bundle without a receipt is sent again (the same bytes), never counted twice.\n\n"
                     "--to           the Kanwil's address (default: the one trust-kanwil recorded)\n"
                     "--keep-trying  on failure, wait (30 s doubling to 1 h) and try again for this long\n"
                     "--timer        respect the backoff of earlier failures (the daily timer uses it)\n"
                     "--status       print the delivery status only\n\n"
                     "Exit: 0 all delivered, 1 some still pending (sent again later), 5 refused by the Kanwil.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "to", "keep-trying"}, {"timer", "status"});
    const std::string db = databaseOption(a.get("db", ""));
    Store store(db, Store::Options{.create = false});
    const int offset = store.unit() ? store.unit()->utcOffsetMinutes : 420;
    const auto when = [offset](std::int64_t utc) { return localDateTime(utc, offset); };
    if (a.has("status")) {
        const DeliveryStatus s = deliveryStatus(store);
        std::cout << "last delivery:     " << (s.lastDeliveryUtc ? when(*s.lastDeliveryUtc) : std::string("never")) << "\n"
                  << "pending responses: " << s.pendingResponses << "\n";
        if (!s.lastError.empty()) std::cout << "last problem:      " << s.lastError << " (" << s.attempts << " attempts)\n";
        if (s.lastRefusalUtc)
            std::cout << "last refusal:      " << when(*s.lastRefusalUtc) << " " << s.lastRefusalKind << ": " << s.lastRefusal << "\n";
        return 0;
    }
    SendOptions o;
    o.url = a.get("to", "");
    o.ignoreBackoff = !a.has("timer");
    o.keepTryingSeconds = a.getInt("keep-trying", 0, 0, 7 * 24 * 3600);
    if (const char* ca = std::getenv("SUARAWARGA_CA_FILE")) o.post.caFile = ca;
    const SendReport r = sendPending(store, o);
    std::cout << "acknowledged: " << r.acknowledged << " bundles (" << r.added << " responses added, " << r.alreadyThere
              << " already there)\n";
    if (r.waitingUntil) std::cout << "waiting: the next attempt is due at " << when(*r.waitingUntil) << "\n";
    if (!r.lastProblem.empty()) std::cout << (r.refused ? "refused: " : "not delivered: ") << r.lastProblem << "\n";
    if (r.refused) return 5;
    return r.delivered ? 0 : 1;
}

} // namespace
} // namespace sw::cli
