// The public page in a real browser: Debian's chromium (third_party/packages.txt) opens the file
// `suarawarga export --format html` wrote, offline, and renders it headless to PNG at desktop and
// phone width (neither blank) and dumps its DOM, whose text must hold the figures
// `suarawarga report --format json` gives for the same period, in Indonesian and English.
// Skipped (tests/skip.hpp) where chromium is not installed.
#include "skip.hpp"
#include "survey/export/export_helpers.hpp"

#include "survey/base/number.hpp"
#include "survey/export/html_page.hpp"
#include "survey/facility/tindak_lanjut.hpp"

#include <cairo.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

using namespace sw;

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Headless chromium as the machine runs it: no sandbox (root in a container), no GPU, a fresh
// profile, and offline — every host unresolvable, a dead proxy — so what it shows is what a
// citizen sees from a USB stick with no network.
std::string chromium(const swtest::TempDir& dir, const std::string& what, const std::string& file) {
    static int profile = 0;
    const std::string userDir = dir.file("chromium-profile-" + std::to_string(++profile));
    std::filesystem::create_directories(userDir);
    return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
           "--disable-background-networking --disable-component-update --disable-sync "
           "--proxy-server=http://127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir=" +
           quoted(userDir) + " " + what + " " + quoted("file://" + file);
}

std::string capture(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
    if (!p) return out;
    char buf[8192];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
    return out;
}

// The DOM's text as a reader gets it: tags dropped, the few entities the serializer writes decoded.
std::string domText(const std::string& dom) {
    std::string text = std::regex_replace(dom, std::regex("<[^>]*>"), " ");
    for (const auto& [entity, ch] : {std::pair<const char*, const char*>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "}}) {
        for (std::size_t at; (at = text.find(entity)) != std::string::npos;) text.replace(at, std::strlen(entity), ch);
    }
    return text;
}

struct Png {
    int width = 0, height = 0;
    double lumaStdDev = 0;
    double inkShare = 0;   // pixels clearly darker than the page
};

Png readPng(const std::string& path) {
    Png out;
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return out;
    }
    cairo_surface_flush(s);
    out.width = cairo_image_surface_get_width(s);
    out.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    double sum = 0, sum2 = 0;
    std::int64_t ink = 0, n = 0;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const auto px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
            const double l = 0.2126 * ((px >> 16) & 0xFF) + 0.7152 * ((px >> 8) & 0xFF) + 0.0722 * (px & 0xFF);
            sum += l;
            sum2 += l * l;
            ink += l < 128;
            ++n;
        }
    cairo_surface_destroy(s);
    const double mean = sum / static_cast<double>(n);
    out.lumaStdDev = std::sqrt(std::max(0.0, sum2 / static_cast<double>(n) - mean * mean));
    out.inkShare = static_cast<double>(ink) / static_cast<double>(n);
    return out;
}

Mutu mutuOfLetter(const std::string& letter) {
    for (Mutu m : {Mutu::A, Mutu::B, Mutu::C, Mutu::D})
        if (letter == mutuLetter(m)) return m;
    FAIL("no mutu " << letter);
    return Mutu::D;
}

// Every figure of the report that the page shows, found in the browser's text.
void checkFigures(const std::string& text, const nlohmann::json& report, const std::string& lang) {
    CHECK(text.find(formatCount(report["respondents"].get<std::int64_t>(), lang)) != std::string::npos);
    const std::string ikm = formatNumber(report["ikm_unit"].get<double>(), 2, lang);
    INFO("IKM unit " << ikm);
    CHECK(text.find(ikm) != std::string::npos);
    const Mutu m = mutuOfLetter(report["mutu"].get<std::string>());
    CHECK(text.find(lang == "en" ? kinerjaNameEn(m) : kinerjaName(m)) != std::string::npos);
    for (const auto& u : report["unsur"]) {
        const std::string v = formatNumber(u["nrr_unit"].get<double>(), 2, lang);
        INFO(u["code"].get<std::string>() << " " << v);
        CHECK(text.find(u["code"].get<std::string>() + " ") != std::string::npos);
        CHECK(text.find(v) != std::string::npos);
    }
    CHECK(text.find(formatNumber(report["aksesibilitas"]["index"].get<double>(), 2, lang)) != std::string::npos);
    const auto& gap = report["rentan_gap"];
    REQUIRE(gap["comparable"].get<bool>());
    REQUIRE(gap["rentan"]["respondents"].get<std::int64_t>() >= kMinPublicGroup);
    CHECK(text.find(formatNumber(std::fabs(gap["ikm_gap"].get<double>()), 2, lang)) != std::string::npos);
    CHECK(text.find(formatNumber(gap["rentan"]["ikm_unit"].get<double>(), 2, lang)) != std::string::npos);
    CHECK(text.find(formatNumber(gap["bukan"]["ikm_unit"].get<double>(), 2, lang)) != std::string::npos);
}

