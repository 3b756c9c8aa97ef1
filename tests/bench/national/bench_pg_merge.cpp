// The assessor's merge into both kinds of store in one run: N signed bundles of M responses from
// U units, merged with `merge --enroll-new` semantics into a new SQLite file store and into a new
// PostgreSQL database (a private PostgreSQL 15 cluster this program starts and stops, or --pg-url).
// Each merge runs in its own child process, so its peak RSS is its own; the PostgreSQL server's
// backend is measured apart (VmHWM of the backend that served the merge). Then the roll-up's
// tallies over all time and over one month, in both stores, and (PostgreSQL) summed in the server
// and in the program. The CPU each merge used — its own process and, for a server on this machine,
// the PostgreSQL server's — is printed per response: on a shared machine the wall time says little.
// Prints figures; asserts nothing. README "The national store (PostgreSQL)".
//
//   bench_pg_merge [--bundles N] [--per-bundle M] [--units U] [--runs R] [--full] [--dir DIR] [--keep]
//                  [--pg-url URL] [--server-options "-c …"] [--uuids kiosk|random|prefixed]
// --uuids: which UUIDs the bundles carry (tests/bench/bundle_copies.hpp); kiosk by default.
// Defaults: 40 bundles × 5,000 (a quick run); --full: 1,000 × 5,000; units: a tenth of the bundles.
#include "bench/bundle_copies.hpp"
#include "survey/export/export_helpers.hpp"
#include "survey/national/pg_cluster.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/pg_connection.hpp"
#include "survey/national/pg_tally.hpp"
#include "survey/skm/period.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Options {
    long long bundles = 40, perBundle = 5000;
    int units = 0, runs = 1; // units: bundles / 10 unless given
    std::string dir = (fs::temp_directory_path() / "sw-bench-national").string();
    bool keep = false;
    swbench::UuidKind uuids = swbench::UuidKind::Kiosk;
    std::string pgUrl;
    // A server set up for bulk loading as a large Kanwil's would be: WAL room for the whole run
    // between checkpoints, more shared buffers than the 128 MB default. fsync stays on.
    std::string serverOptions = "-c max_wal_size=8GB -c checkpoint_timeout=30min -c shared_buffers=1GB -c wal_buffers=64MB";
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--bundles") o.bundles = std::atoll(value().c_str());
        else if (a == "--per-bundle") o.perBundle = std::atoll(value().c_str());
        else if (a == "--units") o.units = std::atoi(value().c_str());
        else if (a == "--runs") o.runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--full") o.bundles = 1000, o.perBundle = 5000;
        else if (a == "--dir") o.dir = value();
        else if (a == "--keep") o.keep = true;
        else if (a == "--pg-url") o.pgUrl = value();
        else if (a == "--server-options") o.serverOptions = value();
        else if (a == "--uuids") {
            if (!swbench::parseUuidKind(value(), o.uuids)) return false;
        }
        else return false;
    }
    if (o.units <= 0) o.units = static_cast<int>(std::max(1LL, o.bundles / 10));
    return o.bundles > 0 && o.perBundle > 0;
}

// `payload`'s responses moved `seconds` back in time (created_utc is the 5th field of a row).
std::string movedBack(const std::string& payload, std::int64_t seconds) {
    std::size_t at = payload.find('\n') + 1;
    std::string out = payload.substr(0, at);
    while (at < payload.size()) {
        const std::size_t end = payload.find('\n', at);
        std::size_t f = at;
        for (int tab = 0; tab < 4; ++tab) f = payload.find('\t', f) + 1;
        const std::size_t fEnd = payload.find('\t', f);
        out.append(payload, at, f - at);
        out += std::to_string(std::stoll(payload.substr(f, fEnd - f)) - seconds);
        out.append(payload, fEnd, end + 1 - fEnd);
        at = end + 1;
    }
    return out;
}

// U units, each with M responses over 90 days and its own key. Bundle b is unit b % U's, its
// responses moved back 90 days for each earlier bundle of that unit (a unit's bundles cover
// successive quarters), each response with a new UUID (renewUuids), so every response of the run is
// distinct.
std::vector<std::string> writeBundles(const Options& o) {
    std::vector<std::string> payloads;
    std::vector<std::string> keyDbs;
    for (int u = 0; u < o.units; ++u) {
        const std::string db = o.dir + "/unit-" + std::to_string(u) + ".db";
        fs::remove(db);
        fs::remove(sw::UnitKey::keyPathFor(db));
        swtest::fillUnit(db, "unit-" + std::to_string(u), static_cast<int>(o.perBundle), 100 + static_cast<std::uint64_t>(u), 420, 90);
        sw::Store s(db);
        payloads.push_back(swbench::inTimeOrder(sw::bundlePayload(sw::buildBundle(s, sw::UnitKey::loadOrCreate(s), sw::BundleOptions{}))));
        keyDbs.push_back(db);
    }
    std::vector<std::string> files;
    for (long long b = 0; b < o.bundles; ++b) {
        const auto u = static_cast<std::size_t>(b % o.units);
        std::string p = movedBack(payloads[u], (b / o.units) * 90LL * 86400);
        swbench::renewUuids(p, o.uuids, b);
        sw::Store s(keyDbs[u]);
        const std::string sealed = sw::sealBundle(p, sw::UnitKey::loadOrCreate(s));
        files.push_back(o.dir + "/b" + std::to_string(b) + ".swb");
        std::ofstream(files.back(), std::ios::binary) << sealed;
    }
    return files;
}

