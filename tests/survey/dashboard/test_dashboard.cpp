// Every dashboard figure against a hand-computed data set (the arithmetic is written out below).
#include "survey/dashboard/dashboard.hpp"
#include "survey/base/local_time.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/store/store.hpp"
#include "survey/base/uuid.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

constexpr int kWib = 420;

Response make(const std::string& date, int hour, int minute, std::map<std::string, int> unsur, const std::string& service,
              std::vector<std::string> rentan = {}, std::map<std::string, int> ham = {}) {
    const Instrument& in = swtest::defaultInstrument();
    Response r;
    r.uuid = newUuid();
    r.instrumentId = in.id;
    r.instrumentVersion = in.version;
    r.unitId = "demo";
    r.deviceId = "test";
    LocalDate d;
    REQUIRE(parseDate(date, d));
    r.createdUtc = utcFromLocal(d, hour, minute, kWib);
    r.utcOffsetMinutes = kWib;
    r.service = service;
    r.unsur = std::move(unsur);
    r.rentan = std::move(rentan);
    r.ham = std::move(ham);
    return r;
}

// All nine unsur at `v`, with overrides.
std::map<std::string, int> all(int v, std::map<std::string, int> over = {}) {
    std::map<std::string, int> m;
    for (const char* c : kUnsurCodes) m[c] = v;
    for (auto& [k, x] : over) m[k] = x;
    return m;
}

// The hand-computed set (November 2026, WIB):
//   R1 Mon 2026-11-02 09:30 paspor       all 4                lansia   H1=4 H2=tidak tahu  L
//   R2 Tue 2026-11-03 10:15 paspor       all 3                bukan    H1=2 H2=2           P
//   R3 Wed 2026-11-04 14:05 izin_tinggal all 3, U3=1          disabilitas_fisik H1=3       (no profile), a comment
//   R4 Wed 2026-11-04 14:06 paspor       all 2 — misuse-flagged (left out unless included)
//   O1, O2 October 2026: all 3 (the previous period)
struct Fixture {
    swtest::TempDir dir;
    Store store{dir.file("d.db")};
    const Instrument& in = swtest::defaultInstrument();
    Fixture() {
        store.registerInstrument(in);
        UnitInfo u;
        u.id = "demo";
        store.setUnit(u);
        auto r1 = make("2026-11-02", 9, 30, all(4), "paspor", {"lansia"}, {{"H1", 4}, {"H2", 0}});
        r1.profile["jenis_kelamin"] = "L";
        auto r2 = make("2026-11-03", 10, 15, all(3), "paspor", {"bukan"}, {{"H1", 2}, {"H2", 2}});
        r2.profile["jenis_kelamin"] = "P";
        auto r3 = make("2026-11-04", 14, 5, all(3, {{"U3", 1}}), "izin_tinggal", {"disabilitas_fisik"}, {{"H1", 3}});
        r3.comment = "Antrian lama sekali";
        auto r4 = make("2026-11-04", 14, 6, all(2), "paspor");
        r4.misuse = true;
        auto o1 = make("2026-10-05", 9, 0, all(3), "paspor");
        auto o2 = make("2026-10-06", 9, 0, all(3), "paspor");
        store.appendAll({r1, r2, r3, r4, o1, o2});
    }
    DashboardQuery query() const {
        DashboardQuery q;
        q.period = periodContaining(PeriodKind::Month, {2026, 11, 15});
        q.trendBuckets = 3;
        q.rollingCount = 2;
        q.rollingThreshold = 80;
        return q;
    }
};

const UnsurRow& row(const DashboardFigures& f, const std::string& code) {
    for (const auto& r : f.unsur)
        if (r.code == code) return r;
    FAIL("no unsur " << code);
    return f.unsur.front();
}

} // namespace

