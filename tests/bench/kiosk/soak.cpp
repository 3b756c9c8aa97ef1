// Soak: many simulated respondents through the real kiosk UI, headless — taps on the
// recorded targets and keypad keys, every language and mode, answers changed with "Kembali",
// comments typed on the on-screen keyboard, profiles skipped whole, people who walk away
// mid-survey (idle reset) and people who leave the thank-you screen to time out.
//
//   soak [--respondents N] [--seed S] [--db FILE] [--budget-ms B] [--progress K]
//
// Prints: resident memory after warm-up and at the end (target: growth < 1 MB), frames built and
// their time (target: none over the budget, default 8 ms, wall and thread-CPU time), and every
// violation of "nothing carries over" (after each respondent the flow must be back on the welcome
// screen with an empty draft, the default language and no mode) or of "never lost" (every
// submit landed: rows in the store = respondents who pressed Kirim). Exit status 1 on any
// violation, so a short run is a test (ctest kiosk_soak_short); memory and time are only printed.
//
// The database is a scratch file with synchronous=OFF: durability per submit is the store's job
// (bench_submit, tests/reliability); this run is about the UI holding no state and no memory.
#include "kiosk_driver.hpp"

#include "survey/store/store.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using sw::bench::FrameTiming;
using sw::bench::KioskDriver;
using sw::kiosk::Step;

