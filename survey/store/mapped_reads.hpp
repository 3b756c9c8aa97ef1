// A pass over many response rows reads the store's pages through a memory mapping instead of
// copying each page with pread() (without it, a year's report over a million rows spent most of
// its time in the kernel copying pages). The size before is put back afterwards, so the kiosk's
// writes never run on a mapping and a pass inside another (a report's figures, each a scan) leaves
// the outer one's mapping in place.
#pragma once
#include "survey/base/sqlite.hpp"

#include <cstdint>

namespace sw {

class MappedReads {
public:
    explicit MappedReads(sql::Database& db) : db_(db), before_(db.scalarInt("PRAGMA mmap_size")) {
        if (before_ < kBytes) db_.exec("PRAGMA mmap_size=" + std::to_string(kBytes));
    }
    ~MappedReads() {
        try {
            if (before_ < kBytes) db_.exec("PRAGMA mmap_size=" + std::to_string(before_));
        } catch (...) { // never throw from a destructor; the next open starts without a mapping
        }
    }
    MappedReads(const MappedReads&) = delete;
    MappedReads& operator=(const MappedReads&) = delete;

private:
    static constexpr std::int64_t kBytes = 1073741824;   // 1 GiB of the file mapped at most
    sql::Database& db_;
    std::int64_t before_;
};

} // namespace sw
