// The Kanwil's side of "is this unit silent or just late?": per unit, the last bundle its store
// received (merged or already there) and whether that is longer ago than N days. Enrolled units
// that never sent one are listed too. Read from an assessor's SQLite store (merged_bundle,
// trusted_key), as the assessor view reads it. README "Delivery".
#pragma once
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

inline constexpr int kDefaultSilentDays = 3;

struct UnitDelivery {
    std::string unitId, name;
    std::optional<std::int64_t> lastBundleUtc;   // nullopt: enrolled, nothing received yet
    std::int64_t bundles = 0;
    std::int64_t responses = 0;                  // added by those bundles
    bool silent = false;                         // nothing for more than silentDays (or never)
};

// Silent first (longest silence first), then the others by unit id.
std::vector<UnitDelivery> unitDeliveries(Store& kanwil, std::int64_t nowUtc, int silentDays = kDefaultSilentDays);

} // namespace sw
