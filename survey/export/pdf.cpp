// Index of this file
//   [SECTION] Figures the report needs (all from libsurvey), the context every section reads
//   [SECTION] Title block, BAB I, BAB II
//   [SECTION] BAB III, BAB IV, BAB V
//   [SECTION] Lampiran P2HAM
//   [SECTION] writePdfReport: running header and footer, the sections in order, finishing
#include "survey/export/pdf.hpp"

#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/export/pdf_canvas.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/dashboard/dashboard.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/translations.hpp"
#include "survey/export/comment_summary.hpp"
#include "survey/store/mapped_reads.hpp"
#include "survey/store/period_where.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace sw {

namespace {

using pdf::Align;
using pdf::Column;

// [SECTION] Figures

pdf::Rgb mutuColor(Mutu m) {
    const MutuRgb c = mutuRgb(m);
    return {c.r, c.g, c.b};
}

// Respondents per profile option over the filter (demography of BAB III).
std::map<std::string, std::map<std::string, std::int64_t>> profileTallies(Store& store, const ResponseFilter& f) {
    std::vector<std::string> binds;
    // Counted per packed profile (a few hundred distinct values) in a hash map, then split into its
    // pairs: SQL's GROUP BY sorted every row first (1,5 s of a year's PDF over 1,000,000 rows).
    sql::Statement st(store.db(), "SELECT r.profile FROM response r WHERE " + periodWhere(store, f, binds));
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    std::unordered_map<std::string, std::int64_t> perProfile;
    while (st.step()) {
        const unsigned char* p = sqlite3_column_text(st.handle(), 0);
        const auto n = static_cast<std::size_t>(sqlite3_column_bytes(st.handle(), 0));
        ++perProfile[std::string(p ? reinterpret_cast<const char*>(p) : "", n)];
    }
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (const auto& entry : perProfile) {   // not a structured binding: clang 14 cannot capture one
        const std::int64_t n = entry.second;
        forEachProfilePair(entry.first, [&](std::string_view field, std::string_view value) {
            out[std::string(field)][std::string(value)] += n;
        });
    }
    return out;
}

std::string joinNames(const std::vector<const UnsurScore*>& xs, const Instrument& in, const std::string& lang, int decimals) {
    std::string s;
    for (const auto* u : xs) {
        if (!s.empty()) s += "; ";
        const Unsur* def = in.findUnsur(u->code);
        s += u->code + " " + (def ? def->name.in(lang) : u->name) + " (" + formatNumber(u->nrrUnit, decimals, lang) + ")";
    }
    return s;
}

std::string joinNonEmpty(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts)
        if (!p.empty()) s += (s.empty() ? "" : ", ") + p;
    return s;
}

std::string signingFingerprint(Store& store) {
    try {
        return UnitKey::loadOrCreate(store).fingerprint();
    } catch (const SigningError&) {
        return store.setting("signing.fingerprint", "?"); // the report still names the recorded key
    }
}

struct Figures {
    SkmResult skm;
    AksesibilitasResult akses;
    RentanGap gap;
    std::int64_t misuse = 0;
    std::map<std::string, std::map<std::string, std::int64_t>> demography;
    std::optional<std::int64_t> population;
    Period prev;
    SkmResult prevSkm;
    std::vector<TindakLanjut> plans;
    std::optional<FacilityAssessment> assessment;
    std::vector<TrendPoint> trend;     // IKM per month (or per week in a short period), oldest first
    bool trendWeekly = false;
    CommentSummary comments;
};

// The trend's buckets, inside the period only (so the chart costs at most one more pass over the
// period's rows): its months when it spans three or more (the last 24 at most), else its weeks
// (seven days from its first day). The first and last bucket are cut at the period's ends.
std::vector<TrendPoint> trendBuckets(const Period& period, bool& weekly) {
    const int first = period.from.year * 12 + period.from.month - 1, last = period.to.year * 12 + period.to.month - 1;
    weekly = last - first + 1 < 3;
    std::vector<TrendPoint> out;
    if (weekly) {
        for (std::int64_t d = period.fromDay(); d <= period.toDay(); d += 7) {
            TrendPoint p;
            p.from = civilFromDays(d);
            p.to = civilFromDays(std::min(d + 6, period.toDay()));
            out.push_back(p);
        }
        return out;
    }
    for (int m = std::max(first, last - 23); m <= last; ++m) {
        TrendPoint p;
        p.from = m == first ? period.from : LocalDate{m / 12, m % 12 + 1, 1};
        const LocalDate next{(m + 1) / 12, (m + 1) % 12 + 1, 1};
        p.to = m == last ? period.to : civilFromDays(daysFromCivil(next.year, next.month, next.day) - 1);
        out.push_back(p);
    }
    return out;
}

