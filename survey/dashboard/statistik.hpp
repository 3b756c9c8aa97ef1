// Figures a unit head or assessor sees, computed from the store with the SKM arithmetic.
// One code path for the dashboard, the CLI, exports and tests (survey/RULES.md "How data flows" 4).
#pragma once
#include "survey/store/store.hpp"
#include "survey/store/totals.hpp"

namespace sw {

// The HAM accessibility module scored like the SKM: NRR per item over those who used it
// ("tidak tahu / tidak menggunakan" excluded), index = mean of item NRR × 25 (25–100).
struct AksesibilitasResult {
    std::vector<UnsurScore> items;
    double index = 0;                 // 25–100; 0 when nobody rated anything
    bool any = false;
    std::int64_t adilYes = 0;         // "diperlakukan adil tanpa diskriminasi"
    std::int64_t adilNo = 0;
};

// Are vulnerable citizens served as well as everyone else? gap = rentan − bukan
// (negative: kelompok rentan rate the service lower).
struct RentanGap {
    SkmResult rentan;
    SkmResult bukan;
    AksesibilitasResult aksesRentan;
    AksesibilitasResult aksesBukan;
    double ikmGap = 0;                // on the 25–100 scale
    double aksesGap = 0;
    bool comparable = false;          // both groups have respondents
};

// The accessibility arithmetic over per-item tallies (items nobody rated keep n = 0 and are left
// out of the index). Shared by aksesibilitasFor and the dashboard's columnar path.
AksesibilitasResult scoreAksesibilitas(const std::vector<UnsurTally>& tallies);

// From tallies already summed (a unit's store, or an assessor's daily tallies over a period):
// the one path every figure takes. `kelompok` as ResponseFilter::kelompok.
SkmResult skmOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                const std::optional<std::string>& kelompok, Weights w = Weights::Exact);
AksesibilitasResult aksesibilitasOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                    const std::optional<std::string>& kelompok);
RentanGap rentanGapOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in, Weights w = Weights::Exact);

SkmResult skmFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w = Weights::Exact);
// Rows `f` selects that are flagged as suspected misuse (left out of every score, counted apart),
// counted without reading their answers.
std::int64_t misuseCount(Store& store, const ResponseFilter& f);
// The SKM of each of several periods (a chart's months or weeks), in one pass over the rows
// (ResponseTotals::scanBuckets) instead of one per period; each equal to skmFor over its dates.
std::vector<SkmResult> skmForBuckets(Store& store, const Instrument& in, const ResponseFilter& f,
                                     const std::vector<std::pair<std::string, std::string>>& bucketDays,
                                     Weights w = Weights::Exact);
AksesibilitasResult aksesibilitasFor(Store& store, const Instrument& in, const ResponseFilter& f);
RentanGap rentanGapFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w = Weights::Exact);

} // namespace sw
