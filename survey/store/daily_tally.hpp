// Tallies in a store (schema 9, table daily_tally; schema 12, period_tally): one row per unit, local
// day (month, year), instrument version and kelompok mask with the sums ResponseTotals keeps,
// misuse rows counted apart. An assessor's roll-up over any period adds the tallies that cover it
// (survey/store/tally_spans.hpp) instead of reading every response (README "The national store");
// the figures are the same to the last digit, since every layer counts a response with
// ResponseTotals::count.
//
// Responses are append-only, so tally_mark.rid says how far the tallies go: refreshTallies (a
// writer; merge runs it in its transaction) tallies the rows after it, and a reader counts those
// rows on the fly, so a read-only store that nobody refreshed is exact too.
#pragma once
#include "survey/store/store.hpp"
#include "survey/store/totals.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace sw {

// One unit's tallies over a period.
struct PeriodTotals {
    ResponseTotals totals;       // rows not flagged as misuse
    std::int64_t misuse = 0;     // rows flagged as misuse
};

// Brings daily_tally and period_tally up to date with every response. Call inside the writer's transaction.
void refreshTallies(Store& store);

// Tallies rows as a writer inserts them, so that a merge of millions need not read them back.
// Inside the writer's transaction: construct (it first tallies any rows after the mark), count()
// each row inserted, keep() or drop() the rows counted since the last call as their savepoint is
// released or rolled back, and write() before the commit: the tallies then cover every row.
class TallyCounter {
public:
    explicit TallyCounter(Store& store);
    ~TallyCounter();
    TallyCounter(const TallyCounter&) = delete;
    TallyCounter& operator=(const TallyCounter&) = delete;

    void count(std::string_view unitId, const PackedRow& row);
    void keep();
    void drop();
    void write();

private:
    struct Cells;
    Store& store_;
    std::unique_ptr<Cells> kept_, pending_;
};
// Schema 11 → 12: the month and year layers filled from daily_tally (survey/store/migrations.cpp).
void fillPeriodTallies(sql::Database& db);
// Per unit id, the tallies of [from, to] (local dates, inclusive; empty = open) summed.
std::map<std::string, PeriodTotals> talliesByUnit(Store& store, const std::optional<std::string>& from,
                                                  const std::optional<std::string>& to);

// A tally's Σ/n pairs as stored: "Σ:n" per position, comma-separated ("12:3,0:0,7:2").
std::string encodeSums(const std::vector<std::pair<std::int64_t, std::int64_t>>& sums);
// Adds the stored pairs into `to`; throws StoreError(Corrupt) on anything but that form.
void addEncodedSums(std::vector<std::pair<std::int64_t, std::int64_t>>& to, std::string_view text);

} // namespace sw
