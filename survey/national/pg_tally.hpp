// Tallies in the PostgreSQL store (tables daily_tally and period_tally, survey/store/tally_spans.hpp):
// per unit, local day (month, year), instrument version and kelompok mask, the sums ResponseTotals keeps (Σ and n per packed position,
// respondents, rows, adil answers) for the rows not flagged as misuse, and the misuse rows
// counted apart. A merge counts its bundle's new responses in C++ with ResponseTotals::count —
// the very function a unit's own store counts with — and adds them in the same transaction, so a
// roll-up's figures equal a scan of the responses to the last digit.
#pragma once
#include "survey/national/assessor_store.hpp"
#include "survey/national/pg_connection.hpp"

#include <map>
#include <string>
#include <tuple>

namespace sw::pg {

struct TallyKey {
    std::int64_t day = 0;         // local date, days since 1970-01-01
    std::string instrumentId;
    int instrumentVersion = 0;
    int mask = 0;                 // kelompok RentanBit mask, 0..31
    bool operator<(const TallyKey& o) const {
        return std::tie(day, instrumentId, instrumentVersion, mask) < std::tie(o.day, o.instrumentId, o.instrumentVersion, o.mask);
    }
};

struct TallyCell {
    ResponseTotals::Sums sums;    // rows not flagged as misuse
    std::int64_t misuse = 0;      // rows flagged as misuse
};

using DayTallies = std::map<TallyKey, TallyCell>;

// Counts one response into its day's cell.
void countResponse(DayTallies& t, std::int64_t day, const PackedRow& r);
// Adds one unit's cells to daily_tally and to their months and years in period_tally, inside the
// merge's transaction: the cells of those days (months, years) are read and locked (FOR UPDATE), added to in C++ (ResponseTotals::add), and written back in one
// statement. (Adding the arrays in SQL, a function per cell, took longer than the rows' COPY.)
void addTallies(Connection& c, const std::string& unitId, DayTallies t);
// Schema 2 → 3: the month and year layers filled from daily_tally, unit by unit.
void fillPeriodTallies(Connection& c);

// One unit's tallies over a period.
struct UnitSums {
    ResponseTotals totals;
    std::int64_t misuse = 0;
};
// Where the covering tallies are added up: in this program after fetching them in binary (the
// default: array positions cost nothing to read), or in the server (one GROUP BY, a column per
// array position, each position costing about as much as reading the row). Both give the same
// sums; the benchmarks time both (README "The national store").
enum class SumIn { Server, Client };
std::map<std::string, UnitSums> periodTallies(Connection& c, const TallyPeriod& period, SumIn where = SumIn::Client);

} // namespace sw::pg
