// `suarawarga serve` in the kiosk's binary runs suarawarga-cli's serve (app/cli/forward_serve.cpp):
// the same usage, the same refusals, and a clear message when suarawarga-cli is not beside it.
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#ifdef SW_KIOSK_BINARY
namespace {

struct Ran {
    int status = -1;
    std::string out;
};

Ran runProgram(const std::string& command) {
    Ran r;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

} // namespace

TEST_CASE("the kiosk's binary runs serve in suarawarga-cli, or says it cannot", "[cli][serve]") {
    const std::string kiosk = SW_KIOSK_BINARY, cli = SW_CLI_BINARY;
    const Ran viaKiosk = runProgram(kiosk + " serve --help");
    const Ran direct = runProgram(cli + " serve --help");
    CHECK(viaKiosk.status == 0);
    CHECK(viaKiosk.out == direct.out);
    CHECK(viaKiosk.out.find("Usage: suarawarga serve") != std::string::npos);

    const Ran refused = runProgram(kiosk + " serve --no-such-option 1");   // serve's own refusal, unchanged
    const Ran refusedDirect = runProgram(cli + " serve --no-such-option 1");
    CHECK(refused.status != 0);
    CHECK(refused.status == refusedDirect.status);
    CHECK(refused.out == refusedDirect.out);

    swtest::TempDir dir;   // the kiosk's binary alone, without suarawarga-cli beside it
    const std::filesystem::path lonely = dir.path / "suarawarga";
    std::filesystem::copy_file(kiosk, lonely);
    const Ran alone = runProgram(lonely.string() + " serve --help");
    CHECK(alone.status == 1);
    CHECK(alone.out.find("runs in suarawarga-cli, which cannot be started") != std::string::npos);
    CHECK(alone.out.find((dir.path / "suarawarga-cli").string()) != std::string::npos);
}
#endif
