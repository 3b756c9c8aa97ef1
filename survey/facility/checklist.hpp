// The P2HAM facility checklist as data (assets/facility/p2ham-checklist-v1.json, versioned): the
// items of Lampiran I Permenkumham 27/2018, measurable accessibility figures of Permen PUPR
// 14/PRT/M/2017, petugas siaga, kepatuhan per service, and the criterion weights. The regulation
// is never hard-coded in logic: a successor rule is a new file (survey/RULES.md "Criteria as data").
//
// Index of this file
//   [SECTION] The checklist (loaded, validated whole with file:line:column errors)
//   [SECTION] Verdicts on measured values
#pragma once
#include "survey/base/text.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

// [SECTION] The checklist

struct RuleSource {
    std::string code;          // "permenkumham_27_2018_l1"
    Text name;                 // "Permenkumham 27/2018 Lampiran I"
    bool olderGuidance = false; // shown as such (e.g. the 60 m parking figure)
};

struct FacilityCriterion {
    std::string code;          // "aksesibilitas" | "sarana_prasarana" | "sdm" | "kepatuhan" | "indeks_warga"
    Text name;
    double weight = 0;         // relative; shown in every report (no published weights — survey/RULES.md "Criteria as data")
};

// A measured figure judged against a limit: `max` → value ≤ limit passes, `min` → value ≥ limit.
struct FacilityMeasure {
    std::string code;          // "ramp_slope_inside"
    Text name;
    std::string unit;          // "°", "cm", "m"
    enum class Rule { Max, Min } rule = Rule::Max;
    double limit = 0;
    std::string source;        // a RuleSource code
    Text note;                 // "1:10", "tanpa kanstin"
};

struct FacilityItem {
    std::string code;          // "F10"
    Text name;
    std::string criterion;     // a FacilityCriterion code
    std::string source;        // a RuleSource code
    int priority = 2;          // 1 = most urgent when missing
    std::vector<FacilityMeasure> measures;
};

struct StatusScore {
    double ada = 100, proses = 50, tidak = 0;
    double measureFail = 50;   // "Ada" but a measured value fails its limit: counted as in progress
};

struct KepatuhanLevel {
    std::string code;          // "patuh" | "cukup_patuh" | "kurang_patuh"
    Text name;
    double score = 0;
};

struct FacilityChecklist {
    std::string id;
    int version = 0;
    Text title;
    std::vector<RuleSource> sources;
    std::vector<FacilityCriterion> criteria;
    std::vector<FacilityItem> items;
    StatusScore scores;
    // Petugas siaga melayani kelompok rentan (Ada/Tidak).
    std::string petugasCriterion = "sdm";
    std::string petugasSource;
    Text petugasName;
    // Kepatuhan petugas terhadap standar pelayanan, per service type.
    std::string kepatuhanCriterion = "kepatuhan";
    std::string kepatuhanSource;
    std::vector<KepatuhanLevel> kepatuhanLevels;
    // The criterion fed by the citizens' own accessibility index (sw::aksesibilitasFor).
    std::string citizenCriterion = "indeks_warga";
    std::string sourceFile;

    const FacilityItem* findItem(const std::string& code) const;
    const RuleSource* findSource(const std::string& code) const;
    const FacilityCriterion* findCriterion(const std::string& code) const;
    const KepatuhanLevel* findLevel(const std::string& code) const;
};

// Throws InstrumentError("file:line:column: what") on any syntax or consistency problem.
FacilityChecklist parseChecklist(const std::string& jsonText, const std::string& fileName);
FacilityChecklist loadChecklist(const std::string& path);
std::string defaultChecklistPath();   // assets/facility/p2ham-checklist-v1.json

// [SECTION] Verdicts

enum class MeasureVerdict { NotMeasured, Pass, Fail };
// Boundaries pass: a 6,00° ramp inside meets "≤ 6°"; 94,9 cm fails "≥ 95 cm" (Permen PUPR 14/2017).
MeasureVerdict judge(const FacilityMeasure& m, std::optional<double> value);

} // namespace sw
