// Index of this file
//   [SECTION] Judging one upload (receipt)
//   [SECTION] HTTP
#include "survey/delivery/receiver.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/verify_file.hpp"
#include "survey/delivery/connection_watchdog.hpp"
#include "survey/delivery/rate_limit.hpp"
#include "survey/delivery/receipt.hpp"
#include "survey/delivery/spool.hpp"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <unistd.h>

namespace sw {

struct Receiver::Impl {
    std::string db;
    ReceiverLimits limits;
    KanwilKey key;
    std::unique_ptr<AssessorStore> store;
    std::mutex mergeMutex;                 // one merge at a time: one writer, one bundle in memory
    RateLimiter rate;
    ReceiverCounters counters;
    std::unique_ptr<httplib::Server> server;
    std::unique_ptr<ConnectionWatchdog> watchdog;
    std::string spoolDir;
    int port = 0;

    Impl(const std::string& db_, const std::string& keyPath, ReceiverLimits l)
        : db(db_), limits(std::move(l)), key(KanwilKey::load(keyPath)), store(openAssessorStore(db_, false)),
          rate(limits.bundlesPerMinutePerKey, limits.burstPerKey) {
        spoolDir = !limits.spoolDir.empty() ? limits.spoolDir
                   : isPostgresUrl(db) ? (std::filesystem::temp_directory_path() / ("suarawarga-spool-" + std::to_string(getpid()))).string()
                                       : db + ".spool";
        // Uploads a killed receiver left behind hold citizen data and were never merged: the
        // units send them again, so they go.
        std::error_code ec;
        for (const auto& f : std::filesystem::directory_iterator(spoolDir, ec))
            if (f.path().filename().string().rfind("received-", 0) == 0) std::filesystem::remove(f.path(), ec);
    }

    // [SECTION] Judging one upload (receipt)

    // The merge's verdict on a spooled upload, as a receipt. The merge names the spool file in its
    // messages; the receipt says "bundle" instead (the sender knows no such file).
    Receipt judge(const SpoolFile& file, const std::string& sha) {
        Receipt r;
        r.bundleSha256 = sha;
        r.receivedUtc = nowUtc();
        std::lock_guard<std::mutex> lock(mergeMutex);
        const std::vector<MergeFileResult> results = store->mergeFiles({file.path()}, KeyPolicy::EnrolledOnly);
        const MergeFileResult& m = results.at(0);
        r.keyFingerprint = m.fingerprint;
        if (m.outcome) {
            r.unitId = m.outcome->unitId;
            r.responses = m.outcome->responses;
            r.added = m.outcome->added;
            r.alreadyThere = m.outcome->responses - m.outcome->added;
            r.status = m.outcome->alreadyMerged ? Receipt::Status::AlreadyThere : Receipt::Status::Merged;
            ++(m.outcome->alreadyMerged ? counters.alreadyThere : counters.merged);
            store->logEvent("delivery.received", r.unitId + ": " + std::to_string(r.added) + " of " +
                                                     std::to_string(r.responses) + " responses added (" +
                                                     receiptStatusName(r.status) + ")");
            return r;
        }
        r.status = Receipt::Status::Refused;
        r.reason = withoutSpoolName(m.error, file.path());
        classifyRefusal(file.path(), r);
        ++counters.refused;
        store->logEvent("delivery.refused", (r.unitId.empty() ? std::string("?") : r.unitId) + ": " + r.reason);
        return r;
    }

    static std::string withoutSpoolName(std::string text, const std::string& path) {
        for (std::size_t at; (at = text.find(path)) != std::string::npos;) text.replace(at, path.size(), "bundle");
        return text;
    }

    // Which of merge's refusals it was, and for which unit: the file is read again, in bounded
    // memory, only to name them (the merge's refusal stands whatever this finds).
    void classifyRefusal(const std::string& path, Receipt& r) {
        try {
            const BundleSummary s = verifyBundleFile(path);
            r.unitId = s.bundle.unit.id;
            r.bundleId = s.bundle.id;
            r.responses = s.responses;
            try {
                store->checkKey(s.bundle);
                r.refusalKind = bundleErrorName(BundleError::Kind::Ownership);
            } catch (const BundleError& e) {
                r.refusalKind = bundleErrorName(e.kind);
            }
        } catch (const BundleError& e) {
            r.refusalKind = bundleErrorName(e.kind);
        } catch (const std::exception&) {
            r.refusalKind = "refused";
        }
    }

    // Refusals that come before the signature held: the key in the trailer was only a claim.
    static bool signedByClaimedKey(const std::string& refusalKind) {
        for (auto k : {BundleError::Kind::NotABundle, BundleError::Kind::Truncated, BundleError::Kind::SignatureMissing,
                       BundleError::Kind::BadSignature})
            if (refusalKind == bundleErrorName(k)) return false;
        return true;
    }

    // [SECTION] HTTP

