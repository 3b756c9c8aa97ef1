// The CSV export read back by `suarawarga import`: the same figures in a new store, idempotent by
// UUID, and a tampered line refused with its line and nothing written.
#include "survey/export/export_helpers.hpp"

#include "survey/base/error.hpp"
#include "survey/base/uuid.hpp"
#include "survey/export/csv.hpp"
#include "survey/export/csv_import.hpp"
#include "survey/store/scan.hpp"

#include <catch2/catch.hpp>

#include <set>

using swtest::runCli;

namespace {

// A unit's store with simulated respondents (some flagged as misuse) and an empty store of the
// same unit to read its export into.
struct TwoStores {
    swtest::TempDir dir;
    std::string from = dir.file("from.db"), into = dir.file("into.db"), csv = dir.file("export.csv");
    explicit TwoStores(int n = 240) {
        swtest::fillUnit(from, "kanim-rt", n, 11);
        swtest::fillUnit(into, "kanim-rt", 0, 1);
    }
    std::int64_t count(const std::string& db) const {
        sw::Store s(db, sw::Store::Options{.create = false});
        sw::ResponseFilter all;
        all.includeMisuse = true;
        return s.countResponses(all);
    }
};

// Line `line` (1-based) of a CSV with `from` replaced by `to` in it.
std::string tamper(const std::string& csv, int line, const std::string& from, const std::string& to) {
    std::size_t at = 0;
    for (int i = 1; i < line; ++i) at = csv.find('\n', at) + 1;
    const std::size_t hit = csv.find(from, at);
    REQUIRE(hit < csv.find('\n', at));
    return csv.substr(0, hit) + to + csv.substr(hit + from.size());
}

} // namespace

TEST_CASE("a CSV export imported into a new store of the unit gives the same report", "[export][import]") {
    for (const std::string lang : {"id", "en"}) {
        INFO(lang);
        TwoStores t;
        REQUIRE(runCli("export --format csv --lang " + lang + " --db " + t.from + " --out " + t.csv).status == 0);
        auto first = runCli("import --db " + t.into + " --csv " + t.csv);
        INFO(first.out);
        REQUIRE(first.status == 0);
        CHECK(first.out.find("imported 240 responses") != std::string::npos);
        CHECK(t.count(t.into) == 240);
        for (const std::string args : {"", " --include-misuse", " --weights 0.111-r3"})
            CHECK(runCli("report --format json --db " + t.into + args).out == runCli("report --format json --db " + t.from + args).out);

        auto again = runCli("import --db " + t.into + " --csv " + t.csv);
        CHECK(again.status == 0);
        CHECK(again.out.find("imported 0 responses") != std::string::npos);
        CHECK(again.out.find("240 response(s) were already in this store") != std::string::npos);
        CHECK(again.out.find("nothing was added") != std::string::npos);
        CHECK(t.count(t.into) == 240);
    }
}

