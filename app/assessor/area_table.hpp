// The roll-up above the unit in the assessor's view: provinces or kabupaten/kota as a table, each
// with its pooled IKM and mutu, the mean of its units' IKM and how many units have each mutu, the
// accessibility index and the kelompok-rentan gap; "Open" drills into the area.
#pragma once
#include "survey/base/translations.hpp"
#include "survey/delivery/unit_deliveries.hpp"
#include "survey/national/area_rollup.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::assessor {

// Returns the code of the area whose "Open" was pressed this frame. `pxPerMm`: the display's
// density (the name column's least width is in millimetres).
std::optional<std::string> drawAreaTable(const std::vector<AreaRollup>& areas, const Translations& tr, const std::string& lang, float pxPerMm);

// [SECTION] Delivery: per unit, the last bundle received and a flag for units silent longer than
// the limit (survey/delivery/unit_deliveries.hpp); strings from assets/i18n/delivery.json.
void drawUnitDeliveries(const std::vector<UnitDelivery>& units, int silentDays, int utcOffsetMinutes, const std::string& lang);

} // namespace sw::assessor
