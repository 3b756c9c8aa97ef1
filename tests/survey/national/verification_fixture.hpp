// A unit whose facility self-assessment claims every checklist item Ada (F10 with evidence and
// passing ramp measures), petugas siaga Ada, no kepatuhan and no kiosk index — so the scores are
// easy to compute by hand — its bundle merged into an assessor's store, and verdict files.
#pragma once
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/national/assessor_store.hpp"

namespace swtest {

inline std::string unitClaimingAda(const TempDir& d, const std::string& id) {
    const std::string db = d.file(id + ".db");
    fillUnit(db, id, 20, static_cast<std::uint64_t>(id.size()));
    sw::Store unit(db);
    const sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
    sw::FacilityAssessment a;
    a.checklistId = cl.id;
    a.checklistVersion = cl.version;
    a.assessedOn = sw::localDate(sw::nowUtc() - 90 * 86400, 420); // before the responses end: the bundle carries it
    a.assessor = "Kepala " + id;
    for (const auto& item : cl.items) a.items[item.code].status = sw::FacilityStatus::Ada;
    a.items["F10"].measures["ramp_slope_inside"] = 5.5;
    a.items["F10"].evidence.push_back(sw::importEvidenceBytes(unit, "ramp.png", pngBytes(80, 60)).id);
    a.items["F03"].measures["toilet_door"] = 92;
    a.petugas = sw::FacilityStatus::Ada;
    sw::saveAssessment(unit, a);
    sw::BundleOptions o;
    o.facility = sw::facilityForBundle(unit, o.filter);
    const std::string out = d.file(id + ".swb");
    sw::exportBundle(unit, sw::UnitKey::loadOrCreate(unit), out, o);
    return out;
}

inline void mergeInto(sw::AssessorStore& s, const std::string& bundle) {
    for (const auto& r : s.mergeFiles({bundle}, sw::KeyPolicy::EnrollNew))
        if (!r.outcome) throw std::runtime_error("merge refused: " + r.error);
}

// Every item Terverifikasi except those in `others` (item → verdict JSON object).
inline std::string verdictsJson(const std::string& unit, const nlohmann::json& others) {
    const sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : cl.items) {
        nlohmann::json v = others.contains(item.code) ? others[item.code] : nlohmann::json{{"verdict", "terverifikasi"}};
        v["item"] = item.code;
        list.push_back(v);
    }
    list.push_back({{"item", "petugas_siaga"}, {"verdict", "terverifikasi"}});
    return nlohmann::json{{"format", "suarawarga-verdicts"},
                          {"format_version", 1},
                          {"unit", unit},
                          {"visit", {{"date", "2026-11-20"}, {"assessors", {"Budi Santoso", "Sari Dewi"}}, {"seen", "Ramp depan diukur ulang."}}},
                          {"verdicts", list}}
        .dump(2);
}

} // namespace swtest
