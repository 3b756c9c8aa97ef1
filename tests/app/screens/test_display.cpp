#include "app/screens/test_display.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace swtest {

namespace {

std::string findInPath(const char* program) {
    const char* path = std::getenv("PATH");
    std::string all = path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (std::size_t start = 0; start <= all.size();) {
        std::size_t end = all.find(':', start);
        if (end == std::string::npos) end = all.size();
        const std::filesystem::path candidate = std::filesystem::path(all.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return {};
}

} // namespace

TestDisplay& TestDisplay::instance() {
    static TestDisplay display;
    return display;
}

TestDisplay::TestDisplay() {
    if (const char* d = std::getenv("DISPLAY"); d && *d) {
        name_ = d;
        return;
    }
    const std::string xvfb = findInPath("Xvfb");
    if (xvfb.empty()) {
        why_ = "no DISPLAY and no Xvfb on PATH (install the xvfb package, see third_party/packages.txt)";
        return;
    }
    // -displayfd: Xvfb picks a free display number itself and writes it to the pipe once ready,
    // so parallel test processes never fight over ":99".
    int fds[2];
    if (::pipe(fds) != 0) {
        why_ = std::string("pipe: ") + std::strerror(errno);
        return;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const std::string fd = std::to_string(fds[1]);
        // Quiet: Xvfb's warnings about missing fonts/keymaps are not ours.
        std::freopen("/dev/null", "w", stderr);
        ::execl(xvfb.c_str(), "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        why_ = std::string("fork: ") + std::strerror(errno);
        return;
    }
    xvfb_ = pid;
    std::string number;
    pollfd p{fds[0], POLLIN, 0};
    char buf[16];
    while (::poll(&p, 1, 10000) > 0) { // 10 s for Xvfb to come up
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        number.append(buf, static_cast<std::size_t>(n));
        if (number.find('\n') != std::string::npos) break;
    }
    ::close(fds[0]);
    while (!number.empty() && (number.back() == '\n' || number.back() == '\r')) number.pop_back();
    if (number.empty()) {
        why_ = "Xvfb (" + xvfb + ") did not report a display within 10 s";
        return;
    }
    name_ = ":" + number;
    ::setenv("DISPLAY", name_.c_str(), 1);
}

TestDisplay::~TestDisplay() {
    if (xvfb_ > 0) {
        ::kill(xvfb_, SIGTERM);
        int status = 0;
        ::waitpid(xvfb_, &status, 0);
    }
}

} // namespace swtest