std::vector<TrendPoint> ikmTrend(Store& store, const Instrument& in, const ResponseFilter& f, const Period& period, Weights w, bool& weekly) {
    std::vector<TrendPoint> out = trendBuckets(period, weekly);
    std::vector<std::pair<std::string, std::string>> days;
    for (const TrendPoint& p : out) days.emplace_back(formatDate(p.from), formatDate(p.to));
    const std::vector<SkmResult> perBucket = skmForBuckets(store, in, f, days, w);
    for (std::size_t i = 0; i < out.size(); ++i) {
        TrendPoint& p = out[i];
        const SkmResult& skm = perBucket[i];
        p.respondents = skm.respondents;
        p.hasData = skm.respondents > 0 && skm.complete;
        p.ikmUnit = p.hasData ? skm.ikmUnit : 0;
    }
    return out;
}

// Every figure, from libsurvey.
Figures gatherFigures(Store& store, const Instrument& in, const ResponseFilter& f, const Period& period, Weights w) {
    MappedReads mapped(store.db()); // several passes over the period's rows
    Figures fig;
    fig.skm = skmFor(store, in, f, w);
    fig.akses = aksesibilitasFor(store, in, f);
    fig.gap = rentanGapFor(store, in, f, w);
    fig.misuse = misuseCount(store, f);
    fig.demography = profileTallies(store, f);
    fig.population = populationFor(store, period);
    fig.prev = previousPeriod(period);
    ResponseFilter fPrev = f;
    fPrev.from = formatDate(fig.prev.from);
    fPrev.to = formatDate(fig.prev.to);
    fig.prevSkm = skmFor(store, in, fPrev, w);
    fig.plans = tindakLanjutFor(store, period);
    fig.assessment = assessmentForPeriod(store, period);
    fig.trend = ikmTrend(store, in, f, period, w, fig.trendWeekly);
    fig.comments = summarizeComments(store, f, 5, 10);
    return fig;
}

// What every section reads: the canvas it draws on, the unit, the period and the figures.
struct Report {
    pdf::Canvas& c;
    Store& store;
    const Instrument& in;
    const UnitInfo& unit;
    const Translations& tr;
    const std::string& lang;
    const ResponseFilter& f;
    const Period& period;
    const std::string& periodText;
    const std::string& fp;
    const Figures& fig;

    const std::string& t(const std::string& key) const { return tr.get(key, lang); }
    std::string num(double v, int d) const { return formatNumber(v, d, lang); }
    std::string count(std::int64_t n) const { return formatCount(n, lang); }
};

// [SECTION] Title block, BAB I, BAB II

void writeTitleBlock(const Report& r) {
    pdf::Canvas& c = r.c;
    const UnitInfo& unit = r.unit;
    const SkmResult& skm = r.fig.skm;
    c.space(20);
    c.title(r.t("pdf.title"), 16);
    c.title(r.t("pdf.subtitle"), 11);
    c.space(10);
    if (unit.demo) { // before the unit's name: nobody reads a demo unit's figures as a real one's
        c.title(r.t("pdf.demo"), 14);
        c.paragraph(r.t("pdf.demo_note"), 9, false, Align::Center);
        c.space(4);
    }
    c.title(unit.name, 13);
    if (!unit.instansi.empty()) c.paragraph(unit.instansi, 10, false, Align::Center);
    c.paragraph(joinNonEmpty({unit.address, unit.kabupaten, unit.province}), 9, false, Align::Center);
    // The period once: its dates only when its name is not already the dates (custom periods).
    const std::string dates = formatDate(r.period.from) + " – " + formatDate(r.period.to);
    c.paragraph(r.t("pdf.period") + ": " + r.periodText + " (" + (r.periodText == dates ? "" : dates + ", ") +
                    zoneName(unit.utcOffsetMinutes) + ")", 10, true, Align::Center);
    c.paragraph(r.t("pdf.generated") + ": " + localDateTime(nowUtc(), unit.utcOffsetMinutes), 8, false, Align::Center);
    c.space(6);
    c.table({{r.t("xlsx.calc.respondents"), 0.25, Align::Center}, {r.t("xlsx.calc.ikm_unit"), 0.25, Align::Center},
             {r.t("xlsx.calc.mutu"), 0.25, Align::Center}, {r.t("xlsx.ham.index"), 0.25, Align::Center}},
            {{r.count(skm.respondents), r.num(skm.ikmUnit, 2),
              std::string(mutuLetter(skm.mutu)) + " (" + r.t(std::string("kinerja.") + mutuLetter(skm.mutu)) + ")",
              r.fig.akses.any ? r.num(r.fig.akses.index, 2) : "–"}},
            {0});
    c.paragraph(r.t("pdf.key") + ": " + r.fp, 9, true, Align::Center);
    c.paragraph(r.t("pdf.key_note"), 8, false, Align::Center);
}

