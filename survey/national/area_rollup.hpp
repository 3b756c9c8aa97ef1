// Roll-ups above the unit: by kabupaten/kota (the unit's Kemendagri code, "36.04"), by
// province (its first two digits, "36" Banten) and by Kanwil (the regional office covering that
// province, survey/national/kanwil_map.hpp), for the Kanwil and the ministry, read from the
// units' tallies. An area's IKM pools its units' respondents (Σ and n of every unsur added, then
// the regulation's arithmetic once); the mean of its units' IKM and how many units have each mutu
// are shown beside it, since a few large units would otherwise speak for all.
#pragma once
#include "survey/bundle/rollup.hpp"
#include "survey/national/kanwil_map.hpp"

#include <array>
#include <string>
#include <vector>

namespace sw {

enum class AreaLevel { KabKota, Province, Kanwil };

struct AreaRollup {
    int rank = 0;                    // 1 = best pooled IKM; areas without a complete IKM last
    std::string code;                // "36.04", "36", "kanwil-36"; "" for units without a kode wilayah
                                     // (or, by Kanwil, in a province no Kanwil covers)
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

// The area code of a unit at that level ("" when the unit has no code). The Kanwil level needs
// the map; without one every unit is in no Kanwil.
std::string areaCode(const UnitInfo& u, AreaLevel level, const KanwilMap* kanwil = nullptr);
bool parseAreaLevel(const std::string& text, AreaLevel& level);   // "kabkota" | "province" | "kanwil"

std::vector<AreaRollup> rollupByArea(const std::vector<UnitTally>& units, const LayoutLookup& layouts, const Instrument& in,
                                     AreaLevel level, Weights w = Weights::Exact, const KanwilMap* kanwil = nullptr);

} // namespace sw
