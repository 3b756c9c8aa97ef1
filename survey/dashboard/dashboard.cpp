// Index of this file
//   [SECTION] Tallies per group (one pass over the snapshot)
//   [SECTION] computeDashboard: the figures from the tallies, step by step
//   [SECTION] Store-backed parts: kiosk alerts, population
#include "survey/dashboard/dashboard.hpp"

#include "survey/store/store.hpp"

#include <algorithm>
#include <cassert>

namespace sw {

// [SECTION] Tallies per group

namespace {

// One response's answers packed for fast tallying: up to nine 1..4 values in 7-bit fields of a
// 64-bit word, plus a word with 1 in each answered field. Adding words adds all nine fields at
// once; a group flushes its words into 64-bit totals every 31 rows (31 × 4 < 128, no overflow).
// This is what lets the dashboard recompute a million responses in tens of milliseconds.
constexpr std::size_t kPackedFields = 9;
constexpr int kFlushEvery = 31;

struct Packed {
    std::uint64_t sum = 0, answered = 0;
};

// Instruments with more than nine unsur or HAM items take the plain byte-by-byte path.
Packed packUnsur(const std::uint8_t* u, std::size_t count) {
    Packed p;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t v = u[i];
        p.sum |= v << (7 * i);
        p.answered |= static_cast<std::uint64_t>(v != kNoAnswer) << (7 * i);
    }
    return p;
}

Packed packHam(const std::uint8_t* h, std::size_t count) {
    Packed p;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t v = h[i];
        const bool rated = v >= 1 && v <= 4; // "tidak tahu" (0) and not asked (255) are excluded
        p.sum |= static_cast<std::uint64_t>(rated ? v : 0) << (7 * i);
        p.answered |= static_cast<std::uint64_t>(rated) << (7 * i);
    }
    return p;
}

// One row as the tally loop sees it.
struct RowView {
    const std::uint8_t* unsur;
    const std::uint8_t* ham;
    Packed pu, ph;
    std::uint8_t flags;
};

// Σ and n per unsur (and optionally per HAM item) of one group of respondents.
struct Acc {
    std::int64_t respondents = 0;
    std::vector<std::int64_t> sum, n, hamSum, hamN;
    std::int64_t adilYes = 0, adilNo = 0;
    bool packedUnsur = true, packedHam = true;
    Packed pu, ph;
    int pendingUnsur = 0, pendingHam = 0;

    Acc() = default;
    Acc(std::size_t unsur, std::size_t hamItems)
        : sum(unsur), n(unsur), hamSum(hamItems), hamN(hamItems), packedUnsur(unsur <= kPackedFields),
          packedHam(hamItems <= kPackedFields) {}

    void addUnsur(const RowView& r) {
        if (packedUnsur) {
            pu.sum += r.pu.sum;
            pu.answered += r.pu.answered;
            respondents += r.pu.answered != 0; // as Store::unsurTallies: answered at least one unsur
            if (++pendingUnsur == kFlushEvery) flushUnsur();
            return;
        }
        bool any = false;
        for (std::size_t i = 0; i < sum.size(); ++i) {
            const std::uint8_t v = r.unsur[i];
            if (v == kNoAnswer) continue;
            sum[i] += v;
            ++n[i];
            any = true;
        }
        respondents += any ? 1 : 0;
    }
    void addHam(const RowView& r) {
        adilYes += (r.flags & kFlagAdilYes) ? 1 : 0;
        adilNo += (r.flags & kFlagAdilNo) ? 1 : 0;
        if (packedHam) {
            ph.sum += r.ph.sum;
            ph.answered += r.ph.answered;
            if (++pendingHam == kFlushEvery) flushHam();
            return;
        }
        for (std::size_t i = 0; i < hamSum.size(); ++i) {
            const std::uint8_t v = r.ham[i];
            if (v == kHamNotAsked || v == kTidakTahu) continue; // "tidak tahu" is excluded from scores
            hamSum[i] += v;
            ++hamN[i];
        }
    }
    static void unpack(Packed& p, std::vector<std::int64_t>& s, std::vector<std::int64_t>& c) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            s[i] += static_cast<std::int64_t>((p.sum >> (7 * i)) & 127u);
            c[i] += static_cast<std::int64_t>((p.answered >> (7 * i)) & 127u);
        }
        p = Packed{};
    }
    void flushUnsur() {
        unpack(pu, sum, n);
        pendingUnsur = 0;
    }
    void flushHam() {
        unpack(ph, hamSum, hamN);
        pendingHam = 0;
    }
    void finish() {
        flushUnsur();
        flushHam();
    }
};