void writeBab1(const Report& r) {
    pdf::Canvas& c = r.c;
    c.heading(r.t("pdf.bab1"), 1);
    c.heading(r.t("pdf.bab1.latar"), 2);
    c.paragraph(format(r.t("pdf.bab1.latar_text"), {r.unit.name}));
    c.heading(r.t("pdf.bab1.dasar"), 2);
    std::string checklistName = "P2HAM";
    try {
        FacilityChecklist cl = loadChecklist(defaultChecklistPath());
        checklistName = cl.title.in(r.lang) + " v" + std::to_string(cl.version);
    } catch (const std::exception&) {
    }
    int k = 1;
    for (const char* key : {"pdf.bab1.dasar_1", "pdf.bab1.dasar_2", "pdf.bab1.dasar_3", "pdf.bab1.dasar_4", "pdf.bab1.dasar_5"})
        c.bullet(format(r.t(key), {checklistName}), std::to_string(k++) + ".");
    c.heading(r.t("pdf.bab1.maksud"), 2);
    c.paragraph(format(r.t("pdf.bab1.maksud_text"), {r.unit.name, r.periodText}));
}

void writeBab2(const Report& r) {
    pdf::Canvas& c = r.c;
    const UnitInfo& unit = r.unit;
    const SkmResult& skm = r.fig.skm;
    c.heading(r.t("pdf.bab2"), 1);
    c.heading(r.t("pdf.bab2.pelaksana"), 2);
    c.paragraph(format(r.t("pdf.bab2.pelaksana_text"), {unit.name, unit.instansi}));
    c.heading(r.t("pdf.bab2.metode"), 2);
    c.paragraph(r.t("pdf.bab2.metode_text"));
    c.heading(r.t("pdf.bab2.lokasi"), 2);
    c.paragraph(format(r.t("pdf.bab2.lokasi_text"), {joinNonEmpty({unit.address, unit.kabupaten}),
                                                     formatDate(r.period.from) + " – " + formatDate(r.period.to),
                                                     zoneName(unit.utcOffsetMinutes)}));
    c.heading(r.t("pdf.bab2.sampel"), 2);
    c.paragraph(r.t("pdf.bab2.sampel_formula"));
    if (r.fig.population) {
        const std::int64_t need = krejcieMorgan(*r.fig.population);
        const std::string verdict = skm.respondents >= need ? r.t("pdf.bab2.sampel_ok")
                                                            : format(r.t("pdf.bab2.sampel_short"), {r.count(need - skm.respondents)});
        c.paragraph(format(r.t("pdf.bab2.sampel_known"), {r.count(*r.fig.population), r.count(need), r.count(skm.respondents), verdict}));
    } else {
        c.paragraph(format(r.t("pdf.bab2.sampel_unknown"), {r.count(krejcieMorgan(1000000)), r.count(skm.respondents)}));
    }
}

// [SECTION] BAB III, BAB IV, BAB V

// One table per profile field: respondents per option, then those who did not answer it.
void writeDemography(const Report& r) {
    const std::int64_t total = std::max<std::int64_t>(1, r.store.countResponses(r.f));
    for (const auto& field : r.in.profile) {
        std::vector<std::vector<std::string>> rows;
        std::int64_t given = 0;
        auto it = r.fig.demography.find(field.code);
        for (const auto& o : field.options) {
            std::int64_t n = 0;
            if (it != r.fig.demography.end())
                if (auto jt = it->second.find(o.code); jt != it->second.end()) n = jt->second;
            given += n;
            rows.push_back({o.label.in(r.lang), r.count(n), r.num(100.0 * static_cast<double>(n) / static_cast<double>(total), 1) + " %"});
        }
        const std::int64_t notGiven = r.store.countResponses(r.f) - given;
        if (notGiven > 0)
            rows.push_back({r.t("pdf.bab3.not_given"), r.count(notGiven),
                            r.num(100.0 * static_cast<double>(notGiven) / static_cast<double>(total), 1) + " %"});
        r.c.table({{field.label.in(r.lang), 0.5}, {r.t("pdf.bab3.count"), 0.2, Align::Right}, {r.t("pdf.bab3.share"), 0.3, Align::Right}}, rows);
    }
}

void writeIkmTable(const Report& r) {
    const SkmResult& skm = r.fig.skm;
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : skm.unsur) {
        const Unsur* def = r.in.findUnsur(u.code);
        rows.push_back({u.code, def ? def->name.in(r.lang) : u.name, r.count(u.sum), r.count(u.n), r.num(u.nrr, 3),
                        r.num(u.nrrWeighted, 3), r.num(u.nrrUnit, 2), u.n ? mutuLetter(u.mutu) : "–"});
    }
    rows.push_back({"", "IKM", "", "", "", r.num(skm.ikm, 3), r.num(skm.ikmUnit, 2), mutuLetter(skm.mutu)});
    // Σ and n get room for seven digits: a busy unit's year reaches a million answers per unsur.
    r.c.table({{r.t("pdf.bab3.col_code"), 0.07}, {r.t("pdf.bab3.col_unsur"), 0.275}, {r.t("pdf.bab3.col_sum"), 0.105, Align::Right},
               {r.t("pdf.bab3.col_n"), 0.105, Align::Right}, {r.t("pdf.bab3.col_nrr"), 0.08, Align::Right},
               {r.t("pdf.bab3.col_nrrw"), 0.13, Align::Right}, {r.t("pdf.bab3.col_unit"), 0.165, Align::Right},
               {r.t("pdf.bab3.col_mutu"), 0.07, Align::Center}},
              rows, {static_cast<int>(rows.size()) - 1});
}

