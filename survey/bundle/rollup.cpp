#include "survey/bundle/rollup.hpp"

#include "survey/bundle/evidence.hpp"
#include "survey/store/daily_tally.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace sw {

namespace {

// The facility self-assessment and other data of the unit's latest bundle, with that bundle's period.
// What the registry says of every unit, each table read once (not once per unit: a national
// store holds thousands).
struct Registry {
    std::map<std::string, UnitInfo> unit;
    std::map<std::string, std::string> fingerprint;
    std::map<std::string, std::int64_t> bundles;
    std::map<std::string, UnitTally> report;   // facility, extra, reportFrom/To only
};

Registry readRegistry(Store& store) {
    sql::Database& db = store.db();
    Registry r;
    for (UnitInfo& u : store.units()) r.unit[u.id] = std::move(u);
    sql::Statement key(db, "SELECT unit_id, fingerprint FROM trusted_key");
    while (key.step()) r.fingerprint[key.getText(0)] = key.getText(1);
    sql::Statement nb(db, "SELECT unit_id, count(*) FROM merged_bundle GROUP BY unit_id");
    while (nb.step()) r.bundles[nb.getText(0)] = nb.getInt(1);
    sql::Statement st(db, "SELECT r.unit_id, r.facility, r.extra, m.period_from, m.period_to FROM unit_report r "
                          "LEFT JOIN merged_bundle m ON m.id = r.bundle_id");
    while (st.step()) {
        UnitTally& t = r.report[st.getText(0)];
        t.facility = st.isNull(1) ? nlohmann::json() : nlohmann::json::parse(st.getText(1), nullptr, false);
        t.extra = st.isNull(2) ? nlohmann::json() : nlohmann::json::parse(st.getText(2), nullptr, false);
        if (!st.isNull(3)) t.reportFrom = st.getText(3);
        if (!st.isNull(4)) t.reportTo = st.getText(4);
    }
    return r;
}

void fillFromRegistry(Registry& r, UnitTally& t) {
    if (auto k = r.fingerprint.find(t.unit.id); k != r.fingerprint.end()) t.fingerprint = k->second;
    if (auto n = r.bundles.find(t.unit.id); n != r.bundles.end()) t.bundles = n->second;
    if (auto rep = r.report.find(t.unit.id); rep != r.report.end()) {
        t.facility = std::move(rep->second.facility);
        t.extra = std::move(rep->second.extra);
        t.reportFrom = rep->second.reportFrom;
        t.reportTo = rep->second.reportTo;
    }
}

// The facility figures the unit sent (its own score, gaps, date).
void readFacility(const nlohmann::json& fac, UnitRollup& r) {
    if (!fac.is_object()) return;
    if (auto s = fac.find("score"); s != fac.end() && s->is_number()) r.facilityScore = s->get<double>();
    if (auto g = fac.find("gap_count"); g != fac.end() && g->is_number_integer()) r.gapCount = g->get<int>();
    if (auto d = fac.find("assessed_on"); d != fac.end() && d->is_string()) r.facilityAssessedOn = d->get<std::string>();
    // Coverage from the criteria themselves, so bundles made before it was a field still show it.
    if (auto c = fac.find("criteria"); c != fac.end() && c->is_array())
        for (const auto& cr : *c) {
            ++r.facilityCoverage.total;
            if (cr.is_object() && cr.value("has_data", false)) ++r.facilityCoverage.assessed;
        }
}

// The population the unit entered for the period asked: its bundle's own when the periods are
// the same, else the one of "populations" (every period the bundle overlaps) with exactly that
// period. The sample is judged only against a population of the same period (survey/RULES.md
// "Minimum sample").
std::optional<std::int64_t> populationOfPeriod(const UnitTally& t, const TallyPeriod& period) {
    if (!t.extra.is_object()) return std::nullopt;
    auto positive = [](const nlohmann::json& v) -> std::optional<std::int64_t> {
        if (v.is_number_integer() && v.get<std::int64_t>() > 0) return v.get<std::int64_t>();
        return std::nullopt;
    };
    if (t.reportFrom == period.from && t.reportTo == period.to)
        if (auto p = t.extra.find("population"); p != t.extra.end())
            if (auto n = positive(*p)) return n;
    if (!period.from || !period.to) return std::nullopt;
    auto list = t.extra.find("populations");
    if (list == t.extra.end() || !list->is_array()) return std::nullopt;
    for (const auto& e : *list)
        if (e.is_object() && e.value("from", "") == *period.from && e.value("to", "") == *period.to)
            if (auto n = positive(e.value("population", nlohmann::json()))) return n;
    return std::nullopt;
}

void readPopulation(const UnitTally& t, const TallyPeriod& period, UnitRollup& r) {
    r.population = populationOfPeriod(t, period);
    if (r.population) {
        r.minimumSample = krejcieMorgan(*r.population);
        r.sampleSufficient = r.skm.respondents >= r.minimumSample;
    }
}

UnitRollup scoreUnit(const UnitTally& t, const LayoutLookup& layouts, const Instrument& in, const TallyPeriod& period,
                     const std::optional<std::string>& kelompok, Weights w) {
    UnitRollup r;
    r.unit = t.unit;
    r.skm = skmOf(t.totals, layouts, in, kelompok, w);
    r.akses = aksesibilitasOf(t.totals, layouts, in, kelompok);
    const RentanGap gap = rentanGapOf(t.totals, layouts, in, w);
    r.rentanGap = gap.ikmGap;
    r.rentanComparable = gap.comparable;
    readFacility(t.facility, r);
    readPopulation(t, period, r);
    r.fingerprint = t.fingerprint;
    r.bundles = t.bundles;
    return r;
}

void rank(std::vector<UnitRollup>& out) {
    std::stable_sort(out.begin(), out.end(), [](const UnitRollup& a, const UnitRollup& b) {
        if (a.skm.complete != b.skm.complete) return a.skm.complete;
        return a.skm.ikmUnit > b.skm.ikmUnit;
    });
    for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
}

LayoutLookup layoutsOf(Store& store) {
    return [&store](const std::string& id, int v) { return store.layout(id, v); };
}

// Filters tallies do not keep (a service, a profile answer, misuse rows included): the unit's
// totals are read from its responses instead.
std::vector<UnitRollup> rollupFromResponses(Store& store, const Instrument& in, const ResponseFilter& filter, Weights w) {
    std::vector<UnitRollup> out;
    const TallyPeriod period{filter.from, filter.to};
    for (UnitTally& t : unitTallies(store, period)) {
        ResponseFilter f = filter;
        f.unitId = t.unit.id;
        t.totals = store.totals(f);
        out.push_back(scoreUnit(t, layoutsOf(store), in, period, filter.kelompok, w));
    }
    return out;
}

} // namespace

