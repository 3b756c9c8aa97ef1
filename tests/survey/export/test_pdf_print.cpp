// The PDF report a head signs: the signature block (place, date, name and NIP from the settings,
// a line to sign on when they are not set), the legal basis in full, the IKM trend per month, a
// summary of the citizens' comments, counts with thousands grouped, the key's fingerprint whole on
// every page, and an English report with no Indonesian rule text left in it.
#include "skip.hpp"
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/signing.hpp"
#include "survey/export/comment_summary.hpp"
#include "survey/dashboard/dashboard.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/export/pdf.hpp"
#include "survey/skm/period.hpp"

#include <catch2/catch.hpp>

namespace {

// pdftotext's text with every run of white space made one space: a phrase wrapped over two lines
// still reads as one.
std::string flat(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\f' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A unit with a year of respondents (a trend to draw), comments of its own and 1,500 people served.
struct ReportUnit {
    swtest::TempDir dir;
    std::string db = dir.file("unit.db");
    sw::ResponseFilter period;   // the last 200 days
    ReportUnit() {
        swtest::fillUnit(db, "kanim-p", 1200, 5, 420, 330);
        sw::Store store(db);
        sw::UnitInfo u = *store.unit();
        u.kabupaten = "Kabupaten Serang";
        store.setUnit(u);
        const sw::Instrument in = *store.latestInstrument();
        sw::Simulator sim(in, u, 77, 3, sw::nowUtc());
        std::vector<sw::Response> rs;
        for (int i = 0; i < 30; ++i) { // more than any simulated comment's words
            rs.push_back(sim.next());
            rs.back().misuse = false;
            rs.back().comment = "Antrean panjang sekali, antrean harus dipercepat";
        }
        store.appendAll(rs);
        sw::LocalDate t;
        sw::parseDate(sw::localDate(sw::nowUtc(), 420), t);
        period.from = sw::formatDate(sw::civilFromDays(sw::daysFromCivil(t.year, t.month, t.day) - 200));
        period.to = sw::formatDate(t);
        sw::setPopulation(store, sw::exportPeriod(store, period), 1500);
    }
    std::string text(const std::string& lang, const std::string& file) const {
        sw::Store store(db);
        sw::PdfReportOptions o;
        o.filter = period;
        o.lang = lang;
        const std::string out = dir.file(file);
        sw::writePdfReport(store, out, o);
        if (const char* keep = std::getenv("SW_KEEP_REPORT_DIR")) swtest::writeFile(std::string(keep) + "/" + file, swtest::readFile(out));
        return swtest::shellOutput("pdftotext -enc UTF-8 " + out + " -");
    }
};

} // namespace

TEST_CASE("comment words leave out stop words, short words and numbers", "[export][pdf]") {
    CHECK(sw::commentWords("Antrean yang PANJANG dan 2 jam, di loket 12!") == std::vector<std::string>{"antrean", "panjang", "jam", "loket"});
    CHECK(sw::commentWords("The queue was very long") == std::vector<std::string>{"queue", "long"});
    CHECK(sw::commentWords("").empty());
}

TEST_CASE("the PDF ends with a signature block: place, date, the head's name and NIP from the settings", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    {
        const std::string blank = flat(u.text("id", "unsigned.pdf"));
        CHECK_THAT(blank, Catch::Contains("Serang, "));
        CHECK_THAT(blank, Catch::Contains("Kepala Unit kanim-p,"));
        CHECK_THAT(blank, Catch::Contains("(......"));   // a line to sign and write the name on
        CHECK_THAT(blank, Catch::Contains("NIP. ......"));
    }
    {
        sw::Store store(u.db);
        store.setSetting("unit.head_name", "Dr. Siti Rahmawati, S.H., M.H.");
        store.setSetting("unit.head_nip", "19780101 200501 2 001");
    }
    const std::string id = flat(u.text("id", "signed.pdf"));
    sw::LocalDate t;
    sw::parseDate(sw::localDate(sw::nowUtc(), 420), t);
    CHECK_THAT(id, Catch::Contains("Serang, " + std::to_string(t.day) + " " + sw::monthName(t.month, "id") + " " + std::to_string(t.year)));
    CHECK_THAT(id, Catch::Contains("Dr. Siti Rahmawati, S.H., M.H. NIP. 19780101 200501 2 001"));
    CHECK(id.find("(......") == std::string::npos);
    const std::string en = flat(u.text("en", "signed-en.pdf"));
    CHECK_THAT(en, Catch::Contains("Head of Unit kanim-p,"));
    CHECK_THAT(en, Catch::Contains("Serang, " + std::to_string(t.day) + " " + sw::monthName(t.month, "en")));
    CHECK_THAT(en, Catch::Contains("NIP (civil servant ID) 19780101 200501 2 001"));
}

TEST_CASE("the PDF names the legal basis in full, in the report's language", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    const std::string id = flat(u.text("id", "id.pdf"));
    for (const char* law : {"Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                            "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009",
                            "Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat",
                            "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 25 Tahun 2023 tentang Pelayanan Publik Berbasis Hak Asasi Manusia",
                            "Nomor 14/PRT/M/2017"}) {
        INFO(law);
        CHECK_THAT(id, Catch::Contains(law));
    }
    const std::string en = flat(u.text("en", "en.pdf"));
    for (const char* law : {"Law No. 25 of 2009 on Public Services", "Government Regulation No. 96 of 2012",
                            "No. 14 of 2017 on Guidelines for Public Satisfaction Surveys",
                            "Minister of Law and Human Rights No. 25 of 2023 on Human-Rights-Based Public Service"}) {
        INFO(law);
        CHECK_THAT(en, Catch::Contains(law));
    }
}

TEST_CASE("the PDF summarises the comments and draws the IKM per month", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    sw::Store store(u.db);
    sw::ResponseFilter f = u.period;
    const sw::CommentSummary cs = sw::summarizeComments(store, f, 5, 10);
    REQUIRE(cs.count >= 30);
    REQUIRE(!cs.words.empty());
    CHECK(cs.words[0].word == "antrean");   // the word most comments use (counted once per comment)
    const std::string id = flat(u.text("id", "id.pdf"));
    CHECK_THAT(id, Catch::Contains("D. Saran dan Masukan Masyarakat"));
    CHECK_THAT(id, Catch::Contains("Jumlah saran dan masukan: " + sw::formatCount(cs.count, "id") + " dari"));
    CHECK_THAT(id, Catch::Contains("antrean (" + sw::formatCount(cs.words[0].count, "id") + ")"));
    CHECK_THAT(id, Catch::Contains("5 saran terbaru:"));
    CHECK_THAT(id, Catch::Contains("\u201CAntrean panjang sekali, antrean harus dipercepat\u201D"));
    CHECK_THAT(id, Catch::Contains("Tren IKM unit per bulan"));
    const std::string en = flat(u.text("en", "en.pdf"));
    CHECK_THAT(en, Catch::Contains("Comments received: " + sw::formatCount(cs.count, "en") + " from"));
    CHECK_THAT(en, Catch::Contains("The 5 most recent comments:"));
    CHECK_THAT(en, Catch::Contains("Unit IKM per month"));
}

TEST_CASE("the PDF groups thousands, prints the period once and the key's fingerprint whole on every page", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    const std::string raw = u.text("id", "id.pdf");
    const std::string id = flat(raw);
    CHECK_THAT(id, Catch::Contains("N = 1.500"));
    const std::string dates = *u.period.from + " – " + *u.period.to;
    CHECK(id.find("Periode: " + dates + " (" + dates) == std::string::npos);
    CHECK_THAT(id, Catch::Contains("Periode: " + dates + " (WIB)"));
    sw::Store store(u.db);
    const std::string fp = sw::UnitKey::loadOrCreate(store).fingerprint();
    // Every page's footer holds the whole fingerprint on one line (pdftotext ends a page with \f).
    const std::size_t pages = swtest::occurrences(raw, "\f");
    CHECK(pages >= 5);
    CHECK(swtest::occurrences(raw, "Sidik kunci tanda tangan unit: " + fp + "\n") >= pages);
}

TEST_CASE("the English PDF has no Indonesian rule text and no header broken inside a word", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    const std::string raw = u.text("en", "en.pdf");
    const std::string en = flat(raw);
    for (const char* word : {"Aturan perhitungan", "Tabel mutu", "Undang-Undang", "Peraturan", "Kepala ", "Halaman", "Sidik kunci",
                             "Periode", "Jumlah", "Tidak diisi", "Saran", "Tren ", "Grafik", "BAB ", "Lampiran", "responden ",
                             "dari ", "bulan"}) {   // none of them in the simulated comments or the unit's name (data, not labels)
        INFO("Indonesian left in the English report: " << word);
        CHECK(en.find(word) == std::string::npos);
    }
    CHECK_THAT(en, Catch::Contains("Calculation rule:"));
    CHECK_THAT(en, Catch::Contains("Grade"));
    CHECK(raw.find("Grad\ne") == std::string::npos);   // the IKM table's header whole ("Grad-e" before)
    CHECK(raw.find("Grad-\ne") == std::string::npos);
}

TEST_CASE("a short period's PDF draws the IKM per week inside the period", "[export][pdf]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    ReportUnit u;
    sw::LocalDate t;
    sw::parseDate(*u.period.to, t);
    u.period.from = sw::formatDate(sw::civilFromDays(sw::daysFromCivil(t.year, t.month, t.day) - 20));
    const std::string id = flat(u.text("id", "weeks.pdf"));
    CHECK_THAT(id, Catch::Contains("Tren IKM unit per minggu (" + *u.period.from + " – " + *u.period.to + ")"));
    CHECK(id.find("Tren IKM unit per bulan") == std::string::npos);
}
