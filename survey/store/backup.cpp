// Index of this file
//   [SECTION] Helpers: names, fsync, SQLite backup API
//   [SECTION] Verify
//   [SECTION] Backup
//   [SECTION] Daily backup
//   [SECTION] Restore
#include "survey/store/backup.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/log.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <unistd.h>

namespace sw {

namespace fs = std::filesystem;

// [SECTION] Helpers

namespace {

using BK = BackupError::Kind;

// A unit id as it may appear in a file name on a FAT-formatted USB stick.
std::string fileSafe(const std::string& id) { return id.empty() ? std::string("unit") : safeFileName(id, 64); }

std::string prefixFor(const std::string& unitId) { return "suarawarga-" + fileSafe(unitId) + "-"; }

void fsyncPath(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) {
        if (directory) return; // best effort: the file itself is durable
        throw BackupError(BK::Io, path + ": cannot reopen to sync it: " + std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && !directory)
        throw BackupError(err == ENOSPC ? BK::Full : BK::Io, path + ": syncing to disk failed: " + std::strerror(err));
}

BK kindFor(int sqliteCode) {
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL: return BK::Full;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return BK::Damaged;
    default: return BK::Io;
    }
}

// Copies src's main database into dest with the online backup API, in one step: the source is
// read under one read transaction (WAL: the kiosk keeps writing meanwhile).
void copyDatabase(sqlite3* src, sqlite3* dest, const std::string& destName) {
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", src, "main");
    if (!b) {
        int rc = sqlite3_errcode(dest);
        throw BackupError(kindFor(rc), destName + ": cannot start the copy: " + sqlite3_errmsg(dest));
    }
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        std::string what = sqlite3_errstr(rc);
        throw BackupError(kindFor(rc), destName + ": the copy failed: " + what +
                                           ((rc & 0xff) == SQLITE_FULL ? " (the backup medium is full)" : ""));
    }
}

// The unit's signing key (survey/bundle/signing.hpp) lives beside the database, not in it: a backup
// without it could not sign exports after a restore on a new disk. Copied 0600 (where the
// medium keeps permissions; a FAT stick does not — keep the stick locked away).
constexpr const char* kKeySuffix = ".signing-key";

void copyKeyFile(const std::string& from, const std::string& to) {
    std::error_code ec;
    const std::string temp = to + ".tmp";
    fs::remove(temp, ec);
    fs::copy_file(from, temp, ec);
    if (ec) throw BackupError(BK::Io, to + ": cannot copy the signing key: " + ec.message());
    fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    fsyncPath(temp, false);
    if (std::rename(temp.c_str(), to.c_str()) != 0) {
        fs::remove(temp, ec);
        throw BackupError(BK::Io, to + ": cannot put the signing key in place: " + std::strerror(errno));
    }
}

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Removes a temporary file (and any journal SQLite left beside it) unless released.
struct TempFile {
    std::string path;
    bool keep = false;
    ~TempFile() {
        if (keep) return;
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ec);
    }
};

} // namespace

// [SECTION] Verify

