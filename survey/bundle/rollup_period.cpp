#include "survey/bundle/rollup_period.hpp"

namespace sw {

std::optional<LocalDate> newestResponseDate(Store& store) {
    // local_date is indexed (response_by_date): max() is one B-tree step.
    sql::Statement st(store.db(), "SELECT max(local_date) FROM response");
    LocalDate d;
    if (!st.step() || st.isNull(0) || !parseDate(st.getText(0), d)) return std::nullopt;
    return d;
}

std::optional<Period> defaultRollupPeriod(Store& store) { return defaultRollupPeriod(newestResponseDate(store)); }

std::optional<Period> defaultRollupPeriod(const std::optional<LocalDate>& newest) {
    if (!newest) return std::nullopt;
    return periodContaining(PeriodKind::Triwulan, *newest);
}

ResponseFilter periodFilter(const std::optional<Period>& p) {
    ResponseFilter f;
    if (p) {
        f.from = formatDate(p->from);
        f.to = formatDate(p->to);
    }
    return f;
}

} // namespace sw
