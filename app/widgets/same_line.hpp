// A row of controls that wraps instead of running past the window's edge: shared by the unit
// head's screens and the assessor's view (a narrow or low-density screen, such as 1366×768 at
// 4,5 px/mm, fills a row sooner than the office PC).
#pragma once
#include <imgui.h>

namespace sw::widgets {

// Call after an item: stays on its line when `width` more pixels fit before the right edge,
// otherwise the next item starts a new line. True when it stayed on the line.
inline bool sameLineIfFits(float width, float spacing = -1.0f) {
    const float sp = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + sp + width > right) return false;
    ImGui::SameLine(0, sp);
    return true;
}

} // namespace sw::widgets