TEST_CASE("periods: month, triwulan, semester, year, custom, and the one before", "[admin][period]") {
    Period t = periodContaining(PeriodKind::Triwulan, {2026, 8, 15});
    CHECK(formatDate(t.from) == "2026-07-01");
    CHECK(formatDate(t.to) == "2026-09-30");
    CHECK(periodLabel(t, "id") == "Triwulan III 2026");
    Period tp = previousPeriod(t);
    CHECK(formatDate(tp.from) == "2026-04-01");
    CHECK(formatDate(tp.to) == "2026-06-30");
    Period s = periodContaining(PeriodKind::Semester, {2026, 8, 15});
    CHECK(formatDate(s.from) == "2026-07-01");
    CHECK(formatDate(s.to) == "2026-12-31");
    CHECK(periodLabel(s, "en") == "Semester II 2026");
    Period y = periodContaining(PeriodKind::Year, {2026, 8, 15});
    CHECK(formatDate(y.to) == "2026-12-31");
    CHECK(formatDate(previousPeriod(y).from) == "2025-01-01");
    Period feb = periodContaining(PeriodKind::Month, {2024, 2, 10});
    CHECK(feb.days() == 29); // a leap year
    Period jan = periodContaining(PeriodKind::Month, {2026, 1, 31});
    CHECK(formatDate(previousPeriod(jan).from) == "2025-12-01");
    CHECK(formatDate(nextPeriod(jan).to) == "2026-02-28");
    Period c = customPeriod({2026, 3, 10}, {2026, 3, 19});
    Period cp = previousPeriod(c);
    CHECK(formatDate(cp.from) == "2026-02-28"); // ten days before the 10th of March 2026
    CHECK(formatDate(cp.to) == "2026-03-09");
    CHECK_THROWS_AS(customPeriod({2026, 3, 10}, {2026, 3, 9}), UsageError);
}

TEST_CASE("dashboard headline, unsur ranking and change match the hand computation", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    REQUIRE(cols.rows() == 6);
    DashboardFigures f = computeDashboard(cols, fx.in, fx.query());

    // NRR U3 = (4+3+1)/3 = 8/3, the other eight (4+3+3)/3 = 10/3; IKM = (8·10/3 + 8/3)/9 = 88/27.
    CHECK(f.respondents == 3);
    CHECK(f.skm.ikm == Approx(88.0 / 27.0));
    CHECK(f.skm.ikmUnit == Approx(88.0 / 27.0 * 25.0)); // 81,48
    CHECK(f.skm.mutu == Mutu::B);
    CHECK(f.misuseCount == 1);
    CHECK(f.commentCount == 1);

    // Weakest first: U3 (66,67, mutu C) then the rest at 83,33.
    REQUIRE(f.unsur.size() == 9);
    CHECK(f.unsur.front().code == "U3");
    CHECK(f.unsur.front().nrrUnit == Approx(200.0 / 3.0));
    CHECK(f.unsur.front().mutu == Mutu::C);
    CHECK(f.unsur[1].nrrUnit == Approx(250.0 / 3.0));
    // October: everyone 3 → 75; change = 66,67 − 75 = −8,33 and 83,33 − 75 = +8,33.
    CHECK(row(f, "U3").hasPrevious);
    CHECK(row(f, "U3").change == Approx(200.0 / 3.0 - 75.0));
    CHECK(row(f, "U1").change == Approx(250.0 / 3.0 - 75.0));
    CHECK(f.previousSkm.ikmUnit == Approx(75.0));

    // The same figures through the SQL path (one arithmetic, two ways to tally).
    ResponseFilter rf;
    rf.from = "2026-11-01";
    rf.to = "2026-11-30";
    SkmResult sqlSkm = skmFor(fx.store, fx.in, rf);
    CHECK(sqlSkm.ikmUnit == Approx(f.skm.ikmUnit));
    CHECK(sqlSkm.respondents == f.respondents);
    AksesibilitasResult sqlAkses = aksesibilitasFor(fx.store, fx.in, rf);
    CHECK(sqlAkses.index == Approx(f.akses.index));
    CHECK(sqlAkses.adilYes == f.akses.adilYes);
}

TEST_CASE("dashboard includes misuse-flagged responses only when asked", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardQuery q = fx.query();
    q.includeMisuse = true;
    DashboardFigures f = computeDashboard(cols, fx.in, q);
    // U3 = (4+3+1+2)/4 = 2,5; the others (4+3+3+2)/4 = 3; IKM = (8·3 + 2,5)/9 = 2,9444 → 73,61, mutu C.
    CHECK(f.respondents == 4);
    CHECK(f.skm.ikmUnit == Approx((8 * 3 + 2.5) / 9 * 25));
    CHECK(f.skm.mutu == Mutu::C);
    CHECK(f.misuseCount == 1);
}

