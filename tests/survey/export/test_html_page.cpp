// The public page (survey/export/html_page.hpp) and what it says (public_summary.hpp): the figures
// `report` computes, the weakest and strongest unsur, the gap only for groups large enough, only
// done tindak lanjut, no comment text, every data string escaped, DEMO for the demo unit, nothing
// fetched from outside, a palette that passes the kiosk's contrast rule. The page in a real browser:
// test_html_browser.cpp.
#include "survey/export/export_helpers.hpp"

#include "survey/base/contrast.hpp"
#include "survey/base/number.hpp"
#include "survey/dashboard/comments.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/export/html_page.hpp"
#include "survey/export/public_summary.hpp"
#include "survey/facility/tindak_lanjut.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace sw;

namespace {

// A real-looking unit with 600 respondents over 60 days and a fixed period covering them all.
struct PublicUnit {
    swtest::TempDir dir;
    std::string db = dir.file("unit.db");
    ResponseFilter period;
    PublicUnit() {
        swtest::fillUnit(db, "kanim-pub", 600, 41, 420, 60);
        LocalDate today;
        parseDate(localDate(nowUtc(), 420), today);
        period.from = formatDate(civilFromDays(daysFromCivil(today.year, today.month, today.day) - 70));
        period.to = formatDate(today);
    }
};

TindakLanjut plan(const std::string& from, const std::string& to, const std::string& code, const std::string& action,
                  const std::string& status) {
    TindakLanjut t;
    t.periodFrom = from;
    t.periodTo = to;
    t.targetCode = code;
    t.targetLabel = "Label " + code;
    t.action = action;
    t.owner = "Kasubag Umum";
    t.dueDate = to;
    t.status = status;
    return t;
}

std::string dayOffset(const std::string& date, int days) {
    LocalDate d;
    parseDate(date, d);
    return formatDate(civilFromDays(daysFromCivil(d.year, d.month, d.day) + days));
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

} // namespace

TEST_CASE("public summary: the figures report computes, the weakest and strongest unsur", "[export][public]") {
    PublicUnit u;
    Store store(u.db);
    const Instrument in = *store.latestInstrument();
    const PublicSummary s = publicSummary(store, u.period, "id");
    const SkmResult skm = skmFor(store, in, u.period);
    CHECK(s.respondents == skm.respondents);
    CHECK(s.respondents > 500);   // 600, less the simulated misuse (left out, as in report)
    REQUIRE(s.hasResult);
    CHECK(s.ikmUnit == Approx(skm.ikmUnit));
    CHECK(s.mutu == skm.mutu);
    CHECK(s.kinerja == kinerjaName(skm.mutu));
    REQUIRE(s.unsur.size() == skm.unsur.size());
    double lo = 1e9, hi = -1e9;
    for (std::size_t i = 0; i < s.unsur.size(); ++i) {
        CHECK(s.unsur[i].code == skm.unsur[i].code);
        CHECK(s.unsur[i].value == Approx(skm.unsur[i].nrrUnit));
        lo = std::min(lo, s.unsur[i].value);
        hi = std::max(hi, s.unsur[i].value);
    }
    REQUIRE(s.weakestUnsur());
    REQUIRE(s.strongestUnsur());
    CHECK(s.weakestUnsur()->value == lo);
    CHECK(s.strongestUnsur()->value == hi);
    CHECK(has(s.weakestText, s.weakestUnsur()->name));
    CHECK(has(s.weakestText, formatNumber(lo, 2, "id")));
    CHECK(has(s.headline, formatNumber(skm.ikmUnit, 2, "id")));
    CHECK(has(s.headline, formatCount(skm.respondents, "id")));
    const AksesibilitasResult akses = aksesibilitasFor(store, in, u.period);
    CHECK(s.aksesIndex == Approx(akses.index));
    const RentanGap gap = rentanGapFor(store, in, u.period);
    REQUIRE(s.gapShown);
    CHECK(s.ikmGap == Approx(gap.ikmGap));
    CHECK(has(s.gapText, formatNumber(std::fabs(gap.ikmGap), 2, "id")));
}

TEST_CASE("public summary in English: point decimals and the English words", "[export][public]") {
    PublicUnit u;
    Store store(u.db);
    const PublicSummary s = publicSummary(store, u.period, "en");
    CHECK(s.kinerja == kinerjaNameEn(s.mutu));
    CHECK(has(s.headline, formatNumber(s.ikmUnit, 2, "en")));
    CHECK(has(s.headline, "out of 100"));
    const std::string page = renderHtmlPage(s, "1 December 2026");
    CHECK(has(page, "<html lang=\"en\">"));
    CHECK(has(page, "What we have done"));
}

TEST_CASE("public page holds only done tindak lanjut, for this period or earlier ones", "[export][public]") {
    PublicUnit u;
    Store store(u.db);
    const std::string from = *u.period.from, to = *u.period.to;
    addTindakLanjut(store, plan(dayOffset(from, -90), dayOffset(from, -1), "U3", "Loket tambahan dibuka pukul 07.30", "selesai"));
    addTindakLanjut(store, plan(from, to, "U6", "Pelatihan petugas <b>layanan</b> & sikap", "selesai"));
    addTindakLanjut(store, plan(from, to, "U2", "Rencana yang belum dikerjakan", "rencana"));
    addTindakLanjut(store, plan(from, to, "U4", "Sedang dikerjakan", "berjalan"));
    addTindakLanjut(store, plan(dayOffset(to, 1), dayOffset(to, 90), "U9", "Untuk periode sesudahnya", "selesai"));
    TindakLanjut toilet = plan(dayOffset(from, -90), dayOffset(from, -1), "F03", "Toilet dibangun", "selesai");
    toilet.targetKind = "facility";
    toilet.targetLabel = "F03 Toilet";
    addTindakLanjut(store, toilet);
    const PublicSummary s = publicSummary(store, u.period, "id");
    REQUIRE(s.done.size() == 3);
    CHECK(s.done[0].action == "Pelatihan petugas <b>layanan</b> & sikap");   // newest period first
    CHECK(s.done[0].target == "Kompetensi Pelaksana");                        // the unsur's name, not the stored label
    CHECK(s.done[0].unsurCode == "U6");
    CHECK(s.done[1].target == "Toilet khusus penyandang disabilitas");        // the checklist's name, not "F03 …"
    CHECK(s.done[1].unsurCode.empty());
    CHECK(s.done[2].action == "Loket tambahan dibuka pukul 07.30");
    CHECK(publicSummary(store, u.period, "en").done[1].target == "Toilet for persons with disabilities");
    const std::string page = renderHtmlPage(s, "1 Desember 2026");
    CHECK(has(page, "Pelatihan petugas &lt;b&gt;layanan&lt;/b&gt; &amp; sikap"));
    CHECK_FALSE(has(page, "<b>layanan"));
    CHECK_FALSE(has(page, "Rencana yang belum dikerjakan"));
    CHECK_FALSE(has(page, "Sedang dikerjakan"));
    CHECK_FALSE(has(page, "Untuk periode sesudahnya"));
    CHECK_FALSE(has(page, "Kasubag Umum"));   // who owns a plan is the unit's business
}

TEST_CASE("public page: no comment text, data escaped, small and self-contained", "[export][public]") {
    PublicUnit u;
    {
        Store store(u.db);
        UnitInfo unit = *store.unit();
        unit.name = "<script>alert('x')</script> Kantor \"A\" & B";
        store.setUnit(unit);
    }
    const std::string out = u.dir.file("skm.html");
    Store store(u.db);
    exportHtmlPage(store, out, HtmlPageOptions{u.period, "id"});
    const std::string page = swtest::readFile(out);
    CHECK(page.size() < 150 * 1024);
    CHECK_FALSE(has(page, "<script"));
    CHECK(has(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Kantor &quot;A&quot; &amp; B"));
    CHECK(externalReferences(page).empty());
    CHECK(has(page, "<html lang=\"id\">"));
    // Every comment the period holds stays out of the page.
    CommentQuery q;
    q.period = exportPeriod(store, u.period);
    q.limit = 1000;
    const auto comments = commentsFor(store, q);
    REQUIRE_FALSE(comments.empty());
    for (const auto& c : comments) {
        INFO(c.comment);
        CHECK_FALSE(has(page, escapeHtml(c.comment)));
    }
    // Nothing half-written is left beside it.
    for (const auto& e : std::filesystem::directory_iterator(u.dir.path)) CHECK(e.path().filename().string().find(".sw-tmp-") == std::string::npos);
}

TEST_CASE("the self-containment check finds every kind of outside reference", "[export][public]") {
    PublicUnit u;
    Store store(u.db);
    const std::string page = renderHtmlPage(publicSummary(store, u.period, "id"), "1 Desember 2026");
    REQUIRE(externalReferences(page).empty());
    CHECK(has(page, "href=\"#hasil\""));   // an in-page anchor is not outside
    const char* const injected[] = {
        "<img src=\"http://example.org/logo.png\" alt=\"\">",
        "<link rel=\"stylesheet\" href=\"//cdn.example.org/x.css\">",
        "<script src=https://example.org/x.js></script>",
        "<a href=\"https://example.org/\">x</a>",
        "<div style=\"background:url('file:///etc/passwd')\"></div>",
        "<img srcset=\"a.png 1x\" alt=\"\">",
        "<svg><image xlink:href=\"photo.jpg\"/></svg>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">",
        "<object data=\"x.pdf\"></object>",
        "<IMG SRC = \"data:image/png;base64,AAAA\">",
    };
    for (const char* bit : injected) {
        std::string bad = page;
        bad.insert(bad.find("<h1>"), bit);
        INFO(bit);
        CHECK_FALSE(externalReferences(bad).empty());
    }
    std::string css = page;
    css.insert(css.find("</style>"), "@font-face{font-family:X;src:url(https://fonts.example.org/x.woff2)}");
    CHECK_FALSE(externalReferences(css).empty());
    std::string imported = page;
    imported.insert(imported.find("</style>"), "@import 'x.css';");
    CHECK_FALSE(externalReferences(imported).empty());
    // Page text that merely reads like an attribute is not a reference.
    std::string text = page;
    text.insert(text.find("<h1>"), "<p>src=http://example.org is text</p>");
    CHECK(externalReferences(text).empty());
}

TEST_CASE("the demo unit's page says DEMO, a real unit's does not", "[export][public][demo]") {
    PublicUnit u;
    Store store(u.db);
    const std::string real = renderHtmlPage(publicSummary(store, u.period, "id"), "1 Desember 2026");
    CHECK_FALSE(has(real, "DEMO"));
    UnitInfo unit = *store.unit();
    unit.demo = true;
    store.setUnit(unit);
    for (const char* lang : {"id", "en"}) {
        const std::string demo = renderHtmlPage(publicSummary(store, u.period, lang), "1 Desember 2026");
        CHECK(has(demo, "<title>DEMO · "));
        CHECK(has(demo, "<p class=\"demo\" role=\"note\">DEMO — "));
        CHECK((demo.find("DEMO — ") < demo.find("<p class=\"unit\">")));   // before the unit's name
    }
}

TEST_CASE("the kelompok-rentan gap is shown only for groups of at least five", "[export][public]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("small.db"), "kanim-kecil", 0, 1);
    Store store(dir.file("small.db"));
    const Instrument in = *store.latestInstrument();
    Simulator sim(in, *store.unit(), 5, 10, nowUtc());
    std::vector<Response> rs;
    for (int i = 0; i < 40; ++i) {
        rs.push_back(sim.next());
        rs.back().misuse = false;
        rs.back().rentan = {i < 3 ? "lansia" : "bukan"};   // three vulnerable respondents
    }
    store.appendAll(rs);
    ResponseFilter all;
    const PublicSummary few = publicSummary(store, all, "id");
    CHECK(few.rentanN == 3);
    CHECK_FALSE(few.gapShown);
    CHECK(has(few.gapText, "paling sedikit 5"));
    const std::string page = renderHtmlPage(few, "1 Desember 2026");
    CHECK_FALSE(has(page, "rentan-cap"));   // no chart of the two groups
    rs.clear();
    for (int i = 0; i < 2; ++i) {
        rs.push_back(sim.next());
        rs.back().misuse = false;
        rs.back().rentan = {"anak"};
    }
    store.appendAll(rs);
    const PublicSummary five = publicSummary(store, all, "id");
    CHECK(five.rentanN == 5);
    CHECK(five.gapShown);
}

TEST_CASE("a period nobody answered says so, with no score and no chart", "[export][public]") {
    PublicUnit u;
    Store store(u.db);
    ResponseFilter empty;
    empty.from = "2001-01-01";
    empty.to = "2001-03-31";
    const PublicSummary s = publicSummary(store, empty, "id");
    CHECK(s.respondents == 0);
    CHECK_FALSE(s.hasResult);
    CHECK(s.periodText == "Triwulan I 2001");   // a range that is a triwulan is named as one
    CHECK(s.weakest == -1);
    const std::string page = renderHtmlPage(s, "1 Desember 2026");
    CHECK(has(page, "Belum ada warga yang mengisi survei"));
    CHECK(has(page, "Belum ada nilai"));
    CHECK_FALSE(has(page, "<svg"));
}

TEST_CASE("the public page's palette passes the kiosk's contrast rule", "[export][public][contrast]") {
    for (const auto& pair : htmlPalette().pairs()) {
        INFO(pair.what << " = " << contrastRatio(pair.fg, pair.bg));
        CHECK(contrastRatio(pair.fg, pair.bg) >= pair.min);
    }
    CHECK(contrastRatio(srgbHex(0x000000), srgbHex(0xFFFFFF)) == Approx(21.0));
    CHECK(contrastRatio(srgbHex(0x777777), srgbHex(0xFFFFFF)) == Approx(4.48).epsilon(0.01));
}

TEST_CASE("escapeHtml and formatCount", "[export][public]") {
    CHECK(escapeHtml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(escapeHtml("Lansia · 82,34") == "Lansia · 82,34");
    CHECK(formatCount(0, "id") == "0");
    CHECK(formatCount(999, "id") == "999");
    CHECK(formatCount(1234, "id") == "1.234");
    CHECK(formatCount(1234567, "en") == "1,234,567");
    CHECK(formatCount(-1000, "id") == "-1.000");
}

TEST_CASE("the welcome line: last triwulan's score in words, only when switched on", "[export][public][kiosk]") {
    swtest::TempDir dir;
    const std::string db = dir.file("w.db");
    swtest::fillUnit(db, "kanim-w", 0, 1);
    Store store(db);
    const Instrument in = *store.latestInstrument();
    LocalDate today;
    parseDate(localDate(nowUtc(), 420), today);
    const Period last = previousPeriod(periodContaining(PeriodKind::Triwulan, today));
    Simulator sim(in, *store.unit(), 9, 20, utcFromLocal(last.to, 12, 0, 420));
    std::vector<Response> rs;
    for (int i = 0; i < 120; ++i) rs.push_back(sim.next());
    store.appendAll(rs);

    CHECK_FALSE(welcomeLineEnabled(store));
    CHECK(welcomeLine(store, nowUtc(), "id").empty());   // off by default
    setWelcomeLineEnabled(store, true);
    ResponseFilter f;
    f.from = formatDate(last.from);
    f.to = formatDate(last.to);
    const SkmResult skm = skmFor(store, in, f);
    CHECK(welcomeLine(store, nowUtc(), "id") ==
          "Hasil survei triwulan lalu: " + formatNumber(skm.ikmUnit, 1, "id") + " (" + kinerjaName(skm.mutu) + ")");
    CHECK(welcomeLine(store, nowUtc(), "en") ==
          "Last quarter's survey result: " + formatNumber(skm.ikmUnit, 1, "en") + " (" + kinerjaNameEn(skm.mutu) + ")");
    // A year later that triwulan is long gone and the one before "now" is empty: no line.
    CHECK(welcomeLine(store, nowUtc() + 400LL * 86400, "id").empty());
    setWelcomeLineEnabled(store, false);
    CHECK(welcomeLine(store, nowUtc(), "id").empty());
}