BackupInfo verifyBackup(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw BackupError(BK::Io, path + ": no such backup file");
    {
        std::ifstream f(path, std::ios::binary);
        char head[16] = {};
        f.read(head, sizeof head);
        if (f.gcount() < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
            throw BackupError(BK::Damaged, path + ": not a SuaraWarga backup (not an SQLite database, or damaged)");
    }
    BackupInfo info;
    try {
        sql::Database db(path, SQLITE_OPEN_READONLY);
        if (db.scalarInt("PRAGMA application_id") != Store::kApplicationId)
            throw BackupError(BK::Foreign, path + ": an SQLite database of another program, not a SuaraWarga backup");
        const std::string check = db.scalarText("PRAGMA integrity_check(1)");
        if (check != "ok") throw BackupError(BK::Damaged, path + ": the backup is damaged (" + check + ")");
        info.schemaVersion = static_cast<int>(db.scalarInt("PRAGMA user_version"));
        if (info.schemaVersion > Store::kSchemaVersion)
            throw BackupError(BK::TooNew, path + ": made by a newer SuaraWarga (schema " +
                                              std::to_string(info.schemaVersion) + "); update the program first");
        if (info.schemaVersion < 1) throw BackupError(BK::Damaged, path + ": the backup holds no SuaraWarga data");
        info.responses = db.scalarInt("SELECT count(*) FROM response");
        if (db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name='setting'") > 0)
            info.unitId = db.scalarText("SELECT coalesce((SELECT value FROM setting WHERE key='unit.current'), "
                                        "(SELECT id FROM unit LIMIT 1), '')");
        else
            info.unitId = db.scalarText("SELECT coalesce((SELECT id FROM unit LIMIT 1), '')");
    } catch (const StoreError& e) {
        // A WAL-mode copy on a read-only medium cannot be opened without its -shm: say so plainly.
        throw BackupError(e.kind == StoreError::Kind::Foreign || e.kind == StoreError::Kind::Corrupt ||
                                  e.kind == StoreError::Kind::Other
                              ? BK::Damaged
                              : BK::Io,
                          path + ": the backup cannot be read (" + e.what() + ")");
    }
    return info;
}

// [SECTION] Backup

std::vector<std::string> listBackups(const std::string& dir, const std::string& unitId) {
    const std::string prefix = prefixFor(unitId);
    std::vector<std::pair<std::string, std::string>> found; // (stem, path)
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() < prefix.size() + 13 || name.compare(0, prefix.size(), prefix) != 0) continue;
        if (name.substr(name.size() - 3) != ".db") continue;
        LocalDate d;
        if (!parseDate(name.substr(prefix.size(), 10), d)) continue;
        found.emplace_back(name.substr(0, name.size() - 3), it->path().string());
    }
    // By stem: "…-2026-11-22" sorts before "…-2026-11-22-101500" (same day, later copy).
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

BackupResult backupTo(Store& store, const std::string& dir, const BackupOptions& opt) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw BackupError(BK::Io, dir + ": the backup folder does not exist (is the USB stick plugged in?)");
    const UnitInfo unit = store.unit().value_or(UnitInfo{});
    const std::int64_t now = opt.nowUtc != 0 ? opt.nowUtc : nowUtc();
    const std::string prefix = prefixFor(unit.id);
    std::string stem = prefix + localDate(now, unit.utcOffsetMinutes);
    fs::path target = fs::path(dir) / (stem + ".db");
    if (fs::exists(target, ec)) {
        // A second copy the same day: add the local time, HHMMSS.
        std::string t = localDateTime(now, unit.utcOffsetMinutes).substr(11, 8);
        t.erase(std::remove(t.begin(), t.end(), ':'), t.end());
        stem += "-" + t;
        target = fs::path(dir) / (stem + ".db");
        for (int n = 2; fs::exists(target, ec); ++n) target = fs::path(dir) / (stem + "-" + std::to_string(n) + ".db");
    }
    removeStaleTemps(dir); // copies of killed backups: citizen data left on the stick
    TempFile temp{(fs::path(dir) / ("." + target.filename().string() + tempMarker())).string()};
    fs::remove(temp.path, ec);

    try {
        sql::Database dest(temp.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, opt.vfs);
        copyDatabase(store.db().handle(), dest.handle(), target.string());
        // A backup is one self-contained file: no WAL beside it.
        dest.exec("PRAGMA journal_mode=DELETE");
        const std::string check = dest.scalarText("PRAGMA integrity_check(1)");
        if (check != "ok") throw BackupError(BK::Damaged, target.string() + ": the copy does not verify (" + check + ")");
    } catch (const StoreError& e) {
        throw BackupError(e.kind == StoreError::Kind::Full ? BK::Full : BK::Io,
                          target.string() + ": writing the copy failed: " + e.what());
    }
    fsyncPath(temp.path, false);
    if (std::rename(temp.path.c_str(), target.c_str()) != 0)
        throw BackupError(BK::Io, target.string() + ": cannot rename the copy into place: " + std::strerror(errno));
    temp.keep = true;
    fsyncPath(dir, true);

    BackupResult r;
    r.path = target.string();
    try {
        BackupInfo info = verifyBackup(r.path); // a fresh connection reads it back
        r.responses = info.responses;
    } catch (...) {
        fs::remove(target, ec); // it does not count; older copies stay
        throw;
    }
    r.bytes = static_cast<std::int64_t>(fs::file_size(target, ec));
    const std::string key = store.path() + kKeySuffix;
    if (fs::exists(key, ec)) {
        try {
            copyKeyFile(key, r.path + kKeySuffix);
        } catch (...) {
            fs::remove(target, ec); // a copy without its key does not count either
            throw;
        }
    }

    // Only now that the new copy verified: keep the newest `keep` of this unit's copies.
    std::vector<std::string> all = listBackups(dir, unit.id);
    const std::size_t keep = static_cast<std::size_t>(std::max(1, opt.keep));
    for (std::size_t i = 0; i + keep < all.size(); ++i) {
        if (all[i] == r.path) continue;
        if (fs::remove(all[i], ec)) r.removed.push_back(all[i]);
        fs::remove(all[i] + kKeySuffix, ec);
    }
    logLine("backup", r.path + " (" + std::to_string(r.responses) + " responses, " + std::to_string(r.bytes) + " bytes)");
    return r;
}