TEST_CASE("dashboard sample against Krejcie-Morgan says how many more are needed", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardQuery q = fx.query();
    q.population = 100; // table: 100 → 80
    DashboardFigures f = computeDashboard(cols, fx.in, q);
    CHECK(f.minimumSample == 80);
    CHECK_FALSE(f.sampleSufficient);
    CHECK(f.moreNeeded == 77);
    q.population = 3; // a tiny population: all three suffice
    f = computeDashboard(cols, fx.in, q);
    CHECK(f.minimumSample == 3);
    CHECK(f.sampleSufficient);
    CHECK(f.moreNeeded == 0);

    // The population the head entered is kept per period.
    setPopulation(fx.store, q.period, 1000);
    CHECK(populationFor(fx.store, q.period) == 1000);
    CHECK_FALSE(populationFor(fx.store, previousPeriod(q.period)).has_value());
    setPopulation(fx.store, q.period, 1500);
    CHECK(populationFor(fx.store, q.period) == 1500);
    setPopulation(fx.store, previousPeriod(q.period), 900);
    auto all = listPopulations(fx.store);
    REQUIRE(all.size() == 2);
    CHECK(all[0].from == "2026-11-01"); // newest first
    CHECK(all[0].population == 1500);
    CHECK(all[1].to == "2026-10-31");
    CHECK_THROWS_AS(setPopulation(fx.store, q.period, -1), UsageError);
}

TEST_CASE("dashboard trend per month and per week", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardFigures f = computeDashboard(cols, fx.in, fx.query());
    REQUIRE(f.trend.size() == 3);
    CHECK(formatDate(f.trend[0].from) == "2026-09-01");
    CHECK_FALSE(f.trend[0].hasData);
    CHECK(f.trend[1].respondents == 2);
    CHECK(f.trend[1].ikmUnit == Approx(75.0));
    CHECK(f.trend[2].respondents == 3);
    CHECK(f.trend[2].ikmUnit == Approx(f.skm.ikmUnit));

    DashboardQuery q = fx.query();
    q.trendStep = TrendStep::Week;
    q.trendBuckets = 5;
    f = computeDashboard(cols, fx.in, q);
    REQUIRE(f.trend.size() == 5);
    // The last week is Mon 2026-11-30 – Sun 2026-12-06, cut to the period's last day; R1..R3 fall
    // in the week of 2 November.
    CHECK(formatDate(f.trend[4].from) == "2026-11-30");
    CHECK(formatDate(f.trend[4].to) == "2026-11-30");
    CHECK(formatDate(f.trend[0].from) == "2026-11-02");
    CHECK(f.trend[0].respondents == 3);
    // Room for 16 weeks: only the six that overlap November, the first cut to start on the 1st
    // (a Sunday), so the trend never starts weeks before the chosen month.
    q.trendBuckets = 16;
    f = computeDashboard(cols, fx.in, q);
    REQUIRE(f.trend.size() == 6);
    CHECK(formatDate(f.trend[0].from) == "2026-11-01");
    CHECK(formatDate(f.trend[0].to) == "2026-11-01");
    CHECK(formatDate(f.trend[1].from) == "2026-11-02");
}