SkmResult skmOf(const Acc& a, const Instrument& in, Weights w) {
    std::vector<UnsurTally> t;
    t.reserve(in.unsur.size());
    for (std::size_t i = 0; i < in.unsur.size(); ++i) t.push_back({in.unsur[i].code, in.unsur[i].name.in("id"), a.sum[i], a.n[i]});
    return scoreSkm(t, a.respondents, w);
}

AksesibilitasResult aksesOf(const Acc& a, const Instrument& in) {
    std::vector<UnsurTally> t;
    t.reserve(in.ham.items.size());
    for (std::size_t i = 0; i < in.ham.items.size(); ++i)
        t.push_back({in.ham.items[i].code, in.ham.items[i].name.in("id"), a.hamSum[i], a.hamN[i]});
    AksesibilitasResult r = scoreAksesibilitas(t);
    r.adilYes = a.adilYes;
    r.adilNo = a.adilNo;
    return r;
}

GroupRow groupOf(const std::string& code, const Acc& a, const Instrument& in, Weights w, bool withAkses) {
    GroupRow g;
    g.code = code;
    g.respondents = a.respondents;
    SkmResult s = skmOf(a, in, w);
    g.hasData = s.complete && s.respondents > 0;
    g.ikmUnit = g.hasData ? s.ikmUnit : 0;
    g.mutu = s.mutu;
    if (withAkses) {
        AksesibilitasResult x = aksesOf(a, in);
        g.aksesAny = x.any;
        g.aksesIndex = x.index;
    }
    return g;
}

int weekdayOf(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); } // 1970-01-01 was a Thursday

// Trend buckets: weeks (Monday–Sunday) inside the period, or months ending with the period's
// last day, and for each day of their span the bucket it falls in.
struct TrendBuckets {
    std::vector<TrendPoint> points;
    std::int64_t from = 0, to = 0;          // first and last day of the span
    std::vector<std::int16_t> bucketOfDay;  // indexed by day − from
};

// The weeks overlapping the period (the last q.trendBuckets of them when there are more), the
// first and last cut to the period so the trend never reaches outside it.
void weekBuckets(const DashboardQuery& q, std::vector<TrendPoint>& trend) {
    const std::int64_t firstDay = q.period.fromDay(), lastDay = q.period.toDay();
    const std::int64_t lastWeekEnd = lastDay + (6 - weekdayOf(lastDay));
    const std::int64_t firstWeekEnd = firstDay + (6 - weekdayOf(firstDay));
    const std::int64_t weeks = std::max<std::int64_t>(1, (lastWeekEnd - firstWeekEnd) / 7 + 1);
    const int buckets = static_cast<int>(std::min<std::int64_t>(weeks, std::max(1, q.trendBuckets)));
    trend.resize(static_cast<std::size_t>(buckets));
    for (int b = 0; b < buckets; ++b) {
        const std::int64_t end = lastWeekEnd - 7LL * (buckets - 1 - b);
        trend[static_cast<std::size_t>(b)].from = civilFromDays(std::max(end - 6, firstDay));
        trend[static_cast<std::size_t>(b)].to = civilFromDays(std::min(end, lastDay));
    }
}

// Months ending with the period's last month: the year before it for context.
void monthBuckets(const DashboardQuery& q, std::vector<TrendPoint>& trend) {
    const int buckets = std::max(1, q.trendBuckets);
    trend.resize(static_cast<std::size_t>(buckets));
    const int lastMonth = q.period.to.year * 12 + q.period.to.month - 1;
    for (int b = 0; b < buckets; ++b) {
        const int m = lastMonth - (buckets - 1 - b);
        Period pm = periodContaining(PeriodKind::Month, {m / 12, m % 12 + 1, 1});
        trend[static_cast<std::size_t>(b)].from = pm.from;
        trend[static_cast<std::size_t>(b)].to = pm.to;
    }
}

