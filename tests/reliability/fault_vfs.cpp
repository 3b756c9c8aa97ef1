// The fault-injecting VFS: every file it opens is the default VFS's file with our io_methods in
// front. Counting and failing are global (tests run one operation at a time).
#include "reliability/fault_vfs.hpp"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace swtest {

namespace {

struct State {
    std::atomic<bool> armed{false};
    std::atomic<long> failAt{0};
    std::atomic<unsigned> ops{0};
    std::atomic<int> errorCode{SQLITE_IOERR};
    std::atomic<bool> persistent{false};
    std::atomic<long> counted{0};
    std::atomic<long> injected{0};
    std::atomic<long> injectedTotal{0};
};
State g;

// Power-loss bookkeeping, per open file: what each unsynced write or truncate replaced.
struct Undo {
    std::uint64_t seq = 0;         // global order of changes (all files)
    sqlite3_int64 offset = 0;
    std::string oldBytes;          // the bytes the write replaced (within the old size)
    sqlite3_int64 oldSize = 0;     // the file size before the write/truncate
};
struct Tracked {
    std::string path;
    std::vector<Undo> unsynced;
};
std::mutex g_trackMutex;
std::map<sqlite3_file*, Tracked> g_tracked;
std::atomic<bool> g_recording{false};
std::atomic<std::uint64_t> g_seq{0};
std::function<void()> g_crashHook;
long g_crashAt = 0;
std::atomic<long> g_crashCounted{0};

void maybeCrash() {
    if (!g_crashHook) return;
    if (++g_crashCounted == g_crashAt) {
        auto hook = std::move(g_crashHook);
        g_crashHook = nullptr;
        hook();
    }
}

sqlite3_vfs* g_base = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

// Our file: the base VFS's file lives right after it (szOsFile covers both).
struct FaultFile {
    sqlite3_file base;              // pMethods = &g_methods
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
FaultFile* ff(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }

// true: this operation must fail.
bool shouldFail(unsigned op) {
    if (!g.armed.load() || !(g.ops.load() & op)) return false;
    long n = ++g.counted;
    long at = g.failAt.load();
    if (n == at || (g.persistent.load() && n > at)) {
        ++g.injected;
        ++g.injectedTotal;
        return true;
    }
    return false;
}

int xClose(sqlite3_file* f) {
    {
        std::lock_guard<std::mutex> lock(g_trackMutex);
        g_tracked.erase(f);
    }
    sqlite3_file* r = ff(f)->real();
    int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    return rc;
}
int xRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    if (shouldFail(FaultVfs::Read)) return g.errorCode.load();
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xRead(r, buf, n, off);
}
// Remembers what [off, off+n) held, and the size, before a write or truncate changes them.
void remember(sqlite3_file* f, sqlite3_int64 off, sqlite3_int64 n) {
    if (!g_recording.load()) return;
    sqlite3_file* r = ff(f)->real();
    Undo u;
    u.seq = ++g_seq;
    u.offset = off;
    r->pMethods->xFileSize(r, &u.oldSize);
    const sqlite3_int64 within = std::max<sqlite3_int64>(0, std::min(off + n, u.oldSize) - off);
    if (within > 0) {
        u.oldBytes.resize(static_cast<std::size_t>(within));
        r->pMethods->xRead(r, u.oldBytes.data(), static_cast<int>(within), off);
    }
    std::lock_guard<std::mutex> lock(g_trackMutex);
    auto it = g_tracked.find(f);
    if (it != g_tracked.end()) it->second.unsynced.push_back(std::move(u));
}

int xWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    maybeCrash();
    if (shouldFail(FaultVfs::Write)) return g.errorCode.load();
    remember(f, off, n);
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xWrite(r, buf, n, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    maybeCrash();
    if (shouldFail(FaultVfs::Truncate)) return g.errorCode.load();
    if (g_recording.load()) {
        sqlite3_int64 cur = 0;
        ff(f)->real()->pMethods->xFileSize(ff(f)->real(), &cur);
        remember(f, size, std::max<sqlite3_int64>(0, cur - size));
    }
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xTruncate(r, size);
}
int xSync(sqlite3_file* f, int flags) {
    maybeCrash();
    if (shouldFail(FaultVfs::Sync)) return g.errorCode.load();
    sqlite3_file* r = ff(f)->real();
    int rc = r->pMethods->xSync(r, flags);
    if (rc == SQLITE_OK) {
        std::lock_guard<std::mutex> lock(g_trackMutex);
        auto it = g_tracked.find(f);
        if (it != g_tracked.end()) it->second.unsynced.clear(); // on the platter now
    }
    return rc;
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xFileSize(r, size);
}
int xLock(sqlite3_file* f, int l) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xLock(r, l);
}
int xUnlock(sqlite3_file* f, int l) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xUnlock(r, l);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xCheckReservedLock(r, out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xFileControl(r, op, arg);
}
int xSectorSize(sqlite3_file* f) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xSectorSize(r);
}
int xDeviceCharacteristics(sqlite3_file* f) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xDeviceCharacteristics(r);
}
int xShmMap(sqlite3_file* f, int pg, int sz, int extend, void volatile** out) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xShmMap(r, pg, sz, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xShmLock(r, offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    sqlite3_file* r = ff(f)->real();
    r->pMethods->xShmBarrier(r);
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    sqlite3_file* r = ff(f)->real();
    return r->pMethods->xShmUnmap(r, deleteFlag);
}
int xFetch(sqlite3_file* f, sqlite3_int64 off, int amt, void** pp) {
    // No memory-mapped reads: every read must pass through xRead so it can be counted.
    (void)f, (void)off, (void)amt;
    *pp = nullptr;
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
    (void)f, (void)off, (void)p;
    return SQLITE_OK;
}

int vOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
    FaultFile* p = ff(f);
    std::memset(p->real(), 0, static_cast<std::size_t>(g_base->szOsFile));
    p->base.pMethods = nullptr;
    int rc = g_base->xOpen(g_base, name, p->real(), flags, outFlags);
    // The base file's pMethods is set even on some failures (then xClose must be called).
    if (p->real()->pMethods) {
        p->base.pMethods = &g_methods;
        std::lock_guard<std::mutex> lock(g_trackMutex);
        std::error_code ec;
        g_tracked[f] = Tracked{name ? std::filesystem::weakly_canonical(name, ec).string() : std::string(), {}};
    }
    return rc;
}
int vDelete(sqlite3_vfs*, const char* name, int syncDir) { return g_base->xDelete(g_base, name, syncDir); }
int vAccess(sqlite3_vfs*, const char* name, int flags, int* out) { return g_base->xAccess(g_base, name, flags, out); }
int vFullPathname(sqlite3_vfs*, const char* name, int n, char* out) { return g_base->xFullPathname(g_base, name, n, out); }
void* vDlOpen(sqlite3_vfs*, const char* name) { return g_base->xDlOpen(g_base, name); }
void vDlError(sqlite3_vfs*, int n, char* msg) { g_base->xDlError(g_base, n, msg); }
void (*vDlSym(sqlite3_vfs*, void* h, const char* sym))(void) { return g_base->xDlSym(g_base, h, sym); }
void vDlClose(sqlite3_vfs*, void* h) { g_base->xDlClose(g_base, h); }
int vRandomness(sqlite3_vfs*, int n, char* out) { return g_base->xRandomness(g_base, n, out); }
int vSleep(sqlite3_vfs*, int us) { return g_base->xSleep(g_base, us); }
int vCurrentTime(sqlite3_vfs*, double* t) { return g_base->xCurrentTime(g_base, t); }
int vGetLastError(sqlite3_vfs*, int n, char* msg) { return g_base->xGetLastError(g_base, n, msg); }
int vCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) { return g_base->xCurrentTimeInt64(g_base, t); }

