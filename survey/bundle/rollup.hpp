// The Kanwil assessor's roll-up: every unit in the (merged) store with its IKM, mutu,
// respondents, sample adequacy (Krejcie–Morgan, against the population the unit reported),
// facility score and gap count from its latest bundle, ranked. Read from the daily tallies
// (survey/store/daily_tally.hpp), through the same SKM code path as the unit's own dashboard
// (survey/RULES.md "How data flows" 5), so the figures are the same to the last digit.
#pragma once
#include "survey/dashboard/statistik.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/store/store.hpp"
#include "survey/store/totals.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sw {

// Local dates, inclusive; empty = open.
struct TallyPeriod {
    std::optional<std::string> from;
    std::optional<std::string> to;
};

// One unit over a period, from its tallies and its registry entries.
struct UnitTally {
    UnitInfo unit;
    ResponseTotals totals;                 // responses not flagged as misuse, in the period
    std::int64_t misuse = 0;               // misuse-flagged rows in the period
    std::int64_t bundles = 0;              // bundles merged from the unit (all time)
    std::string fingerprint;               // the key enrolled for the unit ("" when none)
    nlohmann::json facility;               // the latest facility self-assessment (no evidence bytes) or null
    nlohmann::json extra;                  // the latest bundle's other unit data (population…) or null
    std::optional<std::string> reportFrom; // the period of the bundle that carried facility/extra
    std::optional<std::string> reportTo;
};

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
    FacilityCoverage facilityCoverage;         // the criteria that score stands on
    int gapCount = 0;
    std::string facilityAssessedOn;
    std::string fingerprint;                   // the key pinned for the unit ("" for a unit's own store)
    std::int64_t bundles = 0;                  // bundles merged from the unit
};

// An assessor's file store, unit by unit over the period: the tallies and the registry entries
// (AssessorStore::unitTallies for the SQLite file; survey/national).
std::vector<UnitTally> unitTallies(Store& store, const TallyPeriod& period);
// Scores and ranks units from their tallies: best IKM first, units without a complete IKM last.
// `kelompok` as ResponseFilter::kelompok (the tallies keep each response's kelompok mask).
std::vector<UnitRollup> rankUnits(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                  const TallyPeriod& period, const std::optional<std::string>& kelompok = std::nullopt,
                                  Weights w = Weights::Exact);

// Every unit with responses or a merged bundle, ranked. The filter's period and kelompok apply;
// its unitId is ignored, and a service or profile filter is read from the responses themselves.
std::vector<UnitRollup> rollupByUnit(Store& store, const ResponseFilter& f, Weights w = Weights::Exact);

// The facility self-assessment a unit sent in its latest bundle (survey/dashboard/unit_report.hpp
// shape, without evidence bytes), or null.
nlohmann::json unitFacilityReport(Store& store, const std::string& unitId);

} // namespace sw
