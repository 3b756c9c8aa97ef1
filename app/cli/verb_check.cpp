#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"
#include "survey/store/store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbCheck(int argc, char** argv);
const VerbRegistrar reg{{"check", "check a store's whole file for damage (reads only)", verbCheck}};

int verbCheck(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga check [--db FILE]\n\n"
                     "Reads every page of the store (SQLite's integrity_check) and says \"ok\" (exit 0) or\n"
                     "what is damaged (exit 4; restore a backup with `suarawarga restore`). Opening a store\n"
                     "checks it only after an unclean shutdown; a backup checks its copy; run this on demand.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db"}, {});
    Store::Options opt;
    opt.create = false;
    Store store(databaseOption(a.get("db", "")), opt);
    const std::string result = store.integrityCheck();
    if (result == "ok") {
        std::cout << store.path() << ": ok\n";
        return 0;
    }
    throw StoreError(StoreError::Kind::Corrupt, store.path() + ": damaged — " + printable(result) +
                                                    "\nRestore a backup (suarawarga restore --db … --from BACKUP.db).");
}

} // namespace
} // namespace sw::cli