    void post(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
        const std::string peer = req.remote_addr + ":" + std::to_string(req.remote_port);
        watchdog->enter(peer);
        struct Leave {
            ConnectionWatchdog& w;
            const std::string& p;
            ~Leave() { w.leave(p); }
        } leave{*watchdog, peer};

        if (!req.has_header("Content-Length")) {
            res.status = 411;
            res.set_content("Content-Length required\n", "text/plain");
            return;
        }
        std::uint64_t length = 0;
        try {
            length = std::stoull(req.get_header_value("Content-Length"));
        } catch (...) {
            res.status = 400;
            return;
        }
        if (length > limits.maxBundleBytes) {
            ++counters.tooLarge;
            res.status = 413;
            res.set_content("bundle larger than " + std::to_string(limits.maxBundleBytes) + " bytes\n", "text/plain");
            return;
        }
        SpoolFile file(spoolDir);
        if (!receiveBody(read, file, length)) {
            ++counters.incomplete;
            res.status = 400;
            res.set_content("incomplete upload\n", "text/plain");
            return;
        }
        const std::string sha = file.finish();
        int retryAfter = 0;
        if (!rate.admit(file.claimedKeyHex(), retryAfter)) {
            ++counters.rateLimited;
            res.status = 429;
            res.set_header("Retry-After", std::to_string(retryAfter));
            res.set_content("too many bundles from this key; try again later\n", "text/plain");
            return;
        }
        try {
            const Receipt r = judge(file, sha);
            if (r.status == Receipt::Status::Refused && !signedByClaimedKey(r.refusalKind)) rate.refund(file.claimedKeyHex());
            res.status = r.status == Receipt::Status::Refused ? 422 : 200;
            res.set_content(signReceipt(key, r), "application/json");
        } catch (const std::exception& e) {
            // The store itself failed (disk full, database down): no receipt, the unit sends again.
            ++counters.storeFailures;
            res.status = 503;
            res.set_header("Retry-After", "60");
            res.set_content(std::string("the Kanwil's store failed: ") + e.what() + "\n", "text/plain");
        }
    }

    // Streams the body into the spool file; false when it ends early, is longer than announced, is
    // too slow after the grace, or the disk refuses it.
    bool receiveBody(const httplib::ContentReader& read, SpoolFile& file, std::uint64_t length) {
        const auto start = std::chrono::steady_clock::now();
        bool ok = true;
        const bool complete = read([&](const char* data, std::size_t n) {
            if (file.size() + n > length || !file.append(std::string_view(data, n))) return ok = false;
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double owed = (elapsed - limits.graceSeconds) * static_cast<double>(limits.minBytesPerSecond);
            if (owed > 0 && static_cast<double>(file.size()) < owed) return ok = false;
            return true;
        });
        return complete && ok && file.size() == length;
    }

    void makeServer() {
        if (!limits.tlsCert.empty() || !limits.tlsKey.empty()) {
            auto tls = std::make_unique<httplib::SSLServer>(limits.tlsCert.c_str(), limits.tlsKey.c_str());
            if (!tls->is_valid()) throw UsageError("cannot use the TLS certificate " + limits.tlsCert + " and key " + limits.tlsKey);
            server = std::move(tls);
        } else {
            server = std::make_unique<httplib::Server>();
        }
        const int workers = limits.workers;
        server->new_task_queue = [workers] { return new httplib::ThreadPool(static_cast<std::size_t>(workers)); };
        server->set_keep_alive_max_count(1);     // one bundle per connection: the watchdog judges connections
        server->set_read_timeout(limits.ioTimeoutSeconds, 0);
        server->set_write_timeout(limits.ioTimeoutSeconds, 0);
        server->set_payload_max_length(static_cast<std::size_t>(limits.maxBundleBytes));
        server->Post(kBundlePath, [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
            post(req, res, read);
        });
        server->Get("/v1/health", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
        server->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content("internal error\n", "text/plain");
        });
    }
};

Receiver::Receiver(const std::string& db, const std::string& kanwilKeyPath, ReceiverLimits limits)
    : impl_(std::make_unique<Impl>(db, kanwilKeyPath, std::move(limits))) {
    impl_->makeServer();
}

Receiver::~Receiver() {
    stop();
}

int Receiver::bind(const std::string& host, int port) {
    const int bound = port == 0 ? impl_->server->bind_to_any_port(host) : (impl_->server->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) throw UsageError("cannot listen on " + host + ":" + std::to_string(port));
    impl_->port = bound;
    impl_->watchdog = std::make_unique<ConnectionWatchdog>(bound, impl_->limits.headerSeconds);
    return bound;
}

void Receiver::run() {
    if (!impl_->watchdog) throw UsageError("bind() before run()");
    impl_->watchdog->start();
    impl_->server->listen_after_bind();
    impl_->watchdog->stop();
}

void Receiver::stop() {
    if (impl_ && impl_->server) impl_->server->stop();
}

const ReceiverCounters& Receiver::counters() const {
    impl_->counters.closedSlow = impl_->watchdog ? impl_->watchdog->closed() : 0;
    return impl_->counters;
}

std::string Receiver::kanwilFingerprint() const { return impl_->key.fingerprint(); }

} // namespace sw
