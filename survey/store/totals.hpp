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
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sw {

class Store;
struct ResponseFilter;
struct Instrument;
class PackedLayout;

// The layout of an instrument version, wherever the versions are kept (a unit's store, an
// assessor's file or PostgreSQL store); null when unknown.
using LayoutLookup = std::function<std::shared_ptr<const PackedLayout>(const std::string& id, int version)>;

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
    // One pass for many periods (a chart's months or weeks): the rows `f` selects between the first
    // bucket's first day and the last bucket's last day, each counted into the bucket holding its
    // local date. `bucketDays` are inclusive (from, to) local dates, ascending and not overlapping.
    // Equal, bucket by bucket, to scan() over each bucket's dates.
    static std::vector<ResponseTotals> scanBuckets(Store& store, const ResponseFilter& f,
                                                   const std::vector<std::pair<std::string, std::string>>& bucketDays);

    // The masks a ResponseFilter::kelompok value selects (all when none).
    static bool selects(const std::optional<std::string>& kelompok, int mask);

    // Per code, matched through each version's instrument; rows = the rows counted.
    std::vector<UnsurTally> unsur(Store& store, const std::optional<std::string>& kelompok, std::int64_t* respondents) const;
    std::vector<UnsurTally> ham(Store& store, const std::optional<std::string>& kelompok) const;
    std::vector<UnsurTally> unsur(const LayoutLookup& layouts, const std::optional<std::string>& kelompok,
                                  std::int64_t* respondents) const;
    std::vector<UnsurTally> ham(const LayoutLookup& layouts, const std::optional<std::string>& kelompok) const;
    // Adds another's sums (another day, another unit): tallies of a period are the sum of its days'.
    void add(const ResponseTotals& other);
    static void addSums(Sums& to, const Sums& from);
    // One response's packed answers (survey/response/packing.hpp) counted into `s`, as scan counts them.
    static void count(Sums& s, std::string_view skm, std::string_view ham, std::optional<bool> adil);
    Sums total(const std::optional<std::string>& kelompok) const; // respondents, rows, adil (positions left empty)
};

// The tallies of `in`'s unsur (HAM items), in its order, named, by code across versions; an item
// nobody answered still appears with n = 0. What the SKM arithmetic (survey/skm) is given.
std::vector<UnsurTally> unsurInOrder(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                     const std::optional<std::string>& kelompok, std::int64_t* respondents);
std::vector<UnsurTally> hamInOrder(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                   const std::optional<std::string>& kelompok);

} // namespace sw