TrendBuckets makeTrendBuckets(const DashboardQuery& q) {
    TrendBuckets tb;
    std::vector<TrendPoint>& trend = tb.points;
    if (q.trendStep == TrendStep::Week) weekBuckets(q, trend);
    else monthBuckets(q, trend);
    tb.from = daysFromCivil(trend.front().from.year, trend.front().from.month, trend.front().from.day);
    tb.to = daysFromCivil(trend.back().to.year, trend.back().to.month, trend.back().to.day);
    tb.bucketOfDay.resize(static_cast<std::size_t>(tb.to - tb.from + 1));
    for (std::size_t b = 0; b < trend.size(); ++b) {
        const std::int64_t a = daysFromCivil(trend[b].from.year, trend[b].from.month, trend[b].from.day);
        const std::int64_t z = daysFromCivil(trend[b].to.year, trend[b].to.month, trend[b].to.day);
        for (std::int64_t d = a; d <= z; ++d) tb.bucketOfDay[static_cast<std::size_t>(d - tb.from)] = static_cast<std::int16_t>(b);
    }
    return tb;
}

// Every group the figures need: the period's total and breakdowns, the previous period, the trend buckets.
struct Tallies {
    Acc total, prev, rentan, bukan;
    std::vector<Acc> kelompok, service, trend;
    std::vector<std::vector<Acc>> profile; // per field: one per option, then "not given"

    Tallies(const ResponseColumns& cols, std::size_t trendBuckets) {
        const std::size_t U = cols.unsurCount(), H = cols.hamCount(), P = cols.profileCount();
        const std::size_t S = cols.serviceCodes.size();
        total = Acc(U, H);
        prev = Acc(U, 0);
        rentan = Acc(U, H);
        bukan = Acc(U, H);
        kelompok.assign(4, Acc(U, H));
        service.assign(S + 1, Acc(U, 0));
        trend.assign(trendBuckets, Acc(U, 0));
        profile.resize(P);
        for (std::size_t p = 0; p < P; ++p) profile[p].assign(cols.profileOptions[p].size() + 1, Acc(U, 0));
    }

    void finish() {
        for (Acc* a : {&total, &prev, &rentan, &bukan}) a->finish();
        for (auto* v : {&kelompok, &service, &trend})
            for (Acc& a : *v) a.finish();
        for (auto& opts : profile)
            for (Acc& a : opts) a.finish();
    }
};

// The one pass over the snapshot. Also counts misuse and comments, and fills the heat map.
void tallyRows(const ResponseColumns& cols, const DashboardQuery& q, int serviceFilter, const TrendBuckets& tb,
               Tallies& tallies, DashboardFigures& f) {
    const std::size_t U = cols.unsurCount(), H = cols.hamCount(), P = cols.profileCount();
    const std::size_t S = cols.serviceCodes.size();
    const std::int64_t trendFrom = tb.from, trendTo = tb.to;
    Acc& total = tallies.total;
    Acc& prev = tallies.prev;
    Acc& rentan = tallies.rentan;
    Acc& bukan = tallies.bukan;
    std::vector<Acc>& kelompok = tallies.kelompok;
    std::vector<Acc>& service = tallies.service;
    std::vector<Acc>& trendAcc = tallies.trend;
    std::vector<std::vector<Acc>>& profile = tallies.profile;

    const std::int64_t from = q.period.fromDay(), to = q.period.toDay();
    const std::int64_t prevFrom = f.previous.fromDay(), prevTo = f.previous.toDay();
    const std::size_t rows = cols.rows();
    for (std::size_t r = 0; r < rows; ++r) {
        const std::int64_t day = cols.day[r];
        const bool inPeriod = day >= from && day <= to;
        const bool inPrev = day >= prevFrom && day <= prevTo;
        const bool inTrend = day >= trendFrom && day <= trendTo;
        if (!inPeriod && !inPrev && !inTrend) continue;
        if (serviceFilter != -1 && cols.service[r] != serviceFilter) continue;
        const std::uint8_t fl = cols.flags[r];
        if (inPeriod && (fl & kFlagMisuse)) ++f.misuseCount;
        if ((fl & kFlagMisuse) && !q.includeMisuse) continue;
        RowView row{&cols.unsur[r * U], &cols.ham[r * H], {}, {}, fl};
        if (U <= kPackedFields) row.pu = packUnsur(row.unsur, U);
        if (inTrend) trendAcc[static_cast<std::size_t>(tb.bucketOfDay[static_cast<std::size_t>(day - trendFrom)])].addUnsur(row);
        if (inPrev) prev.addUnsur(row);
        if (!inPeriod) continue;

        if (H <= kPackedFields) row.ph = packHam(row.ham, H);
        total.addUnsur(row);
        total.addHam(row);
        const std::uint8_t svc = cols.service[r];
        service[svc == kNoOption || svc >= S ? S : svc].addUnsur(row);
        const std::uint8_t mask = cols.rentan[r];
        if (mask & kRentanAny) {
            rentan.addUnsur(row);
            rentan.addHam(row);
            for (int k = 0; k < 4; ++k)
                if (mask & (1u << k)) {
                    kelompok[static_cast<std::size_t>(k)].addUnsur(row);
                    kelompok[static_cast<std::size_t>(k)].addHam(row);
                }
        }
        if (mask & kRentanBukan) { // the same rule as ResponseFilter kelompok = "bukan"
            bukan.addUnsur(row);
            bukan.addHam(row);
        }
        for (std::size_t p = 0; p < P; ++p) {
            const std::uint8_t o = cols.profile[r * P + p];
            auto& opts = profile[p];
            opts[o == kNoOption || o >= opts.size() - 1 ? opts.size() - 1 : o].addUnsur(row);
        }
        ++f.heat[static_cast<std::size_t>(weekdayOf(day))][cols.minute[r] / 60];
        if (fl & kFlagComment) ++f.commentCount;
    }
}

} // namespace

