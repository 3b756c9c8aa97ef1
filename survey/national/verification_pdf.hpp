// The berita acara (verification minutes) of one unit as an A4 PDF: the unit, the period, the
// self-assessment verified, the visit and its assessors, each item's claim and verdict with notes,
// re-measured values and evidence thumbnails, the self-assessed and verified scores with the
// weights and coverage, and signature lines. Indonesian, as the document is filed. Written
// atomically (survey/base/atomic_file.hpp).
#pragma once
#include "survey/national/verification.hpp"

#include <string>

namespace sw {

// `kanwil`: who issues it (the store's name or the Kanwil's), printed in the footer.
void writeBeritaAcaraPdf(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v, const std::string& kanwil,
                         const std::string& path);

} // namespace sw
