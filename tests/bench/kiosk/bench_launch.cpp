// Runs one command and prints what it cost, for the start-up benchmark (tests/bench/kiosk/run.sh):
//   wall_ms      from fork to exit (monotonic clock) — the cold start to the first frame when the
//                program is told to exit after one frame
//   maxrss_kb    peak resident memory of the largest process (wait4's rusage, like time -v)
//   tree_pss_kb  with --tree: the peak of the summed PSS of the whole process tree, sampled every
//                few ms — fairer for multi-process programs (Chromium) whose memory is split
//   cpu_ms       user + system CPU of the process and its reaped children
//
//   bench_launch [--tree] [--timeout SECONDS] -- COMMAND [ARGS…]
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name).
std::map<pid_t, pid_t> parentTable() {
    std::map<pid_t, pid_t> parents;
    DIR* proc = opendir("/proc");
    if (!proc) return parents;
    while (dirent* e = readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) continue;
        std::ifstream f(std::string("/proc/") + e->d_name + "/stat");
        std::string line;
        if (!std::getline(f, line)) continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        long ppid = 0;
        rest >> state >> ppid;
        parents[static_cast<pid_t>(pid)] = static_cast<pid_t>(ppid);
    }
    closedir(proc);
    return parents;
}

long pssKb(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string key;
    long value = 0;
    while (f >> key) {
        if (key == "Pss:") {
            f >> value;
            return value;
        }
        f.ignore(4096, '\n');
    }
    return 0;
}

// Σ PSS over `root` and all its descendants.
long treePssKb(pid_t root) {
    const auto parents = parentTable();
    std::set<pid_t> tree{root};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& [pid, ppid] : parents)
            if (tree.count(ppid) && !tree.count(pid)) grew = tree.insert(pid).second || grew;
    }
    long sum = 0;
    for (pid_t p : tree) sum += pssKb(p);
    return sum;
}

double ms(const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; }

} // namespace

int main(int argc, char** argv) {
    bool tree = false;
    double timeoutSeconds = 120;
    int first = 1;
    for (; first < argc; ++first) {
        if (std::strcmp(argv[first], "--tree") == 0) tree = true;
        else if (std::strcmp(argv[first], "--timeout") == 0 && first + 1 < argc) timeoutSeconds = std::atof(argv[++first]);
        else if (std::strcmp(argv[first], "--") == 0) {
            ++first;
            break;
        } else break;
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: bench_launch [--tree] [--timeout SECONDS] -- COMMAND [ARGS…]\n");
        return 2;
    }

    // SIGCHLD is waited for with sigtimedwait: exact exit time, and a timeout, without polling.
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, nullptr);

    const auto start = Clock::now();
    const pid_t child = fork();
    if (child < 0) return 1;
    if (child == 0) {
        sigprocmask(SIG_UNBLOCK, &chld, nullptr);
        setpgid(0, 0); // its own group, so a timeout can stop Chromium's helpers too
        execvp(argv[first], argv + first);
        std::perror(argv[first]);
        _exit(127);
    }
    setpgid(child, child);

    long treePeak = 0;
    int status = 0;
    rusage usage{};
    const auto deadline = start + std::chrono::duration<double>(timeoutSeconds);
    bool timedOut = false;
    for (;;) {
        const pid_t r = wait4(child, &status, WNOHANG, &usage);
        if (r == child) break;
        if (r < 0) return 1;
        if (tree) {
            const long now = treePssKb(child);
            if (now > treePeak) treePeak = now;
        }
        if (Clock::now() > deadline && !timedOut) {
            kill(-child, SIGKILL);
            timedOut = true;
        }
        const timespec step{0, tree ? 5'000'000L : 200'000'000L};
        sigtimedwait(&chld, nullptr, &step);
    }
    const double wallMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    kill(-child, SIGKILL); // leave no helper behind
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    std::printf("wall_ms=%.2f maxrss_kb=%ld cpu_ms=%.1f exit=%d", wallMs, usage.ru_maxrss, ms(usage.ru_utime) + ms(usage.ru_stime),
                timedOut ? 124 : code);
    if (tree) std::printf(" tree_pss_kb=%ld", treePeak);
    std::printf("\n");
    return 0;
}
