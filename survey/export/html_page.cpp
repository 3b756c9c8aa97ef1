// Index of this file
//   [SECTION] Palette and escaping
//   [SECTION] The page's parts: head and style, header, result, weakest/strongest, unsur chart,
//             kelompok rentan, what we did, how to read the score, footer
//   [SECTION] Self-containment check
//   [SECTION] Writing the file
#include "survey/export/html_page.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace sw {

// [SECTION] Palette and escaping

namespace {

std::uint32_t hexOf(MutuRgb c) {
    auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b);
}

std::string css(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

constexpr Mutu kGrades[] = {Mutu::A, Mutu::B, Mutu::C, Mutu::D};

} // namespace

// The kiosk's standard theme on white (app/kiosk/screens/theme.cpp), the mutu palette of
// survey/skm/skm.hpp for the bars, and the kiosk's DEMO red.
const HtmlPalette& htmlPalette() {
    static const HtmlPalette p{0xFFFFFF, 0x14202B, 0x44525F, 0xEEF2F6, 0x6B7785, 0x0B4FA0, 0x9B1C1C, 0xFFFFFF};
    return p;
}

std::vector<HtmlPalette::Pair> HtmlPalette::pairs() const {
    std::vector<Pair> out = {
        {"text on background", srgbHex(text), srgbHex(background), 4.5},
        {"muted text on background", srgbHex(muted), srgbHex(background), 4.5},
        {"text on panel", srgbHex(text), srgbHex(panel), 4.5},
        {"muted text on panel", srgbHex(muted), srgbHex(panel), 4.5},
        {"link and focus on background", srgbHex(accent), srgbHex(background), 4.5},
        {"DEMO text on its band", srgbHex(demoText), srgbHex(demoBand), 7.0},
        {"rules on background", srgbHex(rule), srgbHex(background), 3.0},
        {"rules on panel (bar track)", srgbHex(rule), srgbHex(panel), 3.0},
    };
    for (Mutu m : kGrades) {
        const Srgb c = srgbHex(hexOf(mutuRgb(m)));
        out.push_back({std::string("mutu ") + mutuLetter(m) + " bar on background", c, srgbHex(background), 3.0});
        out.push_back({std::string("mutu ") + mutuLetter(m) + " bar on its track", c, srgbHex(panel), 3.0});
    }
    return out;
}

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    }
    return out;
}

// [SECTION] The page's parts

namespace {

struct Page {
    const PublicSummary& s;
    std::string out;

