// Per unit, what the assessor's store has received: the last bundle merged, how many, and the
// responses they added. Enrolled units that never sent one are listed too. Read by the Kanwil's
// "is this unit silent or just late?" (survey/delivery/unit_deliveries.hpp, README "Delivery").
#pragma once
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct BundleReceipt {
    std::string unitId, name;
    std::optional<std::int64_t> lastBundleUtc;   // nullopt: enrolled, nothing received yet
    std::int64_t bundles = 0;
    std::int64_t responses = 0;                  // added by those bundles
};

// From an assessor's SQLite store (merged_bundle, trusted_key), in no particular order.
std::vector<BundleReceipt> bundleReceipts(Store& kanwil);

} // namespace sw
