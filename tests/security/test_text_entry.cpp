// Security: text at every entry. A paper CSV, a unit file and the kiosk's comment are the ways
// outside text reaches the store, the exports and the terminal. A file is refused at the bad
// cell's position and imports nothing; a citizen's comment is cleaned, never refused.
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/response/draft.hpp"
#include "survey/store/scan.hpp"
#include "survey/store/store.hpp"
#include "survey/store/unit_setup.hpp"

#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

using namespace sw;

namespace {

const std::string kHeader = "U1,U2,U3,U4,U5,U6,U7,U8,U9,layanan,tanggal,komentar\n";
const std::string kGoodRow = "4,4,3,4,3,3,4,2,3,paspor,2026-10-01,Cepat\n";
// The unsur answers of a row: 9 cells, 18 bytes; layanan starts at column 19, tanggal at 19 +
// strlen("paspor,") = 26, komentar at 37.
const std::string kAnswers = "4,4,3,4,3,3,4,2,3,";

// Imports `csv` into a fresh store; returns the ImportError it must throw, and checks that the
// store holds nothing afterwards (all or nothing).
ImportError refused(const std::string& csv) {
    swtest::TempDir dir;
    Store s(dir.file("a.db"));
    UnitInfo unit;
    try {
        importPaperCsv(s, swtest::defaultInstrument(), unit, csv, "x.csv");
    } catch (const ImportError& e) {
        CHECK(s.countResponses({}) == 0);
        return e;
    }
    FAIL("imported a file that must be refused");
    throw std::logic_error("unreachable");
}

std::vector<Response> allResponses(Store& s) {
    std::vector<Response> got;
    forEachResponse(s, {}, [&](const Response& r) {
        got.push_back(r);
        return true;
    });
    return got;
}

} // namespace

TEST_CASE("a CSV cell that is not UTF-8 is refused at its line and column, nothing imported", "[security][import]") {
    // A good row first: the bad one after it must take it down too.
    const ImportError e = refused(kHeader + kGoodRow + kAnswers + "pas\xFFpor,2026-10-02,\n");
    CHECK(e.line == 3);
    CHECK(e.column == 19);
    CHECK_THAT(std::string(e.what()), Catch::StartsWith("x.csv:3:19: ") && Catch::Contains("not valid UTF-8"));

    // In the header too, before any message quotes it.
    const ImportError h = refused("U1,U2,U3,U4,U5,U6,U7,U8,U9,kom\xC0\xAF" "entar\n" + kAnswers + "\n");
    CHECK(h.line == 1);
    CHECK(h.column == 28);
    CHECK_THAT(std::string(h.what()), Catch::Contains("not valid UTF-8"));
}

TEST_CASE("a NUL byte or a control character in a CSV cell is refused", "[security][import]") {
    const ImportError nul = refused(kHeader + kAnswers + "paspor,2026-10-02," + std::string("ok\0ay", 5) + "\n");
    CHECK(nul.line == 2);
    CHECK(nul.column == 37);
    CHECK_THAT(std::string(nul.what()), Catch::Contains("U+0000"));

    // An escape sequence in a short cell would reach the operator's terminal in the message.
    const ImportError esc = refused(kHeader + kAnswers + "pas\x1B[2Jpor,2026-10-02,\n");
    CHECK(esc.column == 19);
    CHECK_THAT(std::string(esc.what()), Catch::Contains("U+001B"));

    // Newline and tab belong in a comment only.
    const ImportError tab = refused(kHeader + kAnswers + "\"pas\tpor\",2026-10-02,\n");
    CHECK(tab.column == 19);
    CHECK_THAT(std::string(tab.what()), Catch::Contains("U+0009"));
    CHECK_THAT(std::string(refused(kHeader + kAnswers + "paspor,2026-10-02,\"a\x7F" "b\"\n").what()),
               Catch::Contains("U+007F"));
}

TEST_CASE("a 10 MB comment or an over-long cell is refused", "[security][import]") {
    const ImportError big = refused(kHeader + kAnswers + "paspor,2026-10-02," + std::string(10 * 1024 * 1024, 'a') + "\n");
    CHECK(big.line == 2);
    CHECK(big.column == 37);
    CHECK_THAT(std::string(big.what()), Catch::Contains("longer than 2000 characters"));

    const ImportError layanan = refused(kHeader + kAnswers + std::string(kMaxNameLength + 1, 'p') + ",2026-10-02,\n");
    CHECK(layanan.column == 19);
    CHECK_THAT(std::string(layanan.what()), Catch::Contains("longer than 200 characters"));
}

TEST_CASE("a tanggal after tomorrow in the unit's calendar is refused", "[security][import]") {
    const ImportError e = refused(kHeader + kAnswers + "paspor,2099-01-01,\n");
    CHECK(e.line == 2);
    CHECK(e.column == 26);
    CHECK_THAT(std::string(e.what()), Catch::Contains("2099-01-01 is in the future"));

    // Tomorrow is still accepted: one day for a clock that is off.
    swtest::TempDir dir;
    Store s(dir.file("a.db"));
    UnitInfo unit;
    unit.utcOffsetMinutes = 540;   // WIT: the unit's date, not UTC's
    const std::string tomorrow = localDate(nowUtc() + 86400, unit.utcOffsetMinutes);
    auto res = importPaperCsv(s, swtest::defaultInstrument(), unit, kHeader + kAnswers + "paspor," + tomorrow + ",\n", "x.csv");
    CHECK(res.imported == 1);
}