    const std::string& t(const char* key) const { return publicStrings().get(key, s.lang); }
    std::string num(double v) const { return publicNumber(v, s.lang); }
    // Text from anywhere (data, translations) goes in escaped; tags come only from this file.
    Page& text(std::string_view v) {
        out += escapeHtml(v);
        return *this;
    }
    Page& tag(std::string_view markup) {
        out += markup;
        return *this;
    }
    Page& element(std::string_view open, std::string_view content, std::string_view close) {
        return tag(open).text(content).tag(close);
    }
};

std::string styleSheet() {
    const HtmlPalette& p = htmlPalette();
    std::string s = ":root{--bg:" + css(p.background) + ";--text:" + css(p.text) + ";--muted:" + css(p.muted) +
                    ";--panel:" + css(p.panel) + ";--rule:" + css(p.rule) + ";--accent:" + css(p.accent) +
                    ";--demo-bg:" + css(p.demoBand) + ";--demo-text:" + css(p.demoText) + "}";
    // Sizes in rem and a single column, so 200 % zoom and a 320 px phone reflow instead of
    // scrolling sideways (WCAG 1.4.4, 1.4.10). System fonts only: nothing is fetched.
    s += R"(
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font-family:system-ui,"DejaVu Sans","Noto Sans",Arial,sans-serif;line-height:1.5}
.wrap{max-width:48rem;margin:0 auto;padding:1rem}
.skip{position:absolute;left:-100rem}
.skip:focus{left:1rem;top:1rem;background:var(--bg);color:var(--accent);padding:.5rem;outline:3px solid var(--accent)}
a{color:var(--accent)}
h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
p{margin:.5rem 0}
.demo{background:var(--demo-bg);color:var(--demo-text);font-weight:700;padding:.75rem 1rem;border-radius:.3rem;font-size:1.1rem}
.muted{color:var(--muted)}
.unit{font-size:1.2rem;font-weight:700;margin:0}
.score{background:var(--panel);border-left:.6rem solid var(--mutu,var(--rule));padding:.75rem 1rem;border-radius:.3rem;margin:1rem 0}
.score .big{font-size:3rem;font-weight:700;line-height:1.1;margin:0}
.score .of{font-size:1.2rem;font-weight:400;color:var(--muted)}
.score .grade{font-size:1.4rem;font-weight:700;margin:.25rem 0 0}
.lead{font-size:1.15rem}
ul.chart{list-style:none;margin:.5rem 0;padding:0}
ul.chart li{display:grid;grid-template-columns:minmax(0,15rem) minmax(5rem,1fr) 7rem;gap:.25rem .75rem;align-items:center;padding:.3rem 0}
.chart .lbl{overflow-wrap:anywhere}
.chart .val{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.chart svg{display:block;width:100%;height:1.4rem}
.mark{display:inline-block;font-size:.85rem;border:1px solid var(--rule);border-radius:.2rem;padding:0 .3rem;margin-left:.3rem;color:var(--text)}
figure{margin:1rem 0}
figcaption{color:var(--muted);font-size:.95rem}
details{margin:.5rem 0 1rem}
summary{cursor:pointer;color:var(--accent);padding:.25rem 0}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;color:var(--muted);font-size:.95rem;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--rule)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ul.done{padding-left:1.25rem}
ul.done li{margin:.5rem 0}
footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.95rem}
@media (max-width:40rem){
ul.chart li{grid-template-columns:minmax(0,1fr) auto}
.chart svg{grid-column:1/-1;grid-row:2}
.score .big{font-size:2.5rem}
}
@media print{.skip{display:none}body{font-size:11pt}}
)";
    return s;
}

void writeHead(Page& p) {
    const PublicSummary& s = p.s;
    p.tag("<!DOCTYPE html>\n<html lang=\"").text(s.lang).tag("\">\n<head>\n<meta charset=\"utf-8\">\n");
    p.tag("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    p.tag("<meta name=\"color-scheme\" content=\"light\">\n<title>");
    if (s.demo) p.text("DEMO · ");
    p.text(p.t("page.title") + " — " + s.unitName + " — " + s.periodText).tag("</title>\n");
    p.tag("<meta name=\"description\" content=\"").text(s.headline).tag("\">\n");
    p.tag("<style>").tag(styleSheet()).tag("</style>\n</head>\n");
}

void writeHeader(Page& p) {
    const PublicSummary& s = p.s;
    p.tag("<body>\n<a class=\"skip\" href=\"#hasil\">").text(p.t("page.skip")).tag("</a>\n<div class=\"wrap\">\n<header>\n");
    // Before the unit's name, as in the PDF: nobody reads a demo unit's figures as a real one's.
    if (s.demo) p.element("<p class=\"demo\" role=\"note\">", p.t("page.demo"), "</p>\n");
    if (!s.instansi.empty()) p.element("<p class=\"muted\">", s.instansi, "</p>\n");
    p.element("<p class=\"unit\">", s.unitName, "</p>\n");
    if (!s.place.empty()) p.element("<p class=\"muted\">", s.place, "</p>\n");
    p.element("<h1>", p.t("page.title"), "</h1>\n");
    p.element("<p><strong>", p.t("page.period"), ":</strong> ").text(s.periodText).tag("</p>\n</header>\n");
}

