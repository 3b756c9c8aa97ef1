// Index of this file
//   [SECTION] Words: strings, numbers, dates, the period's name
//   [SECTION] Figures: the same calls `report` makes, then the weakest and strongest unsur
//   [SECTION] Sentences
//   [SECTION] The kiosk's welcome line
#include "survey/export/public_summary.hpp"

#include "survey/base/error.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/tindak_lanjut.hpp"

#include <cmath>

namespace sw {

// [SECTION] Words

const Translations& publicStrings() {
    static const Translations tr = Translations::loadArea("public");
    return tr;
}

namespace {

const std::string& t(const std::string& key, const std::string& lang) { return publicStrings().get(key, lang); }

bool samePeriod(const Period& a, const Period& b) { return a.fromDay() == b.fromDay() && a.toDay() == b.toDay(); }

// A custom range that is exactly a year, semester, triwulan or month is named as one.
std::string periodName(const Period& p, const std::string& lang) {
    for (PeriodKind k : {PeriodKind::Year, PeriodKind::Semester, PeriodKind::Triwulan, PeriodKind::Month}) {
        const Period named = periodContaining(k, p.from);
        if (samePeriod(named, p)) return periodLabel(named, lang);
    }
    if (p.fromDay() == p.toDay()) return longDate(p.from, lang);
    return longDate(p.from, lang) + " – " + longDate(p.to, lang);
}

std::string respondentsPhrase(std::int64_t n, const std::string& lang) {
    return n == 1 ? t("count.respondents_one", lang) : format(t("count.respondents", lang), {formatCount(n, lang)});
}

} // namespace

std::string publicNumber(double v, const std::string& lang) { return formatNumber(v, 2, lang); }

std::string kinerjaWord(Mutu m, const std::string& lang) { return lang == "en" ? kinerjaNameEn(m) : kinerjaName(m); }

std::string gradeText(Mutu m, const std::string& lang) { return format(t("grade.short", lang), {mutuLetter(m), kinerjaWord(m, lang)}); }

std::string longDate(const LocalDate& d, const std::string& lang) {
    return std::to_string(d.day) + " " + monthName(d.month, lang) + " " + std::to_string(d.year);
}

// [SECTION] Figures

namespace {

std::vector<PublicUnsur> unsurOf(const SkmResult& skm, const Instrument& in, const std::string& lang) {
    std::vector<PublicUnsur> out;
    for (const auto& u : skm.unsur) {
        const Unsur* def = in.findUnsur(u.code);
        out.push_back({u.code, def ? def->name.in(lang) : u.name, u.n, u.nrrUnit, u.mutu});
    }
    return out;
}

// The lowest and the highest rated unsur; a tie goes to the first in the instrument's order.
void pickWeakestStrongest(PublicSummary& s) {
    for (std::size_t i = 0; i < s.unsur.size(); ++i) {
        const PublicUnsur& u = s.unsur[i];
        if (u.n == 0) continue;
        if (s.weakest < 0 || u.value < s.unsur[static_cast<std::size_t>(s.weakest)].value) s.weakest = static_cast<int>(i);
        if (s.strongest < 0 || u.value > s.unsur[static_cast<std::size_t>(s.strongest)].value) s.strongest = static_cast<int>(i);
    }
}

void setGap(PublicSummary& s, const RentanGap& gap) {
    s.rentanN = gap.rentan.respondents;
    s.bukanN = gap.bukan.respondents;
    s.gapShown = gap.comparable && gap.rentan.complete && gap.bukan.complete && s.rentanN >= kMinPublicGroup &&
                 s.bukanN >= kMinPublicGroup;
    if (!s.gapShown) return;
    s.ikmGap = gap.ikmGap;
    s.rentanIkm = gap.rentan.ikmUnit;
    s.bukanIkm = gap.bukan.ikmUnit;
}

// A facility gap by its checklist item's name in the page's language (a citizen knows "Toilet
// disabilitas", not "F06"); the label the plan was made with when the checklist has no such item.
std::string facilityName(const std::optional<FacilityChecklist>& checklist, const TindakLanjut& tl, const std::string& lang) {
    if (checklist)
        if (const FacilityItem* item = checklist->findItem(tl.targetCode)) return item->name.in(lang);
    return tl.targetLabel;
}

std::optional<FacilityChecklist> defaultChecklist() {
    try {
        return loadChecklist(defaultChecklistPath());
    } catch (const std::exception&) {
        return std::nullopt;   // the plans' own labels are shown instead
    }
}

// What was done about this period's result or an earlier one. An unsur or a facility item is
// named in the page's language; other targets keep the label the plan was made with.
std::vector<PublicAction> doneActions(Store& store, const Instrument& in, const Period& p, const std::string& lang) {
    std::vector<PublicAction> out;
    std::optional<FacilityChecklist> checklist;
    for (const auto& tl : tindakLanjutDone(store, p.to, kMaxPublicActions)) {
        PublicAction a;
        const Unsur* def = tl.targetKind == "unsur" ? in.findUnsur(tl.targetCode) : nullptr;
        if (def) a.unsurCode = def->code;
        if (tl.targetKind == "facility" && !checklist) checklist = defaultChecklist();
        a.target = def ? def->name.in(lang) : tl.targetKind == "facility" ? facilityName(checklist, tl, lang) : tl.targetLabel;
        a.action = tl.action;
        LocalDate from, to;
        if (parseDate(tl.periodFrom, from) && parseDate(tl.periodTo, to) && daysFromCivil(to.year, to.month, to.day) >= daysFromCivil(from.year, from.month, from.day))
            a.answers = periodName(customPeriod(from, to), lang);
        out.push_back(std::move(a));
    }
    return out;
}

// [SECTION] Sentences

std::string headlineText(const PublicSummary& s) {
    const std::string& lang = s.lang;
    if (s.respondents == 0) return t("sentence.nobody", lang);
    if (!s.hasResult) return format(t("sentence.no_result", lang), {s.respondentsText});
    return format(t("sentence.headline", lang), {s.respondentsText, s.kinerja, publicNumber(s.ikmUnit, lang), mutuLetter(s.mutu)});
}

std::string unsurText(const char* key, const PublicUnsur* u, const std::string& lang) {
    if (!u) return "";
    return format(t(key, lang), {u->name, publicNumber(u->value, lang), gradeText(u->mutu, lang)});
}

std::string gapText(const PublicSummary& s) {
    const std::string& lang = s.lang;
    if (!s.gapShown) return format(t("sentence.gap_few", lang), {std::to_string(kMinPublicGroup)});
    const std::string args[] = {publicNumber(std::fabs(s.ikmGap), lang), publicNumber(s.rentanIkm, lang), publicNumber(s.bukanIkm, lang)};
    const char* key = std::fabs(s.ikmGap) < 1.0 ? "sentence.gap_same" : s.ikmGap < 0 ? "sentence.gap_lower" : "sentence.gap_higher";
    return format(t(key, lang), {args[0], args[1], args[2]});
}

} // namespace

PublicSummary publicSummary(Store& store, const ResponseFilter& filter, const std::string& lang) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to publish");
    const Instrument& in = *latest;
    ResponseFilter f = filter;
    f.includeMisuse = false;   // as `report` counts by default
    f.unitId.reset();

