// bench_delivery [UNITS] [RESPONSES_PER_UNIT]: UNITS units (default 500), each with a day's
// responses (default 40) in its own store and key, enrolled at one Kanwil; the receiver runs as
// `suarawarga-cli serve` in a child process. All units send at once (one thread each, libcurl,
// retrying with a short backoff when refused for load); every receipt is verified. Prints the
// wall time, bundles and responses per second, latency percentiles (first attempt to verified
// receipt), retries and the receiver's peak RSS (VmHWM); exits 1 if anything was lost.
#include "survey/export/export_helpers.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/delivery/http_client.hpp"
#include "survey/delivery/receipt.hpp"
#include "survey/delivery/receiver.hpp"
#include "survey/delivery/sender.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

using namespace sw;
using Clock = std::chrono::steady_clock;

namespace {

long peakRssKb(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

struct UnitBundle {
    std::string id, bytes, sha;
    std::int64_t responses = 0;
};

} // namespace

int main(int argc, char** argv) {
    const int units = argc > 1 ? std::atoi(argv[1]) : 500;
    const int perUnit = argc > 2 ? std::atoi(argv[2]) : 40;
    swtest::TempDir d;
    const std::string kanwil = d.file("kanwil.db");
    auto store = openAssessorStore(kanwil, true);
    const KanwilKey key = KanwilKey::create(KanwilKey::keyPathFor(kanwil));

    std::cout << "making " << units << " units with " << perUnit << " responses each…" << std::endl;
    std::vector<UnitBundle> bundles;
    const std::string templateDb = d.file("template.db");
    swtest::fillUnit(templateDb, "template", 0, 1, 420, 1);
    for (int i = 0; i < units; ++i) {
        const std::string id = "unit-" + std::to_string(i);
        const std::string db = d.file(id + ".db");
        std::filesystem::copy_file(templateDb, db);
        swtest::fillUnit(db, id, perUnit, static_cast<std::uint64_t>(i) + 7, 420, 1);
        Store s(db);
        const UnitKey k = UnitKey::loadOrCreate(s);
        store->enroll(id, k.fingerprint(), id);
        UnitBundle b;
        b.id = id;
        b.bytes = buildBundle(s, k, BundleOptions{});
        b.sha = sha256Hex(b.bytes);
        b.responses = s.db().scalarInt("SELECT count(*) FROM response");
        bundles.push_back(std::move(b));
    }
    store.reset();

    const int port = 20000 + static_cast<int>(getpid() % 20000);
    const pid_t receiver = fork();
    if (receiver == 0) {
        const std::string listen = "127.0.0.1:" + std::to_string(port);
        execl(SW_CLI_BINARY, SW_CLI_BINARY, "serve", "--db", kanwil.c_str(), "--listen", listen.c_str(),
              "--per-key-per-minute", "60", static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const std::string endpoint = bundleEndpoint("http://127.0.0.1:" + std::to_string(port));

    std::vector<double> latency(bundles.size(), 0);
    std::atomic<int> retries{0}, failed{0};
    std::atomic<std::int64_t> added{0};
    const auto start = Clock::now();
    std::vector<std::thread> senders;
    for (std::size_t i = 0; i < bundles.size(); ++i)
        senders.emplace_back([&, i] {
            const auto t0 = Clock::now();
            for (int attempt = 0; attempt < 20; ++attempt) {
                PostOptions o;
                o.totalTimeoutSeconds = 120;
                const PostResult r = postBundle(endpoint, bundles[i].bytes, o);
                if (r.transferred && r.status == 200) {
                    try {
                        const Receipt rc = verifyReceipt(r.body, key.publicKey(), bundles[i].sha, bundles[i].id);
                        added += rc.added;
                        latency[i] = std::chrono::duration<double>(Clock::now() - t0).count();
                        return;
                    } catch (const std::exception&) {
                    }
                }
                ++retries;
                std::this_thread::sleep_for(std::chrono::milliseconds(200 * (attempt + 1)));
            }
            ++failed;
        });
    for (auto& t : senders) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    const long rss = peakRssKb(receiver);
    kill(receiver, SIGTERM);
    waitpid(receiver, nullptr, 0);

    std::int64_t sent = 0;
    for (const auto& b : bundles) sent += b.responses;
    const std::int64_t held = openAssessorStore(kanwil, false)->responseCount();
    std::sort(latency.begin(), latency.end());
    auto pct = [&](double p) { return latency[std::min(latency.size() - 1, static_cast<std::size_t>(p * static_cast<double>(latency.size())))]; };
    std::printf("units %d, responses sent %lld, added %lld, held by the Kanwil %lld, failed units %d, retries %d\n", units,
                static_cast<long long>(sent), static_cast<long long>(added.load()), static_cast<long long>(held), failed.load(),
                retries.load());
    std::printf("wall %.2f s: %.1f bundles/s, %.0f responses/s\n", wall, units / wall, static_cast<double>(sent) / wall);
    std::printf("latency (first attempt to verified receipt): p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s\n", pct(0.50), pct(0.90),
                pct(0.99), latency.back());
    std::printf("receiver peak RSS %ld KiB\n", rss);
    return held == sent && failed == 0 ? 0 : 1;
}