void writeResult(Page& p) {
    const PublicSummary& s = p.s;
    p.tag("<main>\n<section aria-labelledby=\"hasil\">\n").element("<h2 id=\"hasil\">", p.t("page.result_heading"), "</h2>\n");
    if (s.hasResult) {
        p.tag("<div class=\"score\" style=\"--mutu:").tag(css(hexOf(mutuRgb(s.mutu)))).tag("\">\n");
        p.element("<p class=\"big\">", p.num(s.ikmUnit), " ").element("<span class=\"of\">", p.t("page.of_100"), "</span></p>\n");
        p.element("<p class=\"grade\">", format(p.t("page.grade"), {mutuLetter(s.mutu), s.kinerja}), "</p>\n</div>\n");
    } else {
        p.tag("<div class=\"score\">\n").element("<p class=\"grade\">", p.t("page.no_score"), "</p>\n</div>\n");
    }
    p.element("<p class=\"lead\">", s.headline, "</p>\n</section>\n");
}

void writeWeakStrong(Page& p) {
    const PublicSummary& s = p.s;
    if (s.weakestText.empty()) return;
    p.tag("<section aria-labelledby=\"lemah-kuat\">\n").element("<h2 id=\"lemah-kuat\">", p.t("page.weak_strong_heading"), "</h2>\n");
    p.element("<p>", s.weakestText, "</p>\n");
    if (s.strongest != s.weakest) p.element("<p>", s.strongestText, "</p>\n");
    p.tag("</section>\n");
}

// One bar on the 25–100 scale: the track, the value, thin lines where C, B and A begin. The SVG
// stretches to its row (no text inside it, so nothing is distorted); its <title> is its text.
void writeBar(Page& p, const std::string& title, double value, Mutu m) {
    const double w = std::clamp(value, 25.0, 100.0) - 25.0;
    char bar[64];
    std::snprintf(bar, sizeof bar, "%.2f", w);
    p.tag("<svg viewBox=\"0 0 75 10\" preserveAspectRatio=\"none\" role=\"img\" focusable=\"false\"><title>").text(title).tag("</title>");
    p.tag("<rect width=\"75\" height=\"10\" fill=\"").tag(css(htmlPalette().panel)).tag("\"/>");
    p.tag("<rect width=\"").tag(bar).tag("\" height=\"10\" fill=\"").tag(css(hexOf(mutuRgb(m)))).tag("\"/>");
    for (double bound : kMutuLowerBounds) {
        char x[32];
        std::snprintf(x, sizeof x, "%.2f", bound - 25.0);
        p.tag("<line x1=\"").tag(x).tag("\" x2=\"").tag(x).tag("\" y1=\"0\" y2=\"10\" stroke=\"").tag(css(htmlPalette().rule)).tag("\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>");
    }
    p.tag("</svg>");
}

void writeUnsurRow(Page& p, std::size_t i) {
    const PublicSummary& s = p.s;
    const PublicUnsur& u = s.unsur[i];
    p.tag("<li><span class=\"lbl\">").text(u.code + " " + u.name);
    if (static_cast<int>(i) == s.weakest) p.element("<span class=\"mark\">", p.t("page.lowest"), "</span>");
    else if (static_cast<int>(i) == s.strongest) p.element("<span class=\"mark\">", p.t("page.highest"), "</span>");
    p.tag("</span>");
    if (u.n == 0) {
        p.element("<span class=\"val muted\">", p.t("page.not_rated"), "</span></li>\n");
        return;
    }
    writeBar(p, format(p.t("page.bar_title"), {u.code + " " + u.name, p.num(u.value), gradeText(u.mutu, s.lang)}), u.value, u.mutu);
    p.element("<span class=\"val\">", p.num(u.value) + " · " + mutuLetter(u.mutu), "</span></li>\n");
}