void writeUnsurChart(const Report& r) {
    const SkmResult& skm = r.fig.skm;
    std::vector<pdf::Bar> bars;
    for (const auto& u : skm.unsur) {
        const Unsur* def = r.in.findUnsur(u.code);
        bars.push_back({u.code + " " + (def ? def->name.in(r.lang) : u.name), u.n ? u.nrrUnit : 25.0,
                        u.n ? r.num(u.nrrUnit, 2) + " " + mutuLetter(u.mutu) : "–", mutuColor(u.mutu)});
    }
    bars.push_back({"IKM", skm.ikmUnit, r.num(skm.ikmUnit, 2) + " " + mutuLetter(skm.mutu), mutuColor(skm.mutu)});
    r.c.barChart(bars, 25, 100, {kMutuLowerBounds.begin(), kMutuLowerBounds.end()});
}

// Saran dan masukan: how many, the words most used, the newest few as the citizens wrote them.
void writeComments(const Report& r) {
    pdf::Canvas& c = r.c;
    const CommentSummary& cs = r.fig.comments;
    c.heading(r.t("pdf.bab3.comments"), 2);
    if (cs.count == 0) {
        c.paragraph(r.t("pdf.bab3.comments_none"));
        return;
    }
    c.paragraph(format(r.t("pdf.bab3.comments_count"), {r.count(cs.count), r.count(r.fig.skm.respondents)}));
    if (!cs.words.empty()) {
        std::string words;
        for (const auto& w : cs.words) words += (words.empty() ? "" : ", ") + w.word + " (" + r.count(w.count) + ")";
        c.paragraph(format(r.t("pdf.bab3.comments_words"), {words}));
    }
    c.paragraph(format(r.t("pdf.bab3.comments_recent"), {std::to_string(cs.recent.size())}), 10, true);
    for (const auto& line : cs.recent) {
        const Option* s = r.in.findService(line.service);
        c.bullet(localDate(line.createdUtc, line.utcOffsetMinutes) + " · " + (s ? s->label.in(r.lang) : line.service) + ": “" +
                 line.comment + "”");
    }
}

void writeBab3(const Report& r) {
    pdf::Canvas& c = r.c;
    const SkmResult& skm = r.fig.skm;
    c.heading(r.t("pdf.bab3"), 1);
    c.heading(r.t("pdf.bab3.responden"), 2);
    c.paragraph(format(r.t("pdf.bab3.responden_text"), {r.count(skm.respondents), r.count(r.fig.misuse)}));
    writeDemography(r);

    c.heading(r.t("pdf.bab3.ikm"), 2);
    writeIkmTable(r);
    c.paragraph(format(r.t("pdf.bab3.ikm_total"), {r.num(skm.ikm, 3), r.num(skm.ikmUnit, 2), mutuLetter(skm.mutu),
                                                   r.t(std::string("kinerja.") + mutuLetter(skm.mutu))}), 10, true);
    if (!skm.complete) c.paragraph(r.t("pdf.bab3.incomplete"), 10, true);
    c.paragraph(r.t("pdf.bab3.rule") + ": " + weightsRule(skm.weights, r.lang), 8.5);
    c.paragraph(r.t("pdf.bab3.mutu_table"), 8.5);

    c.heading(r.t("pdf.bab3.chart"), 2);
    writeUnsurChart(r);
    writeComments(r);
}

// IKM unit per month against the mutu bounds; a month without a complete score shows "–".
void writeTrendChart(const Report& r) {
    const auto& trend = r.fig.trend;
    if (trend.empty()) return;
    r.c.ensure(190); // the caption stays with its chart
    const bool weekly = r.fig.trendWeekly;
    auto month = [&](const LocalDate& d) { return monthName(d.month, r.lang) + " " + std::to_string(d.year); };
    r.c.paragraph(weekly ? format(r.t("pdf.bab4.trend_chart_week"), {formatDate(trend.front().from), formatDate(trend.back().to)})
                         : format(r.t("pdf.bab4.trend_chart"), {month(trend.front().from), month(trend.back().from)}),
                  10, true);
    std::vector<pdf::Bar> bars;
    for (const auto& p : trend) {
        char label[16];
        if (weekly) std::snprintf(label, sizeof label, "%02d/%02d", p.from.day, p.from.month);
        else std::snprintf(label, sizeof label, "%s %02d", monthShort(p.from.month, r.lang).c_str(), p.from.year % 100);
        if (p.hasData) bars.push_back({label, p.ikmUnit, r.num(p.ikmUnit, 1), mutuColor(mutuFor(p.ikmUnit))});
        else bars.push_back({label, 25, "–", {0.8, 0.8, 0.8}});
    }
    std::vector<double> bounds;
    std::vector<std::string> labels;
    for (Mutu m : {Mutu::C, Mutu::B, Mutu::A}) {
        bounds.push_back(mutuLowerBound(m));
        labels.push_back(std::string(mutuLetter(m)) + " " + r.num(mutuLowerBound(m), 2));
    }
    r.c.columnChart(bars, 25, 100, bounds, labels);
}

