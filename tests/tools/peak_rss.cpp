// peak_rss COMMAND [ARGS…]: runs the command (its output discarded) and prints
// "exit STATUS peak_kb KB", its own peak resident set from wait4. It exists because a child
// spawned straight from a large test process reports that process's peak: Linux carries the
// spawner's high-water mark into the child at exec. Started fresh and small, this one does not.
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: peak_rss COMMAND [ARGS...]\n");
        return 2;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(argv[1], argv + 1);
        ::_exit(127);
    }
    int status = 0;
    struct rusage ru {};
    if (pid < 0 || ::wait4(pid, &status, 0, &ru) != pid) return 1;
    std::printf("exit %d peak_kb %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, ru.ru_maxrss);
    return 0;
}
