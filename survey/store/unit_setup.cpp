#include "survey/store/unit_setup.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_located.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/paths.hpp"

#include <fstream>
#include <sstream>

namespace sw {

UnitInfo loadUnitFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InstrumentError(path, 0, 0, "cannot open the unit file");
    std::stringstream ss;
    ss << f.rdbuf();
    LocatedJson doc = LocatedJson::parse(ss.str(), path);
    const auto& j = doc.root();
    UnitInfo u;
    auto str = [&](const char* key, std::string& out) {
        if (!j.contains(key)) return;
        if (!j[key].is_string()) doc.fail(std::string("/") + key, std::string("\"") + key + "\" must be a string");
        out = j[key].get<std::string>();
    };
    if (!j.is_object() || !j.contains("id")) doc.fail("", "a unit file needs an \"id\"");
    str("id", u.id);
    str("name", u.name);
    str("instansi", u.instansi);
    str("address", u.address);
    str("kabupaten", u.kabupaten);
    str("province", u.province);
    std::string zone = "WIB";
    str("zone", zone);
    try {
        u.utcOffsetMinutes = zoneOffsetMinutes(zone);
    } catch (const UsageError& e) {
        doc.fail("/zone", e.what());
    }
    return u;
}

Instrument ensureSetup(Store& store) {
    if (auto latest = store.latestInstrument()) {
        if (!store.unit()) store.setUnit(loadUnitFile(assetDirectory() + "/demo-unit.json"));
        return *latest;
    }
    Instrument in = loadInstrument(defaultInstrumentPath());
    store.registerInstrument(in);
    if (!store.unit()) store.setUnit(loadUnitFile(assetDirectory() + "/demo-unit.json"));
    return in;
}

} // namespace sw
