// The waiting-room board in a real window under Xvfb: `suarawarga board --screenshot` draws each of
// its four pages in both languages (right size, not blank, text on it), each page is its own
// picture, and the demo unit's board carries the DEMO band. Skipped without a display or Xvfb.
#include "app/screens/png_metrics.hpp"
#include "app/screens/test_display.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;
using swtest::Rgb8Image;

namespace {

std::string inQuotes(const std::string& s) { return "'" + s + "'"; }

std::string slurp(const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The demo unit with a year of simulated answers: the board's default period (the last whole
// triwulan) has respondents.
struct BoardStore {
    std::string db = (fs::temp_directory_path() / ("sw-board-" + std::to_string(::getpid()) + ".db")).string();
    BoardStore() {
        const std::string cmd = inQuotes(SW_KIOSK_BINARY) + " simulate --db " + inQuotes(db) + " --count 400 --batch 400 --seed 11 --quiet --demo > /dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    ~BoardStore() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix, ec);
    }
};

Rgb8Image shot(const BoardStore& store, int page, const std::string& lang) {
    const fs::path dir(SW_SCREENS_OUT);
    fs::create_directories(dir);
    const std::string stem = "board-" + lang + "-" + std::to_string(page);
    const fs::path png = dir / (stem + ".png"), log = dir / (stem + ".log");
    std::error_code ec;
    fs::remove(png, ec);
    const std::string cmd = "timeout 60 " + inQuotes(SW_KIOSK_BINARY) + " board --db " + inQuotes(store.db) + " --lang " + lang +
                            " --page " + std::to_string(page) + " --size 1280x800 --screenshot " + inQuotes(png.string()) + " > " +
                            inQuotes(log.string()) + " 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(cmd << "\n" << slurp(log));
    REQUIRE(rc == 0);
    Rgb8Image img = Rgb8Image::load(png.string());
    REQUIRE(img.width == 1280);
    CHECK(img.height == 800);
    INFO(png.string() << ": luminance std-dev " << swtest::lumaStdDev(img) << ", sharp edges " << swtest::sharpEdgeShare(img));
    CHECK(swtest::lumaStdDev(img) > 8);         // not one flat colour
    CHECK(swtest::sharpEdgeShare(img) > 0.004);  // text on it
    CHECK(swtest::inkContrast(img) >= 7.0);      // dark text on a light page
    return img;
}

// The share of the top band (rows [0, 20 %)) in the kiosk's DEMO red, 0x9B1C1C.
double demoRedShare(const Rgb8Image& img) {
    std::int64_t red = 0, n = 0;
    for (int y = 0; y < img.height / 5; ++y)
        for (int x = 0; x < img.width; ++x, ++n) {
            const std::uint8_t* p = &img.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 3];
            red += std::abs(p[0] - 0x9B) < 12 && std::abs(p[1] - 0x1C) < 12 && std::abs(p[2] - 0x1C) < 12;
        }
    return static_cast<double>(red) / static_cast<double>(n);
}

} // namespace

TEST_CASE("board: every page draws in both languages, each its own picture, DEMO on the demo unit", "[screens][board]") {
    auto& display = swtest::TestDisplay::instance();
    if (!display.available()) swtest::skipTest("no X display: " + display.whyUnavailable());
    BoardStore store;
    for (const char* lang : {"id", "en"}) {
        std::vector<Rgb8Image> pages;
        for (int page = 1; page <= 4; ++page) pages.push_back(shot(store, page, lang));
        for (std::size_t a = 0; a < pages.size(); ++a)
            for (std::size_t b = a + 1; b < pages.size(); ++b) {
                INFO(lang << ": page " << a + 1 << " vs page " << b + 1);
                CHECK(swtest::differingShare(pages[a], pages[b]) > 0.02);
            }
        INFO(lang << " page 1: DEMO band share " << demoRedShare(pages[0]));
        CHECK(demoRedShare(pages[0]) > 0.1);
    }
    const Rgb8Image id = Rgb8Image::load((fs::path(SW_SCREENS_OUT) / "board-id-1.png").string());
    const Rgb8Image en = Rgb8Image::load((fs::path(SW_SCREENS_OUT) / "board-en-1.png").string());
    CHECK(swtest::differingShare(id, en) > 0.005);
}

TEST_CASE("board: a bad option is a usage error, a store with no unit is refused", "[screens][board]") {
    const fs::path none = fs::temp_directory_path() / ("sw-board-none-" + std::to_string(::getpid()) + ".db");
    const std::string base = inQuotes(SW_KIOSK_BINARY) + " board --db " + inQuotes(none.string());
    CHECK(WEXITSTATUS(std::system((base + " --lang fr > /dev/null 2>&1").c_str())) == 4);   // no store: refused before options matter
    CHECK_FALSE(fs::exists(none));                                                       // and none is created
    BoardStore store;
    const std::string good = inQuotes(SW_KIOSK_BINARY) + " board --db " + inQuotes(store.db);
    CHECK(WEXITSTATUS(std::system((good + " --lang fr --screenshot x.png > /dev/null 2>&1").c_str())) == 2);
    CHECK(WEXITSTATUS(std::system((good + " --period decade --screenshot x.png > /dev/null 2>&1").c_str())) == 2);
    CHECK(WEXITSTATUS(std::system((good + " --page 9 --screenshot x.png > /dev/null 2>&1").c_str())) == 2);
}
