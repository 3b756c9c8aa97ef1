// Index of this file
//   [SECTION] Figures the report needs (all from libsurvey)
//   [SECTION] Title block, BAB I, BAB II
//   [SECTION] BAB III, BAB IV, BAB V
//   [SECTION] Lampiran P2HAM
#include "survey/export_pdf.hpp"

#include "survey/bundle_facility.hpp"
#include "survey/evidence.hpp"
#include "survey/export_file.hpp"
#include "survey/export_pdf_canvas.hpp"
#include "survey/facility.hpp"
#include "survey/local_time.hpp"
#include "survey/signing.hpp"
#include "survey/statistik.hpp"
#include "survey/tindak_lanjut.hpp"
#include "survey/dashboard.hpp"
#include "survey/translations.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace sw {

std::string formatNumber(double v, int decimals, const std::string& lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, roundTo(v, decimals));
    std::string s = buf;
    if (lang == "id") std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

namespace {

using pdf::Align;
using pdf::Column;

// [SECTION] Figures

pdf::Rgb mutuColor(Mutu m) {
    switch (m) {
    case Mutu::A: return {0.13, 0.55, 0.33};
    case Mutu::B: return {0.20, 0.45, 0.70};
    case Mutu::C: return {0.90, 0.60, 0.10};
    case Mutu::D: return {0.80, 0.20, 0.20};
    }
    return {0.5, 0.5, 0.5};
}

// Respondents per profile option over the filter (demography of BAB III).
std::map<std::string, std::map<std::string, std::int64_t>> profileTallies(Store& store, const ResponseFilter& f) {
    std::vector<std::string> binds;
    // Grouped by the packed profile (a few hundred distinct values), then split into its pairs.
    sql::Statement st(store.db(), "SELECT r.profile, count(*) FROM response r WHERE " + responseWhere(f, binds) +
                                      " GROUP BY r.profile");
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    while (st.step()) {
        const std::int64_t n = st.getInt(1);
        forEachProfilePair(st.getText(0), [&](std::string_view field, std::string_view value) {
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

} // namespace

PdfReportInfo writePdfReport(Store& store, const std::string& path, PdfReportOptions opt) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to report");
    const Instrument& in = *latest;
    const UnitInfo unit = store.unit().value_or(UnitInfo{});
    const Translations tr = Translations::loadArea("export");
    const std::string lang = opt.lang;
    auto t = [&](const std::string& key) -> const std::string& { return tr.get(key, lang); };
    auto num = [&](double v, int d) { return formatNumber(v, d, lang); };
    ResponseFilter f = opt.filter;
    f.includeMisuse = false;
    f.unitId.reset();

    const Period period = exportPeriod(store, f);
    const std::string periodText = periodLabel(period, lang);
    std::string fp;
    try {
        fp = UnitKey::loadOrCreate(store).fingerprint();
    } catch (const SigningError&) {
        fp = store.setting("signing.fingerprint", "?"); // the report still names the recorded key
    }

    // Every figure, from libsurvey.
    const SkmResult skm = skmFor(store, in, f);
    const AksesibilitasResult akses = aksesibilitasFor(store, in, f);
    const RentanGap gap = rentanGapFor(store, in, f);
    ResponseFilter withMisuse = f;
    withMisuse.includeMisuse = true;
    const std::int64_t misuse = store.countResponses(withMisuse) - store.countResponses(f);
    const auto demography = profileTallies(store, f);
    const std::optional<std::int64_t> population = populationFor(store, period);
    const Period prev = previousPeriod(period);
    ResponseFilter fPrev = f;
    fPrev.from = formatDate(prev.from);
    fPrev.to = formatDate(prev.to);
    const SkmResult prevSkm = skmFor(store, in, fPrev);
    const std::vector<TindakLanjut> plans = tindakLanjutFor(store, period);
    const std::optional<FacilityAssessment> assessment = assessmentForPeriod(store, period);

    AtomicOutput out(path);
    const std::string header = unit.name + "  ·  " + t("pdf.period") + " " + periodText;
    const std::string footer = unit.instansi + "  ·  " + t("pdf.key") + ": " + fp;
    pdf::Canvas c(out.tempPath(), header, footer, t("pdf.page"));
    c.setMetadata(t("pdf.title") + " — " + unit.name + " — " + periodText, unit.name);

    // [SECTION] Title block
    c.space(20);
    c.title(t("pdf.title"), 16);
    c.title(t("pdf.subtitle"), 11);
    c.space(10);
    c.title(unit.name, 13);
    if (!unit.instansi.empty()) c.paragraph(unit.instansi, 10, false, Align::Center);
    c.paragraph(unit.address + (unit.kabupaten.empty() ? "" : ", " + unit.kabupaten) +
                    (unit.province.empty() ? "" : ", " + unit.province), 9, false, Align::Center);
    c.paragraph(t("pdf.period") + ": " + periodText + " (" + formatDate(period.from) + " – " + formatDate(period.to) + ", " +
                    zoneName(unit.utcOffsetMinutes) + ")", 10, true, Align::Center);
    c.paragraph(t("pdf.generated") + ": " + localDateTime(nowUtc(), unit.utcOffsetMinutes), 8, false, Align::Center);
    c.space(6);
    c.table({{t("xlsx.calc.respondents"), 0.25, Align::Center}, {t("xlsx.calc.ikm_unit"), 0.25, Align::Center},
             {t("xlsx.calc.mutu"), 0.25, Align::Center}, {t("xlsx.ham.index"), 0.25, Align::Center}},
            {{std::to_string(skm.respondents), num(skm.ikmUnit, 2),
              std::string(mutuLetter(skm.mutu)) + " (" + t(std::string("kinerja.") + mutuLetter(skm.mutu)) + ")",
              akses.any ? num(akses.index, 2) : "–"}},
            {0});
    c.paragraph(t("pdf.key") + ": " + fp, 9, true, Align::Center);
    c.paragraph(t("pdf.key_note"), 8, false, Align::Center);

    // BAB I
    c.heading(t("pdf.bab1"), 1);
    c.heading(t("pdf.bab1.latar"), 2);
    c.paragraph(format(t("pdf.bab1.latar_text"), {unit.name}));
    c.heading(t("pdf.bab1.dasar"), 2);
    std::string checklistName = "P2HAM";
    try {
        FacilityChecklist cl = loadChecklist(defaultChecklistPath());
        checklistName = cl.title.in(lang) + " v" + std::to_string(cl.version);
    } catch (const std::exception&) {
    }
    int k = 1;
    for (const char* key : {"pdf.bab1.dasar_1", "pdf.bab1.dasar_2", "pdf.bab1.dasar_3", "pdf.bab1.dasar_4"})
        c.bullet(format(t(key), {checklistName}), std::to_string(k++) + ".");
    c.heading(t("pdf.bab1.maksud"), 2);
    c.paragraph(format(t("pdf.bab1.maksud_text"), {unit.name, periodText}));

    // BAB II
    c.heading(t("pdf.bab2"), 1);
    c.heading(t("pdf.bab2.pelaksana"), 2);
    c.paragraph(format(t("pdf.bab2.pelaksana_text"), {unit.name, unit.instansi}));
    c.heading(t("pdf.bab2.metode"), 2);
    c.paragraph(t("pdf.bab2.metode_text"));
    c.heading(t("pdf.bab2.lokasi"), 2);
    c.paragraph(format(t("pdf.bab2.lokasi_text"), {unit.address + (unit.kabupaten.empty() ? "" : ", " + unit.kabupaten),
                                                   formatDate(period.from) + " – " + formatDate(period.to),
                                                   zoneName(unit.utcOffsetMinutes)}));
    c.heading(t("pdf.bab2.sampel"), 2);
    c.paragraph(t("pdf.bab2.sampel_formula"));
    if (population) {
        const std::int64_t need = krejcieMorgan(*population);
        const std::string verdict = skm.respondents >= need ? t("pdf.bab2.sampel_ok")
                                                            : format(t("pdf.bab2.sampel_short"), {std::to_string(need - skm.respondents)});
        c.paragraph(format(t("pdf.bab2.sampel_known"), {std::to_string(*population), std::to_string(need),
                                                        std::to_string(skm.respondents), verdict}));
    } else {
        c.paragraph(format(t("pdf.bab2.sampel_unknown"), {std::to_string(krejcieMorgan(1000000)), std::to_string(skm.respondents)}));
    }

    // [SECTION] BAB III
    c.heading(t("pdf.bab3"), 1);
    c.heading(t("pdf.bab3.responden"), 2);
    c.paragraph(format(t("pdf.bab3.responden_text"), {std::to_string(skm.respondents), std::to_string(misuse)}));
    const std::int64_t total = std::max<std::int64_t>(1, store.countResponses(f));
    for (const auto& field : in.profile) {
        std::vector<std::vector<std::string>> rows;
        std::int64_t given = 0;
        auto it = demography.find(field.code);
        for (const auto& o : field.options) {
            std::int64_t n = 0;
            if (it != demography.end())
                if (auto jt = it->second.find(o.code); jt != it->second.end()) n = jt->second;
            given += n;
            rows.push_back({o.label.in(lang), std::to_string(n), num(100.0 * static_cast<double>(n) / static_cast<double>(total), 1) + " %"});
        }
        const std::int64_t notGiven = store.countResponses(f) - given;
        if (notGiven > 0)
            rows.push_back({t("pdf.bab3.not_given"), std::to_string(notGiven),
                            num(100.0 * static_cast<double>(notGiven) / static_cast<double>(total), 1) + " %"});
        c.table({{field.label.in(lang), 0.5}, {t("pdf.bab3.count"), 0.2, Align::Right}, {t("pdf.bab3.share"), 0.3, Align::Right}}, rows);
    }

    c.heading(t("pdf.bab3.ikm"), 2);
    {
        std::vector<std::vector<std::string>> rows;
        for (const auto& u : skm.unsur) {
            const Unsur* def = in.findUnsur(u.code);
            rows.push_back({u.code, def ? def->name.in(lang) : u.name, std::to_string(u.sum), std::to_string(u.n), num(u.nrr, 3),
                            num(u.nrrWeighted, 3), num(u.nrrUnit, 2), u.n ? mutuLetter(u.mutu) : "–"});
        }
        rows.push_back({"", "IKM", "", "", "", num(skm.ikm, 3), num(skm.ikmUnit, 2), mutuLetter(skm.mutu)});
        // Σ and n get room for seven digits: a busy unit's year reaches a million answers per unsur.
        c.table({{t("pdf.bab3.col_code"), 0.07}, {t("pdf.bab3.col_unsur"), 0.275}, {t("pdf.bab3.col_sum"), 0.105, Align::Right},
                 {t("pdf.bab3.col_n"), 0.105, Align::Right}, {t("pdf.bab3.col_nrr"), 0.08, Align::Right},
                 {t("pdf.bab3.col_nrrw"), 0.13, Align::Right}, {t("pdf.bab3.col_unit"), 0.165, Align::Right},
                 {t("pdf.bab3.col_mutu"), 0.07, Align::Center}},
                rows, {static_cast<int>(rows.size()) - 1});
    }
    c.paragraph(format(t("pdf.bab3.ikm_total"), {num(skm.ikm, 3), num(skm.ikmUnit, 2), mutuLetter(skm.mutu),
                                                 t(std::string("kinerja.") + mutuLetter(skm.mutu))}), 10, true);
    if (!skm.complete) c.paragraph(t("pdf.bab3.incomplete"), 10, true);
    c.paragraph(t("pdf.bab3.rule") + ": " + weightsRule(skm.weights), 8.5);
    c.paragraph(t("pdf.bab3.mutu_table"), 8.5);

    c.heading(t("pdf.bab3.chart"), 2);
    {
        std::vector<pdf::Bar> bars;
        for (const auto& u : skm.unsur) {
            const Unsur* def = in.findUnsur(u.code);
            bars.push_back({u.code + " " + (def ? def->name.in(lang) : u.name), u.n ? u.nrrUnit : 25.0,
                            u.n ? num(u.nrrUnit, 2) + " " + mutuLetter(u.mutu) : "–", mutuColor(u.mutu)});
        }
        bars.push_back({"IKM", skm.ikmUnit, num(skm.ikmUnit, 2) + " " + mutuLetter(skm.mutu), mutuColor(skm.mutu)});
        c.barChart(bars, 25, 100, {65.0, 76.61, 88.31});
    }

    // BAB IV
    c.heading(t("pdf.bab4"), 1);
    c.heading(t("pdf.bab4.analisis"), 2);
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
        c.bullet(format(t("pdf.bab4.strong"), {joinNames(strong, in, lang, 2)}));
        c.bullet(format(t("pdf.bab4.weak"), {joinNames(weak, in, lang, 2)}));
        c.bullet(belowB.empty() ? t("pdf.bab4.none_below_b") : format(t("pdf.bab4.below_b"), {joinNames(belowB, in, lang, 2)}));
    }
    c.heading(t("pdf.bab4.trend"), 2);
    if (prevSkm.complete && prevSkm.respondents > 0)
        c.paragraph(format(t("pdf.bab4.trend_text"), {periodLabel(prev, lang), num(prevSkm.ikmUnit, 2), std::to_string(prevSkm.respondents),
                                                      num(skm.ikmUnit, 2), (skm.ikmUnit >= prevSkm.ikmUnit ? "+" : "") + num(skm.ikmUnit - prevSkm.ikmUnit, 2)}));
    else
        c.paragraph(format(t("pdf.bab4.trend_none"), {periodLabel(prev, lang)}));
    c.heading(t("pdf.bab4.rtl"), 2);
    if (!plans.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : plans)
            rows.push_back({p.targetCode + " " + p.targetLabel, p.action, p.owner, p.dueDate, t("pdf.rtl.status." + p.status)});
        c.table({{t("pdf.bab4.rtl_col_target"), 0.22}, {t("pdf.bab4.rtl_col_action"), 0.4}, {t("pdf.bab4.rtl_col_owner"), 0.16},
                 {t("pdf.bab4.rtl_col_due"), 0.12}, {t("pdf.bab4.rtl_col_status"), 0.1}},
                rows);
    } else {
        c.paragraph(format(t("pdf.bab4.rtl_none"), {joinNames(belowB.empty() ? weak : belowB, in, lang, 2)}));
    }

    // BAB V
    c.heading(t("pdf.bab5"), 1);
    c.paragraph(format(t("pdf.bab5_text"), {periodText, num(skm.ikmUnit, 2), mutuLetter(skm.mutu),
                                            t(std::string("kinerja.") + mutuLetter(skm.mutu))}));
    c.space(10);
    c.paragraph(t("pdf.key") + ": " + fp, 9, true);

    // [SECTION] Lampiran P2HAM
    c.newPage();
    c.heading(t("pdf.p2ham"), 1);
    c.heading(t("pdf.p2ham.akses"), 2);
    if (akses.any) {
        c.paragraph(format(t("pdf.p2ham.akses_text"), {num(akses.index, 2), std::to_string(akses.adilYes), std::to_string(akses.adilNo)}));
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < akses.items.size(); ++i) {
            const auto& s = akses.items[i];
            const HamItem* h = in.findHamItem(s.code);
            rows.push_back({s.code + " " + (h ? h->name.in(lang) : s.name), std::to_string(s.sum), std::to_string(s.n),
                            s.n ? num(s.nrr, 3) : "–", s.n ? num(s.nrrUnit, 2) : "–"});
        }
        c.table({{t("pdf.p2ham.col_item"), 0.44}, {t("pdf.bab3.col_sum"), 0.12, Align::Right}, {t("pdf.bab3.col_n"), 0.12, Align::Right},
                 {t("pdf.bab3.col_nrr"), 0.14, Align::Right}, {t("pdf.bab3.col_unit"), 0.18, Align::Right}},
                rows);
    } else {
        c.paragraph(t("pdf.p2ham.akses_none"));
    }

