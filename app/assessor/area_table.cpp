#include "app/assessor/area_table.hpp"

#include "app/widgets/demo_badge.hpp"
#include "app/widgets/fold_columns.hpp"
#include "app/widgets/mutu_colours.hpp"
#include "app/widgets/wrap_words.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sw::assessor {

namespace {

using admin::ui::widestWord;

const char* const kHeads[] = {"assessor.col.rank", "assessor.area.col.code", "assessor.area.col.name", "assessor.area.col.units",
                              "assessor.col.respondents", "assessor.col.ikm", "assessor.col.mutu", "assessor.area.col.mean",
                              "assessor.area.col.grades", "assessor.col.akses", "assessor.col.rentan", "assessor.col.open"};
constexpr int kColumns = static_cast<int>(sizeof kHeads / sizeof kHeads[0]);

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", text.c_str());
}

// Secondary text folded under the area's name (its code, or the code's header).
void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

constexpr int kCodeColumn = 1, kNameColumn = 2, kMutuColumn = 6, kOpenColumn = 11;

// How the table is laid out at the width it has (app/widgets/fold_columns.hpp): the code, then
// "Open", fold under the area's name.
using AreaLayout = widgets::ColumnFold;

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

bool openButton(const std::string& label) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));   // on the view's blue buttons
    const bool open = ImGui::Button(label.c_str());
    ImGui::PopStyleColor();
    return open;
}

bool drawRow(const AreaRollup& a, const std::vector<std::string>& texts, const AreaLayout& l, const Translations& tr, const std::string& lang) {
    ImGui::PushID(a.code.c_str());
    ImGui::TableNextRow();
    bool open = false;
    for (int c : l.shown) {
        if (c == kMutuColumn) {
            mutuCell(a);
        } else if (c == kOpenColumn) {
            ImGui::TableNextColumn();
            open = openButton(texts[kOpenColumn]);
        } else {
            cell(texts[static_cast<std::size_t>(c)]);
        }
        if (c != kNameColumn) continue;
        if (a.demo) widgets::demoBadge(tr.get("assessor.demo_short", lang).c_str());
        if (l.folded[kCodeColumn]) muted(texts[kCodeColumn]);
        if (l.folded[kOpenColumn]) {
            open = openButton(texts[kOpenColumn]);
            ImGui::Dummy(ImVec2(0, 0));   // a cell ending in a button would lower the row's other texts by its frame padding
        }
    }
    ImGui::PopID();
    return open;
}

// Every column but the name as wide as its widest word or cell; the name takes the rest, and at
// least 40 mm and its longest word: an official name wraps between words, never inside one. On a
// narrow or low-density screen (1366×768 at 4,5 px/mm) the code, then "Open", move into the name's
// cell to make that room; only when even that does not fit does the table scroll sideways.
AreaLayout areaLayout(const std::vector<std::vector<std::string>>& rows, const Translations& tr, const std::string& lang, float pxPerMm) {
    const float button = ImGui::GetStyle().FramePadding.x * 2;
    std::vector<widgets::FoldColumn> columns;
    for (int c = 0; c < kColumns; ++c) {
        float w = c == kNameColumn ? 0 : widestWord(tr.get(kHeads[c], lang));
        for (const auto& r : rows)
            w = std::max(w, c == kNameColumn ? widestWord(r[kNameColumn]) : ImGui::CalcTextSize(r[static_cast<std::size_t>(c)].c_str()).x);
        // A pixel of slack: TextWrapped wraps a word exactly as wide as its column.
        w = std::ceil(w) + 2 + (c == kOpenColumn ? button : 0);
        if (c == kNameColumn) w = std::max(w, 40 * pxPerMm);
        columns.push_back({w, c == kNameColumn ? 1.0f : 0.0f, c == kCodeColumn ? 1 : c == kOpenColumn ? 2 : 0});
    }
    return widgets::foldColumns(columns, kNameColumn, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize);
}

void setUpColumns(const AreaLayout& l) {
    for (int c : l.shown) {
        if (c == kNameColumn && !l.sideways) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        else ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, l.width[c]);
    }
}

void headerRow(const AreaLayout& l, const Translations& tr, const std::string& lang) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c : l.shown) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TextWrapped("%s", tr.get(kHeads[c], lang).c_str());
        if (c == kNameColumn && l.folded[kCodeColumn]) muted(tr.get(kHeads[kCodeColumn], lang));
    }
}

} // namespace

std::optional<std::string> drawAreaTable(const std::vector<AreaRollup>& areas, const Translations& tr, const std::string& lang, float pxPerMm) {
    std::optional<std::string> opened;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", tr.get("assessor.area.note", lang).c_str());
    ImGui::PopStyleColor();
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : areas) rows.push_back(rowTexts(a, tr, lang));
    const AreaLayout layout = areaLayout(rows, tr, lang, pxPerMm);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                                  (layout.sideways ? ImGuiTableFlags_ScrollX : 0);
    // Another id for another set of columns: ImGui keeps a table's column widths by its id.
    const std::string id = "areas-" + std::to_string(layout.shown.size()) + (layout.sideways ? "s" : "");
    if (!ImGui::BeginTable(id.c_str(), static_cast<int>(layout.shown.size()), flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return opened;
    setUpColumns(layout);
    ImGui::TableSetupScrollFreeze(layout.sideways ? 2 : 0, 1);
    headerRow(layout, tr, lang);
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (drawRow(areas[i], rows[i], layout, tr, lang)) opened = areas[i].code;
    ImGui::EndTable();
    return opened;
}

// [SECTION] Delivery

void drawUnitDeliveries(const std::vector<UnitDelivery>& units, int silentDays, int utcOffsetMinutes, const std::string& lang) {
    static const Translations tr = Translations::loadArea("delivery");
    const int silent = static_cast<int>(std::count_if(units.begin(), units.end(), [](const UnitDelivery& d) { return d.silent; }));
    ImGui::TextWrapped("%s", format(tr.get("kanwil.summary", lang), {std::to_string(units.size()), std::to_string(silent),
                                                                     std::to_string(silentDays)}).c_str());
    // Scrolls under its header: a Kanwil's units run past the bottom of a 768 px screen.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("deliveries", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
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