void checkScreenshot(const swtest::TempDir& dir, const std::string& page, int width, int height) {
    const std::string png = dir.file("page-" + std::to_string(width) + ".png");
    const std::string cmd = chromium(dir, "--screenshot=" + quoted(png) + " --window-size=" + std::to_string(width) + "," +
                                              std::to_string(height), page);
    capture(cmd);
    const Png shot = readPng(png);
    INFO(cmd);
    REQUIRE(shot.width == width);
    CHECK(shot.height == height);
    INFO("luminance std-dev " << shot.lumaStdDev << ", ink share " << shot.inkShare);
    CHECK(shot.lumaStdDev > 15);    // not one flat colour
    CHECK(shot.inkShare > 0.02);    // text and bars, not an empty page
}

} // namespace

TEST_CASE("the public page in headless chromium holds the report's figures, in id and en", "[export][public][browser]") {
    if (!swtest::haveTool("chromium")) swtest::skipTest("chromium is not installed (third_party/packages.txt)");
    swtest::TempDir dir;
    const std::string db = dir.file("unit.db");
    swtest::fillUnit(db, "kanim-web", 800, 51, 420, 60);
    LocalDate today;
    parseDate(localDate(nowUtc(), 420), today);
    const std::string from = formatDate(civilFromDays(daysFromCivil(today.year, today.month, today.day) - 45));
    const std::string to = formatDate(today);
    {
        Store store(db);
        TindakLanjut t;
        t.periodFrom = formatDate(civilFromDays(daysFromCivil(today.year, today.month, today.day) - 120));
        t.periodTo = formatDate(civilFromDays(daysFromCivil(today.year, today.month, today.day) - 46));
        t.targetCode = "U3";
        t.action = "Loket prioritas dibuka untuk lansia dan penyandang disabilitas";
        t.owner = "Kepala Seksi";
        t.dueDate = to;
        t.status = "selesai";
        addTindakLanjut(store, t);
    }
    const std::string period = " --from " + from + " --to " + to;
    auto report = swtest::runCli("report --db " + quoted(db) + period + " --format json");
    REQUIRE(report.status == 0);
    const nlohmann::json j = nlohmann::json::parse(report.out);

    for (const std::string lang : {"id", "en"}) {
        const std::string page = dir.file("skm-" + lang + ".html");
        auto e = swtest::runCli("export --db " + quoted(db) + " --format html --lang " + lang + period + " --out " + quoted(page));
        INFO(e.out);
        REQUIRE(e.status == 0);
        const std::string dom = capture(chromium(dir, "--dump-dom", page));
        REQUIRE(dom.find("</html>") != std::string::npos);
        CHECK(dom.find("<html lang=\"" + lang + "\">") != std::string::npos);
        CHECK(externalReferences(dom).empty());   // as the browser parsed it, too
        const std::string text = domText(dom);
        checkFigures(text, j, lang);
        CHECK(text.find("Loket prioritas dibuka untuk lansia dan penyandang disabilitas") != std::string::npos);
        CHECK(text.find("DEMO") == std::string::npos);   // a real unit
        if (lang == "id") {
            checkScreenshot(dir, page, 1280, 2000);
            checkScreenshot(dir, page, 390, 2400);
        }
    }
}
