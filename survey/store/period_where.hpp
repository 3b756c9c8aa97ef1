// The SQL filter for one pass over a period's responses, with the way SQLite should read them.
// Without statistics (this SQLite has no STAT4, and read-only commands write no ANALYZE), SQLite
// reads any date range through the response_by_date index and fetches each row by its rid. For a
// range holding most of the store that is ten times slower than walking the table (a year of a
// 1,000,000-response store: 1,5 s against 0,16 s, both memory-mapped, pages in memory). So when the period covers
// a large share of the days the store spans, the date conditions are written so the index is not
// used; a short period in a long-lived store (an assessor's day or month) still reads by index.
#pragma once
#include "survey/store/store.hpp"

#include <string>
#include <vector>

namespace sw {

// Above this share of the store's days, walking the table is cheaper than the index: on a unit's
// store of 1,000,000 responses, 0,11 µs a row walked against 1,5 µs a row fetched by index, so
// they cost the same near 7 % (a month of a year's store, 8 %: 0,11 s walked, 0,12 s by index).
inline constexpr double kWalkTableAboveShare = 0.07;

// responseWhere(f, binds), with the date conditions kept off the index when the period covers
// more than kWalkTableAboveShare of the days between the store's first and last response. Filters
// by unit or service keep their plan (their own index or a small share).
std::string periodWhere(Store& store, const ResponseFilter& f, std::vector<std::string>& binds);

} // namespace sw
