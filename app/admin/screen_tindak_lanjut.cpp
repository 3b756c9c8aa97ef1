// Rencana tindak lanjut for the dashboard's period: pick a weak unsur or a facility gap, write the
// action, the owner and the date; the list is stored and printed in the report.
#include "app/admin/screens.hpp"

#include "survey/base/local_time.hpp"

#include <algorithm>

namespace sw::admin {

namespace {

struct Target {
    std::string kind, code, label;
};

std::vector<Target> suggestions(AdminContext& c) {
    std::vector<Target> out;
    // Weak unsur first (mutu C/D); otherwise the three weakest, so there is always something to improve.
    int added = 0;
    for (const UnsurRow& r : c.figures.unsur)
        if (r.n > 0 && (r.mutu == Mutu::C || r.mutu == Mutu::D || added < 3)) {
            out.push_back({"unsur", r.code, r.code + " " + c.unsurName(r.code) + " (" + c.num(r.nrrUnit) + ", " + mutuLetter(r.mutu) + ")"});
            ++added;
        }
    if (c.checklist) {
        auto history = listAssessments(c.store());
        if (!history.empty())
            if (auto a = loadAssessment(c.store(), history.front().id)) {
                std::vector<std::string> services;
                for (const auto& s : c.instrument().services) services.push_back(s.code);
                for (const FacilityGap& g : scoreFacility(*c.checklist, *a, services).gaps) {
                    if (g.kind == FacilityGap::Kind::Unanswered) continue;
                    const FacilityItem* it = c.checklist->findItem(g.item);
                    std::string label = it ? g.item + " " + it->name.in(c.host.lang) : g.item == "petugas_siaga" ? c.checklist->petugasName.in(c.host.lang) : c.serviceName(g.item);
                    out.push_back({"facility", g.item, label});
                }
            }
    }
    out.push_back({"other", "-", c.t("tl.other")});
    return out;
}

// Where the fields start: after the widest label, whatever the language and type size.
float fieldColumn(AdminContext& c) {
    float w = 0;
    for (const char* k : {"tl.target", "tl.action", "tl.owner"}) w = std::max(w, ImGui::CalcTextSize(c.t(k)).x);
    return ImGui::GetCursorPosX() + w + ImGui::GetStyle().ItemSpacing.x * 2;
}

// A field `mm` wide, or what is left of the row when that is less.
float fieldWidth(AdminContext& c, float mm, float column) {
    return std::min(c.mm(mm), ImGui::GetContentRegionMax().x - column);
}

void drawTargetCombo(AdminContext& c, const std::vector<Target>& targets, int& target) {
    const float column = fieldColumn(c);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("tl.target"));
    ImGui::SameLine(column);
    // Wide enough for the chosen target's label ("U2 Sistem, Mekanisme, dan Prosedur (66,94, C)")
    // and the arrow, within the row.
    const std::string& shown = targets[static_cast<std::size_t>(target)].label;
    const float needed = ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
    ImGui::SetNextItemWidth(std::min(std::max(c.mm(140), needed), ImGui::GetContentRegionMax().x - column));
    if (ImGui::BeginCombo("##target", targets[static_cast<std::size_t>(target)].label.c_str())) {
        for (std::size_t i = 0; i < targets.size(); ++i)
            if (ImGui::Selectable((targets[i].label + "##" + std::to_string(i)).c_str(), static_cast<int>(i) == target)) target = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

// The form as typed, for the dashboard's period and the chosen target.
TindakLanjut entryFor(const AdminContext& c, const TindakLanjut& form, const Target& tg) {
    TindakLanjut t = form;
    t.periodFrom = formatDate(c.period.from);
    t.periodTo = formatDate(c.period.to);
    t.targetKind = tg.kind;
    t.targetCode = tg.code;
    t.targetLabel = tg.label;
    return t;
}

// Date, status and remove as wide as their contents; the target up to 45 mm (longer ones wrap,
// never inside a word); action and owner share the rest of `width` two to one, the owner never
// narrower than its longest word. Sized from the contents: sizing by proportion gave a one-line
// owner most of the row and broke "Penyelesaian" in two on a 1366×768 laptop at 4,5 px/mm.
void setUpPlanColumns(AdminContext& c, const std::vector<TindakLanjut>& list, float width) {
    const float pad = ImGui::GetStyle().FramePadding.x * 2, slack = 2;   // a word exactly as wide as its column wraps
    float target = ui::widestWord(c.t("tl.target")), targetLine = 0, owner = ui::widestWord(c.t("tl.owner"));
    for (const TindakLanjut& t : list) {
        target = std::max(target, ui::widestWord(t.targetLabel));
        targetLine = std::max(targetLine, ImGui::CalcTextSize(t.targetLabel.c_str()).x);
        owner = std::max(owner, ui::widestWord(t.owner));
    }
    float status = ImGui::CalcTextSize(c.t("tl.status")).x;
    for (const char* k : {"tl.status_rencana", "tl.status_berjalan", "tl.status_selesai"}) status = std::max(status, ImGui::CalcTextSize(c.t(k)).x + pad);
    const float due = std::max(ImGui::CalcTextSize("0000-00-00").x, ImGui::CalcTextSize(c.t("tl.due")).x) + slack;
    const float remove = ImGui::CalcTextSize(c.t("tl.remove")).x + pad + slack;
    target = std::max(target, std::min(targetLine, c.mm(45))) + slack;
    status += slack;
    const float rest = width - target - due - status - remove - 6 * (ImGui::GetStyle().CellPadding.x * 2 + 1);
    ImGui::TableSetupColumn(c.t("tl.target"), ImGuiTableColumnFlags_WidthFixed, target);
    ImGui::TableSetupColumn(c.t("tl.action"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(c.t("tl.owner"), ImGuiTableColumnFlags_WidthFixed, std::max(owner + slack, rest / 3));
    ImGui::TableSetupColumn(c.t("tl.due"), ImGuiTableColumnFlags_WidthFixed, due);
    ImGui::TableSetupColumn(c.t("tl.status"), ImGuiTableColumnFlags_WidthFixed, status);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, remove);
}

// The header row by hand, each name wrapped between words: ImGui's TableHeadersRow() shortens a
// name wider than its column ("Penanggung jawab" in a narrow owner column) with "...".
void planHeaderRow(AdminContext& c) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const char* k : {"tl.target", "tl.action", "tl.owner", "tl.due", "tl.status"}) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::TextUnformatted(ui::wrapWords(c.t(k), ImGui::GetContentRegionAvail().x).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
}

// One row of the plan; true when its remove button was tapped.
bool drawPlanRow(AdminContext& c, TindakLanjut& t) {
    bool remove = false;
    ImGui::PushID(static_cast<int>(t.id));
    ImGui::TableNextRow();
    // Wrapped at spaces only: ImGui's own wrap also breaks after '.', splitting "09.00".
    for (const std::string* text : {&t.targetLabel, &t.action, &t.owner}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui::wrapWords(*text, ImGui::GetContentRegionAvail().x).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(t.dueDate.c_str());
    ImGui::TableNextColumn();
    // One tap moves it on: rencana → berjalan → selesai → rencana.
    if (ui::button(c, c.t(("tl.status_" + t.status).c_str()), t.status == "selesai")) {
        t.status = t.status == "rencana" ? "berjalan" : t.status == "berjalan" ? "selesai" : "rencana";
        updateTindakLanjut(c.store(), t);
    }
    ImGui::TableNextColumn();
    if (ui::button(c, c.t("tl.remove"))) remove = true;
    ImGui::PopID();
    return remove;
}

} // namespace

void TindakLanjutScreen::loadForPeriod(AdminContext& c) {
    const std::string key = formatDate(c.period.from) + formatDate(c.period.to);
    if (key != loadedFor) {
        list = tindakLanjutFor(c.store(), c.period);
        loadedFor = key;
        if (form.dueDate.empty()) form.dueDate = formatDate(nextPeriod(c.period).to);
    }
}

void TindakLanjutScreen::drawFields(AdminContext& c) {
    const float column = fieldColumn(c);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("tl.action"));
    ImGui::SameLine(column);
    ui::inputText("##action", form.action, fieldWidth(c, 140, column));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("tl.owner"));
    ImGui::SameLine(column);
    ui::inputText("##owner", form.owner, fieldWidth(c, 70, column));
    // The due date whole ("2027-03-31"), on the owner's line where it fits.
    const float dueW = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + c.mm(2);
    ui::sameLineIfFits(ImGui::CalcTextSize(c.t("tl.due")).x + ImGui::GetStyle().ItemSpacing.x + dueW);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("tl.due"));
    ImGui::SameLine();
    ui::inputText("##due", form.dueDate, dueW);
}

