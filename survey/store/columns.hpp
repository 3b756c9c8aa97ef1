// A compact in-memory columnar snapshot of the store's responses, one byte per answer, so the
// unit head's dashboard can recompute every figure over a million responses in milliseconds.
// Loaded once from SQLite, then topped up incrementally by rowid (refresh). Every dashboard
// figure is computed from this — one code path for the dashboard, the CLI, tests and benchmarks.
//
// Columns are laid out against one instrument (the unit's current one): answers are matched by
// unsur/HAM code, never by position (survey/RULES.md "Unsur"), so responses of older versions with the same codes
// count with the new ones.
#pragma once
#include "survey/instrument/instrument.hpp"
#include "survey/response/packing.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace sw {

class Store;

// ResponseColumns::rentan holds RentanBit masks (response_packing.hpp).

// Bits of ResponseColumns::flags.
enum ResponseFlag : std::uint8_t {
    kFlagMisuse = 1,
    kFlagAdilYes = 2,
    kFlagAdilNo = 4,
    kFlagComment = 8,
};

constexpr std::uint8_t kNoAnswer = 0;     // unsur not answered (values are 1..4)
constexpr std::uint8_t kHamNotAsked = 255; // HAM item absent (0 = tidak tahu, 1..4 a rating)
constexpr std::uint8_t kNoOption = 255;    // service or profile field not given / unknown code

struct ResponseColumns {
    // Layout, from the instrument.
    std::vector<std::string> unsurCodes;
    std::vector<std::string> hamCodes;
    std::vector<std::string> serviceCodes;
    std::vector<std::string> profileFields;
    std::vector<std::vector<std::string>> profileOptions; // per field

    // One entry per response (row r). Row-major blocks for the per-item bytes.
    std::vector<std::int32_t> day;         // the unit's local calendar day (days since 1970-01-01)
    std::vector<std::uint16_t> minute;     // local minute of the day 0..1439
    std::vector<std::uint8_t> service;     // index into serviceCodes, or kNoOption
    std::vector<std::uint8_t> unsur;       // rows × unsurCodes.size(): 1..4 or kNoAnswer
    std::vector<std::uint8_t> ham;         // rows × hamCodes.size(): 0..4 or kHamNotAsked
    std::vector<std::uint8_t> rentan;      // RentanBit mask
    std::vector<std::uint8_t> flags;       // ResponseFlag mask
    std::vector<std::uint8_t> profile;     // rows × profileFields.size(): option index or kNoOption
    std::vector<std::uint32_t> byTime;     // row indices sorted by (day, minute): the newest last

    std::int64_t lastRid = 0;              // the highest store rowid loaded

    std::size_t rows() const { return day.size(); }
    std::size_t unsurCount() const { return unsurCodes.size(); }
    std::size_t hamCount() const { return hamCodes.size(); }
    std::size_t profileCount() const { return profileFields.size(); }

    // An empty snapshot laid out for `in`.
    static ResponseColumns layoutFor(const Instrument& in);
    // Everything in the store (misuse-flagged responses too: they carry kFlagMisuse).
    static ResponseColumns load(Store& store, const Instrument& in);
    // Appends the responses with rowid > lastRid. Returns how many were added.
    std::size_t refresh(Store& store);

    // Appends one row (tests, simulation in memory). `response` codes are matched by the layout.
    void appendRow(std::int32_t localDay, std::uint16_t localMinute, std::uint8_t serviceIdx,
                   const std::uint8_t* unsurValues, const std::uint8_t* hamValues, std::uint8_t rentanMask,
                   std::uint8_t flagMask, const std::uint8_t* profileValues);
    // Restores byTime after rows were appended out of time order.
    void sortByTime();
    void reserve(std::size_t n);
};

} // namespace sw