// [SECTION] computeDashboard

namespace {

// The index of q.service in the layout: -1 = every service, -2 = a service the layout does not know (no row matches).
int serviceFilterOf(const ResponseColumns& cols, const DashboardQuery& q) {
    int serviceFilter = -1;
    if (q.service) {
        auto it = std::find(cols.serviceCodes.begin(), cols.serviceCodes.end(), *q.service);
        serviceFilter = it == cols.serviceCodes.end() ? -2 : static_cast<int>(it - cols.serviceCodes.begin());
    }
    return serviceFilter;
}

// Headline and the sample (Krejcie–Morgan for the population the head entered).
void headlineFigures(DashboardFigures& f, const Tallies& tallies, const Instrument& in, const DashboardQuery& q) {
    f.skm = skmOf(tallies.total, in, q.weights);
    f.previousSkm = skmOf(tallies.prev, in, q.weights);
    f.respondents = tallies.total.respondents;
    f.akses = aksesOf(tallies.total, in);
    f.population = q.population;
    if (q.population && *q.population > 0) {
        f.minimumSample = krejcieMorgan(*q.population);
        f.sampleSufficient = f.respondents >= f.minimumSample;
        f.moreNeeded = std::max<std::int64_t>(0, f.minimumSample - f.respondents);
    }
}

// Per unsur, weakest first, with the change from the previous period.
void unsurFigures(DashboardFigures& f, std::size_t U) {
    for (std::size_t i = 0; i < U; ++i) {
        const UnsurScore& s = f.skm.unsur[i];
        const UnsurScore& p = f.previousSkm.unsur[i];
        UnsurRow row;
        row.code = s.code;
        row.name = s.name;
        row.n = s.n;
        row.nrr = s.nrr;
        row.nrrUnit = s.nrrUnit;
        row.mutu = s.mutu;
        row.hasPrevious = p.n > 0;
        row.previousNrrUnit = p.nrrUnit;
        row.change = row.hasPrevious && s.n > 0 ? s.nrrUnit - p.nrrUnit : 0;
        f.unsur.push_back(row);
    }
    std::stable_sort(f.unsur.begin(), f.unsur.end(), [](const UnsurRow& a, const UnsurRow& b) {
        if ((a.n > 0) != (b.n > 0)) return a.n > 0; // unanswered unsur go last
        return a.nrrUnit < b.nrrUnit;
    });
}

void trendFigures(DashboardFigures& f, std::vector<TrendPoint> trend, const std::vector<Acc>& trendAcc, const Instrument& in,
                  const DashboardQuery& q) {
    for (std::size_t b = 0; b < trend.size(); ++b) {
        SkmResult s = skmOf(trendAcc[b], in, q.weights);
        trend[b].respondents = s.respondents;
        trend[b].hasData = s.complete && s.respondents > 0;
        trend[b].ikmUnit = trend[b].hasData ? s.ikmUnit : 0;
    }
    f.trend = std::move(trend);
}

void serviceFigures(DashboardFigures& f, const ResponseColumns& cols, const std::vector<Acc>& service, const Instrument& in,
                    const DashboardQuery& q) {
    const std::size_t S = cols.serviceCodes.size();
    for (std::size_t s = 0; s <= S; ++s) {
        if (s == S && service[s].respondents == 0) continue; // "not given" only when somebody did not
        f.services.push_back(groupOf(s < S ? cols.serviceCodes[s] : "", service[s], in, q.weights, false));
    }
}

void rentanFigures(DashboardFigures& f, const Tallies& tallies, const Instrument& in, const DashboardQuery& q) {
    f.rentan.rentan = groupOf("rentan", tallies.rentan, in, q.weights, true);
    f.rentan.bukan = groupOf("bukan", tallies.bukan, in, q.weights, true);
    static const char* const kelompokCodes[4] = {"lansia", "disabilitas", "hamil_menyusui", "anak"};
    for (std::size_t k = 0; k < 4; ++k) f.rentan.kelompok[k] = groupOf(kelompokCodes[k], tallies.kelompok[k], in, q.weights, true);
    f.rentan.comparable = f.rentan.rentan.hasData && f.rentan.bukan.hasData;
    if (f.rentan.comparable) {
        f.rentan.ikmGap = f.rentan.rentan.ikmUnit - f.rentan.bukan.ikmUnit;
        if (f.rentan.rentan.aksesAny && f.rentan.bukan.aksesAny)
            f.rentan.aksesGap = f.rentan.rentan.aksesIndex - f.rentan.bukan.aksesIndex;
    }
}

void profileFigures(DashboardFigures& f, const ResponseColumns& cols, const std::vector<std::vector<Acc>>& profile,
                    const Instrument& in, const DashboardQuery& q) {
    for (std::size_t p = 0; p < cols.profileCount(); ++p) {
        ProfileBreakdown pb;
        pb.field = cols.profileFields[p];
        for (std::size_t o = 0; o < profile[p].size(); ++o) {
            const bool notGiven = o + 1 == profile[p].size();
            if (notGiven && profile[p][o].respondents == 0) continue;
            pb.options.push_back(groupOf(notGiven ? "" : cols.profileOptions[p][o], profile[p][o], in, q.weights, false));
        }
        f.profile.push_back(std::move(pb));
    }
}

// Rolling IKM of the last N responses (all time, newest by local time), for the alert.
void rollingFigures(DashboardFigures& f, const ResponseColumns& cols, const Instrument& in, const DashboardQuery& q,
                    int serviceFilter) {
    if (q.rollingCount <= 0) return;
    const std::size_t U = cols.unsurCount();
    Acc roll(U, 0);
    for (auto it = cols.byTime.rbegin(); it != cols.byTime.rend() && roll.respondents < q.rollingCount; ++it) {
        const std::uint32_t r = *it;
        if ((cols.flags[r] & kFlagMisuse) && !q.includeMisuse) continue;
        if (serviceFilter != -1 && cols.service[r] != serviceFilter) continue;
        RowView row{&cols.unsur[r * U], nullptr, {}, {}, 0};
        if (U <= kPackedFields) row.pu = packUnsur(row.unsur, U);
        roll.addUnsur(row);
    }
    roll.finish();
    SkmResult s = skmOf(roll, in, q.weights);
    f.rollingN = s.respondents;
    f.rollingValid = s.respondents >= q.rollingCount && s.complete;
    f.rollingIkm = s.complete ? s.ikmUnit : 0;
}

// Alerts the screen shows on top.
void addAlerts(DashboardFigures& f, const DashboardQuery& q) {
    for (const UnsurRow& row : f.unsur)
        if (row.n > 0 && (row.mutu == Mutu::C || row.mutu == Mutu::D)) {
            Alert a{Alert::Kind::UnsurWeak, row.code, row.mutu, row.nrrUnit, 0, row.n, 0, ""};
            f.alerts.push_back(a);
        }
    if (f.rollingValid && f.rollingIkm < q.rollingThreshold)
        f.alerts.push_back({Alert::Kind::RollingLow, "", mutuFor(f.rollingIkm), f.rollingIkm, q.rollingThreshold, f.rollingN, 0, ""});
    if (f.minimumSample > 0 && !f.sampleSufficient)
        f.alerts.push_back({Alert::Kind::SampleShort, "", Mutu::D, 0, 0, f.moreNeeded, 0, ""});
}

} // namespace

