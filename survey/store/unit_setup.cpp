#include "survey/store/unit_setup.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_located.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/paths.hpp"
#include "survey/base/text_check.hpp"

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
        // A unit file is copied between machines: its text reaches the store, every export and
        // the terminal, so it is checked here, where the position is still known.
        const std::string why = textProblem(out, kMaxNameLength);
        if (!why.empty()) doc.fail(std::string("/") + key, std::string("\"") + key + "\" " + why);
    };
    if (!j.is_object() || !j.contains("id")) doc.fail("", "a unit file needs an \"id\"");
    str("id", u.id);
    str("name", u.name);
    str("instansi", u.instansi);
    str("address", u.address);
    str("kabupaten", u.kabupaten);
    str("province", u.province);
    str("kode_wilayah", u.kodeWilayah);
    if (j.contains("demo")) {
        if (!j["demo"].is_boolean()) doc.fail("/demo", "\"demo\" must be true or false");
        u.demo = j["demo"].get<bool>();
    }
    std::string zone = "WIB";
    str("zone", zone);
    try {
        u.utcOffsetMinutes = zoneOffsetMinutes(zone);
    } catch (const UsageError& e) {
        doc.fail("/zone", e.what());
    }
    return u;
}

void checkUnitId(const std::string& id, const std::string& field) {
    const auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    bool good = id.size() >= 3 && id.size() <= 64 && id.front() != '-' && id.back() != '-';
    for (char c : id) good = good && ok(c);
    if (!good)
        throw UsageError(field + ": \"" + printable(id) +
                         "\" is not a unit id (3-64 of a-z, 0-9 and '-', e.g. kanim-serang)");
}

void checkKodeWilayah(const std::string& code, const std::string& field) {
    const auto digit = [&](std::size_t i) { return code[i] >= '0' && code[i] <= '9'; };
    if (code.size() != 5 || !digit(0) || !digit(1) || code[2] != '.' || !digit(3) || !digit(4))
        throw UsageError(field + ": \"" + printable(code) +
                         "\" is not a Kemendagri kabupaten/kota code (NN.NN, e.g. 36.04 for Kabupaten Serang)");
}

void checkUnit(const UnitInfo& u) {
    checkUnitId(u.id, "id");
    checkKodeWilayah(u.kodeWilayah, "kode_wilayah");
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"name", &u.name}, {"instansi", &u.instansi},
                                       {"kabupaten", &u.kabupaten}, {"province", &u.province}}) {
        if (value->empty()) throw UsageError(std::string(field) + ": must not be empty");
        checkText(*value, field, kMaxNameLength);
    }
    checkText(u.address, "address", kMaxNameLength);
}

void initUnit(Store& store, const UnitInfo& given) {
    checkUnit(given);
    // A unit someone sets up is a real one, whatever the file it came from says: only the
    // first-start set-up (ensureSetup) makes a demo unit.
    UnitInfo u = given;
    u.demo = false;
    sql::Transaction tx(store.db());
    sql::Statement other(store.db(), "SELECT unit_id, count(*) FROM response WHERE unit_id<>? GROUP BY unit_id LIMIT 1");
    other.bind(1, u.id);
    if (other.step())
        throw UsageError("this store holds " + std::to_string(other.getInt(1)) + " responses of unit \"" +
                         printable(other.getText(0)) + "\"; a unit's id cannot change once it has responses");
    if (!store.latestInstrument()) store.registerInstrument(loadInstrument(defaultInstrumentPath()));
    store.setUnit(u);
    tx.commit();
}

Instrument ensureInstrument(Store& store) {
    if (auto latest = store.latestInstrument()) return *latest;
    Instrument in = loadInstrument(defaultInstrumentPath());
    store.registerInstrument(in);
    return in;
}

Instrument setUpDemo(Store& store) {
    if (auto u = store.unit(); u && !u->demo)
        throw UsageError("--demo: " + store.path() + " is the store of unit \"" + printable(u->id) + "\" (" + printable(u->name) +
                         "); the demo unit only goes into a store with no unit");
    sql::Transaction tx(store.db());
    Instrument in = ensureInstrument(store);
    if (!store.unit()) {
        UnitInfo demo = loadUnitFile(assetDirectory() + "/demo-unit.json");
        demo.demo = true;
        store.setUnit(demo);
    }
    tx.commit();
    return in;
}

Instrument requireUnit(Store& store) {
    auto latest = store.latestInstrument();
    if (!latest || !store.unit())
        throw StoreError(StoreError::Kind::Other,
                         store.path() + ": no unit is set up in this store; set one up with `suarawarga init --db " + store.path() +
                             " …` (see README \"The command line\"), or try the demo unit with --demo");
    return *latest;
}

} // namespace sw