void writeUnsurTable(Page& p) {
    const PublicSummary& s = p.s;
    p.element("<details><summary>", p.t("page.table_show"), "</summary>\n<div class=\"table\"><table>\n");
    p.element("<caption>", p.t("page.unsur_heading"), "</caption>\n<thead><tr>");
    p.element("<th scope=\"col\">", p.t("table.code"), "</th>").element("<th scope=\"col\">", p.t("table.unsur"), "</th>");
    p.element("<th scope=\"col\" class=\"num\">", p.t("table.value"), "</th>").element("<th scope=\"col\">", p.t("table.mutu"), "</th>");
    p.element("<th scope=\"col\" class=\"num\">", p.t("table.n"), "</th></tr></thead>\n<tbody>\n");
    for (const auto& u : s.unsur) {
        p.element("<tr><td>", u.code, "</td>").element("<th scope=\"row\">", u.name, "</th>");
        if (u.n == 0) p.element("<td class=\"num\">", "–", "</td>").element("<td>", p.t("page.not_rated"), "</td>");
        else p.element("<td class=\"num\">", p.num(u.value), "</td>").element("<td>", gradeText(u.mutu, s.lang), "</td>");
        p.element("<td class=\"num\">", formatCount(u.n, s.lang), "</td></tr>\n");
    }
    p.tag("</tbody></table></div></details>\n");
}

void writeUnsur(Page& p) {
    const PublicSummary& s = p.s;
    if (s.unsur.empty() || s.respondents == 0) return;
    p.tag("<section aria-labelledby=\"unsur\">\n").element("<h2 id=\"unsur\">", p.t("page.unsur_heading"), "</h2>\n");
    p.tag("<figure aria-labelledby=\"unsur-cap\">\n<ul class=\"chart\">\n");
    for (std::size_t i = 0; i < s.unsur.size(); ++i) writeUnsurRow(p, i);
    p.tag("</ul>\n").element("<figcaption id=\"unsur-cap\">", p.t("page.unsur_caption"), "</figcaption>\n</figure>\n");
    writeUnsurTable(p);
    p.tag("</section>\n");
}

// The two groups side by side, when both are large enough to show (public_summary.hpp).
void writeGapChart(Page& p) {
    const PublicSummary& s = p.s;
    const struct {
        const char* key;
        double value;
        std::int64_t n;
    } groups[] = {{"page.group_rentan", s.rentanIkm, s.rentanN}, {"page.group_bukan", s.bukanIkm, s.bukanN}};
    p.tag("<figure aria-labelledby=\"rentan-cap\">\n<ul class=\"chart\">\n");
    for (const auto& g : groups) {
        const Mutu m = mutuFor(g.value);
        p.element("<li><span class=\"lbl\">", p.t(g.key), "</span>");
        writeBar(p, format(p.t("page.bar_title"), {p.t(g.key), p.num(g.value), gradeText(m, s.lang)}), g.value, m);
        p.element("<span class=\"val\">", p.num(g.value) + " · " + mutuLetter(m), "</span></li>\n");
    }
    p.tag("</ul>\n").element("<figcaption id=\"rentan-cap\">", p.t("page.gap_caption"), "</figcaption>\n</figure>\n");
    p.element("<details><summary>", p.t("page.table_show"), "</summary>\n<div class=\"table\"><table>\n");
    p.element("<caption>", p.t("page.gap_caption"), "</caption>\n<thead><tr>");
    p.element("<th scope=\"col\">", p.t("table.group"), "</th>").element("<th scope=\"col\" class=\"num\">", p.t("table.respondents"), "</th>");
    p.element("<th scope=\"col\" class=\"num\">", p.t("table.value"), "</th>").element("<th scope=\"col\">", p.t("table.mutu"), "</th></tr></thead>\n<tbody>\n");
    for (const auto& g : groups) {
        p.element("<tr><th scope=\"row\">", p.t(g.key), "</th>").element("<td class=\"num\">", formatCount(g.n, s.lang), "</td>");
        p.element("<td class=\"num\">", p.num(g.value), "</td>").element("<td>", gradeText(mutuFor(g.value), s.lang), "</td></tr>\n");
    }
    p.tag("</tbody></table></div></details>\n");
}

