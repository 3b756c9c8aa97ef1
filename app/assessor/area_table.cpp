#include "app/assessor/area_table.hpp"

#include "app/widgets/demo_badge.hpp"
#include "app/widgets/mutu_colours.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"

#include <imgui.h>

#include <algorithm>

namespace sw::assessor {

namespace {

const char* const kHeads[] = {"assessor.col.rank", "assessor.area.col.code", "assessor.area.col.name", "assessor.area.col.units",
                              "assessor.col.respondents", "assessor.col.ikm", "assessor.col.mutu", "assessor.area.col.mean",
                              "assessor.area.col.grades", "assessor.col.akses", "assessor.col.rentan", "assessor.col.open"};
constexpr int kColumns = static_cast<int>(sizeof kHeads / sizeof kHeads[0]);

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", text.c_str());
}

void mutuCell(const AreaRollup& a) {
    ImGui::TableNextColumn();
    if (!a.skm.complete) {
        ImGui::TextUnformatted("–");
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::mutuColour(a.skm.mutu));
    ImGui::TextUnformatted(mutuLetter(a.skm.mutu));
    ImGui::PopStyleColor();
}

bool drawRow(const AreaRollup& a, const Translations& tr, const std::string& lang) {
    auto num = [&](double v, int d) { return formatNumber(v, d, lang); };
    ImGui::PushID(a.code.c_str());
    ImGui::TableNextRow();
    cell(std::to_string(a.rank));
    cell(a.code.empty() ? "–" : a.code);
    cell(a.name.empty() ? tr.get("assessor.area.none", lang) : a.name);
    if (a.demo) widgets::demoBadge(tr.get("assessor.demo_short", lang).c_str());
    cell(std::to_string(a.units) + " (" + std::to_string(a.reporting) + ")");
    cell(formatCount(a.skm.respondents, lang));
    cell(a.skm.complete ? num(a.skm.ikmUnit, 2) : "–");
    mutuCell(a);
    cell(a.meanUnitIkm > 0 ? num(a.meanUnitIkm, 2) : "–");
    cell(std::to_string(a.unitsByMutu[0]) + " / " + std::to_string(a.unitsByMutu[1]) + " / " + std::to_string(a.unitsByMutu[2]) +
         " / " + std::to_string(a.unitsByMutu[3]));
    cell(a.akses.any ? num(a.akses.index, 2) : "–");
    cell(a.gap.comparable ? num(a.gap.ikmGap, 2) : "–");
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));   // on the view's blue buttons
    const bool open = ImGui::Button(tr.get("assessor.open", lang).c_str());
    ImGui::PopStyleColor();
    ImGui::PopID();
    return open;
}

} // namespace

std::optional<std::string> drawAreaTable(const std::vector<AreaRollup>& areas, const Translations& tr, const std::string& lang) {
    std::optional<std::string> opened;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", tr.get("assessor.area.note", lang).c_str());
    ImGui::PopStyleColor();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("areas", kColumns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return opened;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const char* h : kHeads) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TextWrapped("%s", tr.get(h, lang).c_str());
    }
    for (const auto& a : areas)
        if (drawRow(a, tr, lang)) opened = a.code;
    ImGui::EndTable();
    return opened;
}

// [SECTION] Delivery

void drawUnitDeliveries(const std::vector<UnitDelivery>& units, int silentDays, int utcOffsetMinutes, const std::string& lang) {
    static const Translations tr = Translations::loadArea("delivery");
    const int silent = static_cast<int>(std::count_if(units.begin(), units.end(), [](const UnitDelivery& d) { return d.silent; }));
    ImGui::TextWrapped("%s", format(tr.get("kanwil.summary", lang), {std::to_string(units.size()), std::to_string(silent),
                                                                     std::to_string(silentDays)}).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("deliveries", 4, flags)) return;
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const char* h : {"kanwil.col.unit", "kanwil.col.last", "kanwil.col.bundles", "kanwil.col.state"}) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr.get(h, lang).c_str());
    }
    for (const UnitDelivery& d : units) {
        ImGui::TableNextRow();
        cell(d.name.empty() ? d.unitId : d.name + " (" + d.unitId + ")");
        cell(d.lastBundleUtc ? localDateTime(*d.lastBundleUtc, utcOffsetMinutes).substr(0, 16) + " " + zoneName(utcOffsetMinutes)
                             : tr.get("kanwil.never", lang));
        cell(formatCount(d.bundles, lang) + " / " + formatCount(d.responses, lang));
        ImGui::TableNextColumn();
        if (d.silent) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", format(tr.get("kanwil.silent", lang), {std::to_string(silentDays)}).c_str());
        else ImGui::TextUnformatted(tr.get("kanwil.ok", lang).c_str());
    }
    ImGui::EndTable();
}

} // namespace sw::assessor