// [SECTION] Daily backup

namespace {
struct DailyState {
    std::string doneForDate;         // local date already backed up (or found in the settings)
    std::int64_t nextAttemptUtc = 0; // after a failure: not before this
};
std::mutex g_dailyMutex;
std::map<std::string, DailyState> g_daily; // by database path
} // namespace

std::optional<BackupResult> maybeDailyBackup(Store& store, const std::string& dir, int keep,
                                             std::int64_t nowUtcSeconds, int retrySeconds) {
    if (dir.empty()) return std::nullopt;
    std::lock_guard<std::mutex> lock(g_dailyMutex);
    DailyState& st = g_daily[store.path() + "\n" + dir];
    if (nowUtcSeconds < st.nextAttemptUtc) return std::nullopt;
    try {
        const UnitInfo unit = store.unit().value_or(UnitInfo{});
        const std::string today = localDate(nowUtcSeconds, unit.utcOffsetMinutes);
        if (st.doneForDate == today) return std::nullopt;
        if (store.setting(kBackupLastSetting) == today) {
            st.doneForDate = today;
            return std::nullopt;
        }
        BackupOptions opt;
        opt.keep = keep;
        opt.nowUtc = nowUtcSeconds;
        BackupResult r = backupTo(store, dir, opt);
        store.setSetting(kBackupLastSetting, today);
        store.logEvent("backup", r.path);
        st.doneForDate = today;
        return r;
    } catch (const std::exception& e) {
        // The kiosk keeps serving citizens; the unit head sees the failure in the log.
        logLine("backup-failed", e.what());
        try {
            store.logEvent("backup-failed", e.what());
        } catch (...) {
        }
        st.nextAttemptUtc = nowUtcSeconds + std::max(1, retrySeconds);
        return std::nullopt;
    }
}

std::optional<BackupResult> maybeDailyBackup(Store& store, std::int64_t nowUtcSeconds) {
    std::string dir, keep;
    try {
        dir = store.setting(kBackupDirSetting);
        keep = store.setting(kBackupKeepSetting, "14");
    } catch (const std::exception& e) {
        logLine("backup-failed", e.what());
        return std::nullopt;
    }
    int n = 14;
    try {
        n = std::stoi(keep);
    } catch (...) {
    }
    return maybeDailyBackup(store, dir, n, nowUtcSeconds);
}

// [SECTION] Restore

