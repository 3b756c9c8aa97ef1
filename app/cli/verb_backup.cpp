#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/store/backup.hpp"
#include "survey/base/error.hpp"

#include <filesystem>
#include <iostream>

namespace sw::cli {

namespace {
int verbBackup(int argc, char** argv);
const VerbRegistrar reg{{"backup", "copy the database to a folder (USB stick), keeping the last N; daily", verbBackup}};

int verbBackup(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga backup [--db FILE] --to DIR [--keep N] [--daily]\n"
                     "       suarawarga backup [--db FILE] --list DIR\n"
                     "       suarawarga backup [--db FILE] --daily-off\n\n"
                     "Copies the live database (SQLite online backup: the kiosk may keep running) to\n"
                     "DIR/suarawarga-<unit>-<local date>.db. The copy is verified (integrity_check)\n"
                     "before it counts; only then are this unit's older copies in DIR pruned to the\n"
                     "newest N (default 14). A failed copy leaves nothing behind and deletes nothing.\n\n"
                     "--daily      also remember DIR and N: the kiosk then makes one copy per day by itself\n"
                     "--daily-off  stop the kiosk's daily copy\n"
                     "--list DIR   show this unit's copies in DIR, oldest first\n\n"
                     "Exit codes: 0 done, 5 the backup failed (message says why), 2 bad usage.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "to", "keep", "list"}, {"daily", "daily-off"});
    Store store(databaseOption(a.get("db", "")));
    if (a.has("daily-off")) {
        store.setSetting(kBackupDirSetting, "");
        std::cout << "daily backup is off\n";
        return 0;
    }
    if (auto dir = a.get("list")) {
        std::string unit = store.unit() ? store.unit()->id : "";
        for (const auto& p : listBackups(*dir, unit)) {
            try {
                BackupInfo info = verifyBackup(p);
                std::cout << p << "  ok  " << info.responses << " responses\n";
            } catch (const BackupError& e) {
                std::cout << p << "  DAMAGED  " << e.what() << "\n";
            }
        }
        return 0;
    }
    auto to = a.get("to");
    if (!to || to->empty()) throw UsageError("--to DIR is required (the backup folder, e.g. a USB stick)");
    const int keep = static_cast<int>(a.getInt("keep", 14, 1, 100000));
    BackupOptions opt;
    opt.keep = keep;
    try {
        BackupResult r = backupTo(store, *to, opt);
        store.logEvent("backup", r.path);
        std::cout << "backup " << r.path << " verified: " << r.responses << " responses, " << r.bytes << " bytes\n";
        for (const auto& old : r.removed) std::cout << "removed old copy " << old << "\n";
    } catch (const BackupError& e) {
        std::cerr << "suarawarga backup: " << e.what() << "\n(no copy was made; older copies are untouched)\n";
        return 5;
    }
    if (a.has("daily")) {
        std::error_code ec;
        std::string absolute = std::filesystem::absolute(*to, ec).string();
        store.setSetting(kBackupDirSetting, ec ? *to : absolute);
        store.setSetting(kBackupKeepSetting, std::to_string(keep));
        std::cout << "the kiosk will make one copy per day in " << (ec ? *to : absolute) << ", keeping " << keep << "\n";
    }
    return 0;
}

} // namespace
} // namespace sw::cli
