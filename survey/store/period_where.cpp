#include "survey/store/period_where.hpp"

#include "survey/base/local_time.hpp"

#include <algorithm>
#include <optional>

namespace sw {

namespace {

std::optional<std::int64_t> dayNumber(const std::string& text) {
    LocalDate d;
    if (!parseDate(text, d)) return std::nullopt;
    return daysFromCivil(d.year, d.month, d.day);
}

// The share of the store's days [first, last] that [from, to] covers; 1 when unknown.
double shareOfDays(Store& store, const ResponseFilter& f) {
    // Two subqueries: SQLite answers a lone min() or max() from the index's ends, but walks the
    // whole index for both in one SELECT.
    sql::Statement st(store.db(), "SELECT (SELECT min(local_date) FROM response), (SELECT max(local_date) FROM response)");
    if (!st.step() || st.isNull(0) || st.isNull(1)) return 1.0;
    const auto first = dayNumber(st.getText(0)), last = dayNumber(st.getText(1));
    if (!first || !last) return 1.0;
    std::int64_t lo = *first, hi = *last;
    if (f.from) {
        const auto from = dayNumber(*f.from);
        if (!from) return 1.0;
        lo = std::max(lo, *from);
    }
    if (f.to) {
        const auto to = dayNumber(*f.to);
        if (!to) return 1.0;
        hi = std::min(hi, *to);
    }
    if (hi < lo) return 0.0;
    return static_cast<double>(hi - lo + 1) / static_cast<double>(*last - *first + 1);
}

} // namespace

std::string periodWhere(Store& store, const ResponseFilter& f, std::vector<std::string>& binds) {
    const bool byDate = (f.from || f.to) && !f.unitId && !f.service;
    if (!byDate || shareOfDays(store, f) <= kWalkTableAboveShare) return responseWhere(f, binds);
    // The same conditions; a unary + makes a column an expression SQLite does not look up in an index.
    ResponseFilter rest = f;
    rest.from.reset();
    rest.to.reset();
    std::string w = responseWhere(rest, binds);
    if (f.from) {
        w += " AND +r.local_date>=?";
        binds.push_back(*f.from);
    }
    if (f.to) {
        w += " AND +r.local_date<=?";
        binds.push_back(*f.to);
    }
    return w;
}

} // namespace sw
