#include "app/assessor/follow_up.hpp"

#include <imgui.h>

namespace sw::assessor {

namespace {

std::string field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "rencana" | "berjalan" | "selesai" in the view's language; anything else shown as sent.
std::string statusText(const std::string& status, const Translations& tr, const std::string& lang) {
    const std::string key = "assessor.follow_up.status." + status;
    return tr.has(key) ? tr.get(key, lang) : status;
}

} // namespace

void drawFollowUpPlan(const nlohmann::json& extra, const Translations& tr, const std::string& lang) {
    ImGui::TextUnformatted(tr.get("assessor.follow_up.title", lang).c_str());
    const auto plans = extra.is_object() ? extra.find("tindak_lanjut") : extra.end();
    if (!extra.is_object() || plans == extra.end() || !plans->is_array() || plans->empty()) {
        ImGui::TextWrapped("%s", tr.get("assessor.follow_up.none", lang).c_str());
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("follow-up", 4, flags)) return;
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const char* h : {"assessor.follow_up.target", "assessor.follow_up.action", "assessor.follow_up.due", "assessor.follow_up.status"}) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr.get(h, lang).c_str());
    }
    for (const auto& p : *plans) {
        if (!p.is_object()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", (field(p, "target_code") + " " + field(p, "target_label")).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", (field(p, "action") + " — " + field(p, "owner")).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", field(p, "due").c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", statusText(field(p, "status"), tr, lang).c_str());
    }
    ImGui::EndTable();
}

} // namespace sw::assessor
