// The kiosk as it is deployed (README "Backups, installation, running as a kiosk"): Debian's `cage`
// compositor with its headless backend and Xwayland runs the kiosk full screen, it starts and stops
// cleanly, and the systemd unit that starts it at boot verifies; a survey typed at its keypad lands
// in the store, the screen is taken with grim, and after a SIGKILL the kiosk starts again on the
// same store. Skipped (tests/skip.hpp), never passed, where a tool is not installed.
#include "app/screens/png_metrics.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <pwd.h>
#include <unistd.h>

namespace {

struct Dir {   // a fresh directory, removed afterwards
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("sw-cage-" + std::to_string(::getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// cage refuses to run as root (it drops privileges it could not get back): as root, cage runs as
// "nobody", the way a kiosk runs as its own user, in folders that user owns. Returns the command
// prefix ("runuser -u nobody -- " or ""); skips when that is impossible.
std::string cageUser(const Dir& dir, const std::string& runtime) {
    if (::geteuid() != 0) return "";
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody || !swtest::haveTool("runuser")) swtest::skipTest("running as root without a 'nobody' user or runuser for cage");
    for (const auto& p : {dir.path.string(), runtime})
        if (::chown(p.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) swtest::skipTest("cannot hand " + p + " to nobody");
    const std::string asUser = "runuser -u nobody -- ";
    // A build under a private home (/root) cannot be run by another user: say so, never pass.
    if (std::system((asUser + "test -x " SW_KIOSK_BINARY).c_str()) != 0)
        swtest::skipTest(std::string("user nobody cannot run ") + SW_KIOSK_BINARY + " (build outside a private home)");
    return asUser;
}

// cage's headless backend: no GPU, no seat, no input devices; the kiosk itself is an X11 (GLFW)
// client of the Xwayland cage starts.
std::string cageEnv(const std::string& runtime) {
    return "env -u DISPLAY -u WAYLAND_DISPLAY WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman XDG_RUNTIME_DIR=" +
           runtime + " SUARAWARGA_ASSETS=" SW_SOURCE_ASSET_DIR;
}

std::string runtimeDir(const Dir& dir) {
    const std::string runtime = dir.file("xdg");
    std::filesystem::create_directories(runtime);
    std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    return runtime;
}

} // namespace

TEST_CASE("the kiosk under cage starts full screen and stops cleanly, and its systemd unit verifies", "[kiosk][cage]") {
    if (!swtest::haveTool("cage")) swtest::skipTest("cage is not installed (apt-get install cage xwayland)");
    if (!swtest::haveTool("Xwayland")) swtest::skipTest("Xwayland is not installed (apt-get install xwayland)");
    Dir dir;
    const std::string runtime = runtimeDir(dir);
    const std::string log = dir.file("cage.log");
    const std::string cmd = cageUser(dir, runtime) + cageEnv(runtime) + " timeout 120 cage -d -- " SW_KIOSK_BINARY " --demo --db " +
                            dir.file("kiosk.db") + " --exit-after-frames 60 > " + log + " 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(readAll(log));
    REQUIRE(rc == 0);
    CHECK(readAll(log).find("start: kiosk on") != std::string::npos);
    CHECK(std::filesystem::exists(dir.file("kiosk.db")));

    // The unit as the .deb installs it, pointing at this build's binary.
    if (!swtest::haveTool("systemd-analyze")) return;
    std::string unit = readAll(std::string(SW_SOURCE_ASSET_DIR) + "/../app/deploy/suarawarga-kiosk.service.in");
    const std::string bindir = std::filesystem::path(SW_KIOSK_BINARY).parent_path().string();
    for (std::size_t p; (p = unit.find("@CMAKE_INSTALL_FULL_BINDIR@")) != std::string::npos;) unit.replace(p, 27, bindir);
    const std::string unitFile = dir.file("suarawarga-kiosk.service");
    std::ofstream(unitFile) << unit;
    const std::string verify = "systemd-analyze verify " + unitFile + " > " + log + " 2>&1";
    const int vrc = std::system(verify.c_str());
    INFO(readAll(log));
    CHECK(vrc == 0);
}

namespace {

// A citizen at the keypad (README "The citizen kiosk" — Keypad and speech): xdotool types into the
// kiosk through Xwayland's XTEST (cage offers no Wayland virtual keyboard, so wtype cannot). The
// typical path of the demo instrument: start (language as is), service 1, nine unsur "3", "2" =
// "Tidak" at the kelompok rentan gate (in none of the groups), three HAM ratings "3" (priority service is not asked of
// someone in no kelompok rentan), "4" = no facility used, fair treatment "1", "0" skips the
// profile, Enter sends without a comment. Then grim takes the screen
// and the kiosk is killed with SIGKILL, as a crash would.
std::string keypadScript(const Dir& dir, const std::string& runtime) {
    const std::string d = dir.path.string();
    return "#!/bin/bash\nset -u\n" + cageEnv(runtime) + " timeout 120 cage -d -- sh -c 'echo \"$DISPLAY\" > " + d +
           "/display; echo $$ > " + d + "/kiosk.pid; exec " SW_KIOSK_BINARY " --demo --db " + d + "/kiosk.db' > " + d +
           "/cage.log 2>&1 &\n"
           "for i in $(seq 100); do grep -q 'start: kiosk on' " + d + "/cage.log 2>/dev/null && break; sleep 0.2; done\nsleep 1\n"
           "export XDG_RUNTIME_DIR=" + runtime + " WAYLAND_DISPLAY=wayland-0 DISPLAY=$(cat " + d + "/display)\n"
           "k() { for x in \"$@\"; do xdotool key \"$x\" || exit 3; sleep 0.5; done; }\n"
           "k Return 1 Return\nfor i in 1 2 3 4 5 6 7 8 9; do k 3 Return; done\n"
           "k 2 Return 3 Return 3 Return 3 Return 4 Return 1 Return 0 Return\nsleep 1\n"
           "grim " + d + "/screen.png || exit 4\n"
           "kill -KILL $(cat " + d + "/kiosk.pid)\nwait\nexit 0\n";
}

const std::string kCageShot = std::string(SW_SCREENS_OUT) + "/cage-screen.png";

} // namespace

// What was and was not tested (README "Backups, installation, running as a kiosk"): systemd's
// Restart=always itself needs systemd as PID 1 (or a user manager for `systemd-run --user`); where
// there is none, this checks that the unit says Restart=always and that the restart it would do —
// the same command again on the same store, after a SIGKILL left the writer lock behind — starts
// and keeps the answer.
TEST_CASE("under cage a keypad survey lands in the store, the screen is captured, and a killed kiosk starts again", "[kiosk][cage]") {
    for (const char* tool : {"cage", "Xwayland", "xdotool", "grim"})
        if (!swtest::haveTool(tool)) swtest::skipTest(std::string(tool) + " is not installed (apt-get install cage xwayland xdotool grim)");
    Dir dir;
    const std::string runtime = runtimeDir(dir);
    const std::string asUser = cageUser(dir, runtime);
    const std::string script = dir.file("keypad.sh");
    std::ofstream(script) << keypadScript(dir, runtime);
    std::filesystem::permissions(script, std::filesystem::perms::all);
    const int rc = std::system((asUser + "bash " + script).c_str());
    INFO(readAll(dir.file("cage.log")));
    REQUIRE(rc == 0);

    const auto report = [&] { return swtest::toolOutput(std::string(SW_CLI_BINARY) + " report --include-misuse --format json --db " + dir.file("kiosk.db")); };
    INFO(report());
    CHECK(report().find("\"respondents\": 1") != std::string::npos);

    // grim took the screen (exit 4 otherwise); kept for people to look at. Whether it shows the
    // kiosk is the next test's question.
    std::filesystem::create_directories(SW_SCREENS_OUT);
    std::filesystem::copy_file(dir.file("screen.png"), kCageShot, std::filesystem::copy_options::overwrite_existing);
    CHECK(swtest::Rgb8Image::load(kCageShot).width > 0);

    const std::string unit = readAll(std::string(SW_SOURCE_ASSET_DIR) + "/../app/deploy/suarawarga-kiosk.service.in");
    CHECK(unit.find("\nRestart=always\n") != std::string::npos);
    const std::string log = dir.file("restart.log");
    const int again = std::system((asUser + cageEnv(runtime) + " timeout 120 cage -d -- " SW_KIOSK_BINARY " --demo --db " +
                                   dir.file("kiosk.db") + " --exit-after-frames 60 > " + log + " 2>&1").c_str());
    INFO(readAll(log));
    CHECK(again == 0);
    CHECK(readAll(log).find("start: kiosk on") != std::string::npos);
    CHECK(report().find("\"respondents\": 1") != std::string::npos);   // the answer survived the kill
}

// A known defect, kept visible: with cage 0.1.4 / wlroots 0.16 on the headless backend and the
// pixman renderer (no DRM device: the only renderer a machine without a GPU node has), the output
// fails its commit test ("Basic output test failed for HEADLESS-1") and grim captures an all-black
// frame, although the keypad survey above lands. On a kiosk with a display (DRM) this does not
// apply and was not tested here. [!shouldfail]: when the capture starts showing the kiosk, this
// test fails and the tag must go.
TEST_CASE("under cage's headless backend grim captures the kiosk, not a black frame", "[kiosk][cage][!shouldfail]") {
    if (!std::filesystem::exists(kCageShot)) swtest::skipTest("no capture yet: run the keypad test under cage first");
    CHECK(swtest::lumaStdDev(swtest::Rgb8Image::load(kCageShot)) > 5.0);   // a blank screen is 0
}