namespace {

long residentKb() {
    std::ifstream f("/proc/self/statm");
    long size = 0, resident = 0;
    f >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Frame times in 10 µs bins up to 100 ms: a fixed size, so measuring does not grow the heap.
class FrameHistogram {
public:
    void add(double ms) {
        const auto bin = static_cast<std::size_t>(ms * 100.0);
        ++bins_[bin < bins_.size() ? bin : bins_.size() - 1];
        ++count_;
        if (ms > max_) max_ = ms;
    }
    double percentile(double p) const {
        const auto want = static_cast<unsigned long long>(p / 100.0 * static_cast<double>(count_));
        unsigned long long seen = 0;
        for (std::size_t i = 0; i < bins_.size(); ++i) {
            seen += bins_[i];
            if (seen > want) return static_cast<double>(i + 1) / 100.0;
        }
        return max_;
    }
    unsigned long long count() const { return count_; }
    double max() const { return max_; }

private:
    std::array<unsigned long long, 10000> bins_{};
    unsigned long long count_ = 0;
    double max_ = 0;
};

struct Tally {
    long submitted = 0, abandoned = 0, keypad = 0, withModes = 0, english = 0, comments = 0, backs = 0;
    long carriedOver = 0, notStored = 0, stuck = 0;
    unsigned long long overBudgetWall = 0, overBudgetCpu = 0;
};

struct Soak {
    KioskDriver& d;
    std::mt19937_64 rng;
    Tally& t;

    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

    // One action that must land; a missing target means the driver (or the kiosk) is stuck.
    void tap(const std::string& key) {
        if (!d.tap(key)) {
            ++t.stuck;
            std::fprintf(stderr, "soak: no target \"%s\" on %s\n", key.c_str(), sw::kiosk::stepName(d.flow().step()));
        }
    }
    void choose(std::size_t i, bool keypad) {
        if (keypad && i < 9) d.typeChar(static_cast<char>('1' + i));
        else tap("choice." + std::to_string(i + 1));
    }
    void next(bool keypad) {
        if (keypad) d.pressKey(ImGuiKey_Enter);
        else tap("next");
    }

    // Walks one person from the welcome screen to thanks (or away).
    void respondent() {
        const bool keypad = chance(0.05);
        t.keypad += keypad;
        const bool walkAway = chance(0.03);
        const int walkAwayAfter = static_cast<int>(pick(20)) + 1;
        // On the welcome: the language (half choose English), spoken guidance, and now and then the
        // display options page; then Mulai.
        const std::size_t onWelcome = d.flow().choices().size();   // languages, speech, display
        if (chance(0.5)) {
            choose(1, keypad);
            ++t.english;
        }
        if (chance(0.05)) choose(onWelcome - 2, keypad);
        if (chance(0.15)) choose(onWelcome - 1, keypad);
        else next(keypad);
        int pages = 0;
        while (d.flow().step() != Step::Thanks && d.flow().step() != Step::Welcome) {
            if (walkAway && pages == walkAwayAfter) {
                // Walks off: the prompt comes after the idle limit and counts down, then reset.
                d.idle(d.flow().idleLimitSeconds() + 40);
                ++t.abandoned;
                return;
            }
            const auto before = d.flow().page();
            const std::size_t n = d.flow().choices().size();
            switch (before.step) {
            case Step::Language:
                for (std::size_t m = 2; m < n; ++m) // large, contrast, speech, seated
                    if (chance(0.08)) {
                        choose(m, keypad);
                        ++t.withModes;
                    }
                next(keypad);
                break;
            case Step::Profile:
                if (before.index == 0 && chance(0.3) && !keypad) {
                    tap("profile.skip_all");
                    break;
                }
                if (chance(0.8)) choose(pick(n), keypad);
                next(keypad);
                break;
            case Step::Facility:   // which supporting facilities were used: at least one answer, then on
                choose(pick(n), keypad);
                next(keypad);
                break;
            case Step::Comment:
                if (chance(0.25) && !keypad) {
                    ++t.comments;
                    const int keys = 3 + static_cast<int>(pick(6));
                    for (int k = 0; k < keys; ++k) tap(std::string("key.") + "abcdefghijklmnopqrstuvwxyz"[pick(26)]);
                }
                next(keypad);
                break;
            default:
                choose(pick(n), keypad);
                if (chance(0.04) && !keypad) { // goes back a page and returns: answers are kept
                    tap("back");
                    ++t.backs;
                    next(keypad);   // "Lanjut" is enabled: the earlier answer is still there
                    if (before.step != Step::Rentan) choose(pick(n), keypad);   // and changes this one
                }
                next(keypad);
            }
            if (d.flow().page().step == before.step && d.flow().page().index == before.index &&
                d.flow().step() != Step::Thanks) {
                ++t.stuck;
                std::fprintf(stderr, "soak: did not leave %s %d\n", sw::kiosk::stepName(before.step), before.index);
                d.flow().reset();
                return;
            }
            ++pages;
        }
        if (d.flow().step() != Step::Thanks) return;
        ++t.submitted;
        if (d.flow().lastOutcome() != sw::Submitter::Outcome::Stored) ++t.notStored;
        if (chance(0.5)) tap("next");   // "Selesai"
        else d.idle(12);                 // or leaves; thanks times out
    }

    // survey/RULES.md: between respondents nothing carries over.
    void checkFresh(const std::string& defaultLang) {
        const auto& f = d.flow();
        const bool fresh = f.step() == Step::Welcome && f.draft().empty() && f.draft().startedUtc == 0 &&
                           f.lang() == defaultLang && f.modes() == sw::kiosk::Modes{} &&
                           d.ui().mode() == sw::kiosk::KioskUi::Mode::Citizen && d.session().submitter->pending() == 0 &&
                           d.hasTarget("next");
        if (!fresh) {
            ++t.carriedOver;
            if (t.carriedOver <= 5)
                std::fprintf(stderr, "soak: state carried over: step %s, draft %s, lang %s, modes %s\n",
                             sw::kiosk::stepName(f.step()), f.draft().empty() ? "empty" : "NOT EMPTY", f.lang().c_str(),
                             f.modes().any() ? "ON" : "off");
            d.flow().reset();
        }
    }
};

} // namespace

int main(int argc, char** argv) {
    long respondents = 100000;
    std::uint64_t seed = 1;
    double budgetMs = 8.0;
    long progress = 0;
    std::string db;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--respondents") == 0 && i + 1 < argc) respondents = std::max(1L, std::atol(argv[++i]));
        else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
        else if (std::strcmp(argv[i], "--budget-ms") == 0 && i + 1 < argc) budgetMs = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--progress") == 0 && i + 1 < argc) progress = std::atol(argv[++i]);
        else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
        else {
            std::fprintf(stderr, "usage: soak [--respondents N] [--seed S] [--db FILE] [--budget-ms B] [--progress K]\n");
            return 2;
        }
    }
    fs::path scratch;
    if (db.empty()) {
        scratch = fs::temp_directory_path() / ("sw-soak-" + std::to_string(getpid()));
        fs::create_directories(scratch);
        db = (scratch / "soak.db").string();
    }
    if (progress <= 0) progress = std::max(1L, respondents / 10);

