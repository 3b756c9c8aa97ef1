#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/store/backup.hpp"
#include "survey/store/writer_lock.hpp"
#include "survey/base/error.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbRestore(int argc, char** argv);
const VerbRegistrar reg{{"restore", "replace the database with a verified backup (keeps the old one)", verbRestore}};

int verbRestore(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga restore --from BACKUP.db [--db FILE] [--other-unit]\n\n"
                     "Stop the kiosk first (sudo systemctl stop suarawarga-kiosk): while it runs on FILE, restore\n"
                     "is refused (the kiosk holds FILE.lock) and nothing changes.\n"
                     "The backup is verified (SuaraWarga's, integrity_check ok, a schema this program\n"
                     "reads) before anything changes; a damaged or foreign file is refused and the live\n"
                     "database is left untouched. Otherwise the live database is kept beside it as\n"
                     "FILE.before-restore and the verified copy takes its place in one rename.\n\n"
                     "--other-unit  allow restoring a backup of another unit than the live database's\n\n"
                     "Exit codes: 0 restored, 5 refused or failed (message says why), 2 bad usage.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "from"}, {"other-unit"});
    auto from = a.get("from");
    if (!from || from->empty()) throw UsageError("--from BACKUP.db is required");
    const std::string db = databaseOption(a.get("db", ""));
    RestoreOptions opt;
    opt.allowOtherUnit = a.has("other-unit");
    try {
        const WriterLock owner(db, "suarawarga restore"); // refused while the kiosk runs on this store
        RestoreResult r = restoreFrom(*from, db, opt);
        std::cout << "restored " << db << " from " << *from << ": " << r.restored.responses << " responses (unit "
                  << (r.restored.unitId.empty() ? "-" : r.restored.unitId) << ")\n";
        if (!r.previousKeptAt.empty()) std::cout << "the previous database is kept as " << r.previousKeptAt << "\n";
        // Opening it once migrates an older schema and logs the restore for the unit head.
        Store store(db);
        store.logEvent("restore", *from);
    } catch (const BackupError& e) {
        std::cerr << "suarawarga restore: " << e.what() << "\n";
        return 5;
    } catch (const StoreError& e) {
        if (e.kind != StoreError::Kind::Busy) throw;
        std::cerr << "suarawarga restore: refused, nothing changed: " << e.what() << "\n";
        return 5;
    }
    return 0;
}

} // namespace
} // namespace sw::cli
