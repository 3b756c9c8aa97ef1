// Roll-ups above the unit: by kabupaten/kota (the unit's Kemendagri code, "36.04") and by
// province (its first two digits, "36" Banten), for the Kanwil and the ministry, read from the
// units' tallies. An area's IKM pools its units' respondents (Σ and n of every unsur added, then
// the regulation's arithmetic once); the mean of its units' IKM and how many units have each mutu
// are shown beside it, since a few large units would otherwise speak for all.
#pragma once
#include "survey/bundle/rollup.hpp"

#include <array>
#include <string>
#include <vector>

namespace sw {

enum class AreaLevel { KabKota, Province };

struct AreaRollup {
    int rank = 0;                    // 1 = best pooled IKM; areas without a complete IKM last
    std::string code;                // "36.04", "36"; "" for units without a kode wilayah
    std::string name;                // as the units name it (kabupaten/kota, province)
    int units = 0;                   // units known in the area
    int reporting = 0;               // units with respondents in the period
    std::array<int, 4> unitsByMutu{};// units with a complete IKM, by mutu A, B, C, D
    double meanUnitIkm = 0;          // mean IKM unit of those units (0 when none)
    SkmResult skm;                   // pooled over every respondent of the area
    AksesibilitasResult akses;
    RentanGap gap;
    std::int64_t misuse = 0;
    bool demo = false;               // a demo unit is among them
};

// The Kemendagri area code of a unit at that level ("" when the unit has no code).
std::string areaCode(const UnitInfo& u, AreaLevel level);
bool parseAreaLevel(const std::string& text, AreaLevel& level);   // "kabkota" | "province"

std::vector<AreaRollup> rollupByArea(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                     AreaLevel level, Weights w = Weights::Exact);

} // namespace sw
