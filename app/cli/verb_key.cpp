#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/store.hpp"

#include <filesystem>
#include <iostream>

namespace sw::cli {

namespace {
int verbKey(int argc, char** argv);
const VerbRegistrar reg{{"key", "unit: print the signing key's fingerprint (for the Kanwil to enroll), or --rotate it", verbKey}};

int verbKey(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga key --db FILE [--rotate]\n\n"
                     "Prints the unit id and the fingerprint of the unit's signing key, as the unit head's\n"
                     "settings and the PDF footer show it. Reads only: a store without a key says so (exit 4).\n\n"
                     "--rotate  makes a new key. The old key signs a statement that moves the unit to the new\n"
                     "          one; every bundle carries it, so the Kanwil that enrolled the old key accepts the\n"
                     "          new one and retires the old. The old key file is kept beside the new one.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db"}, {"rotate"});
    const std::string db = databaseOption(a.get("db", ""));
    Store store(db, Store::Options{.create = false});
    if (!std::filesystem::exists(UnitKey::keyPathFor(db)))
        throw StoreError(StoreError::Kind::Io, db + ": this unit has no signing key yet (suarawarga init makes it)");
    if (a.has("rotate")) {
        const KeyRotation r = rotateUnitKey(store);
        std::cout << "unit: " << r.unitId << "\nold:  " << fingerprint(r.oldKey) << "\nnew:  " << fingerprint(r.newKey)
                  << "\nYour next bundle carries the change; tell your Kanwil the new fingerprint as well.\n";
        return 0;
    }
    const UnitKey key = UnitKey::loadOrCreate(store);
    const auto unit = store.unit();
    std::cout << "unit: " << (unit ? unit->id : std::string("(none)")) << "\nkey:  " << key.fingerprint() << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