// A backend's peak resident memory (VmHWM) in MB, 0 when it cannot be read.
double backendPeakMb(const std::string& url) {
    try {
        sw::pg::Connection c(url, "bench");
        auto pid = c.scalar("SELECT pid FROM pg_stat_activity WHERE application_name = 'suarawarga' AND pid <> pg_backend_pid() "
                            "ORDER BY backend_start DESC LIMIT 1");
        if (!pid) return 0;
        std::ifstream f("/proc/" + *pid + "/status");
        for (std::string line; std::getline(f, line);)
            if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    } catch (const std::exception&) {
    }
    return 0;
}

// utime + stime (and, with `reaped`, cutime + cstime) of a process from /proc/PID/stat, in seconds;
// its parent's pid in `ppid`. The fields are counted after the command's closing parenthesis.
double procCpuSeconds(const std::string& pid, bool reaped, std::string* ppid = nullptr) {
    std::ifstream f("/proc/" + pid + "/stat");
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const std::size_t close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream in(text.substr(close + 1));
    std::vector<std::string> field((std::istream_iterator<std::string>(in)), std::istream_iterator<std::string>());
    if (field.size() < 15) return 0;
    if (ppid) *ppid = field[1];
    double ticks = std::stod(field[11]) + std::stod(field[12]);   // fields 14 and 15: utime, stime
    if (reaped) ticks += std::stod(field[13]) + std::stod(field[14]);   // 16 and 17: children waited for
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU seconds the PostgreSQL server has used so far, when it runs on this machine: its
// postmaster's ended children (the merge's backends, once their connections closed) plus every
// child still running (WAL writer, checkpointer, …). 0 when it cannot be read (a remote server).
double serverCpuSeconds(const std::string& url) {
    try {
        sw::pg::Connection c(url, "bench");
        auto backend = c.scalar("SELECT pg_backend_pid()");
        std::string postmaster;
        if (!backend) return 0;
        procCpuSeconds(*backend, false, &postmaster);
        if (postmaster.empty()) return 0;
        double total = procCpuSeconds(postmaster, true);
        for (const auto& e : fs::directory_iterator("/proc")) {
            const std::string pid = e.path().filename().string();
            if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
            std::string parent;
            const double cpu = procCpuSeconds(pid, false, &parent);
            if (parent == postmaster) total += cpu;
        }
        return total;
    } catch (const std::exception&) {
        return 0;
    }
}

double selfCpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return secs(ru.ru_utime) + secs(ru.ru_stime);
}

struct Figures {
    double mergeSeconds = 0, againSeconds = 0, talliesAll = 0, talliesMonth = 0, clientAll = 0, backendMb = 0;
    double mergeCpu = 0, serverCpu = 0;   // the merge's own process, and the PostgreSQL server's during the merge
    long long added = 0, refused = 0, again = 0;
};

// The child's work: merge, merge again, read tallies. Written to `fd` as one binary struct.
Figures measure(const std::string& db, const std::vector<std::string>& files, bool postgres) {
    Figures f;
    auto store = sw::openAssessorStore(db, true);
    const double server0 = postgres ? serverCpuSeconds(db) : 0, cpu0 = selfCpuSeconds();
    auto t0 = Clock::now();
    for (const auto& r : store->mergeFiles(files, sw::KeyPolicy::EnrollNew)) {
        if (r.outcome) f.added += r.outcome->added;
        else ++f.refused, std::fprintf(stderr, "refused: %s\n", r.error.c_str());
    }
    f.mergeSeconds = since(t0);
    f.mergeCpu = selfCpuSeconds() - cpu0;
    if (postgres && server0 > 0) f.serverCpu = serverCpuSeconds(db) - server0;
    t0 = Clock::now();
    for (const auto& r : store->mergeFiles(files, sw::KeyPolicy::EnrollNew))
        if (r.outcome) f.again += r.outcome->added;
    f.againSeconds = since(t0);
    // `report --by unit`'s work: every unit's tallies over the period, scored and ranked.
    const auto in = store->latestInstrument();
    auto byUnit = [&](const sw::TallyPeriod& p) {
        const auto t = Clock::now();
        sw::rankUnits(store->unitTallies(p), store->layouts(), *in, p);
        return since(t);
    };
    f.talliesAll = byUnit({});
    const sw::Period month = sw::periodContaining(sw::PeriodKind::Month, sw::civilFromDays(sw::nowUtc() / 86400 - 30));
    f.talliesMonth = byUnit({sw::formatDate(month.from), sw::formatDate(month.to)});
    if (postgres) {
        f.backendMb = backendPeakMb(db);
        sw::pg::Connection c(db, "bench");
        t0 = Clock::now();
        sw::pg::periodTallies(c, {}, sw::pg::SumIn::Server);
        f.clientAll = since(t0);
    }
    return f;
}

