// The demo unit's mark on the unit head's and the assessor's screens (README "Security model"):
// white on dark red, 8.2:1, and the text says DEMO, so the colour is never the only sign.
#pragma once
#include <imgui.h>

namespace sw::widgets {

constexpr ImU32 kDemoBadgeFill = IM_COL32(0x9B, 0x1C, 0x1C, 255);

// A filled label at the cursor, as tall as a framed widget, so it sits on a row of buttons.
inline void demoBadge(const char* text) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 q(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, q, kDemoBadgeFill, ImGui::GetStyle().FrameRounding);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32(255, 255, 255, 255), text);
    ImGui::Dummy(ImVec2(q.x - p.x, q.y - p.y));
}

// Its width, to decide whether it still fits on the line.
inline float demoBadgeWidth(const char* text) { return ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2; }

} // namespace sw::widgets