std::vector<UnitTally> unitTallies(Store& store, const TallyPeriod& period) {
    sql::Database& db = store.db();
    auto totals = talliesByUnit(store, period.from, period.to);
    std::set<std::string> ids;
    for (const auto& [id, t] : totals) ids.insert(id);
    {
        // Every tallied unit has a year row: far fewer to read than its days.
        sql::Statement st(db, "SELECT unit_id FROM period_tally WHERE span = 'y' UNION SELECT unit_id FROM merged_bundle UNION "
                              "SELECT DISTINCT unit_id FROM response WHERE rid > coalesce((SELECT rid FROM tally_mark), 0)");
        while (st.step()) ids.insert(st.getText(0));
    }
    Registry registry = readRegistry(store);
    std::vector<UnitTally> out;
    for (const auto& id : ids) {
        UnitTally t;
        if (auto u = registry.unit.find(id); u != registry.unit.end()) t.unit = u->second;
        t.unit.id = id;
        if (auto it = totals.find(id); it != totals.end()) {
            t.totals = std::move(it->second.totals);
            t.misuse = it->second.misuse;
        }
        fillFromRegistry(registry, t);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<UnitRollup> rankUnits(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                  const TallyPeriod& period, const std::optional<std::string>& kelompok, Weights w) {
    std::vector<UnitRollup> out;
    for (const auto& t : units) out.push_back(scoreUnit(t, layouts, in, period, kelompok, w));
    rank(out);
    return out;
}

std::vector<UnitRollup> rollupByUnit(Store& store, const ResponseFilter& filter, Weights w) {
    auto latest = store.latestInstrument();
    if (!latest) return {};
    if (filter.service || filter.profileField || filter.includeMisuse) {
        auto out = rollupFromResponses(store, *latest, filter, w);
        rank(out);
        return out;
    }
    const TallyPeriod period{filter.from, filter.to};
    return rankUnits(unitTallies(store, period), layoutsOf(store), *latest, period, filter.kelompok, w);
}

nlohmann::json unitFacilityReport(Store& store, const std::string& unitId) {
    sql::Statement st(store.db(), "SELECT facility FROM unit_report WHERE unit_id=?");
    st.bind(1, unitId);
    if (!st.step() || st.isNull(0)) return nullptr;
    auto j = nlohmann::json::parse(st.getText(0), nullptr, false);
    if (!j.is_object()) return nullptr;
    // Evidence bytes stay in the store; the view needs names and verdicts only.
    return withoutEvidenceBytes(std::move(j));
}

} // namespace sw
