// Kabupaten/Kota Peduli HAM: per kabupaten/kota, the figures a Bagian Hukum assembles from its
// units (OPD) for the assessment — how many units report, their IKM and mutu, the accessibility
// index and the kelompok-rentan gap (area_rollup.hpp), and P2HAM facility coverage: for each
// checklist item, how many units have it Ada / Proses / Tidak (or not assessed), and how many of
// those back it with evidence (data dukung), from each unit's latest self-assessment.
#pragma once
#include "survey/national/area_rollup.hpp"

#include <string>
#include <vector>

namespace sw {

struct ItemCoverage {
    std::string code;        // checklist item ("F03")
    std::string nameId, nameEn;
    int ada = 0, proses = 0, tidak = 0, notAssessed = 0;
    int withEvidence = 0;    // units whose answer carries at least one evidence file
};

struct PeduliHamArea {
    AreaRollup area;                 // the kabupaten/kota's survey figures
    int unitsWithFacility = 0;       // units that sent a facility self-assessment
    std::vector<ItemCoverage> items; // in checklist order, as the units' reports list them
};

// One entry per kabupaten/kota (Kemendagri code), ranked as rollupByArea ranks them; `only`: just
// that code ("36.04"), or every one when empty.
std::vector<PeduliHamArea> peduliHam(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                     const std::string& only = "", Weights w = Weights::Exact);

} // namespace sw
