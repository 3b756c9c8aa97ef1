#include "survey/national/verification_text.hpp"

#include "survey/base/number.hpp"

namespace sw {

std::string statusWord(FacilityStatus s) {
    switch (s) {
    case FacilityStatus::Ada: return "Ada";
    case FacilityStatus::Proses: return "Proses";
    case FacilityStatus::Tidak: return "Tidak";
    case FacilityStatus::Unset: break;
    }
    return "belum diisi";
}

std::string itemNameOf(const FacilityChecklist& c, const std::string& item) {
    if (item == kPetugasItem) return c.petugasName.in("id");
    const FacilityItem* it = c.findItem(item);
    return it ? it->name.in("id") : item;
}

std::string weightsLine(const FacilityChecklist& c) {
    std::string s = "Bobot (konfigurasi " + c.id + " v" + std::to_string(c.version) + ", tidak ada bobot resmi): ";
    for (std::size_t i = 0; i < c.criteria.size(); ++i)
        s += (i ? ", " : "") + c.criteria[i].name.in("id") + " " + formatNumber(c.criteria[i].weight, 0, "id");
    return s;
}

std::string coverageText(const VerificationCoverage& cov, bool withItems) {
    std::string s = "kriteria " + std::to_string(cov.criteriaWithData) + " dari " + std::to_string(cov.criteria);
    if (!cov.complete()) s += " — belum lengkap";
    if (withItems) s += ", butir terverifikasi " + std::to_string(cov.itemsVerified) + " dari " + std::to_string(cov.items);
    return s;
}

std::string claimPeriodText(const FacilityClaim& claim) {
    if (claim.periodFrom.empty() && claim.periodTo.empty()) return "semua data yang dikirim";
    return claim.periodFrom + " – " + claim.periodTo;
}

std::string scoreText(const FacilityScore& s) { return s.coverage.assessed > 0 ? formatNumber(s.total, 2, "id") : "-"; }

std::string differenceText(const FacilityChecklist& c, const ItemDifference& d) {
    std::string s = d.item + " " + itemNameOf(c, d.item) + ": " + statusWord(d.claimed) + " → " + statusWord(d.verified) + " (" +
                    (d.hasVerdict ? verdictLabel(d.verdict) : "belum diverifikasi") + ")";
    for (const std::string& m : d.failingMeasures) s += ", " + m + " tidak memenuhi Permen PUPR 14/2017";
    if (!d.note.empty()) s += ": " + d.note;
    return s;
}

} // namespace sw
