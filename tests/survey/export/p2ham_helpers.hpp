// Shared by the P2HAM evidence pack tests (tests/survey/export, tests/security): a unit with a
// facility self-assessment and evidence, and the ZIP read back with Info-ZIP's unzip.
#pragma once
#include "skip.hpp"
#include "survey/export/export_helpers.hpp"

#include "survey/facility/assessment.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/evidence.hpp"

#include <map>
#include <string>

namespace swtest {

struct P2hamUnit {
    TempDir dir;
    std::string db = dir.file("unit.db");
    sw::EvidenceInfo ramp, toilet;

    explicit P2hamUnit(bool withAssessment = true) {
        fillUnit(db, "kanim-p", 60, 7, 420, 20);
        if (!withAssessment) return;
        sw::Store store(db);
        const sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
        sw::FacilityAssessment a;
        a.checklistId = cl.id;
        a.checklistVersion = cl.version;
        a.assessedOn = sw::localDate(sw::nowUtc(), 420);
        a.assessor = "Kasubag Umum";
        ramp = sw::importEvidenceBytes(store, "foto ramp.png", pngBytes(120, 80));
        toilet = sw::importEvidenceBytes(store, "toilet.png", pngBytes(90, 90));
        for (const auto& item : cl.items) a.items[item.code].status = sw::FacilityStatus::Ada;
        a.items["F06"].status = sw::FacilityStatus::Tidak;
        a.items["F07"].status = sw::FacilityStatus::Proses;
        a.items["F10"].measures["ramp_width"] = 80; // narrower than 95 cm: fails Permen PUPR 14/2017
        a.items["F10"].evidence = {ramp.id};
        a.items["F10"].note = "Ramp depan";
        a.items["F03"].evidence = {toilet.id, ramp.id};
        a.petugas = sw::FacilityStatus::Ada;
        sw::saveAssessment(store, a);
    }

    // The name an evidence file is stored under, as a hostile bundle could have set it.
    void renameEvidence(std::int64_t id, const std::string& name) const {
        sw::Store store(db);
        sw::sql::Statement st(store.db(), "UPDATE evidence SET file_name=? WHERE id=?");
        st.bind(1, name).bind(2, id).run();
    }
};

inline void requireUnzip() {
    if (!haveTool("unzip")) skipTest("unzip is not installed (third_party/packages.txt)");
}

// One entry's bytes (unzip -p), the name passed as a pattern-free argument.
inline std::string zipEntry(const std::string& zip, const std::string& entry) {
    return shellOutput("unzip -p -C '" + zip + "' '" + entry + "'");
}

// The entry names, one a line (zipinfo -1).
inline std::string zipNames(const std::string& zip) {
    return shellOutput("unzip -Z1 '" + zip + "'");
}

} // namespace swtest
