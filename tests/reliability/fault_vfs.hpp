// A test-only SQLite VFS that wraps the default one and fails the Nth read, write, sync or
// truncate with an error of our choosing (SQLITE_IOERR, SQLITE_FULL) — the technique SQLite's own
// test suite uses (survey/RULES.md "How data flows": fault tests like SQLite's own). Tests loop N over an operation and
// assert it is all-or-nothing every time.
//
// Use: open a Store with Options{.vfs = FaultVfs::name()}, do the set-up, then arm(N, …), run the
// operation, disarm(), close, and reopen with the normal VFS to check what is on disk.
#pragma once
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace swtest {

class FaultVfs {
public:
    // Which file operations are counted (and so may fail).
    enum Op : unsigned { Read = 1u, Write = 2u, Sync = 4u, Truncate = 8u, All = 15u };

    static const char* name();             // registers the VFS on first use; "sw-fault"

    // The n-th counted operation (1-based) after this call fails with `errorCode` (an SQLite
    // primary or extended code, e.g. SQLITE_IOERR_WRITE or SQLITE_FULL). persistent: every counted
    // operation after it fails too, like a disk that stays full or a USB stick that was pulled.
    static void arm(long n, unsigned ops, int errorCode, bool persistent);
    static void disarm();                  // stop counting and failing
    static long counted();                 // counted operations since arm()
    static long injected();                // failures returned since arm()
    static long injectedTotal();           // failures returned since the program started

    // Power loss (the page cache is lost, not only the process). While recording, every write
    // and truncate keeps the bytes it replaced until its file is synced.
    static void recordUnsynced(bool on);
    // At the n-th write/truncate/sync from now (1-based), before it happens, `hook` runs once —
    // the instant of the power cut. An empty hook disarms.
    static void crashAt(long n, std::function<void()> hook);
    static long crashOpsCounted();         // writes/truncates/syncs counted since crashAt()
    // What a power cut now leaves of `path` (a file opened through this VFS), written to `copy`:
    // the file as the OS holds it minus its unsynced changes — except those numbered up to
    // `keepThrough` (a disk writes back in order; 0 = every unsynced change is lost). No file
    // when `path` is not there.
    static void powerCutCopy(const std::string& path, const std::string& copy, std::uint64_t keepThrough);
    static std::uint64_t changeSequence();  // number of the latest recorded change (all files)
    static std::size_t unsyncedWrites(const std::string& path);
};

} // namespace swtest
