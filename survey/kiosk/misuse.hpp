// Suspected misuse (issue: "a child tapping through several times within a minute").
// A response is flagged — stored, but left out of scores by default — when it was completed
// faster than a person can read the questions, or when the same kiosk submitted another response
// moments before. Thresholds are settings a unit can change (store settings "misuse.*").
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace sw {

class Store;

struct MisuseRule {
    int minSurveySeconds = 15;   // nine unsur + HAM module in under this is not a considered answer
    int repeatWindowSeconds = 60; // another submission from the same device within this window
};

MisuseRule misuseRuleFrom(Store& store);   // reads settings, falling back to the defaults above

// The last submission time of `deviceId`, if any.
bool suspectMisuse(const MisuseRule& rule, std::optional<int> durationSeconds, std::optional<std::int64_t> previousSubmitUtc,
                   std::int64_t submitUtc);
std::optional<std::int64_t> lastSubmitUtc(Store& store, const std::string& deviceId);

} // namespace sw
