#include "survey/national/area_rollup.hpp"

#include <algorithm>
#include <map>

namespace sw {

std::string areaCode(const UnitInfo& u, AreaLevel level) {
    if (u.kodeWilayah.size() < 2) return "";
    return level == AreaLevel::KabKota ? u.kodeWilayah : u.kodeWilayah.substr(0, 2);
}

bool parseAreaLevel(const std::string& text, AreaLevel& level) {
    if (text == "kabkota") level = AreaLevel::KabKota;
    else if (text == "province") level = AreaLevel::Province;
    else return false;
    return true;
}

namespace {

struct AreaSums {
    AreaRollup row;
    ResponseTotals totals;
    double ikmSum = 0;
    int ikmUnits = 0;
};

void addUnit(AreaSums& a, const UnitTally& t, const LayoutLookup& layouts, const Instrument& in, AreaLevel level, Weights w) {
    if (a.row.name.empty()) a.row.name = level == AreaLevel::KabKota ? t.unit.kabupaten : t.unit.province;
    ++a.row.units;
    a.row.demo = a.row.demo || t.unit.demo;
    a.row.misuse += t.misuse;
    a.totals.add(t.totals);
    const SkmResult own = skmOf(t.totals, layouts, in, std::nullopt, w);
    if (own.respondents > 0) ++a.row.reporting;
    if (!own.complete) return;
    ++a.row.unitsByMutu[static_cast<std::size_t>(own.mutu == Mutu::A ? 0 : own.mutu == Mutu::B ? 1 : own.mutu == Mutu::C ? 2 : 3)];
    a.ikmSum += own.ikmUnit;
    ++a.ikmUnits;
}

} // namespace

std::vector<AreaRollup> rollupByArea(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                     AreaLevel level, Weights w) {
    std::map<std::string, AreaSums> areas;
    for (const auto& t : units) {
        const std::string code = areaCode(t.unit, level);
        AreaSums& a = areas[code];
        a.row.code = code;
        addUnit(a, t, layouts, in, level, w);
    }
    std::vector<AreaRollup> out;
    for (auto& [code, a] : areas) {
        a.row.skm = skmOf(a.totals, layouts, in, std::nullopt, w);
        a.row.akses = aksesibilitasOf(a.totals, layouts, in, std::nullopt);
        a.row.gap = rentanGapOf(a.totals, layouts, in, w);
        a.row.meanUnitIkm = a.ikmUnits ? a.ikmSum / a.ikmUnits : 0;
        out.push_back(std::move(a.row));
    }
    std::stable_sort(out.begin(), out.end(), [](const AreaRollup& x, const AreaRollup& y) {
        if (x.skm.complete != y.skm.complete) return x.skm.complete;
        return x.skm.ikmUnit > y.skm.ikmUnit;
    });
    for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
    return out;
}

} // namespace sw
