#include "survey/national/area_rollup.hpp"

#include <algorithm>
#include <map>

namespace sw {

std::string areaCode(const UnitInfo& u, AreaLevel level, const KanwilMap* kanwil) {
    if (u.kodeWilayah.size() < 2) return "";
    if (level == AreaLevel::KabKota) return u.kodeWilayah;
    const std::string province = u.kodeWilayah.substr(0, 2);
    if (level == AreaLevel::Province) return province;
    const KanwilOffice* k = kanwil ? kanwil->forProvince(province) : nullptr;
    return k ? k->code : "";
}

bool parseAreaLevel(const std::string& text, AreaLevel& level) {
    if (text == "kabkota") level = AreaLevel::KabKota;
    else if (text == "province") level = AreaLevel::Province;
    else if (text == "kanwil") level = AreaLevel::Kanwil;
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

// The area's name: a Kanwil's from the map, a province's or kabupaten/kota's as its units write it.
std::string areaName(const UnitInfo& u, AreaLevel level, const std::string& code, const KanwilMap* kanwil) {
    if (level == AreaLevel::KabKota) return u.kabupaten;
    if (level == AreaLevel::Province) return u.province;
    const KanwilOffice* k = kanwil && !code.empty() ? kanwil->byCode(code) : nullptr;
    return k ? k->name : "";
}

void addUnit(AreaSums& a, const UnitTally& t, const LayoutLookup& layouts, const Instrument& in, Weights w) {
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
                                     AreaLevel level, Weights w, const KanwilMap* kanwil) {
    std::map<std::string, AreaSums> areas;
    for (const auto& t : units) {
        const std::string code = areaCode(t.unit, level, kanwil);
        AreaSums& a = areas[code];
        a.row.code = code;
        if (a.row.name.empty()) a.row.name = areaName(t.unit, level, code, kanwil);
        addUnit(a, t, layouts, in, w);
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
