#include "survey/delivery/sender.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/delivery/outbox.hpp"
#include "survey/delivery/receiver.hpp"
#include "survey/national/kanwil_key.hpp"

#include <sodium.h>

#include <chrono>
#include <thread>

namespace sw {

std::string bundleEndpoint(const std::string& kanwilAddress) {
    std::string base = kanwilAddress;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + kBundlePath;
}

namespace {

struct Attempt {
    bool receipt = false;          // a valid receipt was recorded
    bool refused = false;
    std::int64_t retryAfter = 0;   // when not: how long to wait
};

// One bundle, one POST, one verdict recorded in the outbox.
Attempt sendOne(Store& unit, const OutboxEntry& e, const PublicKey& kanwil, const std::string& unitId,
                const std::string& endpoint, const PostOptions& post, SendReport& report) {
    Attempt a;
    const PostResult res = postBundle(endpoint, e.bytes, post);
    std::string problem;
    if (!res.transferred) {
        problem = "no answer from " + endpoint + ": " + res.error;
    } else {
        try {
            const Receipt r = verifyReceipt(res.body, kanwil, e.sha256, unitId);
            recordReceipt(unit, e.seq, r, res.body, nowUtc());
            a.receipt = true;
            a.refused = r.status == Receipt::Status::Refused;
            if (a.refused) {
                ++report.refused;
                report.lastProblem = r.refusalKind + ": " + r.reason;
            } else {
                ++report.acknowledged;
                report.added += r.added;
                report.alreadyThere += r.alreadyThere;
            }
            return a;
        } catch (const ReceiptError& ex) {
            problem = "HTTP " + std::to_string(res.status) + " from " + endpoint + ": " +
                      (res.status == 200 || res.status == 422 ? std::string(ex.what()) : res.body.substr(0, 200));
        }
    }
    ++report.failed;
    report.lastProblem = problem;
    a.retryAfter = std::max<std::int64_t>(res.retryAfter, retryDelaySeconds(e.attempts + 1, randombytes_random()));
    recordFailure(unit, e.seq, problem, nowUtc(), a.retryAfter);
    return a;
}

} // namespace

SendReport sendPending(Store& unit, const SendOptions& opt) {
    const auto kanwil = trustedKanwilKey(unit);
    if (!kanwil)
        throw SigningError("this unit trusts no Kanwil key yet: `suarawarga trust-kanwil --key HEX --url URL` (the key the Kanwil reads out)");
    const std::string address = opt.url.empty() ? kanwilUrl(unit) : opt.url;
    if (address.empty()) throw UsageError("no Kanwil address: give --to URL or set it with trust-kanwil --url");
    if (!isKanwilUrl(address)) throw UsageError("not an http:// or https:// address: " + address);
    const auto info = unit.unit();
    if (!info) throw StoreError(StoreError::Kind::Other, unit.path() + ": no unit is set up");
    const UnitKey key = UnitKey::loadOrCreate(unit);
    const std::string endpoint = bundleEndpoint(address);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.keepTryingSeconds);

    SendReport report;
    for (int n = 0; n < opt.maxBundles; ++n) {
        const auto e = nextOutboxEntry(unit, key, nowUtc(), opt.ignoreBackoff || n > 0 || report.failed > 0);
        if (!e) {
            report.delivered = deliveryStatus(unit).pendingResponses == 0;
            break;
        }
        if (e->waiting) {
            report.waitingUntil = e->nextAttemptUtc;
            break;
        }
        const Attempt a = sendOne(unit, *e, *kanwil, info->id, endpoint, opt.post, report);
        if (a.refused) break; // the same responses would be refused again now
        if (a.receipt) continue;
        const auto wake = std::chrono::steady_clock::now() + std::chrono::seconds(a.retryAfter);
        if (opt.keepTryingSeconds <= 0 || wake > deadline) break;
        std::this_thread::sleep_until(wake);
    }
    return report;
}

} // namespace sw