void writeBab4(const Report& r) {
    pdf::Canvas& c = r.c;
    const SkmResult& skm = r.fig.skm;
    const SkmResult& prevSkm = r.fig.prevSkm;
    c.heading(r.t("pdf.bab4"), 1);
    c.heading(r.t("pdf.bab4.analisis"), 2);
    std::vector<const UnsurScore*> answered;
    for (const auto& u : skm.unsur)
        if (u.n > 0) answered.push_back(&u);
    std::sort(answered.begin(), answered.end(), [](const UnsurScore* a, const UnsurScore* b) { return a->nrrUnit > b->nrrUnit; });
    std::vector<const UnsurScore*> strong(answered.begin(), answered.begin() + std::min<std::ptrdiff_t>(3, static_cast<std::ptrdiff_t>(answered.size())));
    std::vector<const UnsurScore*> weak(answered.rbegin(), answered.rbegin() + std::min<std::ptrdiff_t>(3, static_cast<std::ptrdiff_t>(answered.size())));
    std::vector<const UnsurScore*> belowB;
    for (const auto& u : skm.unsur)
        if (u.n > 0 && (u.mutu == Mutu::C || u.mutu == Mutu::D)) belowB.push_back(&u);
    if (!answered.empty()) {
        c.bullet(format(r.t("pdf.bab4.strong"), {joinNames(strong, r.in, r.lang, 2)}));
        c.bullet(format(r.t("pdf.bab4.weak"), {joinNames(weak, r.in, r.lang, 2)}));
        c.bullet(belowB.empty() ? r.t("pdf.bab4.none_below_b") : format(r.t("pdf.bab4.below_b"), {joinNames(belowB, r.in, r.lang, 2)}));
    }
    c.heading(r.t("pdf.bab4.trend"), 2);
    if (prevSkm.complete && prevSkm.respondents > 0)
        c.paragraph(format(r.t("pdf.bab4.trend_text"), {periodLabel(r.fig.prev, r.lang), r.num(prevSkm.ikmUnit, 2), r.count(prevSkm.respondents),
                                                        r.num(skm.ikmUnit, 2), (skm.ikmUnit >= prevSkm.ikmUnit ? "+" : "") + r.num(skm.ikmUnit - prevSkm.ikmUnit, 2)}));
    else
        c.paragraph(format(r.t("pdf.bab4.trend_none"), {periodLabel(r.fig.prev, r.lang)}));
    writeTrendChart(r);
    c.heading(r.t("pdf.bab4.rtl"), 2);
    if (!r.fig.plans.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : r.fig.plans)
            rows.push_back({p.targetCode + " " + p.targetLabel, p.action, p.owner, p.dueDate, r.t("pdf.rtl.status." + p.status)});
        c.table({{r.t("pdf.bab4.rtl_col_target"), 0.22}, {r.t("pdf.bab4.rtl_col_action"), 0.4}, {r.t("pdf.bab4.rtl_col_owner"), 0.16},
                 {r.t("pdf.bab4.rtl_col_due"), 0.12}, {r.t("pdf.bab4.rtl_col_status"), 0.1}},
                rows);
    } else {
        c.paragraph(format(r.t("pdf.bab4.rtl_none"), {joinNames(belowB.empty() ? weak : belowB, r.in, r.lang, 2)}));
    }
}

// The place for a kabupaten/kota as letters write it: "Kabupaten Serang" signs as "Serang".
std::string signingPlace(const std::string& kabupaten) {
    for (const char* prefix : {"Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota "})
        if (kabupaten.rfind(prefix, 0) == 0) return kabupaten.substr(std::string(prefix).size());
    return kabupaten;
}

// Signed by the head of unit: place and date, the office, room to sign, name and NIP from the
// settings (unit.head_name, unit.head_nip); a dotted line to fill in by hand when not set.
void writeSignature(const Report& r) {
    LocalDate today;
    parseDate(localDate(nowUtc(), r.unit.utcOffsetMinutes), today);
    const std::string date = std::to_string(today.day) + " " + monthName(today.month, r.lang) + " " + std::to_string(today.year);
    const std::string place = signingPlace(r.unit.kabupaten);
    const std::string name = r.store.setting("unit.head_name", "");
    const std::string nip = r.store.setting("unit.head_nip", "");
    const std::string blank = "(................................................)";
    r.c.signature({place.empty() ? date : place + ", " + date, format(r.t("pdf.sign.head"), {r.unit.name})}, 52,
                  {name.empty() ? blank : name, r.t("pdf.sign.nip") + " " + (nip.empty() ? std::string("..............................") : nip)});
}