    c.heading(t("pdf.rentan"), 2);
    c.table({{t("pdf.rentan.col_group"), 0.46}, {t("pdf.rentan.col_resp"), 0.16, Align::Right}, {t("pdf.rentan.col_ikm"), 0.16, Align::Right},
             {t("pdf.rentan.col_akses"), 0.22, Align::Right}},
            {{t("pdf.rentan.group_rentan"), std::to_string(gap.rentan.respondents), gap.rentan.respondents ? num(gap.rentan.ikmUnit, 2) : "–",
              gap.aksesRentan.any ? num(gap.aksesRentan.index, 2) : "–"},
             {t("pdf.rentan.group_bukan"), std::to_string(gap.bukan.respondents), gap.bukan.respondents ? num(gap.bukan.ikmUnit, 2) : "–",
              gap.aksesBukan.any ? num(gap.aksesBukan.index, 2) : "–"},
             {t("pdf.rentan.gap"), "", gap.comparable ? num(gap.ikmGap, 2) : "–",
              gap.comparable && gap.aksesRentan.any && gap.aksesBukan.any ? num(gap.aksesGap, 2) : "–"}},
            {2});
    if (!gap.comparable) c.paragraph(t("pdf.rentan.not_comparable"));
    else if (gap.ikmGap < -2.0) c.paragraph(format(t("pdf.rentan.worse"), {num(-gap.ikmGap, 2)}), 10, true);