namespace {

// Another unit's backup would silently turn this kiosk into that unit: refused (the caller asks
// only when --other-unit was not given).
void refuseOtherUnit(const std::string& backupPath, const std::string& dbPath, const std::string& backupUnit) {
    std::string liveUnit;
    try {
        liveUnit = verifyBackup(dbPath).unitId;
    } catch (const BackupError&) {
        // The live database is damaged or unreadable: that is why one restores.
    }
    if (!liveUnit.empty() && !backupUnit.empty() && liveUnit != backupUnit)
        throw BackupError(BK::OtherUnit, backupPath + ": this backup belongs to unit \"" + backupUnit +
                                             "\", but " + dbPath + " is unit \"" + liveUnit +
                                             "\"; nothing was changed (use --other-unit to restore it anyway)");
}

// Step 1: a verified copy of the backup at tempPath, beside the live file (same file system, so
// the final rename is atomic). The caller's TempFile removes it if a later step fails.
void copyInBeside(const std::string& backupPath, const std::string& dbPath, const std::string& tempPath) {
    std::error_code ec;
    fs::remove(tempPath, ec);
    if (auto parent = fs::path(dbPath).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
    try {
        sql::Database src(backupPath, SQLITE_OPEN_READONLY);
        sql::Database dest(tempPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        copyDatabase(src.handle(), dest.handle(), tempPath);
        dest.exec("PRAGMA journal_mode=DELETE");
    } catch (const StoreError& e) {
        throw BackupError(e.kind == StoreError::Kind::Full ? BK::Full : BK::Io,
                          dbPath + ": copying the backup in failed, nothing was changed: " + e.what());
    }
    fsyncPath(tempPath, false);
    verifyBackup(tempPath);
}

// Step 2: keep the live database: fold its WAL in when it can, then link it aside with any WAL.
// Returns where it was kept.
std::string keepLiveAside(const std::string& dbPath) {
    std::error_code ec;
    try {
        sql::Database live(dbPath, SQLITE_OPEN_READWRITE);
        live.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const StoreError&) {
        // damaged: its WAL (if any) moves aside with it below
    }
    std::string keep = dbPath + ".before-restore";
    for (int n = 2; fs::exists(keep, ec); ++n) keep = dbPath + ".before-restore-" + std::to_string(n);
    if (::link(dbPath.c_str(), keep.c_str()) != 0) {
        fs::copy_file(dbPath, keep, ec);
        if (ec) throw BackupError(BK::Io, keep + ": cannot keep the previous database: " + ec.message());
    }
    fsyncPath(keep, false);
    if (fs::exists(dbPath + "-wal", ec)) {
        // A WAL left beside the new file would be replayed into it: move it with the old one.
        if (std::rename((dbPath + "-wal").c_str(), (keep + "-wal").c_str()) != 0)
            throw BackupError(BK::Io, dbPath + "-wal: cannot move aside: " + std::strerror(errno));
    }
    fs::remove(dbPath + "-shm", ec);
    return keep;
}

// Step 4: the signing key that belongs to the restored database, when the backup carries one. A
// different live key moves aside with the previous database (previousKeptAt, when there was one).
void restoreSigningKey(const std::string& backupPath, const std::string& dbPath, const std::string& previousKeptAt) {
    std::error_code ec;
    const std::string backupKey = backupPath + kKeySuffix;
    const std::string liveKey = dbPath + kKeySuffix;
    if (fs::exists(backupKey, ec)) {
        const bool same = fs::exists(liveKey, ec) && readAll(liveKey) == readAll(backupKey);
        if (!same) {
            if (fs::exists(liveKey, ec) && !previousKeptAt.empty())
                std::rename(liveKey.c_str(), (previousKeptAt + kKeySuffix).c_str());
            copyKeyFile(backupKey, liveKey);
        }
    }
}

} // namespace

RestoreResult restoreFrom(const std::string& backupPath, const std::string& dbPath, const RestoreOptions& opt) {
    std::error_code ec;
    RestoreResult result;
    result.restored = verifyBackup(backupPath);
    const bool liveExists = fs::exists(dbPath, ec);
    if (liveExists && fs::equivalent(backupPath, dbPath, ec))
        throw BackupError(BK::Io, backupPath + ": this is the live database itself, not a backup");
    if (liveExists && !opt.allowOtherUnit) refuseOtherUnit(backupPath, dbPath, result.restored.unitId);

    TempFile temp{dbPath + ".restore-tmp"};
    copyInBeside(backupPath, dbPath, temp.path);                   // 1.
    if (liveExists) result.previousKeptAt = keepLiveAside(dbPath); // 2.

    // 3. The atomic switch: at every instant dbPath names a complete database.
    if (std::rename(temp.path.c_str(), dbPath.c_str()) != 0)
        throw BackupError(BK::Io, dbPath + ": cannot put the restored database in place: " + std::strerror(errno));
    temp.keep = true;

    restoreSigningKey(backupPath, dbPath, result.previousKeptAt); // 4.
    fsyncPath(fs::path(dbPath).parent_path().empty() ? "." : fs::path(dbPath).parent_path().string(), true);
    logLine("restore", backupPath + " -> " + dbPath + " (" + std::to_string(result.restored.responses) + " responses)");
    return result;
}

} // namespace sw
