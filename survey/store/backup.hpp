// Backups of the unit's database to a folder the unit chooses (a USB stick), with SQLite's
// online backup API so the kiosk keeps taking responses while it copies. A copy only counts once
// it verifies (integrity_check, ours, readable schema); only then are old copies pruned to the
// last N. Restore refuses a damaged or foreign file and replaces the live database atomically,
// keeping the previous one beside it.
//
// Index of this file
//   [SECTION] Errors and results
//   [SECTION] Backup (manual and daily)
//   [SECTION] Verify and restore
#pragma once
#include "survey/base/error.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sw {

// [SECTION] Errors and results

struct BackupResult {
    std::string path;                    // the verified copy
    std::int64_t bytes = 0;
    std::int64_t responses = 0;
    std::vector<std::string> removed;    // older copies pruned to keep the last N
};

// What a backup file holds, after verification.
struct BackupInfo {
    std::string unitId;                  // "" when the unit was never set up
    int schemaVersion = 0;
    std::int64_t responses = 0;
};

// [SECTION] Backup (manual and daily)

struct BackupOptions {
    int keep = 14;                       // copies kept in the folder (the newest N); at least 1
    const char* vfs = nullptr;           // tests inject a faulty VFS for the destination here
    std::int64_t nowUtc = 0;             // names the copy by this instant's local date; 0 = the clock
};

// Copies the live database into `dir` as "suarawarga-<unit>-<local date>.db" (a second copy the
// same day gets "-HHMMSS"): written to a temporary name, verified, fsync'd, renamed. Then prunes
// this unit's older copies beyond `keep`. Throws BackupError; a failed backup leaves no partial
// file and deletes no older copy.
BackupResult backupTo(Store& store, const std::string& dir, const BackupOptions& opt = {});

// Settings the kiosk's daily backup reads (set with `suarawarga backup --daily`).
inline constexpr const char* kBackupDirSetting = "backup.dir";         // "" = no daily backup
inline constexpr const char* kBackupKeepSetting = "backup.keep";       // default 14
inline constexpr const char* kBackupLastSetting = "backup.last_date";  // local date of the last good copy

// Cheap enough to call every kiosk loop: does at most one backup per local day (remembered in
// the settings), and when the folder is missing (USB stick unplugged) or the copy fails, logs it
// and tries again no sooner than `retrySeconds` later. Never throws. Returns the copy made now.
std::optional<BackupResult> maybeDailyBackup(Store& store, const std::string& dir, int keep,
                                             std::int64_t nowUtcSeconds, int retrySeconds = 600);
// Same, with the folder and count from the settings above (nothing when no folder is set).
std::optional<BackupResult> maybeDailyBackup(Store& store, std::int64_t nowUtcSeconds);

// The unit's copies in `dir`, oldest first.
std::vector<std::string> listBackups(const std::string& dir, const std::string& unitId);

// [SECTION] Verify and restore

// Opens read-only and checks: an SQLite file, SuaraWarga's (application_id), integrity_check ok,
// a schema this program can read. Throws BackupError naming the file and the problem.
BackupInfo verifyBackup(const std::string& path);

struct RestoreOptions {
    bool allowOtherUnit = false;         // restoring another unit's backup must be asked for
};

struct RestoreResult {
    BackupInfo restored;
    std::string previousKeptAt;          // "<db>.before-restore[-N]"; "" when there was no live database
};

// Replaces the database at `dbPath` with the verified backup. Order: verify the backup; copy it
// beside the live file and verify the copy; fold the live WAL in if it can; keep the live file
// as "<db>.before-restore"; rename the copy over the live file (atomic). The kiosk must be
// stopped. Throws BackupError with the live database untouched when the backup does not verify.
RestoreResult restoreFrom(const std::string& backupPath, const std::string& dbPath, const RestoreOptions& opt = {});

} // namespace sw
