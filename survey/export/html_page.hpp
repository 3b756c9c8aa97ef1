// The unit's SKM results for the public as one HTML page (public_summary.hpp says what; this file
// lays it out): self-contained — no font, script, stylesheet or image from anywhere else, so it
// works offline, from a USB stick, on a notice-board PC or posted to a website — semantic (headings,
// a table behind every chart, `lang` set), readable on a phone and at 200 % zoom, without
// JavaScript. Every string from data is escaped. Colours are a palette checked for WCAG contrast
// with the kiosk's formula (survey/base/contrast.hpp).
#pragma once
#include "survey/base/contrast.hpp"
#include "survey/export/public_summary.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sw {

struct HtmlPageOptions {
    ResponseFilter filter;        // the period (suspected misuse is left out of scores)
    std::string lang = "id";      // "id" | "en"
};

// The page's colours. Each pair the page draws, with the ratio it must reach (text ≥ 4,5:1, the
// DEMO note ≥ 7:1 as on the kiosk, bars and rules ≥ 3:1).
struct HtmlPalette {
    std::uint32_t background, text, muted, panel, rule, accent, demoBand, demoText;
    struct Pair {
        std::string what;
        Srgb fg, bg;
        double min;
    };
    std::vector<Pair> pairs() const;   // includes white on every mutu colour and each mutu bar on the page
};
const HtmlPalette& htmlPalette();

// &, <, >, " and ' as character references: safe in text and in quoted attributes.
std::string escapeHtml(std::string_view text);

// Every reference in `html` to something outside the page: src/href/srcset/action/… values and
// CSS url()/@import that are not in-page anchors ("#…"). Empty for a self-contained page.
std::vector<std::string> externalReferences(std::string_view html);

// The page for a summary (pure: same summary, same page but for the date it was made).
std::string renderHtmlPage(const PublicSummary& s, const std::string& madeOn);

// Computes the summary and writes the page atomically (temp, fsync, rename). Returns the
// respondents counted. Throws ExportError.
std::int64_t exportHtmlPage(Store& store, const std::string& path, const HtmlPageOptions& opt);

} // namespace sw
