// Which verified units the Kanwil can recommend for the P2HAM predikat, and why each can or cannot.
// No pass mark or weights are published (survey/RULES.md "Criteria as data"): both are
// configuration, and every output names them (predikatRuleLine, weightsLine).
#pragma once
#include "survey/national/assessor_store.hpp"

#include <string>
#include <vector>

namespace sw {

struct PredikatRule {
    double passMark = 75;             // the verified score a unit must reach (0–100); a Kanwil's choice
    bool requireComplete = true;      // every criterion scored (the "belum lengkap" rule)
    bool noClarificationOpen = true;  // no item still "Perlu klarifikasi"
    int blockingPriority = 1;         // a "Tidak sesuai" on an item of this priority or more urgent blocks
};

struct PredikatStanding {
    UnitInfo unit;
    bool ready = false;
    double verified = 0;
    std::string verifiedText;         // "81,25" or "-"
    std::vector<std::string> reasons; // each condition, met or not, in words
};

// "Batas lulus 75 (konfigurasi, tidak ada batas resmi); semua kriteria dinilai; …"
std::string predikatRuleLine(const PredikatRule& r);
PredikatStanding predikatStanding(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v, const PredikatRule& r);
// Every verified unit: ready ones first, then by verified score, highest first.
std::vector<PredikatStanding> predikatList(AssessorStore& store, const FacilityChecklist& c, const PredikatRule& r);

} // namespace sw
