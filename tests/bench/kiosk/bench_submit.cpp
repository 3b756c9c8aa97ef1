// Tap-to-durable latency of a kiosk submit: how long from the citizen's
// last tap until the response is committed (WAL, synchronous=FULL, fsync included) and the
// thank-you screen may show. Target: p99 below one 60 Hz frame (16.7 ms).
//
//   bench_submit [--path kiosk|store] [--count N] [--dir DIR]
//                (defaults: kiosk when built with the kiosk, 1000 submits, a fresh folder in $TMPDIR)
//
// --path kiosk: the kiosk's own submit — CitizenFlow::next() on the comment page ("Kirim"):
//   draft → Response, the misuse rule's look-up of this device's last submit, Submitter::submit,
//   Store::append (one transaction, fsync). The timer stops when the flow shows thanks.
// --path store: Store::append alone, the floor under it.
// The database lives on the real disk under DIR (never :memory:), one commit per submit, as at
// the kiosk. Answers are realistic (survey/kiosk/simulate.hpp: nine unsur, HAM module, profile).
#include "bench_stats.hpp"

#include "survey/base/local_time.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#ifdef SW_BENCH_KIOSK
#include "app/kiosk/flow/kiosk_session.hpp"
#endif

#include <sys/statfs.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// What the database sits on, so the figure is read with its disk (ext4, tmpfs, overlay…).
const char* filesystemName(const fs::path& dir) {
    struct statfs s {};
    if (statfs(dir.c_str(), &s) != 0) return "unknown";
    switch (static_cast<unsigned long>(s.f_type)) {
    case 0xEF53UL: return "ext4";
    case 0x01021994UL: return "tmpfs (not a real disk: figures too good)";
    case 0x794C7630UL: return "overlayfs";
    case 0x58465342UL: return "xfs";
    case 0x9123683EUL: return "btrfs";
    default: return "other";
    }
}

using Millis = std::vector<double>;

Millis viaStore(const fs::path& db, int count) {
    Millis ms;
    sw::Store store(db.string());
    const sw::Instrument in = sw::setUpDemo(store);
    const sw::UnitInfo unit = *store.unit();
    sw::Simulator sim(in, unit, 42, 30, sw::nowUtc());
    for (int i = 0; i < 20; ++i) store.append(sim.next()); // warm the page cache and statements
    ms.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        sw::Response r = sim.next(); // the answers are complete before the last tap
        r.source = "kiosk";
        const auto t0 = std::chrono::steady_clock::now();
        store.append(r);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return ms;
}

#ifdef SW_BENCH_KIOSK
// Answers one simulated respondent through the flow's own actions (as the keypad would), up to
// the comment page; times "Kirim". `now` is the flow's clock, a second per action (no debounce).
Millis viaKiosk(const fs::path& db, int count) {
    using sw::kiosk::Step;
    Millis ms;
    sw::kiosk::KioskSession s(db.string(), sw::kiosk::FlowSettings{}, sw::kiosk::makeSilentSpeech(), true);
    sw::kiosk::CitizenFlow& flow = *s.flow;
    sw::Simulator sim(s.instrument, s.unit, 42, 30, sw::nowUtc());
    double now = 1000;
    ms.reserve(static_cast<std::size_t>(count));
    for (int i = -20; i < count; ++i) { // 20 to warm up
        const sw::Response a = sim.next();
        flow.next(now += 1); // welcome
        while (flow.step() != Step::Comment) {
            const sw::kiosk::Page p = flow.page();
            int choice = 0; // 1-based answer value where the page has one
            if (p.step == Step::Unsur) {
                auto it = a.unsur.find(s.instrument.unsur[p.index].code);
                choice = it == a.unsur.end() ? 3 : it->second;
            }
            else if (p.step == Step::Ham) {
                auto it = a.ham.find(s.instrument.ham.items[p.index].code);
                choice = it == a.ham.end() || it->second == sw::kTidakTahu ? 5 : it->second;
            } else if (!flow.choices().empty() && !flow.canNext()) choice = 1;
            if (choice > 0) flow.choose(static_cast<std::size_t>(choice - 1), now += 1);
            if (!flow.next(now += 1)) throw std::runtime_error(std::string("stuck on ") + sw::kiosk::stepName(p.step));
        }
        flow.typeComment("Pelayanan cepat, terima kasih.", now += 1);
        const auto t0 = std::chrono::steady_clock::now();
        flow.next(now += 1); // "Kirim": thanks shows only after the row is durable
        const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (flow.step() != Step::Thanks || flow.lastOutcome() != sw::Submitter::Outcome::Stored)
            throw std::runtime_error("a submit did not land");
        if (i >= 0) ms.push_back(took);
        flow.next(now += 1); // "Selesai": fresh for the next person
    }
    sw::ResponseFilter all;
    all.includeMisuse = true;
    if (s.store->countResponses(all) != count + 20) throw std::runtime_error("rows in the store != submits");
    return ms;
}
#endif

} // namespace

int main(int argc, char** argv) {
    int count = 1000;
    fs::path base = fs::temp_directory_path();
#ifdef SW_BENCH_KIOSK
    std::string path = "kiosk";
#else
    std::string path = "store";
#endif
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--count") == 0 && i + 1 < argc) count = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) base = argv[++i];
        else if (std::strcmp(argv[i], "--path") == 0 && i + 1 < argc) path = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_submit [--path kiosk|store] [--count N] [--dir DIR]\n");
            return 2;
        }
    }
    const fs::path dir = base / ("sw-bench-submit-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    Millis ms;
    const char* what = "Store::append";
    try {
        if (path == "store") ms = viaStore(dir / "kiosk.db", count);
#ifdef SW_BENCH_KIOSK
        else if (path == "kiosk") {
            ms = viaKiosk(dir / "kiosk.db", count);
            what = "CitizenFlow::next(Kirim)->Submitter->Store::append";
        }
#endif
        else throw std::runtime_error("--path " + path + ": not built here");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_submit: %s\n", e.what());
        fs::remove_all(dir);
        return 1;
    }
    fs::remove_all(dir);

    using sw::bench::percentile;
    std::printf("submit_path=%s filesystem=%s count=%d\n", what, filesystemName(base), count);
    std::printf("p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n", percentile(ms, 50), percentile(ms, 90),
                percentile(ms, 99), percentile(ms, 100), sw::bench::mean(ms));
    return 0;
}
