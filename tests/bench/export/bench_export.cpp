// Export benchmarks: CSV and XLSX export of N responses (default 1,000,000),
// the PDF report over that year of a busy unit, and merging B signed bundles of 5,000 responses
// (default 100; the 1,000 takes proportionally longer — pass --bundles 1000).
// Prints figures; asserts nothing. Usage:
//   bench_export [--responses N] [--bundles B] [--merge-runs R] [--uuids kiosk|random|prefixed] [--dir DIR] [--keep]
// --uuids: which UUIDs the merged bundles carry (tests/bench/bundle_copies.hpp); kiosk by default.
// --merge-runs R merges the same files R times, each into a new assessor store, to show the spread.
#include "bench/bundle_copies.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/export/csv.hpp"
#include "survey/export/pdf.hpp"
#include "survey/export/xlsx.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/national/file_store.hpp"
#include "survey/store/unit_setup.hpp"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <unistd.h>
#include <string>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
// CPU seconds of this process: on a shared, loaded machine wall time overstates our cost.
static double cpuNow() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

int main(int argc, char** argv) {
    long long responses = 1000000, bundles = 100, perBundle = 5000;
    std::string dir = (fs::temp_directory_path() / "sw-bench-export").string();
    bool keep = false;
    int mergeRuns = 1;
    swbench::UuidKind uuids = swbench::UuidKind::Kiosk;
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures as they come, also into a file
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--responses" && i + 1 < argc) responses = std::atoll(argv[++i]);
        else if (a == "--bundles" && i + 1 < argc) bundles = std::atoll(argv[++i]);
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--keep") keep = true;
        else if (a == "--merge-runs" && i + 1 < argc) mergeRuns = std::max(1, std::atoi(argv[++i]));
        else if (a == "--uuids" && i + 1 < argc && swbench::parseUuidKind(argv[i + 1], uuids)) ++i;
        else {
            std::fprintf(stderr, "usage: bench_export [--responses N] [--bundles B] [--merge-runs R] [--uuids kiosk|random|prefixed] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    fs::create_directories(dir);
    const std::string db = dir + "/unit.db";
    {
        sw::Store store(db);
        sw::Instrument in = sw::setUpDemo(store);
        sw::ResponseFilter all;
        all.includeMisuse = true;
        long long have = store.countResponses(all);
        if (have < responses) {
            auto t0 = Clock::now();
            sw::UnitInfo unit = *store.unit();
            sw::Simulator sim(in, unit, 42, 365, sw::nowUtc());
            std::vector<sw::Response> batch;
            for (long long done = have; done < responses;) {
                batch.clear();
                for (long long i = 0; i < 5000 && done + i < responses; ++i) batch.push_back(sim.next());
                store.appendAll(batch);
                done += static_cast<long long>(batch.size());
            }
            std::printf("setup: simulated %lld responses over 365 days in %.1f s\n", responses - have, since(t0));
        }
    }
    sw::Store store(db);
    std::printf("store: %lld responses (one year of a busy unit)\n\n", static_cast<long long>(store.countResponses(sw::ResponseFilter{})));
    // Each export is timed alone: the previous run's file is removed (freeing 250 MB is not the
    // export's work) and what earlier steps left for the disk is written first.
    auto fresh = [&](const std::string& file) {
        fs::remove(file);
        ::sync();
    };

    {
        fresh(dir + "/out.csv");
        auto t0 = Clock::now();
        double c0 = cpuNow();
        sw::CsvExportOptions o;
        o.filter.includeMisuse = true;
        auto rows = sw::exportCsv(store, dir + "/out.csv", o);
        double s = since(t0);
        const double cpu = cpuNow() - c0;
        std::printf("CSV   %lld rows in %.2f s = %.0f rows/s (target >= 1,000,000 rows/s); %.0f MB\n", static_cast<long long>(rows), s,
                    static_cast<double>(rows) / s, static_cast<double>(fs::file_size(dir + "/out.csv")) / 1e6);
        std::printf("      (CPU %.2f s = %.0f rows per CPU second)\n", cpu, static_cast<double>(rows) / cpu);
    }
    {
        fresh(dir + "/out.xlsx");
        auto t0 = Clock::now();
        double c0 = cpuNow();
        auto rows = sw::exportXlsx(store, dir + "/out.xlsx");
        double s = since(t0);
        const double cpu = cpuNow() - c0;
        std::printf("XLSX  %lld rows in %.2f s = %.2f s per million rows (target <= 15 s); %.0f MB\n", static_cast<long long>(rows), s,
                    s / (static_cast<double>(rows) / 1e6), static_cast<double>(fs::file_size(dir + "/out.xlsx")) / 1e6);
        std::printf("      (CPU %.2f s)\n", cpu);
    }
    {
        fresh(dir + "/out.pdf");
        auto t0 = Clock::now();
        double c0 = cpuNow();
        sw::PdfReportInfo info = sw::writePdfReport(store, dir + "/out.pdf");
        double s = since(t0);
        const double cpu = cpuNow() - c0;
        std::printf("PDF   report over %lld respondents, %d pages in %.2f s (target <= 2 s)\n", static_cast<long long>(info.respondents),
                    info.pages, s);
        std::printf("      (CPU %.2f s)\n", cpu);
    }

    // Merge: B bundles of 5,000 responses with distinct UUIDs, each signed by the unit's key.
    {
        const std::string unitDb = dir + "/bundle-unit.db";
        fs::remove(unitDb);
        fs::remove(sw::UnitKey::keyPathFor(unitDb));
        std::string base;
        sw::UnitKey key = [&] {
            sw::Store u(unitDb);
            sw::Instrument in = sw::setUpDemo(u);
            sw::Simulator sim(in, *u.unit(), 7, 90, sw::nowUtc());
            std::vector<sw::Response> rs;
            for (long long i = 0; i < perBundle; ++i) rs.push_back(sim.next());
            u.appendAll(rs);
            sw::UnitKey k = sw::UnitKey::loadOrCreate(u);
            base = sw::buildBundle(u, k, sw::BundleOptions{});
            return k;
        }();
        const std::string payload = swbench::inTimeOrder(sw::bundlePayload(base));
        std::vector<std::string> files;
        auto tb = Clock::now();
        for (long long b = 0; b < bundles; ++b) {
            std::string p = payload;
            swbench::renewUuids(p, uuids, b); // each bundle's responses their own UUIDs
            files.push_back(dir + "/b" + std::to_string(b) + ".swb");
            std::FILE* out = std::fopen(files.back().c_str(), "wb");
            std::string sealed = sw::sealBundle(p, key);
            std::fwrite(sealed.data(), 1, sealed.size(), out);
            std::fclose(out);
        }
        std::printf("\nmerge: wrote %lld bundle files of %lld responses (%.2f MB each) in %.1f s\n", bundles, perBundle,
                    static_cast<double>(base.size()) / 1e6, since(tb));
        // The files were just written: let the disk take them now, not during the timed merge
        // (an assessor's bundles arrive well before the merge).
        ::sync();
        const std::string kanwilDb = dir + "/kanwil.db";
        std::unique_ptr<sw::AssessorStore> kanwil;
        for (int run = 1; run <= mergeRuns; ++run) {
            kanwil.reset();
            fs::remove(kanwilDb);
            fs::remove(kanwilDb + "-wal");
            fs::remove(kanwilDb + "-shm");
            kanwil = sw::openFileStore(kanwilDb, true);
            // As `suarawarga merge --into kanwil.db b*.swb` does it: read, verify, import, commit,
            // then bring the tallies the roll-ups read up to date (README "The national store").
            auto t0 = Clock::now();
            double c0 = cpuNow();
            long long added = 0, refused = 0;
            for (const auto& r : kanwil->mergeFiles(files, sw::KeyPolicy::EnrollNew)) {
                if (r.outcome) added += r.outcome->added;
                else ++refused;
            }
            const double total = since(t0);
            std::printf("MERGE %lld bundles, %lld responses added (%lld refused) in %.2f s = %.0f responses/s, tallies included "
                        "(target >= 200,000/s)\n",
                        bundles, added, refused, total, static_cast<double>(added) / total);
            std::printf("      (CPU %.2f s over 2 threads)\n", cpuNow() - c0);
        }
        auto t0 = Clock::now();
        long long again = 0;
        for (const auto& r : kanwil->mergeFiles(files, sw::KeyPolicy::EnrollNew))
            if (r.outcome) again += r.outcome->added;
        std::printf("      the same %lld bundles again: %lld added in %.2f s (idempotent)\n", bundles, again, since(t0));
    }
    if (!keep) fs::remove_all(dir);
    return 0;
}
