#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/unit_setup.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbInit(int argc, char** argv);
const VerbRegistrar reg{{"init", "unit: set up this unit's identity and signing key", verbInit}};

UnitInfo unitFromOptions(const Args& a) {
    if (auto file = a.get("unit-file")) return loadUnitFile(*file);
    UnitInfo u;
    auto need = [&](const char* key) {
        auto v = a.get(key);
        if (!v) throw UsageError(std::string("--") + key + " is required (or give --unit-file UNIT.json)");
        return *v;
    };
    u.id = need("id");
    u.name = need("name");
    u.instansi = need("instansi");
    u.kabupaten = need("kabupaten");
    u.kodeWilayah = need("kode-wilayah");
    u.province = need("province");
    u.address = a.get("address", "");
    u.utcOffsetMinutes = zoneOffsetMinutes(need("zone"));
    return u;
}

int verbInit(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga init --db FILE --unit-file UNIT.json\n"
                     "       suarawarga init --db FILE --id ID --name NAME --instansi INSTANSI --kabupaten KAB\n"
                     "                       --kode-wilayah NN.NN --province PROV --zone WIB|WITA|WIT [--address ADDR]\n\n"
                     "Sets up a unit's store: its identity, the default instrument and its signing key, and\n"
                     "prints the key's fingerprint for the Kanwil to enroll. ID: 3-64 of a-z, 0-9 and '-'\n"
                     "(e.g. kanim-serang). --kode-wilayah: the Kemendagri code of the kabupaten/kota\n"
                     "(e.g. 36.04 Kabupaten Serang). Names: at most 200 characters. The id cannot change\n"
                     "once the store holds responses; the other fields can be corrected by running init again.\n";
        return 0;
    }
    Args a(argc, argv, 2,
           {"db", "unit-file", "id", "name", "instansi", "kabupaten", "kode-wilayah", "province", "zone", "address"}, {});
    const UnitInfo u = unitFromOptions(a);
    checkUnit(u);
    Store store(databaseOption(a.get("db", "")));
    initUnit(store, u);
    const UnitKey key = UnitKey::loadOrCreate(store);
    std::cout << "unit:        " << printable(u.name) << " (" << u.id << ")\n"
              << "wilayah:     " << printable(u.kabupaten) << " (" << u.kodeWilayah << "), " << printable(u.province) << ", "
              << zoneName(u.utcOffsetMinutes) << "\n"
              << "store:       " << store.path() << "\n"
              << "key:         " << key.fingerprint() << "\n"
              << "Give this fingerprint to your Kanwil; they enroll it with:\n"
              << "  suarawarga enroll --db KANWIL.db --unit " << u.id << " --key \"" << key.fingerprint() << "\"\n";
    return 0;
}

} // namespace
} // namespace sw::cli
