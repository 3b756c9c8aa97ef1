// Shared by the export suites: a unit's store filled with simulated respondents, a PNG, the CLI.
#pragma once
#include "survey/kiosk/simulate.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/base/local_time.hpp"
#include "survey/test_helpers.hpp"

#include <cairo.h>

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace swtest {

// A unit database with `count` simulated respondents over the last `days` days.
inline void fillUnit(const std::string& dbPath, const std::string& unitId, int count, std::uint64_t seed,
                     int offsetMinutes = 420, int days = 60) {
    sw::Store store(dbPath);
    // The demo unit's identity as a template the first time; a second fill adds to the same unit.
    sw::Instrument in = store.unit() ? sw::requireUnit(store) : sw::setUpDemo(store);
    sw::UnitInfo u = *store.unit();
    u.id = unitId;
    u.name = "Unit " + unitId;
    u.utcOffsetMinutes = offsetMinutes;
    u.demo = false;   // a stand-in for a real unit, not the demo unit it was copied from
    store.setUnit(u);
    sw::Simulator sim(in, u, seed, days, sw::nowUtc());
    std::vector<sw::Response> rs;
    for (int i = 0; i < count; ++i) {
        rs.push_back(sim.next());
        if (i % 17 == 3) rs.back().misuse = true;
    }
    store.appendAll(rs);
}

inline cairo_status_t appendPng(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

inline std::string pngBytes(int w, int h) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.5, 0.8);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 1, 0.8, 0.1);
    cairo_rectangle(cr, w / 4.0, h / 4.0, w / 2.0, h / 2.0);
    cairo_fill(cr);
    std::string out;
    cairo_surface_write_to_png_stream(s, appendPng, &out);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return out;
}

// A command's stdout and stderr (for tools the tests drive: pdftotext, unzip).
inline std::string shellOutput(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    pclose(p);
    return out;
}

inline std::size_t occurrences(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

struct Run {
    int status = -1;
    std::string out;
};

#ifdef SW_CLI_BINARY
inline Run runCli(const std::string& args) {
    std::string cmd = std::string(SW_CLI_BINARY) + " " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}
#endif

} // namespace swtest
