// A dated P2HAM facility self-assessment against a checklist (survey/facility/checklist.hpp): per item
// Ada / Proses / Tidak with a note, measured values, evidence; petugas siaga; kepatuhan per
// service. Scored per criterion with the checklist's weights, plus a prioritised gap list naming
// the rule each gap comes from. Every save is a new dated row; earlier assessments stay readable.
//
// Index of this file
//   [SECTION] The assessment
//   [SECTION] Scoring and the gap list
//   [SECTION] Storage
#pragma once
#include "survey/facility/checklist.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

class Store;

// [SECTION] The assessment

enum class FacilityStatus { Unset, Ada, Proses, Tidak };
const char* facilityStatusCode(FacilityStatus s);           // "", "ada", "proses", "tidak"
FacilityStatus parseFacilityStatus(const std::string& code); // unknown → Unset

struct FacilityAnswer {
    FacilityStatus status = FacilityStatus::Unset;
    std::string note;
    std::map<std::string, double> measures;   // measure code → measured value
    std::vector<std::int64_t> evidence;       // evidence ids (survey/facility/evidence.hpp)
};

struct FacilityAssessment {
    std::int64_t id = 0;                      // 0 until saved
    std::string checklistId;
    int checklistVersion = 0;
    std::string assessedOn;                   // local date "YYYY-MM-DD"
    std::int64_t createdUtc = 0;
    std::string assessor;
    std::map<std::string, FacilityAnswer> items;   // item code → answer
    FacilityStatus petugas = FacilityStatus::Unset; // Ada / Tidak
    std::string petugasStaff;                 // who is on duty
    std::map<std::string, std::string> kepatuhan;  // service code → level code
    std::string note;
    std::optional<double> citizenIndex;       // the kiosk's accessibility index (25–100) at the time
};

// [SECTION] Scoring and the gap list

struct CriterionScore {
    std::string code;
    double weight = 0;
    double score = 0;                         // 0–100
    bool hasData = false;                     // criteria without data are left out of the total
    int answered = 0, total = 0;
};

struct FacilityGap {
    enum class Kind { Missing, MeasureFails, InProgress, Unanswered, PetugasMissing, KepatuhanLow };
    Kind kind;
    std::string item;                         // item code (or service code for KepatuhanLow)
    std::string measure;                      // MeasureFails
    double value = 0, limit = 0;              // MeasureFails
    std::string level;                        // KepatuhanLow: the level code
    std::string criterion;
    std::string source;                       // the rule it comes from (RuleSource code)
    int priority = 2;
};

// How many of the checklist's criteria the score stands on. A score over some criteria only is
// "belum lengkap": shown with its coverage, never ranked above or coloured as well as a complete
// one (survey/RULES.md "Facility score").
struct FacilityCoverage {
    int assessed = 0, total = 0;
    bool complete() const { return total > 0 && assessed == total; }
};

struct FacilityScore {
    std::vector<CriterionScore> criteria;     // in the checklist's order
    double total = 0;                         // weighted mean over criteria with data, 0–100
    FacilityCoverage coverage;
    std::vector<FacilityGap> gaps;            // most urgent first
};

// citizenIndex: sw::aksesibilitasFor(...).index (25–100) when the kiosk has data, else nullopt.
FacilityScore scoreFacility(const FacilityChecklist& c, const FacilityAssessment& a,
                            const std::vector<std::string>& services);

// [SECTION] Storage

// One transaction; returns the new id. Throws StoreError with nothing written.
std::int64_t saveAssessment(Store& store, const FacilityAssessment& a);
std::optional<FacilityAssessment> loadAssessment(Store& store, std::int64_t id);

struct AssessmentSummary {
    std::int64_t id = 0;
    std::string assessedOn;
    std::int64_t createdUtc = 0;
    std::string assessor;
    int checklistVersion = 0;
};
std::vector<AssessmentSummary> listAssessments(Store& store);   // newest first

} // namespace sw
