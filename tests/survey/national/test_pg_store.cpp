// What only the PostgreSQL store has: its schema made on request in an empty database, responses
// partitioned by year, tallies summed in the server or in the program alike, and merges running
// at the same time from two connections. The rules both stores share are in test_assessor_store.cpp.
#include "survey/export/export_helpers.hpp"
#include "survey/national/pg_cluster.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/pg_connection.hpp"
#include "survey/national/pg_tally.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <unistd.h>

using namespace sw;
using swtest::TempDir;

namespace {

std::string freshDatabase() {
    static int made = 0;
    return swtest::PgCluster::shared().newDatabase("pg_" + std::to_string(getpid()) + "_" + std::to_string(++made));
}

std::string unitBundle(const TempDir& d, const std::string& id, int n, std::uint64_t seed, int days = 60) {
    const std::string db = d.file(id + ".db");
    swtest::fillUnit(db, id, n, seed, 420, days);
    Store s(db);
    const std::string out = d.file(id + ".swb");
    exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
    return out;
}

std::int64_t count(pg::Connection& c, const std::string& sql) { return std::stoll(c.scalar(sql).value_or("0")); }

} // namespace

TEST_CASE("a PostgreSQL store is made only when asked and only in an empty database", "[national][postgresql]") {
    const std::string url = freshDatabase();
    CHECK_THROWS_WITH(openAssessorStore(url, false), Catch::Contains("no SuaraWarga store"));
    pg::Connection c(url, "test");
    CHECK(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0); // a read-only open made nothing
    {
        auto st = openAssessorStore(url, true);
        CHECK(st->responseCount() == 0);
    }
    CHECK(openAssessorStore(url, false)->enrolledKeys().empty());

    const std::string other = freshDatabase();
    pg::Connection o(other, "test");
    o.exec("CREATE TABLE payroll(id int)");
    CHECK_THROWS_WITH(openAssessorStore(other, true), Catch::Contains("other tables"));

    // Messages name the store without its password.
    const std::string withPassword = "postgresql://postgres:s3cret@/" + url.substr(url.find("@/") + 2);
    CHECK(openAssessorStore(withPassword, false)->name().find("s3cret") == std::string::npos);
    CHECK(pg::urlWithoutPassword("postgres://u:pw@h:5/db?password=x&host=/s") == "postgres://u@h:5/db?host=/s");
    try {
        openAssessorStore("postgresql://postgres@/kanwil?host=/nonexistent-socket-dir", false);
        FAIL("opened");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Io);
        CHECK(std::string(e.what()).find("cannot connect") != std::string::npos);
    }
}

TEST_CASE("responses go to one partition per local year and tallies sum alike in the server and the program", "[national][postgresql]") {
    TempDir d;
    // 800 days back from today: responses in three calendar years.
    const std::string b = unitBundle(d, "unit-a", 400, 71, 800);
    const std::string url = freshDatabase();
    auto st = openAssessorStore(url, true);
    auto r = st->mergeFiles({b}, KeyPolicy::EnrollNew);
    REQUIRE(r[0].outcome);
    pg::Connection c(url, "test");
    const std::int64_t years = count(c, "SELECT count(DISTINCT extract(year FROM local_date)) FROM response");
    CHECK(years >= 3);
    CHECK(count(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'response'::regclass") == years);
    CHECK(count(c, "SELECT count(*) FROM ONLY response") == 0);
    for (const TallyPeriod& p : {TallyPeriod{}, TallyPeriod{std::nullopt, std::string("2100-01-01")},
                                 TallyPeriod{localDate(nowUtc() - 400 * 86400, 420), std::nullopt}}) {
        auto server = pg::periodTallies(c, p, pg::SumIn::Server), client = pg::periodTallies(c, p, pg::SumIn::Client);
        REQUIRE(server.size() == 1);
        REQUIRE(client.size() == 1);
        const auto& s = server.begin()->second;
        const auto& k = client.begin()->second;
        CHECK(s.misuse == k.misuse);
        REQUIRE(s.totals.byVersion.size() == k.totals.byVersion.size());
        for (const auto& [version, masks] : s.totals.byVersion)
            for (std::size_t m = 0; m < masks.size(); ++m) {
                const auto& x = masks[m];
                const auto& y = k.totals.byVersion.at(version)[m];
                CHECK(x.skm == y.skm);
                CHECK(x.ham == y.ham);
                CHECK(x.respondents == y.respondents);
                CHECK(x.rows == y.rows);
                CHECK(x.adilYes == y.adilYes);
                CHECK(x.adilNo == y.adilNo);
            }
    }
}

TEST_CASE("two merges of the same bundles at the same time keep each response once", "[national][postgresql]") {
    TempDir d;
    const std::vector<std::string> files = {unitBundle(d, "unit-a", 200, 81), unitBundle(d, "unit-b", 150, 82),
                                            unitBundle(d, "unit-c", 100, 83)};
    const std::string url = freshDatabase();
    openAssessorStore(url, true);
    std::vector<MergeFileResult> one, two;
    std::thread t1([&] { one = openAssessorStore(url, false)->mergeFiles(files, KeyPolicy::EnrollNew); });
    std::thread t2([&] { two = openAssessorStore(url, false)->mergeFiles(files, KeyPolicy::EnrollNew); });
    t1.join();
    t2.join();
    std::int64_t added = 0;
    for (const auto* rs : {&one, &two})
        for (const auto& r : *rs) {
            INFO(r.error);
            REQUIRE(r.outcome);
            added += r.outcome->added;
        }
    CHECK(added == 450);
    auto st = openAssessorStore(url, false);
    CHECK(st->responseCount() == 450);
    for (const auto& t : st->unitTallies({})) CHECK(t.bundles == 1);
}

TEST_CASE("text PostgreSQL cannot hold is refused naming the response and nothing is written", "[national][postgresql]") {
    TempDir d;
    const std::string db = d.file("unit-t.db");
    swtest::fillUnit(db, "unit-t", 3, 95);
    Store unit(db);
    const UnitKey key = UnitKey::loadOrCreate(unit);
    std::string payload = bundlePayload(buildBundle(unit, key, BundleOptions{}));
    // The first response's comment (its line's last field) ends in a byte that is not UTF-8.
    const std::size_t firstRowEnd = payload.find('\n', payload.find('\n') + 1);
    payload.insert(firstRowEnd, "\xff");
    const std::string uuid = payload.substr(payload.find('\n') + 1, 36);
    swtest::writeFile(d.file("bad.swb"), sealBundle(payload, key));
    auto st = openAssessorStore(freshDatabase(), true);
    auto r = st->mergeFiles({d.file("bad.swb")}, KeyPolicy::EnrollNew);
    REQUIRE_FALSE(r[0].outcome);
    CHECK(r[0].error.find(uuid) != std::string::npos);
    CHECK(r[0].error.find("not valid UTF-8") != std::string::npos);
    CHECK(st->responseCount() == 0);
    CHECK(st->enrolledKeys().empty());
}
