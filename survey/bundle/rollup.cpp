#include "survey/bundle/rollup.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace sw {

namespace {

// Whether the unit's latest report (its newest merged bundle) covers exactly the filter's dates.
bool samePeriod(sql::Database& db, const std::string& unitId, const ResponseFilter& f) {
    sql::Statement st(db, "SELECT m.period_from, m.period_to FROM unit_report r JOIN merged_bundle m ON m.id = r.bundle_id "
                          "WHERE r.unit_id=?");
    st.bind(1, unitId);
    if (!st.step()) return false;
    auto same = [&](int col, const std::optional<std::string>& want) {
        return st.isNull(col) ? !want.has_value() : want.has_value() && *want == st.getText(col);
    };
    return same(0, f.from) && same(1, f.to);
}

} // namespace

std::vector<UnitRollup> rollupByUnit(Store& store, const ResponseFilter& filter, Weights w) {
    std::vector<UnitRollup> out;
    auto latest = store.latestInstrument();
    if (!latest) return out;
    const Instrument& in = *latest;
    sql::Database& db = store.db();

    std::vector<std::string> ids;
    {
        sql::Statement st(db, "SELECT unit_id FROM (SELECT DISTINCT unit_id FROM response UNION SELECT unit_id FROM "
                              "merged_bundle) ORDER BY unit_id");
        while (st.step()) ids.push_back(st.getText(0));
    }
    for (const auto& id : ids) {
        UnitRollup r;
        r.unit.id = id;
        {
            sql::Statement st(db, "SELECT name,instansi,address,kabupaten,province,utc_offset_min,kode_wilayah,demo FROM unit WHERE id=?");
            st.bind(1, id);
            if (st.step()) {
                r.unit.name = st.getText(0);
                r.unit.instansi = st.getText(1);
                r.unit.address = st.getText(2);
                r.unit.kabupaten = st.getText(3);
                r.unit.province = st.getText(4);
                r.unit.utcOffsetMinutes = static_cast<int>(st.getInt(5));
                r.unit.kodeWilayah = st.getText(6);
                r.unit.demo = st.getInt(7) != 0;
            }
        }
        ResponseFilter f = filter;
        f.unitId = id;
        r.skm = skmFor(store, in, f, w);
        r.akses = aksesibilitasFor(store, in, f);
        RentanGap gap = rentanGapFor(store, in, f, w);
        r.rentanGap = gap.ikmGap;
        r.rentanComparable = gap.comparable;
        {
            sql::Statement st(db, "SELECT facility, extra FROM unit_report WHERE unit_id=?");
            st.bind(1, id);
            if (st.step()) {
                auto fac = st.isNull(0) ? nlohmann::json() : nlohmann::json::parse(st.getText(0), nullptr, false);
                if (fac.is_object()) {
                    if (auto s = fac.find("score"); s != fac.end() && s->is_number()) r.facilityScore = s->get<double>();
                    if (auto g = fac.find("gap_count"); g != fac.end() && g->is_number_integer()) r.gapCount = g->get<int>();
                    if (auto d = fac.find("assessed_on"); d != fac.end() && d->is_string()) r.facilityAssessedOn = d->get<std::string>();
                }
                // The population is the one the unit entered for its bundle's period: the sample is
                // judged against it only when that is the period asked for (survey/RULES.md "Minimum sample").
                auto extra = nlohmann::json::parse(st.getText(1), nullptr, false);
                if (extra.is_object() && samePeriod(db, id, filter))
                    if (auto p = extra.find("population"); p != extra.end() && p->is_number_integer() && p->get<std::int64_t>() > 0)
                        r.population = p->get<std::int64_t>();
            }
        }
        if (r.population) {
            r.minimumSample = krejcieMorgan(*r.population);
            r.sampleSufficient = r.skm.respondents >= r.minimumSample;
        }
        {
            sql::Statement st(db, "SELECT fingerprint FROM trusted_key WHERE unit_id=?");
            st.bind(1, id);
            if (st.step()) r.fingerprint = st.getText(0);
            sql::Statement nb(db, "SELECT count(*) FROM merged_bundle WHERE unit_id=?");
            nb.bind(1, id);
            if (nb.step()) r.bundles = nb.getInt(0);
        }
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const UnitRollup& a, const UnitRollup& b) {
        if (a.skm.complete != b.skm.complete) return a.skm.complete;
        return a.skm.ikmUnit > b.skm.ikmUnit;
    });
    for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
    return out;
}

nlohmann::json unitFacilityReport(Store& store, const std::string& unitId) {
    sql::Statement st(store.db(), "SELECT facility FROM unit_report WHERE unit_id=?");
    st.bind(1, unitId);
    if (!st.step() || st.isNull(0)) return nullptr;
    auto j = nlohmann::json::parse(st.getText(0), nullptr, false);
    if (!j.is_object()) return nullptr;
    // Evidence bytes stay in the store; the view needs names and verdicts only.
    if (auto items = j.find("items"); items != j.end() && items->is_array())
        for (auto& item : *items)
            if (auto ev = item.find("evidence"); ev != item.end() && ev->is_array())
                for (auto& e : *ev)
                    if (e.is_object()) e.erase("data");
    return j;
}

} // namespace sw
