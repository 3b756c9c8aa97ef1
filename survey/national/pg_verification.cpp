#include "survey/national/pg_verification.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/evidence.hpp"
#include "survey/national/verdicts_json.hpp"

namespace sw::pg {

std::optional<FacilityClaim> facilityClaim(Connection& c, const std::string& unitId) {
    Result r = c.query("SELECT rep.facility, b.period_from, b.period_to, u.name, u.instansi, u.kabupaten, u.province, "
                       "u.utc_offset_min, u.kode_wilayah, u.demo, u.id IS NOT NULL "
                       "FROM unit_report rep LEFT JOIN merged_bundle b ON b.unit_id = rep.unit_id AND b.id = rep.bundle_id "
                       "LEFT JOIN unit u ON u.id = rep.unit_id WHERE rep.unit_id = $1",
                       {unitId});
    if (r.rows() == 0 || r.isNull(0, 0)) return std::nullopt;
    FacilityClaim claim;
    claim.report = nlohmann::json::parse(r.text(0, 0), nullptr, false);
    if (!claim.report.is_object()) return std::nullopt;
    claim.report = withoutEvidenceBytes(std::move(claim.report));
    if (!r.isNull(0, 1)) claim.periodFrom = r.str(0, 1);
    if (!r.isNull(0, 2)) claim.periodTo = r.str(0, 2);
    claim.unit.id = unitId;
    if (r.text(0, 10) == "t") {
        claim.unit.name = r.str(0, 3);
        claim.unit.instansi = r.str(0, 4);
        claim.unit.kabupaten = r.str(0, 5);
        claim.unit.province = r.str(0, 6);
        claim.unit.utcOffsetMinutes = static_cast<int>(r.integer(0, 7));
        claim.unit.kodeWilayah = r.str(0, 8);
        claim.unit.demo = r.text(0, 9) == "t";
    }
    return claim;
}

void saveVerification(Connection& c, const Verification& v) {
    Transaction tx(c);
    c.query("INSERT INTO verification(unit_id, claim_assessed_on, visit_date, body, saved_utc) VALUES ($1, $2, $3, $4, $5) "
            "ON CONFLICT (unit_id) DO UPDATE SET claim_assessed_on = excluded.claim_assessed_on, "
            "visit_date = excluded.visit_date, body = excluded.body, saved_utc = excluded.saved_utc",
            {v.unitId, v.claimAssessedOn, v.visit.date, verificationToJson(v).dump(), std::to_string(v.savedUtc)});
    c.query("INSERT INTO event(at_utc, kind, detail) VALUES ($1, 'verification.saved', $2)",
            {std::to_string(nowUtc()), v.unitId + " " + std::to_string(v.verdicts.size()) + " verdicts, visit " + v.visit.date});
    tx.commit();
}

std::optional<Verification> loadVerification(Connection& c, const std::string& unitId) {
    auto body = c.scalar("SELECT body FROM verification WHERE unit_id = $1", {unitId});
    if (!body) return std::nullopt;
    return verificationFromJson(nlohmann::json::parse(*body, nullptr, false));
}

std::vector<Verification> loadVerifications(Connection& c) {
    Result r = c.query("SELECT body FROM verification ORDER BY unit_id COLLATE \"C\"");
    std::vector<Verification> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(verificationFromJson(nlohmann::json::parse(r.text(i, 0), nullptr, false)));
    return out;
}

} // namespace sw::pg
