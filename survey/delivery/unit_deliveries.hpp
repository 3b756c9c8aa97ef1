// The Kanwil's side of "is this unit silent or just late?": per unit, the last bundle its store
// received (merged or already there) and whether that is longer ago than N days. Enrolled units
// that never sent one are listed too. Read from an assessor's store — the SQLite file or
// PostgreSQL (survey/national/bundle_receipts.hpp) — as the assessor view reads it. README "Delivery".
#pragma once
#include "survey/national/assessor_store.hpp"
#include "survey/national/bundle_receipts.hpp"

#include <cstdint>
#include <vector>

namespace sw {

inline constexpr int kDefaultSilentDays = 3;

struct UnitDelivery : BundleReceipt {
    bool silent = false;                         // nothing for more than silentDays (or never)
};

// Silent first (longest silence first), then the others by unit id.
std::vector<UnitDelivery> unitDeliveries(Store& kanwil, std::int64_t nowUtc, int silentDays = kDefaultSilentDays);
std::vector<UnitDelivery> unitDeliveries(AssessorStore& kanwil, std::int64_t nowUtc, int silentDays = kDefaultSilentDays);

} // namespace sw
