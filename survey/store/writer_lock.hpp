// One process owns a store while something may replace it. The kiosk holds this lock for as long
// as it runs, and `restore` takes it before it swaps the file: a restore under a running kiosk
// would leave the kiosk writing into the old file (renamed aside), so every response acknowledged
// afterwards would be missing from the live store. The lock is flock() on "<db>.lock": the kernel
// drops it when the process ends, even by a crash or SIGKILL, so it never needs cleaning up.
#pragma once
#include <string>

namespace sw {

class WriterLock {
public:
    // Takes the lock; throws StoreError(Busy) naming the holder ("the kiosk, pid 812") when another
    // process has it. `who` is written into the lock file for that message.
    WriterLock(const std::string& dbPath, const std::string& who);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    static std::string lockPathFor(const std::string& dbPath) { return dbPath + ".lock"; }

private:
    int fd_ = -1;
};

} // namespace sw