void writeRentan(Page& p) {
    const PublicSummary& s = p.s;
    if (s.respondents == 0) return;
    p.tag("<section aria-labelledby=\"rentan\">\n").element("<h2 id=\"rentan\">", p.t("page.rentan_heading"), "</h2>\n");
    p.element("<p>", s.aksesText, "</p>\n").element("<p>", s.gapText, "</p>\n");
    if (s.gapShown) writeGapChart(p);
    p.tag("</section>\n");
}

void writeDone(Page& p) {
    const PublicSummary& s = p.s;
    p.tag("<section aria-labelledby=\"tindak-lanjut\">\n").element("<h2 id=\"tindak-lanjut\">", p.t("page.done_heading"), "</h2>\n");
    if (s.done.empty()) {
        p.element("<p>", p.t("page.done_none"), "</p>\n</section>\n");
        return;
    }
    p.element("<p>", p.t("page.done_intro"), "</p>\n<ul class=\"done\">\n");
    for (const auto& a : s.done) {
        p.element("<li><strong>", a.target, ":</strong> ").text(a.action);
        if (!a.answers.empty()) p.element(" <span class=\"muted\">(", format(p.t("page.done_answers"), {a.answers}), ")</span>");
        p.tag("</li>\n");
    }
    p.tag("</ul>\n</section>\n");
}

// The regulation's table: what each mutu means on the 25–100 scale (survey/skm/skm.hpp bounds).
void writeHowTo(Page& p) {
    const std::string& lang = p.s.lang;
    p.tag("<section aria-labelledby=\"cara-baca\">\n").element("<h2 id=\"cara-baca\">", p.t("page.howto_heading"), "</h2>\n");
    p.element("<p>", p.t("page.howto"), "</p>\n<div class=\"table\"><table>\n<thead><tr>");
    p.element("<th scope=\"col\">", p.t("table.range"), "</th>").element("<th scope=\"col\">", p.t("table.mutu"), "</th>");
    p.element("<th scope=\"col\">", p.t("table.kinerja"), "</th></tr></thead>\n<tbody>\n");
    for (Mutu m : kGrades) {
        std::string range;
        if (m == Mutu::A) range = format(p.t("table.from"), {formatNumber(kMutuLowerBoundA, 2, lang)});
        else if (m == Mutu::D) range = format(p.t("table.below"), {formatNumber(kMutuLowerBoundC, 2, lang)});
        else {
            const double upper = m == Mutu::B ? kMutuLowerBoundA : kMutuLowerBoundB;
            range = formatNumber(mutuLowerBound(m), 2, lang) + " – " + formatNumber(upper - 0.01, 2, lang);
        }
        p.element("<tr><td>", range, "</td>").element("<td>", mutuLetter(m), "</td>").element("<td>", kinerjaWord(m, lang), "</td></tr>\n");
    }
    p.tag("</tbody></table></div>\n</section>\n</main>\n");
}

void writeFooter(Page& p, const std::string& madeOn) {
    p.tag("<footer>\n").element("<p>", p.t("page.invite"), "</p>\n").element("<p>", p.t("page.privacy"), "</p>\n");
    p.element("<p>", format(p.t("page.made"), {madeOn}), "</p>\n</footer>\n</div>\n</body>\n</html>\n");
}

} // namespace

std::string renderHtmlPage(const PublicSummary& s, const std::string& madeOn) {
    Page p{s, {}};
    p.out.reserve(24 * 1024);
    writeHead(p);
    writeHeader(p);
    writeResult(p);
    writeWeakStrong(p);
    writeUnsur(p);
    writeRentan(p);
    writeDone(p);
    writeHowTo(p);
    writeFooter(p, madeOn);
    return std::move(p.out);
}

// [SECTION] Self-containment check

