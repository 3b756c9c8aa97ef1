// The Kanwil's verification of a unit's P2HAM facility self-assessment (README "The assessor
// verifies"): per checklist item a verdict on the unit's claim — Terverifikasi, Tidak sesuai, Perlu
// klarifikasi — with a note and the values re-measured on the visit, and a visit record. The
// verified score is the unit's own scoring (scoreFacility, survey/facility/assessment.hpp) run on
// the claim as verified, so the Kanwil's figure and the unit's can only differ by the verdicts.
//
// Index of this file
//   [SECTION] Verdicts and the visit
//   [SECTION] The verified score
#pragma once
#include "survey/facility/assessment.hpp"
#include "survey/store/store.hpp"   // UnitInfo

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

// [SECTION] Verdicts and the visit

enum class Verdict { Terverifikasi, TidakSesuai, PerluKlarifikasi };
const char* verdictCode(Verdict v);    // "terverifikasi" | "tidak_sesuai" | "perlu_klarifikasi"
const char* verdictLabel(Verdict v);   // "Terverifikasi" | "Tidak sesuai" | "Perlu klarifikasi"
std::optional<Verdict> parseVerdict(const std::string& code);

// The petugas siaga claim is verified like an item, under this code.
inline constexpr const char* kPetugasItem = "petugas_siaga";

struct ItemVerdict {
    std::string item;                           // a checklist item code, or kPetugasItem
    Verdict verdict = Verdict::Terverifikasi;
    // Tidak sesuai: what the visit found instead of the claim (Tidak when not said).
    FacilityStatus found = FacilityStatus::Unset;
    std::string note;
    std::map<std::string, double> measured;     // measure code → value re-measured on the visit
};

struct VisitRecord {
    std::string date;                           // local date "YYYY-MM-DD"
    std::vector<std::string> assessors;         // names, as they sign the berita acara
    std::string seen;                           // what was seen on the visit
};

struct Verification {
    std::string unitId;
    std::string unitName;
    std::string checklistId;
    int checklistVersion = 0;
    std::string claimAssessedOn;                // the self-assessment verified (its date)
    std::string periodFrom, periodTo;           // the period of the bundle that carried it
    VisitRecord visit;
    std::vector<ItemVerdict> verdicts;          // at most one per item, in the checklist's order
    std::int64_t savedUtc = 0;

    const ItemVerdict* find(const std::string& item) const;
};

// What an assessor's store holds of a unit's self-assessment: the report its latest bundle carried
// (survey/dashboard/unit_report.hpp facilityForBundle shape, no evidence bytes) and that bundle's period.
struct FacilityClaim {
    UnitInfo unit;
    nlohmann::json report;
    std::string periodFrom, periodTo;
};

// [SECTION] The verified score

// The unit's claim as its bundle carried it (survey/dashboard/unit_report.hpp facilityForBundle
// shape): statuses, notes, measured values, petugas, kepatuhan, the citizens' index.
FacilityAssessment claimFromReport(const nlohmann::json& report);
// The services the claim's kepatuhan names (the unit's own list is not in the report).
std::vector<std::string> claimServices(const nlohmann::json& report);

// The claim as verified: Terverifikasi keeps the claim (re-measured values replace the unit's);
// Tidak sesuai puts what the visit found (Tidak unless said); Perlu klarifikasi and items with no
// verdict are not credited — left unanswered, as the unit's scoring treats an item not assessed.
FacilityAssessment verifiedAssessment(const FacilityChecklist& c, const FacilityAssessment& claim, const Verification& v);

// An item whose verified standing differs from the claim.
struct ItemDifference {
    std::string item;
    Verdict verdict = Verdict::Terverifikasi;
    bool hasVerdict = false;                    // false: no verdict yet (not credited)
    FacilityStatus claimed = FacilityStatus::Unset, verified = FacilityStatus::Unset;
    std::vector<std::string> failingMeasures;   // re-measured values that fail Permen PUPR 14/2017
    std::string note;
};

// How much of the checklist a score stands on: criteria with data (the unit's "belum lengkap" rule
// — survey/RULES.md "Criteria as data") and, for the verification, items with a verdict.
struct VerificationCoverage {
    int criteriaWithData = 0, criteria = 0;
    int itemsVerified = 0, items = 0;           // Terverifikasi or Tidak sesuai, of checklist items + petugas
    bool complete() const { return criteria > 0 && criteriaWithData == criteria; }
};

struct VerifiedScore {
    FacilityScore self;                         // the claim, scored as the unit scores it
    FacilityScore verified;
    double difference = 0;                      // verified.total − self.total
    VerificationCoverage selfCoverage, coverage;
    std::vector<ItemDifference> differing;      // in the checklist's order
};

VerifiedScore scoreVerification(const FacilityChecklist& c, const nlohmann::json& report, const Verification& v);

} // namespace sw