const char* registerOnce() {
    static const char* registered = [] {
        g_base = sqlite3_vfs_find(nullptr);
        if (!g_base || g_base->iVersion < 2) throw std::runtime_error("fault VFS: no usable default VFS");
        g_methods = {};
        g_methods.iVersion = 3;
        g_methods.xClose = xClose;
        g_methods.xRead = xRead;
        g_methods.xWrite = xWrite;
        g_methods.xTruncate = xTruncate;
        g_methods.xSync = xSync;
        g_methods.xFileSize = xFileSize;
        g_methods.xLock = xLock;
        g_methods.xUnlock = xUnlock;
        g_methods.xCheckReservedLock = xCheckReservedLock;
        g_methods.xFileControl = xFileControl;
        g_methods.xSectorSize = xSectorSize;
        g_methods.xDeviceCharacteristics = xDeviceCharacteristics;
        g_methods.xShmMap = xShmMap;
        g_methods.xShmLock = xShmLock;
        g_methods.xShmBarrier = xShmBarrier;
        g_methods.xShmUnmap = xShmUnmap;
        g_methods.xFetch = xFetch;
        g_methods.xUnfetch = xUnfetch;

        g_vfs = {};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
        g_vfs.mxPathname = g_base->mxPathname;
        g_vfs.zName = "sw-fault";
        g_vfs.xOpen = vOpen;
        g_vfs.xDelete = vDelete;
        g_vfs.xAccess = vAccess;
        g_vfs.xFullPathname = vFullPathname;
        g_vfs.xDlOpen = vDlOpen;
        g_vfs.xDlError = vDlError;
        g_vfs.xDlSym = vDlSym;
        g_vfs.xDlClose = vDlClose;
        g_vfs.xRandomness = vRandomness;
        g_vfs.xSleep = vSleep;
        g_vfs.xCurrentTime = vCurrentTime;
        g_vfs.xGetLastError = vGetLastError;
        g_vfs.xCurrentTimeInt64 = vCurrentTimeInt64;
        if (sqlite3_vfs_register(&g_vfs, 0) != SQLITE_OK) throw std::runtime_error("fault VFS: register failed");
        return g_vfs.zName;
    }();
    return registered;
}

} // namespace