TEST_CASE("dashboard breakdowns: service, kelompok rentan gap, profile, heat map", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardFigures f = computeDashboard(cols, fx.in, fx.query());

    // paspor: R1, R2 → every NRR 3,5 → 87,5 (B); izin_tinggal: R3 → (8·3+1)/9·25 = 69,44 (C).
    auto svc = [&](const std::string& code) {
        for (const auto& g : f.services)
            if (g.code == code) return g;
        FAIL("no service " << code);
        return GroupRow{};
    };
    CHECK(svc("paspor").respondents == 2);
    CHECK(svc("paspor").ikmUnit == Approx(87.5));
    CHECK(svc("izin_tinggal").ikmUnit == Approx(25.0 / 9 * 25));
    CHECK(svc("izin_tinggal").mutu == Mutu::C);
    CHECK(svc("pengaduan").respondents == 0);
    CHECK_FALSE(svc("pengaduan").hasData);

    // Rentan = R1 + R3: NRR 3,5 except U3 (4+1)/2 = 2,5 → (8·3,5 + 2,5)/9·25 = 84,72; bukan = R2 → 75.
    CHECK(f.rentan.rentan.respondents == 2);
    CHECK(f.rentan.rentan.ikmUnit == Approx(30.5 / 9 * 25));
    CHECK(f.rentan.bukan.ikmUnit == Approx(75.0));
    CHECK(f.rentan.comparable);
    CHECK(f.rentan.ikmGap == Approx(30.5 / 9 * 25 - 75.0));
    // Accessibility: rentan H1 (4+3)/2 = 3,5 (H2 "tidak tahu" excluded) → 87,5; bukan (2+2)/2 → 50.
    CHECK(f.rentan.rentan.aksesIndex == Approx(87.5));
    CHECK(f.rentan.bukan.aksesIndex == Approx(50.0));
    CHECK(f.rentan.aksesGap == Approx(37.5));
    CHECK(f.akses.index == Approx((3.0 + 2.0) / 2 * 25)); // H1 (4+2+3)/3 = 3, H2 2 → 62,5
    CHECK(f.rentan.kelompok[0].code == "lansia");
    CHECK(f.rentan.kelompok[0].respondents == 1);
    CHECK(f.rentan.kelompok[1].respondents == 1); // disabilitas
    CHECK(f.rentan.kelompok[3].respondents == 0); // anak
    // The same gap through the SQL path.
    ResponseFilter rf;
    rf.from = "2026-11-01";
    rf.to = "2026-11-30";
    RentanGap g = rentanGapFor(fx.store, fx.in, rf);
    CHECK(g.ikmGap == Approx(f.rentan.ikmGap));
    CHECK(g.aksesGap == Approx(f.rentan.aksesGap));

    // Profile: L = R1 (100), P = R2 (75), not given = R3.
    REQUIRE(f.profile.size() == fx.in.profile.size());
    const ProfileBreakdown& jk = f.profile.front();
    CHECK(jk.field == "jenis_kelamin");
    REQUIRE(jk.options.size() == 3);
    CHECK(jk.options[0].code == "L");
    CHECK(jk.options[0].ikmUnit == Approx(100.0));
    CHECK(jk.options[1].ikmUnit == Approx(75.0));
    CHECK(jk.options[2].code.empty());
    CHECK(jk.options[2].respondents == 1);

    // Heat map [weekday Monday = 0][local hour].
    CHECK(f.heat[0][9] == 1);
    CHECK(f.heat[1][10] == 1);
    CHECK(f.heat[2][14] == 1); // R4 is misuse: not counted
    CHECK(f.heatMax == 1);
    std::int64_t total = 0;
    for (const auto& d : f.heat)
        for (auto c : d) total += c;
    CHECK(total == 3);
}

TEST_CASE("dashboard alerts: weak unsur, rolling IKM, kiosk write failures", "[admin][dashboard][alerts]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardFigures f = computeDashboard(cols, fx.in, fx.query());
    // Rolling: the newest two counted responses are R3 and R2 → U3 (1+3)/2 = 2, others 3 → 72,22 < 80.
    CHECK(f.rollingN == 2);
    CHECK(f.rollingValid);
    CHECK(f.rollingIkm == Approx(26.0 / 9 * 25));
    int weak = 0, rolling = 0;
    for (const auto& a : f.alerts) {
        if (a.kind == Alert::Kind::UnsurWeak) {
            ++weak;
            CHECK(a.code == "U3");
            CHECK(a.mutu == Mutu::C);
        }
        if (a.kind == Alert::Kind::RollingLow) ++rolling;
    }
    CHECK(weak == 1);
    CHECK(rolling == 1);

    DashboardQuery q = fx.query();
    q.rollingThreshold = 70; // 72,22 is above: no alert
    f = computeDashboard(cols, fx.in, q);
    for (const auto& a : f.alerts) CHECK(a.kind != Alert::Kind::RollingLow);

    // Kiosk write failures from the event log (kind "submit_failed", survey/kiosk/submitter.cpp).
    addKioskAlerts(fx.store, f, 0);
    for (const auto& a : f.alerts) CHECK(a.kind != Alert::Kind::SubmitFailed);
    fx.store.logEvent("submit_failed", "disk full");
    fx.store.logEvent("pin_failed", "not a write failure");
    fx.store.logEvent("submit_failed", "response kept in memory for retry");
    addKioskAlerts(fx.store, f, 0);
    REQUIRE(f.alerts.back().kind == Alert::Kind::SubmitFailed);
    CHECK(f.alerts.back().count == 2);
    CHECK(f.alerts.back().detail == "response kept in memory for retry");
    CHECK(submitFailuresSince(fx.store, nowUtc() + 3600).count == 0);
}