// Runs `measure` in a child process; the child's own peak RSS comes back through wait4.
Figures inChild(const std::string& db, const std::vector<std::string>& files, bool postgres, double& peakMb) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        Figures f = measure(db, files, postgres);
        const ssize_t n = write(fds[1], &f, sizeof f);
        _exit(n == static_cast<ssize_t>(sizeof f) ? 0 : 1);
    }
    close(fds[1]);
    Figures f;
    const ssize_t n = read(fds[0], &f, sizeof f);
    close(fds[0]);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    peakMb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    if (n != static_cast<ssize_t>(sizeof f) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(std::string(postgres ? "PostgreSQL" : "file") + " merge failed");
    return f;
}

void print(const char* kind, const Figures& f, double peakMb, const Options& o) {
    std::printf("%-10s merge %8.2f s = %8.0f responses/s | peak RSS %6.1f MB", kind, f.mergeSeconds,
                static_cast<double>(f.added) / f.mergeSeconds, peakMb);
    if (f.backendMb > 0) std::printf(" (+ server backend %.1f MB)", f.backendMb);
    // CPU per response, program and server together: what the merge costs a machine whatever else
    // runs on it. The PostgreSQL merge runs on several connections at once, so cores ÷ that bounds
    // its rate on cores of its own; the file store's writer is one thread.
    const double perResponse = (f.mergeCpu + f.serverCpu) / static_cast<double>(std::max(1LL, f.added));
    std::printf("\n           CPU: merge process %.2f s", f.mergeCpu);
    if (f.serverCpu > 0)
        std::printf(" + PostgreSQL server %.2f s = %.1f us per response: at most %.0f responses/s on 2 cores, %.0f on 4", f.serverCpu,
                    perResponse * 1e6, 2.0 / perResponse, 4.0 / perResponse);
    else
        std::printf(" = %.1f us per response", perResponse * 1e6);
    std::printf("\n           %lld added, %lld refused | again: %lld added in %.2f s | report --by unit (tallies, scored, ranked): all time %.3f s, one month %.3f s",
                f.added, f.refused, f.again, f.againSeconds, f.talliesAll, f.talliesMonth);
    if (f.clientAll > 0) std::printf(" (all time summed in the server instead: %.3f s)", f.clientAll);
    std::printf("\n");
    (void)o;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_pg_merge [--bundles N] [--per-bundle M] [--units U] [--runs R] [--full] [--dir DIR] [--keep]\n"
                             "                      [--pg-url URL] [--server-options \"-c …\"] [--uuids kiosk|random|prefixed]\n");
        return 2;
    }
    fs::create_directories(o.dir);
    auto t0 = Clock::now();
    const std::vector<std::string> files = writeBundles(o);
    std::printf("%lld bundles × %lld responses from %d units written in %.1f s (%.2f MB each)\n", o.bundles, o.perBundle, o.units,
                since(t0), static_cast<double>(fs::file_size(files[0])) / 1e6);
    ::sync(); // the bundles arrived well before the merge: their writing is not the merge's work
    std::string server = o.pgUrl;
    if (server.empty()) std::printf("PostgreSQL: a private cluster, %s\n", o.serverOptions.c_str());
    const char* connections = std::getenv("SUARAWARGA_PG_MERGE_CONNECTIONS");
    std::printf("PostgreSQL merge connections: %s (SUARAWARGA_PG_MERGE_CONNECTIONS)\n", connections ? connections : "2, the default");
    for (int run = 1; run <= o.runs; ++run) {
        std::printf("run %d\n", run);
        const std::string fileDb = o.dir + "/kanwil.db";
        for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(fileDb + ext);
        double peak = 0;
        Figures f = inChild(fileDb, files, false, peak);
        print("SQLite", f, peak, o);
        ::sync();
        const std::string url = o.pgUrl.empty() ? swtest::PgCluster::shared(o.serverOptions).newDatabase("bench_" + std::to_string(run))
                                                : o.pgUrl;
        f = inChild(url, files, true, peak);
        print("PostgreSQL", f, peak, o);
    }
    if (!o.keep) fs::remove_all(o.dir);
    return 0;
}