void writeBab5(const Report& r) {
    pdf::Canvas& c = r.c;
    const SkmResult& skm = r.fig.skm;
    c.heading(r.t("pdf.bab5"), 1);
    c.paragraph(format(r.t("pdf.bab5_text"), {r.periodText, r.num(skm.ikmUnit, 2), mutuLetter(skm.mutu),
                                              r.t(std::string("kinerja.") + mutuLetter(skm.mutu))}));
    c.space(10);
    c.paragraph(r.t("pdf.key") + ": " + r.fp, 9, true);
    writeSignature(r);
}

// [SECTION] Lampiran P2HAM

void writeAksesibilitas(const Report& r) {
    pdf::Canvas& c = r.c;
    const AksesibilitasResult& akses = r.fig.akses;
    c.heading(r.t("pdf.p2ham"), 1);
    c.heading(r.t("pdf.p2ham.akses"), 2);
    if (akses.any) {
        c.paragraph(format(r.t("pdf.p2ham.akses_text"), {r.num(akses.index, 2), r.count(akses.adilYes), r.count(akses.adilNo)}));
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < akses.items.size(); ++i) {
            const auto& s = akses.items[i];
            const HamItem* h = r.in.findHamItem(s.code);
            rows.push_back({s.code + " " + (h ? h->name.in(r.lang) : s.name), r.count(s.sum), r.count(s.n),
                            s.n ? r.num(s.nrr, 3) : "–", s.n ? r.num(s.nrrUnit, 2) : "–"});
        }
        c.table({{r.t("pdf.p2ham.col_item"), 0.44}, {r.t("pdf.bab3.col_sum"), 0.12, Align::Right}, {r.t("pdf.bab3.col_n"), 0.12, Align::Right},
                 {r.t("pdf.bab3.col_nrr"), 0.14, Align::Right}, {r.t("pdf.bab3.col_unit"), 0.18, Align::Right}},
                rows);
    } else {
        c.paragraph(r.t("pdf.p2ham.akses_none"));
    }
}

void writeRentanGap(const Report& r) {
    pdf::Canvas& c = r.c;
    const RentanGap& gap = r.fig.gap;
    c.heading(r.t("pdf.rentan"), 2);
    c.table({{r.t("pdf.rentan.col_group"), 0.46}, {r.t("pdf.rentan.col_resp"), 0.16, Align::Right}, {r.t("pdf.rentan.col_ikm"), 0.16, Align::Right},
             {r.t("pdf.rentan.col_akses"), 0.22, Align::Right}},
            {{r.t("pdf.rentan.group_rentan"), r.count(gap.rentan.respondents), gap.rentan.respondents ? r.num(gap.rentan.ikmUnit, 2) : "–",
              gap.aksesRentan.any ? r.num(gap.aksesRentan.index, 2) : "–"},
             {r.t("pdf.rentan.group_bukan"), r.count(gap.bukan.respondents), gap.bukan.respondents ? r.num(gap.bukan.ikmUnit, 2) : "–",
              gap.aksesBukan.any ? r.num(gap.aksesBukan.index, 2) : "–"},
             {r.t("pdf.rentan.gap"), "", gap.comparable ? r.num(gap.ikmGap, 2) : "–",
              gap.comparable && gap.aksesRentan.any && gap.aksesBukan.any ? r.num(gap.aksesGap, 2) : "–"}},
            {2});
    if (!gap.comparable) c.paragraph(r.t("pdf.rentan.not_comparable"));
    else if (gap.ikmGap < -2.0) c.paragraph(format(r.t("pdf.rentan.worse"), {r.num(-gap.ikmGap, 2)}), 10, true);
}

struct Thumb {
    std::string png, caption;
};

// The item's measured values, one a line, each with its limit and verdict.
std::string measuresText(const Report& r, const FacilityItem& item, const FacilityAnswer* a) {
    std::string measures;
    for (const auto& m : item.measures) {
        std::optional<double> v;
        if (a)
            if (auto mv = a->measures.find(m.code); mv != a->measures.end()) v = mv->second;
        if (!v) continue;
        MeasureVerdict verdict = judge(m, v);
        if (!measures.empty()) measures += "\n";
        measures += m.name.in(r.lang) + ": " + r.num(*v, 1) + " " + m.unit + " (" + (m.rule == FacilityMeasure::Rule::Max ? "≤ " : "≥ ") +
                    r.num(m.limit, 1) + ") " + r.t(verdict == MeasureVerdict::Pass ? "pdf.verdict.pass" : "pdf.verdict.fail");
    }
    return measures;
}

