// A pass over a period's responses: the way SQLite reads them (by the date index, or walking the
// table when the period covers most of the store) never changes what is counted, and the one-pass
// count per bucket (the PDF's IKM per month) equals a pass per bucket.
#include "survey/dashboard/statistik.hpp"
#include "survey/store/mapped_reads.hpp"
#include "survey/store/period_where.hpp"
#include "survey/store/totals.hpp"

#include "survey/export/export_helpers.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

std::string plan(Store& store, const ResponseFilter& f) {
    std::vector<std::string> binds;
    sql::Statement st(store.db(), "EXPLAIN QUERY PLAN SELECT r.skm FROM response r WHERE " + periodWhere(store, f, binds));
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    std::string out;
    while (st.step()) out += st.getText(3) + "\n";
    return out;
}

ResponseTotals byIndex(Store& store, const ResponseFilter& f) {
    std::vector<std::string> binds;
    return ResponseTotals::scan(store, responseWhere(f, binds), binds);
}

void requireEqual(const ResponseTotals& a, const ResponseTotals& b) {
    REQUIRE(a.byVersion.size() == b.byVersion.size());
    for (const auto& [version, masks] : a.byVersion) {
        const auto it = b.byVersion.find(version);
        REQUIRE(it != b.byVersion.end());
        for (std::size_t m = 0; m < masks.size(); ++m) {
            INFO("mask " << m);
            CHECK(masks[m].skm == it->second[m].skm);
            CHECK(masks[m].ham == it->second[m].ham);
            CHECK(masks[m].respondents == it->second[m].respondents);
            CHECK(masks[m].rows == it->second[m].rows);
            CHECK(masks[m].adilYes == it->second[m].adilYes);
            CHECK(masks[m].adilNo == it->second[m].adilNo);
        }
    }
}

std::string daysAgo(int n) { return localDate(nowUtc() - std::int64_t{n} * 86400, 420); }

} // namespace

TEST_CASE("a period over most of the store walks the table, a short one reads by index, and both count the same",
          "[store][period-reads]") {
    swtest::TempDir dir;
    const std::string db = dir.file("unit.db");
    swtest::fillUnit(db, "U1", 3000, 7, 420, 200);
    Store store(db);

    ResponseFilter most;
    most.from = daysAgo(190);
    most.to = daysAgo(0);
    ResponseFilter shortOne;
    shortOne.from = daysAgo(9);
    shortOne.to = daysAgo(3);

    const std::string walk = plan(store, most), index = plan(store, shortOne);
    INFO("most: " << walk << "short: " << index);
    CHECK(walk.find("SCAN") != std::string::npos);
    CHECK(walk.find("response_by_date") == std::string::npos);
    CHECK(index.find("response_by_date") != std::string::npos);

    for (const ResponseFilter& f : {most, shortOne}) {
        std::vector<std::string> binds;
        const ResponseTotals planned = ResponseTotals::scan(store, periodWhere(store, f, binds), binds);
        requireEqual(planned, byIndex(store, f));
        CHECK(planned.total(std::nullopt).rows > 0);
    }
    // A filter by unit or service keeps its own plan.
    ResponseFilter unit = most;
    unit.unitId = "U1";
    CHECK(plan(store, unit).find("+r.local_date") == std::string::npos);
    std::vector<std::string> binds;
    CHECK(periodWhere(store, unit, binds).find("+r.local_date") == std::string::npos);
}

TEST_CASE("one pass per chart equals one pass per bucket, rows outside every bucket left out", "[store][period-reads]") {
    swtest::TempDir dir;
    const std::string db = dir.file("unit.db");
    swtest::fillUnit(db, "U1", 2500, 11, 480, 120);
    Store store(db);
    const Instrument& in = swtest::defaultInstrument();

    // Weekly buckets with a gap between the second and third: rows in the gap belong to none.
    const std::vector<std::pair<std::string, std::string>> buckets = {
        {daysAgo(100), daysAgo(94)}, {daysAgo(93), daysAgo(87)}, {daysAgo(70), daysAgo(64)}, {daysAgo(63), daysAgo(0)}};
    for (const std::optional<std::string>& kelompok : {std::optional<std::string>{}, std::optional<std::string>{"rentan"}}) {
        ResponseFilter f;
        f.kelompok = kelompok;
        const std::vector<ResponseTotals> one = ResponseTotals::scanBuckets(store, f, buckets);
        const std::vector<SkmResult> scored = skmForBuckets(store, in, f, buckets);
        REQUIRE(one.size() == buckets.size());
        REQUIRE(scored.size() == buckets.size());
        std::int64_t inBuckets = 0;
        for (std::size_t b = 0; b < buckets.size(); ++b) {
            ResponseFilter fb = f;
            fb.kelompok.reset();
            fb.from = buckets[b].first;
            fb.to = buckets[b].second;
            INFO("bucket " << b << " kelompok " << kelompok.value_or("-"));
            requireEqual(one[b], byIndex(store, fb));
            fb.kelompok = kelompok;
            const SkmResult each = skmFor(store, in, fb);
            CHECK(scored[b].respondents == each.respondents);
            CHECK(scored[b].ikmUnit == each.ikmUnit);
            inBuckets += one[b].total(std::nullopt).rows;
        }
        ResponseFilter all;
        all.from = buckets.front().first;
        all.to = buckets.back().second;
        CHECK(inBuckets < byIndex(store, all).total(std::nullopt).rows); // the gap's rows were there
        CHECK(inBuckets > 0);
    }
    CHECK(ResponseTotals::scanBuckets(store, ResponseFilter{}, {}).empty());
}

TEST_CASE("a pass inside another keeps the outer pass's mapping, and the last one out puts the size back",
          "[store][period-reads]") {
    swtest::TempDir dir;
    Store store(dir.file("unit.db"));
    const std::int64_t before = store.db().scalarInt("PRAGMA mmap_size");
    {
        MappedReads outer(store.db());
        const std::int64_t mapped = store.db().scalarInt("PRAGMA mmap_size");
        CHECK(mapped > before);
        { MappedReads inner(store.db()); }
        CHECK(store.db().scalarInt("PRAGMA mmap_size") == mapped);
    }
    CHECK(store.db().scalarInt("PRAGMA mmap_size") == before);
}
