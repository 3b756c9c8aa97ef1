#include "survey/national/verification_sqlite.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/national/verdicts_json.hpp"

namespace sw {

std::optional<FacilityClaim> facilityClaim(Store& store, const std::string& unitId) {
    FacilityClaim c;
    c.report = unitFacilityReport(store, unitId);
    if (c.report.is_null()) return std::nullopt;
    c.unit = store.unitById(unitId).value_or(UnitInfo{});
    c.unit.id = unitId;
    sql::Statement st(store.db(), "SELECT m.period_from, m.period_to FROM unit_report r "
                                  "JOIN merged_bundle m ON m.id = r.bundle_id WHERE r.unit_id=?");
    st.bind(1, unitId);
    if (st.step()) {
        c.periodFrom = st.isNull(0) ? "" : st.getText(0);
        c.periodTo = st.isNull(1) ? "" : st.getText(1);
    }
    return c;
}

void saveVerification(Store& store, const Verification& v) {
    sql::Transaction tx(store.db());
    sql::Statement st(store.db(), "INSERT INTO verification(unit_id, claim_assessed_on, visit_date, body, saved_utc) "
                                  "VALUES(?,?,?,?,?) ON CONFLICT(unit_id) DO UPDATE SET claim_assessed_on=excluded.claim_assessed_on, "
                                  "visit_date=excluded.visit_date, body=excluded.body, saved_utc=excluded.saved_utc");
    st.bind(1, v.unitId).bind(2, v.claimAssessedOn).bind(3, v.visit.date).bind(4, verificationToJson(v).dump()).bind(5, v.savedUtc);
    st.run();
    store.logEvent("verification.saved", v.unitId + " " + std::to_string(v.verdicts.size()) + " verdicts, visit " + v.visit.date);
    tx.commit();
}

std::optional<Verification> loadVerification(Store& store, const std::string& unitId) {
    sql::Statement st(store.db(), "SELECT body FROM verification WHERE unit_id=?");
    st.bind(1, unitId);
    if (!st.step()) return std::nullopt;
    return verificationFromJson(nlohmann::json::parse(st.getText(0), nullptr, false));
}

std::vector<Verification> loadVerifications(Store& store) {
    sql::Statement st(store.db(), "SELECT body FROM verification ORDER BY unit_id");
    std::vector<Verification> out;
    while (st.step()) out.push_back(verificationFromJson(nlohmann::json::parse(st.getText(0), nullptr, false)));
    return out;
}

} // namespace sw