TEST_CASE("a clean CSV still imports, a comment keeping its newline and tab", "[security][import]") {
    swtest::TempDir dir;
    Store s(dir.file("a.db"));
    UnitInfo unit;
    std::string path = std::string(SW_TEST_FIXTURES) + "/paper_ok.csv";
    CHECK(importPaperCsv(s, swtest::defaultInstrument(), unit, swtest::readFile(path), path).imported == 4);

    swtest::TempDir dir2;
    Store s2(dir2.file("b.db"));
    const std::string comment = "Antri lama,\r\n\tpetugas ramah. Terima kasih \xF0\x9F\x99\x8F";
    auto res = importPaperCsv(s2, swtest::defaultInstrument(), unit,
                              kHeader + kGoodRow + kAnswers + "paspor,2026-10-02,\"" + comment + "\"\n", "x.csv");
    CHECK(res.imported == 2);
    bool found = false;
    for (const Response& r : allResponses(s2)) found = found || r.comment == comment;
    CHECK(found);
}

TEST_CASE("the kiosk cleans a comment instead of refusing it", "[security][kiosk]") {
    swtest::TempDir dir;
    Store s(dir.file("k.db"));
    const Instrument& in = swtest::defaultInstrument();
    s.registerInstrument(in);
    Submitter sub = Submitter::forStore(s);

    // 5000 characters of two bytes each: stored as the first 2000, cut between characters.
    ResponseDraft d;
    d.unsur["U1"] = 4;
    std::string longText;
    for (int i = 0; i < 5000; ++i) longText += "\xC3\xA9";   // é
    d.comment = longText;
    CHECK(sub.submit(d.toResponse(in, "u1", "k1", 1790000000, 420), 0.0) == Submitter::Outcome::Stored);

    // An escape sequence, a C1 control, CR, NUL and a stray byte go; newline and tab stay.
    ResponseDraft e;
    e.unsur["U1"] = 3;
    const char raw[] = "Bagus\x1B[31m sekali\r\n\tter\xC2\x9Bima\xFF kasih\0!";
    e.comment = std::string(raw, sizeof raw - 1);
    CHECK(sub.submit(e.toResponse(in, "u1", "k1", 1790000100, 420), 1.0) == Submitter::Outcome::Stored);

    auto got = allResponses(s);
    REQUIRE(got.size() == 2);
    std::sort(got.begin(), got.end(), [](const Response& a, const Response& b) { return a.createdUtc < b.createdUtc; });
    CHECK(isValidUtf8(got[0].comment));
    CHECK(utf8Length(got[0].comment) == kMaxCommentLength);
    CHECK(got[0].comment == longText.substr(0, 2 * kMaxCommentLength));
    CHECK(got[1].comment == "Bagus[31m sekali\n\tterima kasih!");
    CHECK(textProblem(got[1].comment, kMaxCommentLength, true).empty());

    // A cut never splits a character, whatever its width.
    std::string mixed = "a";
    for (int i = 0; i < 3000; ++i) mixed += "\xF0\x9F\x99\x8F";   // 🙏, four bytes
    const std::string cleaned = cleanComment(mixed);
    CHECK(isValidUtf8(cleaned));
    CHECK(utf8Length(cleaned) == kMaxCommentLength);
    CHECK(cleanComment("") == "");
}

TEST_CASE("a unit file with a control character in a name is refused at its position", "[security][unit]") {
    swtest::TempDir dir;
    const std::string path = dir.file("unit.json");
    swtest::writeFile(path, "{\n"
                            "  \"id\": \"kanim-serang\",\n"
                            "  \"name\": \"Kantor Imigrasi\\u001b[2J Serang\",\n"
                            "  \"zone\": \"WIB\"\n"
                            "}\n");
    try {
        loadUnitFile(path);
        FAIL("loaded a unit file with an escape character in its name");
    } catch (const InstrumentError& e) {
        CHECK(e.file == path);
        CHECK(e.line == 3);
        CHECK(e.column > 1);
        CHECK_THAT(e.problem, Catch::Contains("\"name\"") && Catch::Contains("U+001B"));
        CHECK_THAT(std::string(e.what()), Catch::StartsWith(path + ":3:"));
    }

    // Too long is refused the same way; a clean file loads.
    swtest::writeFile(path, "{\"id\": \"kanim-serang\", \"kabupaten\": \"" + std::string(kMaxNameLength + 1, 'k') + "\"}");
    CHECK_THROWS_AS(loadUnitFile(path), InstrumentError);
    swtest::writeFile(path, "{\"id\": \"kanim-serang\", \"name\": \"Kantor Imigrasi Kelas I TPI Serang\"}");
    CHECK(loadUnitFile(path).name == "Kantor Imigrasi Kelas I TPI Serang");
}