const char* FaultVfs::name() { return registerOnce(); }

void FaultVfs::arm(long n, unsigned ops, int errorCode, bool persistent) {
    registerOnce();
    g.armed = false;
    g.failAt = n;
    g.ops = ops;
    g.errorCode = errorCode;
    g.persistent = persistent;
    g.counted = 0;
    g.injected = 0;
    g.armed = true;
}

void FaultVfs::disarm() { g.armed = false; }
long FaultVfs::counted() { return g.counted.load(); }
long FaultVfs::injected() { return g.injected.load(); }
long FaultVfs::injectedTotal() { return g.injectedTotal.load(); }

void FaultVfs::recordUnsynced(bool on) {
    registerOnce();
    g_recording = on;
    if (!on) {
        std::lock_guard<std::mutex> lock(g_trackMutex);
        for (auto& [f, t] : g_tracked) t.unsynced.clear();
    }
}

void FaultVfs::crashAt(long n, std::function<void()> hook) {
    g_crashCounted = 0;
    g_crashAt = n;
    g_crashHook = std::move(hook);
}

long FaultVfs::crashOpsCounted() { return g_crashCounted.load(); }

namespace {
const Tracked* trackedFor(const std::string& path) {
    std::error_code ec;
    const std::string want = std::filesystem::weakly_canonical(path, ec).string();
    for (const auto& [f, t] : g_tracked)
        if (t.path == want) return &t;
    return nullptr;
}
} // namespace

std::size_t FaultVfs::unsyncedWrites(const std::string& path) {
    std::lock_guard<std::mutex> lock(g_trackMutex);
    const Tracked* t = trackedFor(path);
    return t ? t->unsynced.size() : 0;
}

std::uint64_t FaultVfs::changeSequence() { return g_seq.load(); }

void FaultVfs::powerCutCopy(const std::string& path, const std::string& copy, std::uint64_t keepThrough) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::remove(copy, ec);
    if (!fs::exists(path, ec)) return;
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::lock_guard<std::mutex> lock(g_trackMutex);
    if (const Tracked* t = trackedFor(path)) {
        // Undo, newest first, every unsynced change made after change number `keepThrough`.
        for (std::size_t i = t->unsynced.size(); i-- > 0;) {
            const Undo& u = t->unsynced[i];
            if (u.seq <= keepThrough) break;
            if (bytes.size() < static_cast<std::size_t>(u.oldSize)) bytes.resize(static_cast<std::size_t>(u.oldSize), '\0');
            if (!u.oldBytes.empty()) bytes.replace(static_cast<std::size_t>(u.offset), u.oldBytes.size(), u.oldBytes);
            bytes.resize(static_cast<std::size_t>(u.oldSize));
        }
    }
    std::ofstream out(copy, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace swtest
