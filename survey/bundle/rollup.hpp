// The Kanwil assessor's roll-up: every unit in the (merged) store with its IKM, mutu,
// respondents, sample adequacy (Krejcie–Morgan, against the population the unit reported),
// facility score and gap count from its latest bundle, ranked. Same SKM code path as the unit's
// own dashboard (survey/RULES.md "How data flows" 5).
#pragma once
#include "survey/dashboard/statistik.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct UnitRollup {
    int rank = 0;                              // 1 = best IKM; units without a complete IKM come last
    UnitInfo unit;
    SkmResult skm;
    AksesibilitasResult akses;
    double rentanGap = 0;                      // IKM rentan − bukan (25–100)
    bool rentanComparable = false;
    std::optional<std::int64_t> population;    // as the unit reported it in its latest bundle
    std::int64_t minimumSample = 0;            // Krejcie–Morgan for that population (0: unknown)
    bool sampleSufficient = false;
    std::optional<double> facilityScore;       // 0–100, latest self-assessment the unit sent
    int gapCount = 0;
    std::string facilityAssessedOn;
    std::string fingerprint;                   // the key pinned for the unit ("" for a unit's own store)
    std::int64_t bundles = 0;                  // bundles merged from the unit
};

// Every unit with responses or a merged bundle, ranked. The filter's unitId is ignored.
std::vector<UnitRollup> rollupByUnit(Store& store, const ResponseFilter& f, Weights w = Weights::Exact);

// The facility self-assessment a unit sent in its latest bundle (survey/dashboard/unit_report.hpp
// shape, without evidence bytes), or null.
nlohmann::json unitFacilityReport(Store& store, const std::string& unitId);

} // namespace sw