    PublicSummary s;
    s.lang = lang;
    const UnitInfo unit = store.unit().value_or(UnitInfo{});
    s.unitName = unit.name.empty() ? unit.id : unit.name;
    s.instansi = unit.instansi;
    s.place = unit.kabupaten.empty() ? unit.province : unit.province.empty() ? unit.kabupaten : unit.kabupaten + ", " + unit.province;
    s.demo = unit.demo;
    s.period = exportPeriod(store, f);
    s.periodText = periodName(s.period, lang);

    const SkmResult skm = skmFor(store, in, f);
    s.respondents = skm.respondents;
    s.respondentsText = respondentsPhrase(s.respondents, lang);
    s.hasResult = skm.respondents > 0 && skm.complete;
    s.ikmUnit = skm.ikmUnit;
    s.mutu = skm.mutu;
    s.kinerja = kinerjaWord(skm.mutu, lang);
    s.unsur = unsurOf(skm, in, lang);
    pickWeakestStrongest(s);
    const AksesibilitasResult akses = aksesibilitasFor(store, in, f);
    s.aksesAny = akses.any;
    s.aksesIndex = akses.index;
    setGap(s, rentanGapFor(store, in, f));
    s.done = doneActions(store, in, s.period, lang);

    s.headline = headlineText(s);
    s.weakestText = unsurText("sentence.weakest", s.weakestUnsur(), lang);
    s.strongestText = unsurText("sentence.strongest", s.strongestUnsur(), lang);
    s.aksesText = s.aksesAny ? format(t("sentence.akses", lang), {publicNumber(s.aksesIndex, lang)}) : t("sentence.akses_none", lang);
    s.gapText = gapText(s);
    return s;
}

// [SECTION] The kiosk's welcome line

namespace {
const char* const kWelcomeLineSetting = "public.welcome_line";
}

bool welcomeLineEnabled(Store& store) { return store.setting(kWelcomeLineSetting, "0") == "1"; }

void setWelcomeLineEnabled(Store& store, bool on) { store.setSetting(kWelcomeLineSetting, on ? "1" : "0"); }

std::string welcomeLine(Store& store, std::int64_t nowUtc, const std::string& lang) {
    if (!welcomeLineEnabled(store)) return "";
    auto in = store.latestInstrument();
    if (!in) return "";
    const int offset = store.unit().value_or(UnitInfo{}).utcOffsetMinutes;
    LocalDate today;
    if (!parseDate(localDate(nowUtc, offset), today)) return "";
    const Period last = previousPeriod(periodContaining(PeriodKind::Triwulan, today));
    ResponseFilter f;
    f.from = formatDate(last.from);
    f.to = formatDate(last.to);
    const SkmResult skm = skmFor(store, *in, f);
    if (skm.respondents == 0 || !skm.complete) return "";
    // One decimal: a line read in passing, not a table (the page and the board give two).
    return format(t("welcome.line", lang), {formatNumber(skm.ikmUnit, 1, lang), kinerjaWord(skm.mutu, lang)});
}

} // namespace sw
