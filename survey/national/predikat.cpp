#include "survey/national/predikat.hpp"

#include "survey/base/number.hpp"
#include "survey/national/verification_text.hpp"

#include <algorithm>

namespace sw {

std::string predikatRuleLine(const PredikatRule& r) {
    std::string s = "Syarat rekomendasi (konfigurasi Kanwil, tidak ada batas resmi): skor terverifikasi ≥ " +
                    formatNumber(r.passMark, 2, "id");
    if (r.requireComplete) s += "; semua kriteria dinilai";
    if (r.noClarificationOpen) s += "; tidak ada butir yang masih perlu klarifikasi";
    s += "; tidak ada butir prioritas ≤ " + std::to_string(r.blockingPriority) + " yang tidak sesuai";
    return s;
}

PredikatStanding predikatStanding(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v, const PredikatRule& r) {
    const VerifiedScore s = scoreVerification(c, claim.report, v);
    PredikatStanding p;
    p.unit = claim.unit;
    p.verified = s.verified.total;
    p.verifiedText = scoreText(s.verified);
    bool ok = true;
    auto reason = [&](bool met, const std::string& yes, const std::string& no) {
        ok = ok && met;
        p.reasons.push_back((met ? "✓ " : "✗ ") + (met ? yes : no));
    };
    const std::string mark = formatNumber(r.passMark, 2, "id");
    const bool scored = s.verified.coverage.assessed > 0;
    reason(scored && s.verified.total >= r.passMark, "skor terverifikasi " + p.verifiedText + " ≥ " + mark,
           "skor terverifikasi " + p.verifiedText + " di bawah " + mark);
    if (r.requireComplete)
        reason(s.coverage.complete(), "semua kriteria dinilai (" + coverageText(s.coverage, false) + ")",
               "belum lengkap: " + coverageText(s.coverage, false));
    std::vector<std::string> pending, blocking;
    for (const ItemVerdict& iv : v.verdicts) {
        if (iv.verdict == Verdict::PerluKlarifikasi) pending.push_back(iv.item);
        const FacilityItem* item = c.findItem(iv.item);
        const int priority = item ? item->priority : 1; // petugas siaga is priority 1 in the gap list
        if (iv.verdict == Verdict::TidakSesuai && priority <= r.blockingPriority) blocking.push_back(iv.item);
    }
    auto joined = [](const std::vector<std::string>& xs) {
        std::string out;
        for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + xs[i];
        return out;
    };
    if (r.noClarificationOpen)
        reason(pending.empty(), "tidak ada butir yang perlu klarifikasi", "masih perlu klarifikasi: " + joined(pending));
    reason(blocking.empty(), "tidak ada butir prioritas utama yang tidak sesuai", "tidak sesuai pada butir prioritas utama: " + joined(blocking));
    p.ready = ok;
    return p;
}

std::vector<PredikatStanding> predikatList(AssessorStore& store, const FacilityChecklist& c, const PredikatRule& r) {
    std::vector<PredikatStanding> out;
    for (const Verification& v : store.verifications())
        if (auto claim = store.facilityClaim(v.unitId)) out.push_back(predikatStanding(c, *claim, v, r));
    std::stable_sort(out.begin(), out.end(), [](const PredikatStanding& a, const PredikatStanding& b) {
        return a.ready != b.ready ? a.ready : a.verified > b.verified;
    });
    return out;
}

} // namespace sw
