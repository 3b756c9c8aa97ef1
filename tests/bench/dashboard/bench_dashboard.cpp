// Benchmark: the unit head's dashboard recomputed in full (every figure of survey/dashboard/dashboard.hpp)
// over the columnar snapshot. Prints figures; never asserts (README "Benchmarks": speed is measured there).
//
//   bench_dashboard --db FILE [--replicate 10000000] [--runs 5]
//
// 1. loads the snapshot from the SQLite store (timed: the one-off cost when the area opens);
// 2. recomputes the dashboard for the year, with a 12-month trend, `runs` times;
// 3. optionally replicates the loaded rows in memory up to --replicate rows (10 million rows of
//    SQLite would take hours to simulate here) and recomputes again.
#include "survey/dashboard/dashboard.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace sw;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

void recompute(const char* what, const ResponseColumns& cols, const Instrument& in, const DashboardQuery& q, int runs) {
    std::vector<double> t, cpu;
    DashboardFigures f;
    for (int i = 0; i < runs; ++i) {
        const auto a = Clock::now();
        const std::clock_t c0 = std::clock();
        f = computeDashboard(cols, in, q);
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        t.push_back(ms(a, Clock::now()));
    }
    std::sort(t.begin(), t.end());
    std::sort(cpu.begin(), cpu.end());
    // Wall time depends on what else the machine runs; CPU time is this process's own work.
    std::printf("%-34s rows=%10zu  recompute wall min %7.1f ms median %7.1f ms | CPU min %7.1f ms median %7.1f ms  (IKM %.2f %s, n=%lld)\n",
                what, cols.rows(), t.front(), t[t.size() / 2], cpu.front(), cpu[cpu.size() / 2], f.skm.ikmUnit,
                mutuLetter(f.skm.mutu), static_cast<long long>(f.respondents));
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt{{"runs", "5"}, {"replicate", "0"}};
    for (int i = 1; i + 1 < argc; i += 2) opt[std::string(argv[i]).substr(2)] = argv[i + 1];
    if (!opt.count("db")) {
        std::fprintf(stderr, "usage: bench_dashboard --db FILE [--replicate N] [--runs R]\n");
        return 2;
    }
    const int runs = std::max(1, std::stoi(opt["runs"]));
    Store store(opt["db"]);
    Instrument in = setUpDemo(store);

    auto a = Clock::now();
    ResponseColumns cols = ResponseColumns::load(store, in);
    std::printf("load from SQLite: %zu responses in %.0f ms (%.2f µs/response)\n", cols.rows(), ms(a, Clock::now()),
                ms(a, Clock::now()) * 1000.0 / static_cast<double>(std::max<std::size_t>(1, cols.rows())));
    a = Clock::now();
    const std::size_t added = cols.refresh(store);
    std::printf("incremental refresh with nothing new: %zu added in %.2f ms\n", added, ms(a, Clock::now()));

    DashboardQuery q;
    LocalDate today;
    parseDate(localDate(nowUtc(), store.unit()->utcOffsetMinutes), today);
    q.period = periodContaining(PeriodKind::Year, today);
    q.trendStep = TrendStep::Month;
    q.trendBuckets = 12;
    q.population = 50000;
    recompute("full recompute (year, from SQLite)", cols, in, q, runs);

    const std::size_t target = static_cast<std::size_t>(std::stoll(opt["replicate"]));
    if (target > cols.rows() && cols.rows() > 0) {
        a = Clock::now();
        const std::size_t base = cols.rows();
        cols.reserve(target);
        for (std::size_t r = base; r < target; ++r) {
            const std::size_t s = r % base;
            cols.appendRow(cols.day[s], cols.minute[s], cols.service[s], &cols.unsur[s * cols.unsurCount()],
                           &cols.ham[s * cols.hamCount()], cols.rentan[s], cols.flags[s], &cols.profile[s * cols.profileCount()]);
        }
        cols.sortByTime();
        std::printf("replicated in memory to %zu rows in %.0f ms (snapshot %.0f MB)\n", cols.rows(), ms(a, Clock::now()),
                    static_cast<double>(cols.rows() * (4 + 2 + 1 + cols.unsurCount() + cols.hamCount() + 1 + 1 + cols.profileCount() + 4)) / 1e6);
        recompute("full recompute (year, replicated)", cols, in, q, runs);
    }
    return 0;
}
