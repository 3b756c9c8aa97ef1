#include "survey/delivery/unit_deliveries.hpp"

#include "survey/base/sqlite.hpp"

#include <algorithm>

namespace sw {

std::vector<UnitDelivery> unitDeliveries(Store& kanwil, std::int64_t now, int silentDays) {
    sql::Statement st(kanwil.db(),
                      "WITH ids(unit_id) AS (SELECT unit_id FROM merged_bundle UNION SELECT unit_id FROM trusted_key) "
                      "SELECT ids.unit_id, coalesce(u.name, ''), max(b.merged_utc), count(b.id), coalesce(sum(b.added), 0) "
                      "FROM ids LEFT JOIN unit u ON u.id = ids.unit_id LEFT JOIN merged_bundle b ON b.unit_id = ids.unit_id "
                      "GROUP BY ids.unit_id");
    std::vector<UnitDelivery> out;
    const std::int64_t limit = static_cast<std::int64_t>(silentDays) * 86400;
    while (st.step()) {
        UnitDelivery d;
        d.unitId = st.getText(0);
        d.name = st.getText(1);
        if (!st.isNull(2)) d.lastBundleUtc = st.getInt(2);
        d.bundles = st.getInt(3);
        d.responses = st.getInt(4);
        d.silent = !d.lastBundleUtc || now - *d.lastBundleUtc > limit;
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const UnitDelivery& a, const UnitDelivery& b) {
        if (a.silent != b.silent) return a.silent;
        if (a.silent && a.lastBundleUtc != b.lastBundleUtc) return a.lastBundleUtc.value_or(0) < b.lastBundleUtc.value_or(0);
        return a.unitId < b.unitId;
    });
    return out;
}

} // namespace sw
