// `suarawarga verify` on bundles of growing size: each run is its own process, timed, its peak RSS
// read by tests/tools/peak_rss. Format 3 is checked streaming and should hold the same memory at any
// size; a format-2 bundle of the large size (read whole, as before) is run for comparison.
// Prints figures; asserts nothing. Usage:
//   bench_verify [--mb 300] [--small-mb 3] [--dir DIR] [--keep]
#include "survey/bundle/bundle_helpers.hpp"

#include "survey/base/local_time.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/unit_setup.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void run(const std::string& label, const std::string& file) {
    const auto t0 = std::chrono::steady_clock::now();
    const swtest::PeakRun r = swtest::verifyPeak(SW_PEAK_RSS_BINARY, SW_CLI_BINARY, file);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("verify %-16s %8.1f MB: exit %d, %6.2f s, peak RSS %7.1f MB\n", label.c_str(),
                static_cast<double>(fs::file_size(file)) / 1e6, r.status, s, static_cast<double>(r.peakKb) / 1024.0);
}

} // namespace

int main(int argc, char** argv) {
    std::size_t mb = 300, smallMb = 3;
    std::string dir = (fs::temp_directory_path() / "sw-bench-verify").string();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc) mb = std::stoul(argv[++i]);
        else if (a == "--small-mb" && i + 1 < argc) smallMb = std::stoul(argv[++i]);
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--keep") keep = true;
        else {
            std::fprintf(stderr, "usage: bench_verify [--mb N] [--small-mb N] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = dir + "/unit.db";
    sw::Store unit(db);
    const sw::Instrument in = sw::setUpDemo(unit);
    sw::Simulator sim(in, *unit.unit(), 7, 90, sw::nowUtc());
    std::vector<sw::Response> rs;
    for (int i = 0; i < 5000; ++i) rs.push_back(sim.next());
    unit.appendAll(rs);
    const sw::UnitKey key = sw::UnitKey::loadOrCreate(unit);
    const std::string base = sw::buildBundle(unit, key, sw::BundleOptions{});

    const std::string small = dir + "/small-v3.swb", large = dir + "/large-v3.swb", largeV2 = dir + "/large-v2.swb";
    writeFile(small, swtest::grownBundle(base, smallMb << 20, key, 3));
    writeFile(large, swtest::grownBundle(base, mb << 20, key, 3));
    writeFile(largeV2, swtest::grownBundle(base, mb << 20, key, 2));
    std::printf("bundles of %zu and %zu MiB (5,000 simulated responses repeated)\n", smallMb, mb);
    run("format 3", small);
    run("format 3", large);
    run("format 2", largeV2);
    run("format 3 again", large); // the page cache warm for both: time is the hashing
    if (!keep) fs::remove_all(dir);
    return 0;
}
