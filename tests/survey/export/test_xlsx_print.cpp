// The XLSX as units print and file it: A4 landscape one page wide with the header rows on every
// page, borders and number formats, the Profil sheet's "Tidak diisi" row with shares over a cell,
// and the Saran sheet holding each citizen comment as text (a leading "=" is never a formula).
#include "skip.hpp"
#include "survey/export/export_helpers.hpp"

#include "survey/export/xlsx.hpp"

#include <catch2/catch.hpp>

namespace {

constexpr const char* kFormulaComment = "=HYPERLINK(1) loketnya lama sekali";

// A unit with simulated respondents and two comments of our own, one that looks like a formula.
struct UnitWithComments {
    swtest::TempDir dir;
    std::string db = dir.file("unit.db");
    std::string xlsx = dir.file("skm.xlsx");
    UnitWithComments() {
        swtest::fillUnit(db, "kanim-x", 300, 7, 420, 30);
        sw::Store store(db);
        const sw::Instrument in = *store.latestInstrument();
        sw::Simulator sim(in, *store.unit(), 99, 5, sw::nowUtc());
        std::vector<sw::Response> rs{sim.next(), sim.next()};
        rs[0].comment = kFormulaComment;
        rs[1].comment = "Antrean & loket <cepat> sekali";
        for (auto& r : rs) r.misuse = false;
        store.appendAll(rs);
    }
    std::string part(const std::string& name) const { return swtest::shellOutput("unzip -p " + xlsx + " " + name); }
};

} // namespace

TEST_CASE("XLSX prints on A4 landscape one page wide with the header rows on every page", "[export][xlsx]") {
    if (!swtest::haveTool("unzip")) swtest::skipTest("unzip is not installed");
    UnitWithComments u;
    sw::Store store(u.db);
    sw::exportXlsx(store, u.xlsx, {});
    const std::string workbook = u.part("xl/workbook.xml");
    for (int sheet = 1; sheet <= 6; ++sheet) {
        const std::string xml = u.part("xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
        INFO("sheet " << sheet);
        CHECK_THAT(xml, Catch::Contains("<pageSetUpPr fitToPage=\"1\"/>"));
        CHECK_THAT(xml, Catch::Contains("paperSize=\"9\""));
        CHECK_THAT(xml, Catch::Contains("orientation=\"landscape\""));
        CHECK_THAT(xml, Catch::Contains("fitToHeight=\"0\""));
        CHECK_THAT(xml, Catch::Contains("<cols>"));   // widths set, not Excel's default 8.43
    }
    // One print-titles name per sheet: the header rows repeat on each printed page.
    CHECK(swtest::occurrences(workbook, "_xlnm.Print_Titles") == 6);
    CHECK_THAT(workbook, Catch::Contains("Responden!$1:$1"));
    CHECK_THAT(workbook, Catch::Contains("Pengolahan!$4:$4"));
    CHECK_THAT(workbook, Catch::Contains("<sheet name=\"Saran\""));
}

TEST_CASE("XLSX tables have borders, NRR three decimals, IKM two, counts grouped", "[export][xlsx]") {
    if (!swtest::haveTool("unzip")) swtest::skipTest("unzip is not installed");
    UnitWithComments u;
    sw::Store store(u.db);
    sw::exportXlsx(store, u.xlsx, {});
    const std::string styles = u.part("xl/styles.xml");
    CHECK_THAT(styles, Catch::Contains("<left style=\"thin\">"));
    CHECK_THAT(styles, Catch::Contains("formatCode=\"0.000\""));
    CHECK_THAT(styles, Catch::Contains("formatCode=\"0.00\""));
    CHECK_THAT(styles, Catch::Contains("formatCode=\"0.0%\""));
    CHECK_THAT(styles, Catch::Contains("formatCode=\"#,##0\""));  // counts with thousands grouped
    const std::string calc = u.part("xl/worksheets/sheet2.xml");
    CHECK_THAT(calc, Catch::Contains("<f>B11*25</f>"));        // IKM unit = IKM × 25 stays a formula
}

TEST_CASE("XLSX Profil has a Tidak diisi row and shares over the respondents cell", "[export][xlsx]") {
    if (!swtest::haveTool("unzip")) swtest::skipTest("unzip is not installed");
    UnitWithComments u;
    sw::Store store(u.db);
    sw::exportXlsx(store, u.xlsx, {});
    const std::string prof = u.part("xl/worksheets/sheet3.xml");
    CHECK_THAT(prof, Catch::Contains("Tidak diisi"));
    CHECK_THAT(prof, Catch::Contains("<f>COUNT(Responden!$A$2:$A$"));   // the total is counted, not typed
    CHECK_THAT(prof, Catch::Contains("/$B$2,0)</f>"));                   // every share over that cell
    CHECK_THAT(prof, Catch::Contains("<f>$B$2-SUM(B"));                  // not answered = total − options
    sw::XlsxExportOptions en;
    en.lang = "en";
    sw::exportXlsx(store, u.xlsx, en);
    CHECK_THAT(u.part("xl/worksheets/sheet3.xml"), Catch::Contains("Not answered"));
}

TEST_CASE("XLSX Saran lists every comment as text and a comment starting with = stays a string", "[export][xlsx]") {
    if (!swtest::haveTool("unzip")) swtest::skipTest("unzip is not installed");
    UnitWithComments u;
    sw::Store store(u.db);
    sw::exportXlsx(store, u.xlsx, {});
    const std::string saran = u.part("xl/worksheets/sheet6.xml");
    std::vector<std::string> binds;
    sw::ResponseFilter f;
    sw::sql::Statement st(store.db(), "SELECT count(*) FROM response r WHERE " + sw::responseWhere(f, binds) + " AND r.comment<>''");
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    REQUIRE(st.step());
    const std::int64_t comments = st.getInt(0);
    REQUIRE(comments >= 2);
    CHECK_THAT(saran, Catch::Contains("Tanggal"));
    CHECK_THAT(saran, Catch::Contains("Jenis layanan"));
    // Header row, then one row per comment: the comment column is text in every row.
    CHECK(swtest::occurrences(saran, "t=\"inlineStr\"><is><t>=HYPERLINK(1) loketnya lama sekali</t>") == 1);
    CHECK(saran.find("<f>HYPERLINK") == std::string::npos);
    CHECK(saran.find("<f>") == std::string::npos);                      // no formula anywhere on the sheet
    CHECK_THAT(saran, Catch::Contains("Antrean &amp; loket &lt;cepat&gt; sekali"));
    CHECK(swtest::occurrences(saran, "<row ") == static_cast<std::size_t>(2 + comments)); // title, header, one a comment
}
