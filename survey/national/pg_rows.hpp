// What a bundle's responses become in the PostgreSQL store, worked out in C++ before (or while) the
// transaction runs: which rows are new, their COPY text for response_owner and response, the
// years whose partitions they need, and their daily tallies (pg_tally.hpp).
#pragma once
#include "survey/bundle/bundle.hpp"
#include "survey/national/pg_tally.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw::pg {

// The rows of one bundle to write.
struct RowPlan {
    std::int64_t added = 0;
    std::string ownerCopy;                    // COPY … (FORMAT binary) data for kOwnerCopy
    std::map<int, std::string> responseCopy;  // per local year: the data for that year's partition
    DayTallies tallies;
};

inline constexpr const char* kOwnerCopy = "COPY response_owner(uuid, unit_id, content) FROM STDIN (FORMAT binary)";
// COPY straight into the year's partition: routing each row through the partitioned table took
// twice as long (README "The national store").
std::string responseCopySql(int year);

// The response's local day (days since 1970-01-01), as the unit's store dates it (formatLocalDate).
std::int64_t localDay(const PackedRow& r);
// BLAKE2b-128 of the fields sameContent compares: response_owner keeps it, so a repeated UUID is
// judged without reading the response itself.
std::string contentHash(const PackedRow& r);

// The same response twice: the fields a repeated UUID must carry unchanged (survey/bundle/merge.cpp
// compares these with the first copy).
bool sameContent(const PackedRow& a, const PackedRow& b);

// What the bundle's rows hold by themselves, before the store is asked: `repeat[i]` is the index of
// the first copy of row i's UUID when row i repeats it (else -1). The first row, in order, that
// repeats a UUID with other answers or carries text PostgreSQL cannot hold (invalid UTF-8, NUL, a
// local date after 9999) is `problemRow`, and `problem` the refusal it earns.
struct RowCheck {
    std::vector<std::int32_t> repeat;
    std::optional<std::size_t> problemRow;
    BundleError problem{BundleError::Kind::Malformed, ""};
};
RowCheck checkRows(const Bundle& b);

// The plan for the rows not skipped (`skip[i]` true: already in the store, or a repeat).
RowPlan planRows(const Bundle& b, const std::vector<char>& skip);

} // namespace sw::pg