namespace {

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
    return true;
}

// The value after `at` (just past "attr=" or "url("): quoted or bare.
std::string valueAt(std::string_view html, std::size_t at, bool cssUrl) {
    while (at < html.size() && std::isspace(static_cast<unsigned char>(html[at]))) ++at;
    if (at >= html.size()) return "";
    const char q = html[at];
    if (q == '"' || q == '\'') {
        const std::size_t end = html.find(q, at + 1);
        return std::string(html.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1));
    }
    std::size_t end = at;
    while (end < html.size() && !std::isspace(static_cast<unsigned char>(html[end])) && html[end] != '>' && !(cssUrl && html[end] == ')')) ++end;
    return std::string(html.substr(at, end - at));
}

bool nameCharBefore(std::string_view html, std::size_t i) {
    if (i == 0) return false;
    const unsigned char c = static_cast<unsigned char>(html[i - 1]);
    return std::isalnum(c) || c == '-' || c == '_' || c == ':';
}

} // namespace

namespace {

// CSS that fetches: url(…) other than an in-page "#id", and @import.
void cssReferences(std::string_view css, std::vector<std::string>& found) {
    for (std::size_t i = 0; i < css.size(); ++i) {
        const std::string_view rest = css.substr(i);
        if (startsWithNoCase(rest, "url(")) {
            const std::string v = valueAt(css, i + 4, true);
            if (v.empty() || v[0] != '#') found.push_back("url(" + v + ")");
        } else if (startsWithNoCase(rest, "@import")) {
            found.push_back("@import");
        }
    }
}

// Attributes of one tag (the text between '<' and '>') that make a browser fetch or navigate.
void tagReferences(std::string_view tag, std::vector<std::string>& found) {
    static const char* const kAttrs[] = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background",
                                         "cite", "longdesc", "manifest", "ping", "xlink:href", "codebase", "archive"};
    for (std::size_t i = 0; i < tag.size(); ++i) {
        if (nameCharBefore(tag, i)) continue;
        const std::string_view rest = tag.substr(i);
        if (startsWithNoCase(rest, "http-equiv")) found.push_back("http-equiv");   // refresh: a redirect
        for (const char* attr : kAttrs) {
            const std::string_view a(attr);
            if (!startsWithNoCase(rest, a)) continue;
            std::size_t j = i + a.size();
            while (j < tag.size() && std::isspace(static_cast<unsigned char>(tag[j]))) ++j;
            if (j >= tag.size() || tag[j] != '=') continue;
            const std::string v = valueAt(tag, j + 1, false);
            if (v.empty() || v[0] != '#') found.push_back(std::string(attr) + "=" + v);
        }
    }
    cssReferences(tag, found);   // style="…url(…)"
}

} // namespace

std::vector<std::string> externalReferences(std::string_view html) {
    std::vector<std::string> found;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const std::size_t end = html.find('>', i);
        const std::string_view tag = html.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
        tagReferences(tag, found);
        if (end == std::string_view::npos) break;
        i = end + 1;
        // A style sheet's text is CSS, not page text.
        if (startsWithNoCase(tag, "style")) {
            const std::size_t close = html.find("</style", i);
            cssReferences(html.substr(i, close == std::string_view::npos ? std::string_view::npos : close - i), found);
            if (close != std::string_view::npos) i = close;
        }
    }
    return found;
}

// [SECTION] Writing the file

std::int64_t exportHtmlPage(Store& store, const std::string& path, const HtmlPageOptions& opt) {
    const PublicSummary s = publicSummary(store, opt.filter, opt.lang);
    LocalDate today;
    parseDate(localDate(nowUtc(), store.unit().value_or(UnitInfo{}).utcOffsetMinutes), today);
    const std::string page = renderHtmlPage(s, longDate(today, opt.lang));
    AtomicOutput out(path);
    out.write(page);
    out.commit();
    return s.respondents;
}

} // namespace sw
