// The loop every fault test runs: for N = 1, 2, … fail the Nth file operation of one
// operation, then look at what is on disk — both "as the program left it" (after a clean close)
// and "as a power cut right after the fault would leave it" (a copy of the files taken while the
// connection is still open). Stops when an N is larger than the operation's file operations.
#pragma once
#include "reliability/fault_vfs.hpp"
#include "survey/test_helpers.hpp"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

namespace swtest {

struct FaultMode {
    const char* label;
    unsigned ops;
    int errorCode;
    bool persistent;
};

// One-shot I/O errors on any operation; a disk that fills up and stays full; a device whose
// fsync keeps failing (a pulled USB disk, a dying SD card).
inline const FaultMode kFaultModes[] = {
    {"ioerr-once", FaultVfs::All, SQLITE_IOERR, false},
    {"full-persistent", FaultVfs::Write | FaultVfs::Truncate, SQLITE_FULL, true},
    {"sync-persistent", FaultVfs::Sync, SQLITE_IOERR_FSYNC, true},
};

struct FaultLoopFigures {
    long iterations = 0;   // values of N tried
    long injected = 0;     // faults returned to SQLite
    long threw = 0;        // the operation reported failure
    long landedAll = 0;    // the operation's rows were all there afterwards
    long landedNone = 0;   // none were
};

// Copies the database with its WAL or rollback journal as they are now: what a power cut at this
// instant leaves (the OS had already accepted these bytes; anything SQLite had not yet written is
// lost). The bulk merge runs in rollback-journal mode, so a hot journal is part of the picture.
inline void snapshotFiles(const std::string& from, const std::string& to) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    for (const char* suffix : {"-wal", "-journal"}) {
        fs::remove(to + suffix, ec);
        if (fs::exists(from + suffix, ec)) fs::copy_file(from + suffix, to + suffix, fs::copy_options::overwrite_existing, ec);
    }
}

inline void copyDatabase(const std::string& from, const std::string& to) {
    namespace fs = std::filesystem;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    std::error_code ec;
    fs::remove(to + "-wal", ec);
    fs::remove(to + "-shm", ec);
    fs::remove(to + "-journal", ec);
}

// What run() gets: arm() right before the operation proper (after its own set-up), and
// snapshot() right after the operation returned or threw, while the connection is still open.
struct FaultRun {
    std::function<void()> arm;
    std::function<void()> snapshot;
};

// templatePath: a closed template database copied fresh for every N.
// run(path, hooks): performs the operation through the fault VFS; returns normally or throws.
// check(path, threw): opens with the normal VFS and asserts all-or-nothing (and "all" when the
//            operation did not throw); returns true when the operation's effect is fully present.
struct FaultLoop {
    std::string label;
    std::string templatePath;
    std::function<void(const std::string& path, const FaultRun& hooks)> run;
    std::function<bool(const std::string& path, bool threw)> check;
    long maxN = 5000;

    FaultLoopFigures runMode(const FaultMode& mode) const {
        FaultLoopFigures fig;
        TempDir dir;
        for (long n = 1; n <= maxN; ++n) {
            const std::string path = dir.file("live.db");
            const std::string crashed = dir.file("crashed.db");
            copyDatabase(templatePath, path);
            bool threw = false;
            long injected = 0;
            try {
                FaultRun hooks{[&] { FaultVfs::arm(n, mode.ops, mode.errorCode, mode.persistent); },
                               [&] {
                                   injected = FaultVfs::injected();
                                   FaultVfs::disarm();
                                   snapshotFiles(path, crashed);
                               }};
                run(path, hooks);
            } catch (const std::exception&) {
                threw = true;
            }
            if (FaultVfs::injected() > injected) injected = FaultVfs::injected();
            FaultVfs::disarm();
            ++fig.iterations;
            fig.injected += injected;
            if (threw) ++fig.threw;
            if (check(path, threw)) ++fig.landedAll;
            else ++fig.landedNone;
            if (std::filesystem::exists(crashed)) {
                if (check(crashed, threw)) ++fig.landedAll;
                else ++fig.landedNone;
                std::error_code ec;
                std::filesystem::remove(crashed, ec);
                std::filesystem::remove(crashed + "-wal", ec);
                std::filesystem::remove(crashed + "-shm", ec);
            }
            if (injected == 0) break; // N was past the operation's last file operation: done
        }
        std::printf("fault loop %-18s %-16s N=1..%ld  faults injected %ld  failed cleanly %ld  "
                    "all %ld  none %ld\n",
                    label.c_str(), mode.label, fig.iterations, fig.injected, fig.threw, fig.landedAll,
                    fig.landedNone);
        std::fflush(stdout);
        return fig;
    }
};

} // namespace swtest
