// bench_store_open --db FILE [--runs N]
// On an existing store (e.g. `suarawarga-cli simulate --demo --db big.db --count 5000000 --batch
// 200000 --quiet`): the median of N opens of sw::Store as every command opens it, the same with
// the quick_check every open ran before, and the floor (sqlite3_open_v2 and the schema read);
// then the roll-up by unit from the daily tallies (after one refresh) beside the same figures
// scanned from the responses.
#include "survey/bundle/rollup.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/store/daily_tally.hpp"
#include "survey/store/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

double ms(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(int runs, const std::function<void()>& f) {
    std::vector<double> v;
    for (int i = 0; i < runs; ++i) v.push_back(ms(f));
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    std::string db;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
        else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    }
    if (db.empty()) {
        std::fprintf(stderr, "usage: bench_store_open --db FILE [--runs N]\n");
        return 2;
    }
    long long responses = 0;
    {
        sw::Store s(db);
        responses = s.db().scalarInt("SELECT count(*) FROM response");
    }
    const double open = median(runs, [&] { sw::Store s(db); });
    sw::Store::Options always;
    always.integrityCheck = sw::Store::Options::Check::Always;
    const double checked = median(std::min(runs, 3), [&] { sw::Store s(db, always); });
    const double floor = median(runs, [&] {
        sqlite3* h = nullptr;
        sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_close(h);
    });
    std::printf("store: %s, %lld responses\n", db.c_str(), responses);
    std::printf("| open | median of %d |\n|---|---|\n", runs);
    std::printf("| sw::Store (check only after an unclean shutdown) | %.1f ms |\n", open);
    std::printf("| sw::Store with quick_check (every open, before) | %.1f ms |\n", checked);
    std::printf("| floor: sqlite3_open_v2 + schema read | %.1f ms |\n", floor);

    sw::Store s(db);
    const double refresh = ms([&] {
        sw::sql::Transaction tx(s.db());
        sw::refreshTallies(s);
        tx.commit();
    });
    const sw::Instrument in = *s.latestInstrument();
    std::size_t units = 0;
    const double tallied = median(runs, [&] { units = sw::rollupByUnit(s, sw::ResponseFilter{}).size(); });
    // The scan every roll-up ran before the tallies (ResponseTotals::scan; Store's cache bypassed).
    const auto layouts = [&s](const std::string& id, int v) { return s.layout(id, v); };
    const double scanned = median(std::min(runs, 3), [&] {
        for (const auto& u : sw::rollupByUnit(s, sw::ResponseFilter{})) {
            const auto t = sw::ResponseTotals::scan(s, "r.unit_id = ? AND r.misuse = 0", {u.unit.id});
            (void)sw::skmOf(t, layouts, in, std::nullopt);
        }
    });
    std::printf("\n| roll-up by unit (%zu units) | median |\n|---|---|\n", units);
    std::printf("| from the daily tallies | %.1f ms |\n", tallied);
    std::printf("| from the responses (every row scanned) | %.1f ms |\n", scanned);
    std::printf("| first tally refresh of the whole history | %.0f ms |\n", refresh);
    return 0;
}