    c.heading(t("pdf.p2ham.facility"), 2);
    if (!assessment) {
        c.paragraph(t("pdf.p2ham.no_assessment"));
    } else {
        FacilityChecklist cl = loadChecklist(defaultChecklistPath());
        std::vector<std::string> services;
        for (const auto& s : in.services) services.push_back(s.code);
        const FacilityScore score = scoreFacility(cl, *assessment, services);
        c.paragraph(format(t("pdf.p2ham.assessed_text"), {assessment->assessedOn, assessment->assessor.empty() ? "–" : assessment->assessor,
                                                          cl.title.in(lang), std::to_string(assessment->checklistVersion)}));
        c.paragraph(format(t("pdf.p2ham.score_text"), {num(score.total, 1)}), 10, true);
        std::vector<std::vector<std::string>> crit;
        for (const auto& cs : score.criteria) {
            const FacilityCriterion* cr = cl.findCriterion(cs.code);
            crit.push_back({cr ? cr->name.in(lang) : cs.code, num(cs.weight, 2), cs.hasData ? num(cs.score, 1) : t("pdf.p2ham.no_data")});
        }
        c.table({{t("pdf.p2ham.col_criterion"), 0.6}, {t("pdf.p2ham.col_weight"), 0.2, Align::Right}, {t("pdf.p2ham.col_score"), 0.2, Align::Right}}, crit);

        std::vector<std::vector<std::string>> rows;
        struct Thumb {
            std::string png, caption;
        };
        std::vector<Thumb> thumbs;
        for (const auto& item : cl.items) {
            auto it = assessment->items.find(item.code);
            const FacilityAnswer* a = it == assessment->items.end() ? nullptr : &it->second;
            std::string status = a && a->status != FacilityStatus::Unset ? t(std::string("facility.status.") + facilityStatusCode(a->status)) : "–";
            std::string measures;
            for (const auto& m : item.measures) {
                std::optional<double> v;
                if (a)
                    if (auto mv = a->measures.find(m.code); mv != a->measures.end()) v = mv->second;
                if (!v) continue;
                MeasureVerdict verdict = judge(m, v);
                if (!measures.empty()) measures += "\n";
                measures += m.name.in(lang) + ": " + num(*v, 1) + " " + m.unit + " (" + (m.rule == FacilityMeasure::Rule::Max ? "≤ " : "≥ ") +
                            num(m.limit, 1) + ") " + t(verdict == MeasureVerdict::Pass ? "pdf.verdict.pass" : "pdf.verdict.fail");
            }
            std::string evidence;
            if (a)
                for (std::int64_t id : a->evidence)
                    if (auto info = evidenceInfo(store, id)) {
                        if (!evidence.empty()) evidence += "\n";
                        evidence += info->fileName + " (" + info->sha256.substr(0, 12) + "…)";
                        std::string png = evidenceThumbnailPng(store, id);
                        if (!png.empty()) thumbs.push_back({png, item.code + " " + info->fileName});
                    }
            rows.push_back({item.code + " " + item.name.in(lang), status, measures, a ? a->note : "", evidence});
        }
        c.table({{t("pdf.p2ham.col_item"), 0.28}, {t("pdf.p2ham.col_status"), 0.1}, {t("pdf.p2ham.col_measure"), 0.26},
                 {t("pdf.p2ham.col_note"), 0.18}, {t("pdf.p2ham.col_evidence"), 0.18}},
                rows);
        c.paragraph(format(t("pdf.p2ham.petugas"), {assessment->petugas == FacilityStatus::Unset ? "–"
                                                    : t(std::string("facility.status.") + facilityStatusCode(assessment->petugas))}));
        if (!score.gaps.empty()) {
            c.paragraph(t("pdf.p2ham.gap_list"), 10, true);
            int shown = 0;
            for (const auto& g : score.gaps) {
                const FacilityItem* item = cl.findItem(g.item);
                std::string name = item ? g.item + " " + item->name.in(lang) : g.item;
                if (!item)
                    if (const Option* s = in.findService(g.item)) // kepatuhan is judged per service
                        name = t("pdf.p2ham.kepatuhan") + " — " + s->label.in(lang);
                std::string line;
                switch (g.kind) {
                case FacilityGap::Kind::Missing: line = format(t("pdf.gap.missing"), {name}); break;
                case FacilityGap::Kind::MeasureFails: {
                    std::string mname = g.measure;
                    if (item)
                        for (const auto& m : item->measures)
                            if (m.code == g.measure) mname = m.name.in(lang);
                    line = format(t("pdf.gap.measure_fails"), {name, mname, num(g.value, 1), num(g.limit, 1)});
                    break;
                }
                case FacilityGap::Kind::InProgress: line = format(t("pdf.gap.in_progress"), {name}); break;
                case FacilityGap::Kind::Unanswered: line = format(t("pdf.gap.unanswered"), {name}); break;
                case FacilityGap::Kind::PetugasMissing: line = t("pdf.gap.petugas_missing"); break;
                case FacilityGap::Kind::KepatuhanLow: {
                    const Option* s = in.findService(g.item);
                    const KepatuhanLevel* l = cl.findLevel(g.level);
                    line = format(t("pdf.gap.kepatuhan_low"), {s ? s->label.in(lang) : g.item, l ? l->name.in(lang) : g.level});
                    break;
                }
                }
                const RuleSource* src = cl.findSource(g.source);
                if (src) line += " — " + src->name.in(lang) + (src->olderGuidance ? " *" : "");
                c.bullet(line, std::to_string(++shown) + ".");
            }
        }
        if (!thumbs.empty()) {
            c.heading(t("pdf.p2ham.col_evidence"), 2);
            std::vector<std::string> pngs, captions;
            for (auto& th : thumbs) {
                pngs.push_back(std::move(th.png));
                captions.push_back(std::move(th.caption));
            }
            c.thumbnails(pngs, captions, 62);
        }
    }

    PdfReportInfo info;
    info.pages = c.pages();
    try {
        c.finish();
    } catch (const std::runtime_error& e) {
        throw ExportError(ExportError::Kind::Io, path + ": " + e.what() + " (is the disk full?); nothing was written");
    }
    out.commit();
    info.respondents = skm.respondents;
    info.fingerprint = fp;
    return info;
}

} // namespace sw
