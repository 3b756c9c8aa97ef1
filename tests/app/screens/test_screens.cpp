// Screenshot tests: every kiosk screen in both
// languages and each mode, rendered by `suarawarga screenshot` in a real window under Xvfb and
// read back from the PNG. Checked for sanity, not pixel-exact: the right size, not blank, text
// on it, and each accessibility mode really changes the picture (high contrast ≥ 7:1 inks).
// The PNGs stay in the build tree (tests/screens/shots/) for people to look at.
#include "app/screens/png_metrics.hpp"
#include "app/screens/test_display.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using swtest::Rgb8Image;
using swtest::TestDisplay;

namespace {

constexpr int kWidth = 1280; // not the default 1920×1080: proves --size is honoured
constexpr int kHeight = 800;

const char* const kModes[] = {"standard", "large", "contrast", "seated"};
const char* const kLanguages[] = {"id", "en"};

std::string shellQuoted(const std::string& s) { return "'" + s + "'"; }

std::string slurp(const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// One folder per test process with a database that has a unit, the instrument and responses,
// so the unit head's screens show real figures.
struct Shots {
    fs::path dir;
    std::string db;
    Shots() {
        dir = fs::path(SW_SCREENS_OUT);
        fs::create_directories(dir);
        db = (fs::temp_directory_path() / ("sw-screens-" + std::to_string(::getpid()) + ".db")).string();
        const std::string cmd = shellQuoted(SW_KIOSK_BINARY) + " simulate --demo --db " + shellQuoted(db) +
                                " --count 300 --batch 300 --seed 7 --quiet > /dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    ~Shots() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix, ec);
    }
};

struct Shot {
    std::string file;
    Rgb8Image image;
};

// `stem` names the PNG; each test writes only its own names, since ctest runs them side by side.
Shot take(const Shots& shots, const std::string& screen, const std::string& lang, const std::string& mode,
          const std::string& stem) {
    const fs::path png = shots.dir / (stem + ".png");
    const fs::path log = shots.dir / (stem + ".log");
    std::error_code ec;
    fs::remove(png, ec);
    const std::string cmd = "timeout 60 " + shellQuoted(SW_KIOSK_BINARY) + " screenshot --screen " + screen + " --lang " + lang +
                            " --mode " + mode + " --size " + std::to_string(kWidth) + "x" + std::to_string(kHeight) +
                            " --db " + shellQuoted(shots.db) + " --out " + shellQuoted(png.string()) + " > " + shellQuoted(log.string()) +
                            " 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(cmd << "\n" << slurp(log));
    REQUIRE(rc == 0);
    REQUIRE(fs::exists(png));
    Shot s{png.string(), Rgb8Image::load(png.string())};
    REQUIRE(s.image.width > 0);
    return s;
}

// The sanity every screenshot must pass, whatever the screen.
void checkSane(const Shot& s) {
    INFO(s.file);
    CHECK(s.image.width == kWidth);
    CHECK(s.image.height == kHeight);
    const double spread = swtest::lumaStdDev(s.image);
    INFO("luminance std-dev " << spread);
    CHECK(spread > 8); // not one flat colour
    const double edges = swtest::sharpEdgeShare(s.image);
    INFO("sharp-edge share " << edges);
    CHECK(edges > 0.004); // glyphs: a screen with a line of text has well over 0.4 % edge pixels
}

// Both languages for one screen; the citizen's screens in all four modes, each of which must
// change the picture. The unit head's screens (PIN, dashboard, facility, settings) and the
// assessor's view are not citizen modes' business — opening them resets the citizen flow, modes
// included (nothing of a respondent stays behind) — so they are taken in the standard mode only.
void checkScreen(const std::string& screen, bool citizen) {
    auto& display = TestDisplay::instance();
    if (!display.available()) swtest::skipTest("no X display: " + display.whyUnavailable());
    Shots shots;
    for (const char* lang : kLanguages) {
        std::vector<Shot> byMode;
        for (const char* mode : kModes) {
            if (!citizen && std::string(mode) != "standard") continue;
            byMode.push_back(take(shots, screen, lang, mode, screen + "-" + lang + "-" + mode));
            checkSane(byMode.back());
        }
        if (!citizen) continue;
        const Shot& standard = byMode[0];
        const Shot& large = byMode[1];
        const Shot& contrast = byMode[2];
        const Shot& seated = byMode[3];
        INFO(contrast.file << " vs " << standard.file);
        // High contrast is a different theme, not a tweak: a large part of the picture changes,
        // and its darkest and lightest inks are ≥ 7:1 apart (WCAG AAA).
        CHECK(swtest::differingShare(standard.image, contrast.image) > 0.05);
        CHECK(swtest::inkContrast(contrast.image) >= 7.0);
        INFO(large.file << " / " << seated.file);
        CHECK(swtest::differingShare(standard.image, large.image) > 0.01);
        CHECK(swtest::differingShare(standard.image, seated.image) > 0.01);
    }
    // Each screen is its own picture: not the welcome screen again (a screen that times out or
    // fails to open shows welcome instead).
    if (screen != "welcome") {
        const Shot welcome = take(shots, "welcome", "id", "standard", screen + "-reference-welcome-id-standard");
        const Rgb8Image mine = Rgb8Image::load((shots.dir / (screen + "-id-standard.png")).string());
        INFO(screen << "-id-standard.png vs " << welcome.file);
        CHECK(swtest::differingShare(mine, welcome.image) > 0.03);
    }
    // The language is applied: the same screen in English is not the Indonesian picture.
    const Rgb8Image id = Rgb8Image::load((shots.dir / (screen + "-id-standard.png")).string());
    const Rgb8Image en = Rgb8Image::load((shots.dir / (screen + "-en-standard.png")).string());
    CHECK(swtest::differingShare(id, en) > 0.002);
}

} // namespace

// The citizen's flow, then the operator's screens.
TEST_CASE("screen welcome renders in both languages and every mode", "[screens]") { checkScreen("welcome", true); }
TEST_CASE("screen language renders in both languages and every mode", "[screens]") { checkScreen("language", true); }
TEST_CASE("screen service renders in both languages and every mode", "[screens]") { checkScreen("service", true); }
TEST_CASE("screen unsur renders in both languages and every mode", "[screens]") { checkScreen("unsur", true); }
TEST_CASE("screen ham renders in both languages and every mode", "[screens]") { checkScreen("ham", true); }
TEST_CASE("screen rentan renders in both languages and every mode", "[screens]") { checkScreen("rentan", true); }
TEST_CASE("screen rentan-gate renders in both languages and every mode", "[screens]") { checkScreen("rentan-gate", true); }
TEST_CASE("screen facility-use renders in both languages and every mode", "[screens]") { checkScreen("facility-use", true); }
TEST_CASE("screen adil renders in both languages and every mode", "[screens]") { checkScreen("adil", true); }
TEST_CASE("screen profile renders in both languages and every mode", "[screens]") { checkScreen("profile", true); }
TEST_CASE("screen comment renders in both languages and every mode", "[screens]") { checkScreen("comment", true); }
TEST_CASE("screen thanks renders in both languages and every mode", "[screens]") { checkScreen("thanks", true); }
TEST_CASE("screen idle renders in both languages and every mode", "[screens]") { checkScreen("idle", true); }
TEST_CASE("screen pin renders in both languages and every mode", "[screens]") { checkScreen("pin", false); }
TEST_CASE("screen dashboard renders in both languages and every mode", "[screens]") { checkScreen("dashboard", false); }
TEST_CASE("screen facility renders in both languages and every mode", "[screens]") { checkScreen("facility", false); }
TEST_CASE("screen settings renders in both languages and every mode", "[screens]") { checkScreen("settings", false); }
TEST_CASE("screen assessor renders in both languages and every mode", "[screens]") { checkScreen("assessor", false); }
