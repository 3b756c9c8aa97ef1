#include "survey/national/peduli_ham.hpp"

#include <algorithm>
#include <map>

namespace sw {

namespace {

std::string nameIn(const nlohmann::json& item, const char* lang) {
    auto n = item.find("name");
    if (n == item.end() || !n->is_object()) return "";
    auto v = n->find(lang);
    return v != n->end() && v->is_string() ? v->get<std::string>() : "";
}

ItemCoverage& coverageFor(std::vector<ItemCoverage>& items, const nlohmann::json& item, const std::string& code) {
    auto it = std::find_if(items.begin(), items.end(), [&](const ItemCoverage& c) { return c.code == code; });
    if (it != items.end()) return *it;
    ItemCoverage c;
    c.code = code;
    c.nameId = nameIn(item, "id");
    c.nameEn = nameIn(item, "en");
    items.push_back(c);
    return items.back();
}

// One unit's latest self-assessment counted into its area's coverage.
void countFacility(const nlohmann::json& fac, PeduliHamArea& a) {
    if (!fac.is_object()) return;
    auto items = fac.find("items");
    if (items == fac.end() || !items->is_array()) return;
    ++a.unitsWithFacility;
    for (const auto& item : *items) {
        if (!item.is_object() || !item.contains("code") || !item["code"].is_string()) continue;
        ItemCoverage& c = coverageFor(a.items, item, item["code"].get<std::string>());
        const std::string status = item.value("status", std::string());
        if (status == "ada") ++c.ada;
        else if (status == "proses") ++c.proses;
        else if (status == "tidak") ++c.tidak;
        else ++c.notAssessed;
        auto ev = item.find("evidence");
        if (ev != item.end() && ev->is_array() && !ev->empty()) ++c.withEvidence;
    }
}

} // namespace

std::vector<PeduliHamArea> peduliHam(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                     const std::string& only, Weights w) {
    std::vector<UnitTally> chosen;
    for (const auto& u : units)
        if (only.empty() || areaCode(u.unit, AreaLevel::KabKota) == only) chosen.push_back(u);
    std::vector<PeduliHamArea> out;
    for (AreaRollup& area : rollupByArea(chosen, layouts, in, AreaLevel::KabKota, w)) {
        PeduliHamArea a;
        a.area = std::move(area);
        for (const auto& u : chosen)
            if (areaCode(u.unit, AreaLevel::KabKota) == a.area.code) countFacility(u.facility, a);
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace sw
