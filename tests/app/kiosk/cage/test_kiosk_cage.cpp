// The kiosk as it is deployed (README "Backups, installation, running as a kiosk"): Debian's `cage`
// compositor with its headless backend and Xwayland runs the kiosk full screen, it starts and stops
// cleanly, and the systemd unit that starts it at boot verifies. Skipped (tests/skip.hpp), never
// passed, where cage or Xwayland is not installed.
#include "skip.hpp"

#include <catch2/catch.hpp>

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

} // namespace

TEST_CASE("the kiosk under cage starts full screen and stops cleanly, and its systemd unit verifies", "[kiosk][cage]") {
    if (!swtest::haveTool("cage")) swtest::skipTest("cage is not installed (apt-get install cage xwayland)");
    if (!swtest::haveTool("Xwayland")) swtest::skipTest("Xwayland is not installed (apt-get install xwayland)");
    Dir dir;
    const std::string runtime = dir.file("xdg");
    std::filesystem::create_directories(runtime);
    std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    // cage's headless backend: no GPU, no seat, no input devices; the kiosk itself is an X11 (GLFW)
    // client of the Xwayland cage starts.
    const std::string log = dir.file("cage.log");
    // cage refuses to run as root (it drops privileges it could not get back): as root, the test
    // runs it as "nobody", the way a kiosk runs as its own user, in folders that user owns.
    std::string asUser;
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        if (!nobody || !swtest::haveTool("runuser")) swtest::skipTest("running as root without a 'nobody' user or runuser for cage");
        for (const auto& p : {dir.path.string(), runtime})
            if (::chown(p.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) swtest::skipTest("cannot hand " + p + " to nobody");
        asUser = "runuser -u nobody -- ";
        // A build under a private home (/root) cannot be run by another user: say so, never pass.
        if (std::system((asUser + "test -x " SW_KIOSK_BINARY).c_str()) != 0)
            swtest::skipTest(std::string("user nobody cannot run ") + SW_KIOSK_BINARY + " (build outside a private home)");
    }
    const std::string cmd = asUser + "env -u DISPLAY -u WAYLAND_DISPLAY WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman "
                            "XDG_RUNTIME_DIR=" + runtime + " timeout 120 cage -d -- " SW_KIOSK_BINARY " --demo --db " +
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