// The item's evidence files, one a line; their thumbnails are collected for after the table.
std::string evidenceText(const Report& r, const FacilityItem& item, const FacilityAnswer* a, std::vector<Thumb>& thumbs) {
    std::string evidence;
    if (a)
        for (std::int64_t id : a->evidence)
            if (auto info = evidenceInfo(r.store, id)) {
                // A stored name is data (it may come from a bundle): its control characters are printed as \xNN.
                const std::string name = printable(info->fileName);
                if (!evidence.empty()) evidence += "\n";
                evidence += name + " (" + info->sha256.substr(0, 12) + "…)";
                std::string png = evidenceThumbnailPng(r.store, id);
                if (!png.empty()) thumbs.push_back({png, item.code + " " + name});
            }
    return evidence;
}

void writeFacilityItems(const Report& r, const FacilityChecklist& cl, const FacilityAssessment& assessment, std::vector<Thumb>& thumbs) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : cl.items) {
        auto it = assessment.items.find(item.code);
        const FacilityAnswer* a = it == assessment.items.end() ? nullptr : &it->second;
        std::string status = a && a->status != FacilityStatus::Unset ? r.t(std::string("facility.status.") + facilityStatusCode(a->status)) : "–";
        std::string measures = measuresText(r, item, a);
        std::string evidence = evidenceText(r, item, a, thumbs);
        rows.push_back({item.code + " " + item.name.in(r.lang), status, measures, a ? a->note : "", evidence});
    }
    r.c.table({{r.t("pdf.p2ham.col_item"), 0.28}, {r.t("pdf.p2ham.col_status"), 0.1}, {r.t("pdf.p2ham.col_measure"), 0.26},
               {r.t("pdf.p2ham.col_note"), 0.18}, {r.t("pdf.p2ham.col_evidence"), 0.18}},
              rows);
}

std::string gapLine(const Report& r, const FacilityChecklist& cl, const FacilityGap& g) {
    const FacilityItem* item = cl.findItem(g.item);
    std::string name = item ? g.item + " " + item->name.in(r.lang) : g.item;
    if (!item)
        if (const Option* s = r.in.findService(g.item)) // kepatuhan is judged per service
            name = r.t("pdf.p2ham.kepatuhan") + " — " + s->label.in(r.lang);
    std::string line;
    switch (g.kind) {
    case FacilityGap::Kind::Missing: line = format(r.t("pdf.gap.missing"), {name}); break;
    case FacilityGap::Kind::MeasureFails: {
        std::string mname = g.measure;
        if (item)
            for (const auto& m : item->measures)
                if (m.code == g.measure) mname = m.name.in(r.lang);
        line = format(r.t("pdf.gap.measure_fails"), {name, mname, r.num(g.value, 1), r.num(g.limit, 1)});
        break;
    }
    case FacilityGap::Kind::InProgress: line = format(r.t("pdf.gap.in_progress"), {name}); break;
    case FacilityGap::Kind::Unanswered: line = format(r.t("pdf.gap.unanswered"), {name}); break;
    case FacilityGap::Kind::PetugasMissing: line = r.t("pdf.gap.petugas_missing"); break;
    case FacilityGap::Kind::KepatuhanLow: {
        const Option* s = r.in.findService(g.item);
        const KepatuhanLevel* l = cl.findLevel(g.level);
        line = format(r.t("pdf.gap.kepatuhan_low"), {s ? s->label.in(r.lang) : g.item, l ? l->name.in(r.lang) : g.level});
        break;
    }
    }
    const RuleSource* src = cl.findSource(g.source);
    if (src) line += " — " + src->name.in(r.lang) + (src->olderGuidance ? " *" : "");
    return line;
}

void writeThumbnails(const Report& r, std::vector<Thumb>& thumbs) {
    r.c.heading(r.t("pdf.p2ham.col_evidence"), 2);
    std::vector<std::string> pngs, captions;
    for (auto& th : thumbs) {
        pngs.push_back(std::move(th.png));
        captions.push_back(std::move(th.caption));
    }
    r.c.thumbnails(pngs, captions, 62);
}

