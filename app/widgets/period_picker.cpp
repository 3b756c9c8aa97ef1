#include "app/widgets/period_picker.hpp"

#include <imgui.h>

namespace sw::assessor {

namespace {

// The chosen preset is the view's blue button; the others white, so the choice reads at a glance.
bool presetButton(const std::string& label, bool chosen) {
    if (chosen) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(13, 84, 140, 255));
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(214, 228, 241, 255));
    }
    const bool hit = ImGui::Button(label.c_str());
    ImGui::PopStyleColor(chosen ? 1 : 3);
    return hit;
}

} // namespace

Period presetPeriod(PeriodKind kind, const std::optional<Period>& current, const LocalDate& anchor) {
    const std::int64_t anchorDay = daysFromCivil(anchor.year, anchor.month, anchor.day);
    const LocalDate day = current && current->toDay() < anchorDay ? current->to : anchor;
    return periodContaining(kind, day);
}

bool drawPeriodPicker(std::optional<Period>& period, const LocalDate& anchor, const Translations& tr, const std::string& lang) {
    static const std::pair<PeriodKind, const char*> kinds[] = {{PeriodKind::Month, "assessor.period.month"},
                                                               {PeriodKind::Triwulan, "assessor.period.triwulan"},
                                                               {PeriodKind::Semester, "assessor.period.semester"},
                                                               {PeriodKind::Year, "assessor.period.year"}};
    bool changed = false;
    for (const auto& [kind, key] : kinds) {
        ImGui::PushID(key);
        if (presetButton(tr.get(key, lang), period && period->kind == kind)) {
            period = presetPeriod(kind, period, anchor);
            changed = true;
        }
        ImGui::PopID();
        ImGui::SameLine();
    }
    if (presetButton(tr.get("assessor.period.all", lang), !period) && period) {
        period.reset();
        changed = true;
    }
    if (!period) return changed;
    // "< label >" stays on the presets' line when it fits, else goes under them (1280 px, id).
    const ImGuiStyle& st = ImGui::GetStyle();
    const std::string label = periodLabel(*period, lang);
    const float arrowW = ImGui::CalcTextSize("<").x + st.FramePadding.x * 2;
    const float need = st.ItemSpacing.x * 4 + arrowW * 2 + ImGui::CalcTextSize(label.c_str()).x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
    else ImGui::SameLine(0, st.ItemSpacing.x * 2);   // a gap: the arrows are not a fifth preset
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button("<##prev")) {
        period = previousPeriod(*period);
        changed = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(">##next")) {
        period = nextPeriod(*period);
        changed = true;
    }
    ImGui::PopStyleColor();
    return changed;
}

} // namespace sw::assessor
