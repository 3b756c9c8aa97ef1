// The screenshot tools fail when they cannot draw the screen asked for — an unknown screen or
// page, a unit the store does not hold, no display for a GL context — instead of writing an empty
// picture and exiting 0.
#include "survey/national/assessor_store.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace {

int exitCode(const std::string& cmd) {
    const int status = std::system((cmd + " > /dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("admin_shot refuses an unknown screen and fails with no display", "[admin][layout]") {
    swtest::TempDir dir;
    const std::string tool = std::string("'") + SW_ADMIN_SHOT_BINARY + "' --db '" + dir.file("u.db") + "' --out '" + dir.file("a.png") + "'";
    CHECK(exitCode(tool + " --screen nonsense") == 2);
    CHECK(exitCode("env -u DISPLAY -u WAYLAND_DISPLAY " + tool + " --screen dashboard") == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("a.png")));
}

TEST_CASE("assessor_verify_shot refuses an unknown page and fails with no display", "[assessor][layout]") {
    swtest::TempDir dir;
    sw::openAssessorStore(dir.file("k.db"), true);   // a store it can open: the display is what is missing
    const std::string tool = std::string("'") + SW_ASSESSOR_SHOT_BINARY + "' --db '" + dir.file("k.db") + "' --unit u --out '" + dir.file("a.png") + "'";
    CHECK(exitCode(tool + " --page nonsense") == 2);
    CHECK(exitCode("env -u DISPLAY -u WAYLAND_DISPLAY " + tool) == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("a.png")));
}
