// CSV for assessors: BOM, RFC 4180 quoting, columns by code and name, local time with offset.
#include "survey/export/export_helpers.hpp"

#include "survey/base/csv.hpp"
#include "survey/export/csv.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/store/scan.hpp"
#include "survey/dashboard/statistik.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

TEST_CASE("CSV has a BOM, names unsur by code and name, quotes commas, quotes and newlines", "[export]") {
    swtest::TempDir dir;
    sw::Store store(dir.file("unit.db"));
    sw::Instrument in = sw::setUpDemo(store);
    sw::UnitInfo u = *store.unit();
    u.utcOffsetMinutes = 480; // WITA
    store.setUnit(u);
    sw::Response r;
    r.uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    r.instrumentId = in.id;
    r.instrumentVersion = in.version;
    r.unitId = u.id;
    r.deviceId = "kiosk-1";
    r.createdUtc = 1764921600; // 2025-12-05 08:00:00 UTC = 16:00 WITA
    r.utcOffsetMinutes = 480;
    r.service = in.services.front().code;
    for (const auto& un : in.unsur) r.unsur[un.code] = 3;
    r.unsur["U3"] = 1;
    r.ham["H1"] = 0;
    r.ham["H2"] = 4;
    r.profile["jenis_kelamin"] = in.findProfile("jenis_kelamin")->options.front().code;
    r.comment = "Antre lama, \"petugas\" ramah\nterima kasih";
    store.append(r);
    sw::Response m = r;
    m.uuid = "1f8fad5b-d9cb-469f-a165-70867728950e";
    m.comment = "";
    m.misuse = true;
    store.append(m);

    const std::string out = dir.file("out.csv");
    sw::CsvExportOptions opt;
    opt.filter.includeMisuse = true;
    REQUIRE(sw::exportCsv(store, out, opt) == 2);
    const std::string text = swtest::readFile(out);
    REQUIRE(text.substr(0, 3) == "\xEF\xBB\xBF");
    auto rows = sw::parseCsv(text, out);
    REQUIRE(rows.size() == 3);
    const auto& head = rows[0].cells;
    auto col = [&](const std::string& name) {
        for (std::size_t i = 0; i < head.size(); ++i)
            if (head[i] == name) return static_cast<int>(i);
        FAIL("no column " << name);
        return -1;
    };
    CHECK(col("U1 Persyaratan") > 0);
    CHECK(col("U2 Sistem, Mekanisme, dan Prosedur") > 0); // quoted in the file, intact when read
    const auto& row = rows[1].cells;
    REQUIRE(row.size() == head.size());
    CHECK(row[static_cast<std::size_t>(col("Komentar"))] == "Antre lama, \"petugas\" ramah\nterima kasih");
    CHECK(row[static_cast<std::size_t>(col("U3 Waktu Penyelesaian"))] == "1");
    CHECK(row[static_cast<std::size_t>(col("U9 Sarana dan Prasarana"))] == "3");
    CHECK(row[static_cast<std::size_t>(col("Waktu lokal"))] == "2025-12-05 16:00:00+08:00");
    CHECK(row[static_cast<std::size_t>(col("Zona waktu"))] == "WITA");
    CHECK(row[static_cast<std::size_t>(col("H1 Akses fisik"))] == "0");
    CHECK(row[static_cast<std::size_t>(col("H3 Petugas siaga"))] == "");
    CHECK(row[static_cast<std::size_t>(col("Diduga penyalahgunaan"))] == "Tidak");
    CHECK(rows[2].cells[static_cast<std::size_t>(col("Diduga penyalahgunaan"))] == "Ya");
    CHECK(row[static_cast<std::size_t>(col("UUID"))] == r.uuid);
    // The raw bytes quote the comment as RFC 4180 says.
    CHECK(text.find("\"Antre lama, \"\"petugas\"\" ramah\nterima kasih\"") != std::string::npos);

    // English headers on request.
    opt.lang = "en";
    sw::exportCsv(store, out, opt);
    auto en = sw::parseCsv(swtest::readFile(out), out);
    CHECK(en[0].cells[3] == "Local time");
    CHECK(en[2].cells.back() == in.id + "/" + std::to_string(in.version));
}