DashboardFigures computeDashboard(const ResponseColumns& cols, const Instrument& in, const DashboardQuery& q) {
    assert(cols.unsurCount() == in.unsur.size() && cols.hamCount() == in.ham.items.size());
    DashboardFigures f;
    f.period = q.period;
    f.previous = previousPeriod(q.period);
    const int serviceFilter = serviceFilterOf(cols, q);

    TrendBuckets tb = makeTrendBuckets(q);
    Tallies tallies(cols, tb.points.size());
    tallyRows(cols, q, serviceFilter, tb, tallies, f);
    tallies.finish();

    headlineFigures(f, tallies, in, q);
    unsurFigures(f, cols.unsurCount());
    trendFigures(f, std::move(tb.points), tallies.trend, in, q);
    serviceFigures(f, cols, tallies.service, in, q);
    rentanFigures(f, tallies, in, q);
    profileFigures(f, cols, tallies.profile, in, q);
    for (const auto& day : f.heat)
        for (std::int64_t c : day) f.heatMax = std::max(f.heatMax, c);
    rollingFigures(f, cols, in, q, serviceFilter);
    addAlerts(f, q);
    return f;
}

// [SECTION] Store-backed parts

SubmitFailures submitFailuresSince(Store& store, std::int64_t sinceUtc) {
    SubmitFailures s;
    // The kind string is the one survey/kiosk/submitter.cpp logs through Store::logEvent.
    sql::Statement st(store.db(), "SELECT count(*), max(at_utc) FROM event WHERE kind='submit_failed' AND at_utc>=?");
    st.bind(1, sinceUtc);
    if (st.step()) {
        s.count = st.getInt(0);
        s.lastUtc = st.isNull(1) ? 0 : st.getInt(1);
    }
    if (s.count > 0) {
        sql::Statement d(store.db(), "SELECT detail FROM event WHERE kind='submit_failed' AND at_utc>=? ORDER BY at_utc DESC, id DESC LIMIT 1");
        d.bind(1, sinceUtc);
        if (d.step()) s.lastDetail = d.getText(0);
    }
    return s;
}