TEST_CASE("a tampered label, another unit or a changed answer is refused by its line and nothing is written", "[export][import]") {
    TwoStores t(30);
    REQUIRE(runCli("export --format csv --db " + t.from + " --out " + t.csv).status == 0);
    const std::string csv = swtest::readFile(t.csv);
    const std::string bad = t.dir.file("bad.csv");
    const std::string version = "/" + std::to_string(swtest::defaultInstrument().version);   // the instrument column's end
    const std::pair<std::string, std::string> cases[] = {
        {tamper(csv, 5, ",kanim-rt,", ",kanim-lain,"), "bad.csv:5:"},
        {tamper(csv, 7, ",WIB,", ",WIB,Bogus layanan,,"), "bad.csv:7:"},
        {tamper(csv, 8, version + "\r", version + "x\r"), "is not registered in this store"},
        {tamper(csv, 9, "-", "_"), "bad.csv:9:"},   // the UUID
    };
    for (const auto& [text, where] : cases) {
        swtest::writeFile(bad, text);
        auto r = runCli("import --db " + t.into + " --csv " + bad);
        INFO(r.out);
        CHECK(r.status == 3);
        CHECK(r.out.find(where) != std::string::npos);
        CHECK(t.count(t.into) == 0);
    }
    // A label the instrument does not have, in the service column of line 6.
    std::size_t at = 0;
    for (int i = 1; i < 6; ++i) at = csv.find('\n', at) + 1;
    const std::size_t service = csv.find(",WIB,", at) + 5;
    swtest::writeFile(bad, csv.substr(0, service) + "Layanan Palsu" + csv.substr(csv.find(',', service)));
    auto label = runCli("import --db " + t.into + " --csv " + bad);
    CHECK(label.status == 3);
    CHECK(label.out.find("bad.csv:6:") != std::string::npos);
    CHECK(label.out.find("\"Layanan Palsu\" is not a Jenis layanan") != std::string::npos);
    CHECK(t.count(t.into) == 0);

    // Once imported, the same UUID with another answer is refused, and the store keeps its copy.
    REQUIRE(runCli("import --db " + t.into + " --csv " + t.csv).status == 0);
    swtest::writeFile(bad, tamper(csv, 4, ",Tidak,", ",Ya,"));
    auto changed = runCli("import --db " + t.into + " --csv " + bad);
    CHECK(changed.status == 3);
    CHECK(changed.out.find("bad.csv:4:") != std::string::npos);
    CHECK(changed.out.find("already in this store with other answers") != std::string::npos);
    CHECK(t.count(t.into) == 30);
}

TEST_CASE("comments that look like formulas come back as the citizen wrote them", "[export][import]") {
    TwoStores t(3);
    {
        sw::Store s(t.from);
        sw::Response r;
        sw::forEachResponse(s, {}, [&](const sw::Response& x) {
            r = x;
            return false;
        });
        for (const std::string comment : {"=SUM(A1)", "'=x", "-- antri lama", "'biasa"}) {
            r.uuid = sw::newUuid();
            r.comment = comment;
            s.append(r);
        }
    }
    sw::Store from(t.from), into(t.into);
    sw::exportCsv(from, t.csv);
    const auto result = sw::importExportCsv(into, *into.unit(), swtest::readFile(t.csv), t.csv);
    CHECK(result.imported == 7);
    std::multiset<std::string> a, b;
    sw::ResponseFilter all;
    all.includeMisuse = true;
    sw::forEachResponse(from, all, [&](const sw::Response& x) {
        a.insert(x.comment);
        return true;
    });
    sw::forEachResponse(into, all, [&](const sw::Response& x) {
        b.insert(x.comment);
        return true;
    });
    CHECK(a == b);
    CHECK(b.count("'=x") == 1);
}

TEST_CASE("the export's local time reads back to the same instant and offset, and nothing else does", "[export][import]") {
    for (const int offset : {420, 480, 540}) {
        const std::int64_t utc = 1'764'500'123;
        std::int64_t back = 0;
        int off = 0;
        REQUIRE(sw::parseLocalDateTime(sw::localDateTime(utc, offset), back, off));
        CHECK(back == utc);
        CHECK(off == offset);
    }
    std::int64_t utc = 0;
    int off = 0;
    for (const char* bad : {"2026-02-30 10:00:00+07:00", "2026-11-30 24:00:00+07:00", "2026-11-30 10:00:00 WIB", "2026-11-30T10:00:00+07:00",
                            "2026-11-30 10:00:0x+07:00", ""}) {
        INFO(bad);
        CHECK_FALSE(sw::parseLocalDateTime(bad, utc, off));
    }
    CHECK(sw::isExportCsv("\xEF\xBB\xBFNo,UUID,Unit,Waktu lokal"));
    CHECK_FALSE(sw::isExportCsv("U1,U2,U3,U4,U5,U6,U7,U8,U9\n"));
}
