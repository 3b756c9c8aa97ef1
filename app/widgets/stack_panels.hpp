// Two panels side by side each scroll on their own. Below a screen's heading on a short screen
// (a 768 or 800 px high screen at 4,5 px/mm and denser; 40 mm on a 1366×768 touchscreen at
// 6,2 px/mm) that leaves two narrow strips, so there the panels stack and the page scrolls as one.
// Shared by the unit head's facility screen and the assessor's unit page.
#pragma once
#include <imgui.h>

namespace sw::widgets {

inline constexpr float kSideBySideLeastMm = 90;   // the least height (mm) panels side by side keep

// True when the panels should stack: less than kSideBySideLeastMm of height is left below the cursor.
inline bool stackPanels(float pxPerMm) { return ImGui::GetContentRegionAvail().y < kSideBySideLeastMm * pxPerMm; }

} // namespace sw::widgets
