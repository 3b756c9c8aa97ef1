#include "survey/national/bundle_receipts.hpp"

#include "survey/base/sqlite.hpp"

namespace sw {

std::vector<BundleReceipt> bundleReceipts(Store& kanwil) {
    sql::Statement st(kanwil.db(),
                      "WITH ids(unit_id) AS (SELECT unit_id FROM merged_bundle UNION SELECT unit_id FROM trusted_key) "
                      "SELECT ids.unit_id, coalesce(u.name, ''), max(b.merged_utc), count(b.id), coalesce(sum(b.added), 0) "
                      "FROM ids LEFT JOIN unit u ON u.id = ids.unit_id LEFT JOIN merged_bundle b ON b.unit_id = ids.unit_id "
                      "GROUP BY ids.unit_id");
    std::vector<BundleReceipt> out;
    while (st.step()) {
        BundleReceipt r;
        r.unitId = st.getText(0);
        r.name = st.getText(1);
        if (!st.isNull(2)) r.lastBundleUtc = st.getInt(2);
        r.bundles = st.getInt(3);
        r.responses = st.getInt(4);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace sw