TEST_CASE("the columnar snapshot tops up incrementally by rowid", "[admin][columns]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    CHECK(cols.refresh(fx.store) == 0);
    // A response older than everything: byTime must stay in time order.
    fx.store.append(make("2026-11-01", 8, 0, all(1), "paspor"));
    CHECK(cols.refresh(fx.store) == 1);
    REQUIRE(cols.rows() == 7);
    CHECK(cols.day[cols.byTime.front()] == daysFromCivil(2026, 10, 5));
    for (std::size_t i = 1; i < cols.byTime.size(); ++i) {
        const auto a = cols.byTime[i - 1], b = cols.byTime[i];
        CHECK(cols.day[a] * 1440 + cols.minute[a] <= cols.day[b] * 1440 + cols.minute[b]);
    }
    DashboardFigures f = computeDashboard(cols, fx.in, fx.query());
    CHECK(f.respondents == 4);
    ResponseFilter rf;
    rf.from = "2026-11-01";
    rf.to = "2026-11-30";
    CHECK(skmFor(fx.store, fx.in, rf).ikmUnit == Approx(f.skm.ikmUnit));
}

TEST_CASE("dashboard narrowed to one service", "[admin][dashboard]") {
    Fixture fx;
    ResponseColumns cols = ResponseColumns::load(fx.store, fx.in);
    DashboardQuery q = fx.query();
    q.service = "izin_tinggal";
    DashboardFigures f = computeDashboard(cols, fx.in, q);
    CHECK(f.respondents == 1);
    CHECK(f.skm.ikmUnit == Approx(25.0 / 9 * 25));
    CHECK_FALSE(f.previousSkm.respondents > 0);
}

#include "survey/dashboard/comments.hpp"

TEST_CASE("comments newest first, searchable, with answers — misuse viewable", "[admin][comments]") {
    Fixture fx;
    auto extra = make("2026-11-05", 8, 0, all(4), "paspor");
    extra.comment = "Pelayanan ramah, 100% puas";
    fx.store.append(extra);
    CommentQuery q;
    q.period = periodContaining(PeriodKind::Month, {2026, 11, 1});
    auto list = commentsFor(fx.store, q);
    REQUIRE(list.size() == 2);
    CHECK(list[0].comment == "Pelayanan ramah, 100% puas"); // newest first
    CHECK(list[1].comment == "Antrian lama sekali");
    CHECK(list[1].unsur.at("U3") == 1);
    CHECK(list[1].kelompok == std::vector<std::string>{"disabilitas"});
    CHECK(countComments(fx.store, q) == 2);
    q.search = "ANTRIAN sekali";
    list = commentsFor(fx.store, q);
    REQUIRE(list.size() == 1);
    CHECK(list[0].service == "izin_tinggal");
    q.search = "100%";
    CHECK(countComments(fx.store, q) == 1);
    q.search = "%";
    CHECK(countComments(fx.store, q) == 1); // a literal percent sign, not a wildcard
    q.search = "";
    q.misuseOnly = true;
    list = commentsFor(fx.store, q);
    REQUIRE(list.size() == 1);
    CHECK(list[0].misuse);
    CHECK(list[0].unsur.at("U1") == 2);
}
