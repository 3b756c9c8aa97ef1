// Paper questionnaires: the whole CSV or nothing; RFC 4180 quoting; clear line:column errors.
#include "survey/base/csv.hpp"
#include "survey/base/error.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/store/scan.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

using namespace sw;

TEST_CASE("RFC 4180: quotes, commas, doubled quotes, newlines, BOM and CRLF", "[import][csv]") {
    auto rows = parseCsv("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"multi\nline\",\r\n", "t.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1].cells[1] == "x, y");
    CHECK(rows[1].cells[2] == "say \"hi\"");
    CHECK(rows[2].cells[1] == "multi\nline");
    CHECK(rows[2].cells[2] == "");
    CHECK(rows[2].line == 3);
    CHECK_THROWS_WITH(parseCsv("a,\"open\n", "t.csv"), Catch::Contains("t.csv:1:3") && Catch::Contains("never closed"));
    CHECK_THROWS_WITH(parseCsv("a,b\"c\n", "t.csv"), Catch::Contains("t.csv:1:4"));
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("a paper CSV imports whole and scores as the regulation says", "[import]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    Store s(dir.file("a.db"));
    UnitInfo unit;
    unit.id = "u1";
    std::string path = std::string(SW_TEST_FIXTURES) + "/paper_ok.csv";
    auto res = importPaperCsv(s, in, unit, swtest::readFile(path), path);
    CHECK(res.imported == 4);
    SkmResult r = skmFor(s, in, {});
    CHECK(r.ikmUnit == Approx(80.5556).margin(0.0001));
    ResponseFilter oct3;
    oct3.from = oct3.to = "2026-10-03";
    std::vector<Response> got;
    sw::forEachResponse(s, oct3, [&](const Response& x) {
        got.push_back(x);
        return true;
    });
    REQUIRE(got.size() == 1);
    CHECK(got[0].comment == "Antri \"lama\"\nsekali");
    CHECK(got[0].service == "izin_tinggal");
    CHECK(got[0].profile.at("jenis_kelamin") == "P");
    CHECK(got[0].source == "paper");
}

TEST_CASE("one bad row imports nothing and is named by line and column", "[import]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    Store s(dir.file("a.db"));
    UnitInfo unit;
    std::string path = std::string(SW_TEST_FIXTURES) + "/paper_bad_row.csv";
    try {
        importPaperCsv(s, in, unit, swtest::readFile(path), path);
        FAIL("imported a bad file");
    } catch (const ImportError& e) {
        CHECK(e.line == 4);
        CHECK(e.column == 9); // "3,3,2,2,5" — U4 starts at byte 9
        CHECK(std::string(e.what()).find("U4 must be 1, 2, 3 or 4") != std::string::npos);
    }
    CHECK(s.countResponses({}) == 0);

    const std::pair<const char*, const char*> bad[] = {
        {"U1,U2,U3,U4,U5,U6,U7,U8\n1,2,3,4,1,2,3,4\n", "no column U9"},
        {"U1,U2,U3,U4,U5,U6,U7,U8,U9,agama\n", "unknown column \"agama\""},
        {"U1,U2,U3,U4,U5,U6,U7,U8,U9,tanggal\n4,4,4,4,4,4,4,4,4,2026-02-30\n", "real date"},
        {"U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4\n", "row has 8 cells"},
        {"U1,U2,U3,U4,U5,U6,U7,U8,U9,U1\n", "appears twice"},
        {"", "empty"},
    };
    for (auto [csv, msg] : bad) {
        INFO(csv);
        CHECK_THROWS_WITH(importPaperCsv(s, in, unit, csv, "x.csv"), Catch::Contains(msg));
    }
    CHECK(s.countResponses({}) == 0);
}