void writeFacility(const Report& r, const FacilityAssessment& assessment) {
    pdf::Canvas& c = r.c;
    FacilityChecklist cl = loadChecklist(defaultChecklistPath());
    std::vector<std::string> services;
    for (const auto& s : r.in.services) services.push_back(s.code);
    const FacilityScore score = scoreFacility(cl, assessment, services);
    c.paragraph(format(r.t("pdf.p2ham.assessed_text"), {assessment.assessedOn, assessment.assessor.empty() ? "–" : assessment.assessor,
                                                        cl.title.in(r.lang), std::to_string(assessment.checklistVersion)}));
    const FacilityCoverage& cov = score.coverage;
    c.paragraph(cov.complete() ? format(r.t("pdf.p2ham.score_text"), {r.num(score.total, 1)})
                               : format(r.t("pdf.p2ham.score_incomplete"), {r.num(score.total, 1), std::to_string(cov.assessed),
                                                                           std::to_string(cov.total)}),
                10, true);
    std::vector<std::vector<std::string>> crit;
    for (const auto& cs : score.criteria) {
        const FacilityCriterion* cr = cl.findCriterion(cs.code);
        crit.push_back({cr ? cr->name.in(r.lang) : cs.code, r.num(cs.weight, 2), cs.hasData ? r.num(cs.score, 1) : r.t("pdf.p2ham.no_data")});
    }
    c.table({{r.t("pdf.p2ham.col_criterion"), 0.6}, {r.t("pdf.p2ham.col_weight"), 0.2, Align::Right}, {r.t("pdf.p2ham.col_score"), 0.2, Align::Right}}, crit);

    std::vector<Thumb> thumbs;
    writeFacilityItems(r, cl, assessment, thumbs);
    c.paragraph(format(r.t("pdf.p2ham.petugas"), {assessment.petugas == FacilityStatus::Unset ? "–"
                                                  : r.t(std::string("facility.status.") + facilityStatusCode(assessment.petugas))}));
    if (!score.gaps.empty()) {
        c.paragraph(r.t("pdf.p2ham.gap_list"), 10, true);
        int shown = 0;
        for (const auto& g : score.gaps) c.bullet(gapLine(r, cl, g), std::to_string(++shown) + ".");
    }
    if (!thumbs.empty()) writeThumbnails(r, thumbs);
}

void writeP2hamAnnex(const Report& r) {
    writeAksesibilitas(r);
    writeRentanGap(r);
    r.c.heading(r.t("pdf.p2ham.facility"), 2);
    if (!r.fig.assessment) {
        r.c.paragraph(r.t("pdf.p2ham.no_assessment"));
    } else {
        writeFacility(r, *r.fig.assessment);
    }
}

// The annex printed alone: whose it is, for which period, and the key that signs the unit's data.
void writeAnnexTitle(const Report& r) {
    if (r.unit.demo) r.c.title(r.t("pdf.demo"), 14);
    r.c.title(r.unit.name, 13);
    if (!r.unit.instansi.empty()) r.c.paragraph(r.unit.instansi, 10, false, Align::Center);
    r.c.paragraph(r.t("pdf.period") + ": " + r.periodText, 10, true, Align::Center);
    r.c.paragraph(r.t("pdf.key") + ": " + r.fp, 9, false, Align::Center);
    r.c.space(6);
}

} // namespace

// [SECTION] writePdfReport

PdfReportInfo writePdfReport(Store& store, const std::string& path, PdfReportOptions opt) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to report");
    const Instrument& in = *latest;
    const UnitInfo unit = store.unit().value_or(UnitInfo{});
    const Translations tr = Translations::loadArea("export");
    const std::string lang = opt.lang;
    auto t = [&](const std::string& key) -> const std::string& { return tr.get(key, lang); };
    ResponseFilter f = opt.filter;
    f.includeMisuse = false;
    f.unitId.reset();

    const Period period = exportPeriod(store, f);
    const std::string periodText = periodLabel(period, lang);
    const std::string fp = signingFingerprint(store);
    const Figures fig = gatherFigures(store, in, f, period, opt.weights);

    AtomicOutput out(path);
    // The demo mark heads every page, so a page printed or copied alone still carries it (not the
    // footer: there it would push the key's fingerprint onto a second line).
    const std::string demo = unit.demo ? t("pdf.demo_mark") + "  ·  " : std::string();
    const std::string header = demo + unit.name + "  ·  " + t("pdf.period") + " " + periodText;
    // The key's fingerprint on one line at the foot of every page (the instansi is on the title page).
    const std::string footer = t("pdf.key") + ": " + fp;
    pdf::Canvas c(out.tempPath(), header, footer, t("pdf.page"));
    c.setMetadata(demo + t("pdf.title") + " — " + unit.name + " — " + periodText, unit.name);

    const Report r{c, store, in, unit, tr, lang, f, period, periodText, fp, fig};
    if (opt.part == PdfReportOptions::Part::Full) {
        writeTitleBlock(r);
        writeBab1(r);
        writeBab2(r);
        writeBab3(r);
        writeBab4(r);
        writeBab5(r);
        c.newPage(); // the annex starts on a page of its own
    } else {
        writeAnnexTitle(r);
    }
    writeP2hamAnnex(r);

    PdfReportInfo info;
    info.pages = c.pages();
    try {
        c.finish();
    } catch (const std::runtime_error& e) {
        throw ExportError(ExportError::Kind::Io, path + ": " + e.what() + " (is the disk full?); nothing was written");
    }
    out.commit();
    info.respondents = fig.skm.respondents;
    info.fingerprint = fp;
    return info;
}

} // namespace sw
