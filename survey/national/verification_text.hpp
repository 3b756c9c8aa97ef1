// The words a verification is printed in, shared by the command line, the berita acara and the
// screens: status and verdict words, the weights line (every output names them: no weights are
// published, survey/RULES.md "Criteria as data") and coverage.
#pragma once
#include "survey/national/verification.hpp"

#include <string>

namespace sw {

std::string statusWord(FacilityStatus s);                     // "Ada" | "Proses" | "Tidak" | "belum diisi"
std::string itemNameOf(const FacilityChecklist& c, const std::string& item);   // Indonesian name (petugas siaga too)
// "Bobot (konfigurasi, tidak ada bobot resmi): Aksesibilitas 30, …"
std::string weightsLine(const FacilityChecklist& c);
// "kriteria 4 dari 5 — belum lengkap", "kriteria 5 dari 5"; with items: ", butir terverifikasi 12 dari 15".
std::string coverageText(const VerificationCoverage& cov, bool withItems);
// "2026-07-01 – 2026-09-30", or "semua data yang dikirim" when the bundle named no period.
std::string claimPeriodText(const FacilityClaim& claim);
// "72,50" or "-" when no criterion has data.
std::string scoreText(const FacilityScore& s);
// "Ada → Tidak (Tidak sesuai): note", "Ada → belum diisi (Perlu klarifikasi): note"
std::string differenceText(const FacilityChecklist& c, const ItemDifference& d);

} // namespace sw
