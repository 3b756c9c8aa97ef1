// `suarawarga serve` in the kiosk's binary: the Kanwil's receiver needs cpp-httplib and OpenSSL,
// which this binary leaves out so that the kiosk does not load them before its first frame (README
// "Benchmarks", the kiosk's memory). A Kanwil's server runs `suarawarga-cli serve`
// (app/deploy/suarawarga-serve.service); here the same command line runs there, in this process
// (exec), so its output, signals and exit code are serve's own.
#include "app/cli/cli.hpp"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace sw::cli {

namespace {

// suarawarga-cli beside this program (both are built into and installed in one folder).
std::string siblingCli() {
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return "suarawarga-cli";
    std::string path(self, static_cast<std::size_t>(n));
    return path.substr(0, path.rfind('/') + 1) + "suarawarga-cli";
}

int forwardServe(int argc, char** argv) {
    const std::string cli = siblingCli();
    std::string program = "suarawarga-cli";
    std::vector<char*> args(argv, argv + argc);
    args[0] = program.data();
    args.push_back(nullptr);
    execv(cli.c_str(), args.data());
    std::cerr << "suarawarga serve: runs in suarawarga-cli, which cannot be started (" << cli << ": "
              << std::strerror(errno) << ")\n";
    return 1;
}

const VerbRegistrar reg{{"serve", kServeSummary, forwardServe}};

} // namespace

} // namespace sw::cli
