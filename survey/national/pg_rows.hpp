// What a bundle's responses become in the PostgreSQL store, worked out in C++ before (or while) the
// transaction runs: which rows are new, their COPY text for response_owner and response, the
// years whose partitions they need, and their daily tallies (pg_tally.hpp).
#pragma once
#include "survey/bundle/bundle.hpp"
#include "survey/national/pg_tally.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw::pg {

// The rows of one bundle to write.
struct RowPlan {
    std::int64_t added = 0;
    std::string ownerCopy;     // COPY response_owner(uuid, unit_id) text
    std::string responseCopy;  // COPY response(kResponseCopyColumns) text
    DayTallies tallies;
    std::set<int> years;       // local years of the rows: their partitions must exist
};

inline constexpr const char* kResponseCopyColumns =
    "unit_id, uuid, instrument_id, instrument_version, device_id, created_utc, utc_offset_min, local_date, service, "
    "comment, adil, misuse, source, duration_s, skm, ham, rentan, kelompok, profile";

// The response's local date, "YYYY-MM-DD", as the unit's store computes it (formatLocalDate).
std::string localDay(const PackedRow& r);

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