void TindakLanjutScreen::addEntry(AdminContext& c, const TindakLanjut& t) {
    try {
        addTindakLanjut(c.store(), t);
        list = tindakLanjutFor(c.store(), c.period);
        form.action.clear();
        c.say(c.t("tl.added"));
    } catch (const UsageError& e) {
        c.say(std::string(c.t("tl.incomplete")) + " (" + e.what() + ")", true);
    }
}

void TindakLanjutScreen::drawPlan(AdminContext& c) {
    if (list.empty()) ImGui::TextDisabled("%s", c.t("tl.none"));
    const float width = ImGui::GetContentRegionAvail().x;
    if (!list.empty() && ImGui::BeginTable("##plan", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        setUpPlanColumns(c, list, width);
        planHeaderRow(c);
        std::int64_t remove = 0;
        for (TindakLanjut& t : list)
            if (drawPlanRow(c, t)) remove = t.id;
        ImGui::EndTable();
        if (remove != 0) {
            removeTindakLanjut(c.store(), remove);
            list = tindakLanjutFor(c.store(), c.period);
        }
    }
}

void TindakLanjutScreen::draw(AdminContext& c) {
    c.refresh();
    loadForPeriod(c);
    ui::heading(c, c.tf("tl.title", {periodLabel(c.period, c.host.lang)}).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", c.t("tl.hint"));   // a sentence: longer than 1280 px in Indonesian
    ImGui::PopStyleColor();
    ImGui::Spacing();

    // The form.
    const std::vector<Target> targets = suggestions(c);
    if (target >= static_cast<int>(targets.size())) target = 0;
    drawTargetCombo(c, targets, target);
    drawFields(c);
    ImGui::SameLine();
    if (ui::button(c, c.t("tl.add"), true)) addEntry(c, entryFor(c, form, targets[static_cast<std::size_t>(target)]));
    ImGui::Spacing();
    ImGui::Separator();

    // The plan.
    drawPlan(c);
}

} // namespace sw::admin
