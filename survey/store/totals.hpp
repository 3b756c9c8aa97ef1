// One pass over the responses a filter selects, summed per instrument version and per kelompok
// mask: Σ and n of every packed unsur and HAM position, respondents, fair-treatment answers and
// rows. Any kelompok filter (rentan, bukan, one group) is then answered from the sums without
// another scan, so a report that asks for the unit, its rentan and bukan groups, and the misuse
// count reads the table once per period instead of a dozen times. Responses are append-only, so
// a result stays true while the store's highest rid is unchanged (Store caches it on that key).
#pragma once
#include "survey/skm/skm.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sw {

class Store;
struct Instrument;

struct ResponseTotals {
    struct Sums {
        std::vector<std::pair<std::int64_t, std::int64_t>> skm; // per position: (Σ, n)
        std::vector<std::pair<std::int64_t, std::int64_t>> ham; // per position, 0 = tidak tahu left out
        std::int64_t respondents = 0;                           // rows with at least one unsur answered
        std::int64_t rows = 0;
        std::int64_t adilYes = 0, adilNo = 0;
    };
    // (instrument id, version) → kelompok mask (RentanBit, 0..31) → sums.
    std::map<std::pair<std::string, int>, std::array<Sums, 32>> byVersion;

    // Reads the rows `where` selects (no kelompok condition in it).
    static ResponseTotals scan(Store& store, const std::string& where, const std::vector<std::string>& binds);

    // The masks a ResponseFilter::kelompok value selects (all when none).
    static bool selects(const std::optional<std::string>& kelompok, int mask);

    // Per code, matched through each version's instrument; rows = the rows counted.
    std::vector<UnsurTally> unsur(Store& store, const std::optional<std::string>& kelompok, std::int64_t* respondents) const;
    std::vector<UnsurTally> ham(Store& store, const std::optional<std::string>& kelompok) const;
    Sums total(const std::optional<std::string>& kelompok) const; // respondents, rows, adil (positions left empty)
};

} // namespace sw
