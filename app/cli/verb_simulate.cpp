#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/local_time.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/unit_setup.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {

namespace {
int verbSimulate(int argc, char** argv);
const VerbRegistrar reg{{"simulate", "add realistic synthetic respondents (demos, benchmarks)", verbSimulate}};

int verbSimulate(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga simulate [--db FILE] --count N [--seed S] [--days D] [--batch B] [--quiet] [--demo]\n\n"
                     "Adds N realistic synthetic respondents spread over the last D days (default 365).\n"
                     "Each response's UUID is printed (and flushed) only after it is durably committed;\n"
                     "B responses are committed per transaction (default 1: one commit each).\n"
                     "The store's unit must be set up (`suarawarga init`); --demo puts the demo unit into a\n"
                     "store that has none. Simulated responses are recorded with source \"simulate\".\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "count", "seed", "days", "batch"}, {"quiet", "demo"});
    long long count = a.getInt("count", -1, 1, 100000000LL);
    if (count < 0) throw UsageError("--count N is required");
    auto seed = static_cast<std::uint64_t>(a.getInt("seed", 1, 0, 9223372036854775807LL));
    int days = static_cast<int>(a.getInt("days", 365, 1, 36500));
    long long batch = a.getInt("batch", 1, 1, 1000000);
    bool quiet = a.has("quiet");

    Store store(databaseOption(a.get("db", "")));
    Instrument in = a.has("demo") ? setUpDemo(store) : requireUnit(store);
    UnitInfo unit = *store.unit();
    Simulator sim(in, unit, seed, days, nowUtc());
    std::vector<Response> pending;
    long long done = 0;
    while (done < count) {
        pending.clear();
        for (long long i = 0; i < batch && done + i < count; ++i) pending.push_back(sim.next());
        store.appendAll(pending); // durable on return (WAL, synchronous=FULL)
        done += static_cast<long long>(pending.size());
        if (!quiet) {
            for (const auto& r : pending) std::fputs((r.uuid + "\n").c_str(), stdout);
            std::fflush(stdout);
        }
    }
    if (quiet) std::cout << "simulated " << done << " responses into " << store.path() << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