TEST_CASE("CSV rows match the store: one row per respondent, values by code", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("unit.db"), "kanim-a", 400, 7);
    sw::Store store(dir.file("unit.db"));
    const std::string out = dir.file("out.csv");
    sw::CsvExportOptions opt; // misuse left out, like the scores
    auto n = sw::exportCsv(store, out, opt);
    CHECK(n == store.countResponses(sw::ResponseFilter{}));
    auto rows = sw::parseCsv(swtest::readFile(out), out);
    REQUIRE(rows.size() == static_cast<std::size_t>(n) + 1);
    // Σ of the U4 column equals the store's tally (the same numbers the report uses).
    sw::Instrument in = *store.latestInstrument();
    auto tallies = store.unsurTallies(sw::ResponseFilter{}, in);
    int u4 = -1;
    for (std::size_t i = 0; i < rows[0].cells.size(); ++i)
        if (rows[0].cells[i].rfind("U4 ", 0) == 0) u4 = static_cast<int>(i);
    REQUIRE(u4 > 0);
    std::int64_t sum = 0;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (!rows[i].cells[static_cast<std::size_t>(u4)].empty()) sum += std::stoi(rows[i].cells[static_cast<std::size_t>(u4)]);
    CHECK(sum == tallies[3].sum);
}

TEST_CASE("an export never leaves a half-written file", "[export]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("unit.db"), "kanim-a", 20, 3);
    sw::Store store(dir.file("unit.db"));
    // A folder that does not exist: a clear error, nothing created.
    CHECK_THROWS_AS(sw::exportCsv(store, dir.file("missing/out.csv")), sw::ExportError);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));
    // The disk-full message names the problem plainly.
    sw::AtomicOutput out(dir.file("x.csv"));
    try {
        out.fail(ENOSPC, "writing");
        FAIL("no throw");
    } catch (const sw::ExportError& e) {
        CHECK(e.kind == sw::ExportError::Kind::Full);
        CHECK(std::string(e.what()).find("the disk is full") != std::string::npos);
    }
    // A previous export stays whole until the new one is complete; no temp files are left.
    const std::string path = dir.file("keep.csv");
    swtest::writeFile(path, "old");
    {
        sw::AtomicOutput o(path);
        o.write("partial");
        // destroyed without commit: the old file stays, the temp file goes
    }
    CHECK(swtest::readFile(path) == "old");
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path))
        files += e.path().filename().string().rfind(".keep.csv", 0) == 0 ? 1 : 0;
    CHECK(files == 0);
}


TEST_CASE("a large CSV, formatted on two threads in chunks, keeps rid order and numbers every row once", "[export]") {
    swtest::TempDir dir;
    // More rows than two chunks of the parallel formatter (32,768 rids each), with a period filter
    // that leaves gaps in the rid range.
    swtest::fillUnit(dir.file("u.db"), "kanim-a", 70000, 77, 420, 120);
    sw::Store store(dir.file("u.db"));
    sw::CsvExportOptions o;
    o.filter.from = sw::localDate(sw::nowUtc() - 90 * 86400, 420);
    std::vector<std::string> expected;
    sw::scanResponses(store, o.filter, [&](const sw::ExportRow& r) {
        expected.emplace_back(r.uuid);
        return true;
    });
    REQUIRE(expected.size() > 40000);
    REQUIRE(expected.size() < 70000);
    const std::string out = dir.file("big.csv");
    CHECK(sw::exportCsv(store, out, o) == static_cast<std::int64_t>(expected.size()));
    std::istringstream in(swtest::readFile(out));
    std::string line;
    std::getline(in, line); // header
    std::size_t n = 0;
    while (std::getline(in, line)) {
        REQUIRE(n < expected.size());
        const std::string no = std::to_string(n + 1) + ",";
        REQUIRE(line.rfind(no, 0) == 0);
        REQUIRE(line.compare(no.size(), 36, expected[n]) == 0);
        ++n;
    }
    CHECK(n == expected.size());
}

TEST_CASE("a store without a file (:memory:) still exports its CSV (formatted on one thread)", "[export]") {
    swtest::TempDir dir;
    sw::Store store(":memory:");
    sw::Instrument in = sw::setUpDemo(store);
    sw::Simulator sim(in, *store.unit(), 3, 30, sw::nowUtc());
    std::vector<sw::Response> rs;
    for (int i = 0; i < 25; ++i) rs.push_back(sim.next());
    store.appendAll(rs);
    sw::CsvExportOptions o;
    o.filter.includeMisuse = true;
    CHECK(sw::exportCsv(store, dir.file("m.csv"), o) == 25);
    const std::string text = swtest::readFile(dir.file("m.csv"));
    CHECK(std::count(text.begin(), text.end(), '\n') == 26);
    CHECK(text.find("\n25,") != std::string::npos);
}
