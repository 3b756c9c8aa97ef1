// The mutu palette (survey/skm/skm.hpp mutuRgb) as ImGui colours, for every screen that shows a grade.
#pragma once
#include "survey/skm/skm.hpp"

#include <imgui.h>

namespace sw::widgets {

inline ImVec4 mutuColourVec(Mutu m) {
    const MutuRgb c = mutuRgb(m);
    return ImVec4(c.r, c.g, c.b, 1.0f);
}
inline ImU32 mutuColour(Mutu m) { return ImGui::ColorConvertFloat4ToU32(mutuColourVec(m)); }

} // namespace sw::widgets
