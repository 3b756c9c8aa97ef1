#include "app/assessor/area_table.hpp"

#include "app/widgets/demo_badge.hpp"
#include "app/widgets/mutu_colours.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

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

constexpr int kNameColumn = 2, kMutuColumn = 6, kOpenColumn = 11;

// One area's cells as text, in kHeads' order (the mutu letter and the button drawn apart).
std::vector<std::string> rowTexts(const AreaRollup& a, const Translations& tr, const std::string& lang) {
    auto num = [&](double v, int d) { return formatNumber(v, d, lang); };
    return {std::to_string(a.rank),
            a.code.empty() ? "–" : a.code,
            a.name.empty() ? tr.get("assessor.area.none", lang) : a.name,
            std::to_string(a.units) + " (" + std::to_string(a.reporting) + ")",
            formatCount(a.skm.respondents, lang),
            a.skm.complete ? num(a.skm.ikmUnit, 2) : "–",
            a.skm.complete ? mutuLetter(a.skm.mutu) : "–",
            a.meanUnitIkm > 0 ? num(a.meanUnitIkm, 2) : "–",
            std::to_string(a.unitsByMutu[0]) + " / " + std::to_string(a.unitsByMutu[1]) + " / " + std::to_string(a.unitsByMutu[2]) +
                " / " + std::to_string(a.unitsByMutu[3]),
            a.akses.any ? num(a.akses.index, 2) : "–",
            a.gap.comparable ? num(a.gap.ikmGap, 2) : "–",
            tr.get("assessor.open", lang)};
}

// The widest single word of `text`: a header may wrap between words, never inside one.
float widestWord(const std::string& text) {
    float w = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        w = std::max(w, ImGui::CalcTextSize(text.data() + at, text.data() + end).x);
        at = end + 1;
    }
    return w;
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

bool drawRow(const AreaRollup& a, const std::vector<std::string>& texts, const Translations& tr, const std::string& lang) {
    ImGui::PushID(a.code.c_str());
    ImGui::TableNextRow();
    for (int c = 0; c < kOpenColumn; ++c) {
        if (c == kMutuColumn) {
            mutuCell(a);
            continue;
        }
        cell(texts[static_cast<std::size_t>(c)]);
        if (c == kNameColumn && a.demo) widgets::demoBadge(tr.get("assessor.demo_short", lang).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));   // on the view's blue buttons
    const bool open = ImGui::Button(texts[kOpenColumn].c_str());
    ImGui::PopStyleColor();
    ImGui::PopID();
    return open;
}

// Every column but the name as wide as its widest word or cell; the name takes the rest.
void setUpColumns(const std::vector<std::vector<std::string>>& rows, const Translations& tr, const std::string& lang) {
    const float button = ImGui::GetStyle().FramePadding.x * 2;
    for (int c = 0; c < kColumns; ++c) {
        if (c == kNameColumn) {
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
            continue;
        }
        float w = widestWord(tr.get(kHeads[c], lang));
        for (const auto& r : rows) w = std::max(w, ImGui::CalcTextSize(r[static_cast<std::size_t>(c)].c_str()).x);
        // A pixel of slack: TextWrapped wraps a word exactly as wide as its column.
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, std::ceil(w) + 2 + (c == kOpenColumn ? button : 0));
    }
}

} // namespace

std::optional<std::string> drawAreaTable(const std::vector<AreaRollup>& areas, const Translations& tr, const std::string& lang) {
    std::optional<std::string> opened;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", tr.get("assessor.area.note", lang).c_str());
    ImGui::PopStyleColor();
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : areas) rows.push_back(rowTexts(a, tr, lang));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("areas", kColumns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return opened;
    setUpColumns(rows, tr, lang);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const char* h : kHeads) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TextWrapped("%s", tr.get(h, lang).c_str());
    }
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (drawRow(areas[i], rows[i], tr, lang)) opened = areas[i].code;
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
