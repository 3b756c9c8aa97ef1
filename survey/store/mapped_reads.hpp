// A pass over many response rows reads the store's pages through a memory mapping instead of
// copying each page with pread() (without it, a year's report over a million rows spent most of
// its time in the kernel copying pages). Switched off again afterwards, so the kiosk's writes
// never run on a mapping.
#pragma once
#include "survey/base/sqlite.hpp"

namespace sw {

class MappedReads {
public:
    explicit MappedReads(sql::Database& db) : db_(db) { db_.exec("PRAGMA mmap_size=1073741824"); }
    ~MappedReads() {
        try {
            db_.exec("PRAGMA mmap_size=0");
        } catch (...) { // never throw from a destructor; the next open starts without a mapping
        }
    }
    MappedReads(const MappedReads&) = delete;
    MappedReads& operator=(const MappedReads&) = delete;

private:
    sql::Database& db_;
};

} // namespace sw