    Tally t;
    FrameHistogram wall, cpu;
    const long warmup = std::min(respondents / 2, std::max(200L, respondents / 50));
    long rssWarm = 0, rssEnd = 0;
    std::int64_t stored = 0;
    const auto start = std::chrono::steady_clock::now();
    {
        sw::bench::HeadlessImGui imgui(96.0f / 25.4f, 1920, 1080);   // a 23" 1080p screen
        KioskDriver d(db, imgui.fonts(), 1920, 1080);
        d.session().store->db().exec("PRAGMA synchronous=OFF");
        d.onFrame = [&](const FrameTiming& ft) {
            wall.add(ft.wallMs);
            cpu.add(ft.cpuMs);
            t.overBudgetWall += ft.wallMs > budgetMs;
            t.overBudgetCpu += ft.cpuMs > budgetMs;
        };
        Soak soak{d, std::mt19937_64(seed), t};
        const std::string defaultLang = d.flow().lang();
        for (long r = 1; r <= respondents; ++r) {
            soak.respondent();
            soak.checkFresh(defaultLang);
            if (r == warmup) rssWarm = residentKb();
            if (r % progress == 0 || r == respondents) {
                const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                std::fprintf(stderr, "soak: %ld respondents, %llu frames, rss %ld kB, %.0f s\n", r, wall.count(), residentKb(), s);
            }
        }
        rssEnd = residentKb();
        sw::ResponseFilter all;
        all.includeMisuse = true;
        stored = d.session().store->countResponses(all);
    }
    if (!scratch.empty()) fs::remove_all(scratch);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool lost = stored != t.submitted || t.notStored != 0;

    std::printf("respondents=%ld submitted=%ld abandoned=%ld keypad=%ld english=%ld with_modes=%ld comments=%ld backs=%ld\n",
                respondents, t.submitted, t.abandoned, t.keypad, t.english, t.withModes, t.comments, t.backs);
    std::printf("stored=%lld lost=%ld carried_over=%ld stuck=%ld\n", static_cast<long long>(stored),
                static_cast<long>(t.submitted - stored) + t.notStored, t.carriedOver, t.stuck);
    std::printf("rss_after_warmup_kb=%ld (at respondent %ld) rss_end_kb=%ld growth_kb=%ld maxrss_kb=%ld\n", rssWarm, warmup,
                rssEnd, rssEnd - rssWarm, ru.ru_maxrss);
    std::printf("frames=%llu wall_p50_ms=%.2f wall_p99_ms=%.2f wall_max_ms=%.2f cpu_p50_ms=%.2f cpu_p99_ms=%.2f cpu_max_ms=%.2f\n",
                wall.count(), wall.percentile(50), wall.percentile(99), wall.max(), cpu.percentile(50), cpu.percentile(99),
                cpu.max());
    std::printf("budget_ms=%.1f over_budget_wall=%llu over_budget_cpu=%llu seconds=%.0f\n", budgetMs, t.overBudgetWall,
                t.overBudgetCpu, seconds);
    return (t.carriedOver || t.stuck || lost) ? 1 : 0;
}
