#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/delivery/receiver.hpp"
#include "survey/delivery/unit_deliveries.hpp"
#include "survey/national/kanwil_key.hpp"

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace sw::cli {

namespace {
int verbServe(int argc, char** argv);
const VerbRegistrar reg{{"serve", kServeSummary, verbServe}};

// "ADDR:PORT" ("[::1]:8443" for IPv6).
std::pair<std::string, int> parseListen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) throw UsageError("--listen ADDR:PORT, e.g. 127.0.0.1:8080");
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    int port = -1;
    try {
        port = std::stoi(text.substr(colon + 1));
    } catch (...) {
    }
    if (port < 0 || port > 65535) throw UsageError("--listen: not a port: " + text.substr(colon + 1));
    return {host, port};
}

// Per unit: the last bundle received, and SILENT past the limit (README "Delivery").
int printUnits(const std::string& db, int silentDays) {
    const auto store = openAssessorStore(db, false);   // the file or PostgreSQL; never created here
    const int zone = store->utcOffsetMinutes();
    for (const UnitDelivery& d : unitDeliveries(*store, nowUtc(), silentDays))
        std::cout << d.unitId << "\t" << (d.lastBundleUtc ? localDateTime(*d.lastBundleUtc, zone) : std::string("never")) << "\t"
                  << d.bundles << " bundles\t" << d.responses << " responses" << (d.silent ? "\tSILENT" : "") << "\n";
    return 0;
}

int verbServe(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga serve --db KANWIL.db|postgresql://… --listen ADDR:PORT [--kanwil-key FILE]\n"
                     "       [--max-bytes N] [--workers N] [--per-key-per-minute N] [--spool DIR]\n"
                     "       [--tls-cert CERT.pem --tls-key KEY.pem]\n\n"
                     "Receives the units' bundles (POST /v1/bundles), verifies and merges each with the rules of\n"
                     "`merge` (enrolled keys only), and answers with a receipt signed by the Kanwil's key\n"
                     "(`kanwil-key`). Port 0 picks a free port; the line `listening on ADDR:PORT` says which.\n"
                     "Without --tls-cert it speaks plain HTTP: put it behind a TLS proxy (README \"Delivery\").\n"
                     "Stops on SIGINT or SIGTERM.\n\n"
                     "       suarawarga serve --db KANWIL.db|postgresql://… --units [--silent-days N]\n"
                     "lists per unit the last bundle received, SILENT when none came for more than N days (3).\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "listen", "kanwil-key", "max-bytes", "workers", "per-key-per-minute", "spool", "tls-cert", "tls-key", "silent-days"}, {"units"});
    const auto db = a.get("db");
    if (!db) throw UsageError("--db KANWIL.db is required");
    if (a.has("units")) return printUnits(*db, static_cast<int>(a.getInt("silent-days", kDefaultSilentDays, 1, 3650)));
    const auto listen = a.get("listen");
    if (!listen) throw UsageError("--listen ADDR:PORT is required");
    const auto [host, port] = parseListen(*listen);
    ReceiverLimits limits;
    limits.maxBundleBytes = static_cast<std::uint64_t>(a.getInt("max-bytes", static_cast<long long>(limits.maxBundleBytes), 1024, 1ll << 31));
    limits.workers = static_cast<int>(a.getInt("workers", limits.workers, 1, 1024));
    limits.bundlesPerMinutePerKey = static_cast<double>(a.getInt("per-key-per-minute", 30, 1, 100000));
    limits.spoolDir = a.get("spool", "");
    limits.tlsCert = a.get("tls-cert", "");
    limits.tlsKey = a.get("tls-key", "");
    if (limits.tlsCert.empty() != limits.tlsKey.empty()) throw UsageError("--tls-cert and --tls-key go together");

    // SIGINT/SIGTERM are taken by one thread that stops the server; the workers never see them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    Receiver receiver(*db, KanwilKey::keyPathFor(*db, a.get("kanwil-key", "")), limits);
    const int bound = receiver.bind(host, port);
    std::cout << "kanwil key " << receiver.kanwilFingerprint() << "\nlistening on " << host << ":" << bound << std::endl;
    std::thread stopper([&receiver, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        receiver.stop();
    });
    receiver.run();
    const ReceiverCounters& c = receiver.counters();
    std::cout << "stopped: " << c.merged << " merged, " << c.alreadyThere << " already there, " << c.refused << " refused, "
              << c.rateLimited << " rate-limited, " << c.tooLarge << " too large, " << c.incomplete << " incomplete, "
              << c.closedSlow << " slow connections closed" << std::endl;
    // The stopper waits for a signal; when run() ended otherwise, send it one so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return 0;
}

} // namespace
} // namespace sw::cli