void addKioskAlerts(Store& store, DashboardFigures& f, std::int64_t sinceUtc) {
    SubmitFailures s = submitFailuresSince(store, sinceUtc);
    if (s.count > 0) f.alerts.push_back({Alert::Kind::SubmitFailed, "", Mutu::D, 0, 0, s.count, s.lastUtc, s.lastDetail});
}

std::optional<std::int64_t> populationFor(Store& store, const Period& p) {
    sql::Statement st(store.db(), "SELECT population FROM period_population WHERE period_from=? AND period_to=?");
    st.bind(1, formatDate(p.from)).bind(2, formatDate(p.to));
    if (!st.step()) return std::nullopt;
    return st.getInt(0);
}

void setPopulation(Store& store, const Period& p, std::int64_t population) {
    if (population < 0) throw UsageError("the population served cannot be negative");
    sql::Statement st(store.db(), "INSERT INTO period_population(period_from, period_to, population) VALUES(?,?,?) "
                                  "ON CONFLICT(period_from, period_to) DO UPDATE SET population=excluded.population");
    st.bind(1, formatDate(p.from)).bind(2, formatDate(p.to)).bind(3, population).run();
}

std::vector<PopulationEntry> listPopulations(Store& store) {
    sql::Statement st(store.db(), "SELECT period_from, period_to, population FROM period_population ORDER BY period_from DESC, period_to");
    std::vector<PopulationEntry> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getInt(2)});
    return out;
}

} // namespace sw
