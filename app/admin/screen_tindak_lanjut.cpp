// Rencana tindak lanjut for the dashboard's period: pick a weak unsur or a facility gap, write the
// action, the owner and the date; the list is stored and printed in the report.
#include "app/admin/screens.hpp"
#include "app/widgets/fold_columns.hpp"

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

// The chosen target's label whole ("U2 Sistem, Mekanisme, dan Prosedur (66,94, C)") with the
// combo's arrow: beside "For" where the row holds it, else on a line of its own under "For" (a
// 1280×800 touchscreen at 6,2 px/mm trimmed it); wider than even that line, the label is written
// out wrapped and the combo shows only its arrow.
void drawTargetCombo(AdminContext& c, const std::vector<Target>& targets, int& target) {
    const float column = fieldColumn(c);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("tl.target"));
    const std::string& shown = targets[static_cast<std::size_t>(target)].label;
    const float needed = ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
    ImGuiComboFlags flags = 0;
    if (needed <= ImGui::GetContentRegionMax().x - column) {
        ImGui::SameLine(column);
        ImGui::SetNextItemWidth(std::min(std::max(c.mm(140), needed), ImGui::GetContentRegionMax().x - column));
    } else if (needed <= ImGui::GetContentRegionAvail().x) {
        ImGui::SetNextItemWidth(needed);
    } else {
        ImGui::TextUnformatted(ui::wrapWords(shown, ImGui::GetContentRegionAvail().x).c_str());
        flags = ImGuiComboFlags_NoPreview;
    }
    if (ImGui::BeginCombo("##target", shown.c_str(), flags)) {
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

enum PlanColumn { kTarget, kAction, kOwner, kDue, kStatus, kRemove, kPlanColumns };
const char* const kPlanHeads[kPlanColumns] = {"tl.target", "tl.action", "tl.owner", "tl.due", "tl.status", ""};

// Date, status and remove as wide as their contents; the target up to 45 mm (longer ones wrap,
// never inside a word); action (at least 40 mm) and owner share the rest two to one, the owner
// never narrower than its longest word. Sized from the contents: sizing by proportion gave a
// one-line owner most of the row and broke "Penyelesaian" in two on a 1366×768 laptop at 4,5 px/mm.
// Where that does not fit (a 1280×800 touchscreen at 6,2 px/mm), the owner and then the date go
// under the action, in its cell (app/widgets/fold_columns.hpp).
widgets::ColumnFold planLayout(AdminContext& c, const std::vector<TindakLanjut>& list, float width) {
    const float pad = ImGui::GetStyle().FramePadding.x * 2, slack = 2;   // a word exactly as wide as its column wraps
    float target = ui::widestWord(c.t("tl.target")), targetLine = 0, owner = ui::widestWord(c.t("tl.owner")),
          action = ui::widestWord(c.t("tl.action"));
    for (const TindakLanjut& t : list) {
        target = std::max(target, ui::widestWord(t.targetLabel));
        targetLine = std::max(targetLine, ImGui::CalcTextSize(t.targetLabel.c_str()).x);
        owner = std::max(owner, ui::widestWord(t.owner));
        action = std::max(action, ui::widestWord(t.action));
    }
    float status = ImGui::CalcTextSize(c.t("tl.status")).x;
    for (const char* k : {"tl.status_rencana", "tl.status_berjalan", "tl.status_selesai"}) status = std::max(status, ImGui::CalcTextSize(c.t(k)).x + pad);
    const float due = std::max(ImGui::CalcTextSize("0000-00-00").x, ImGui::CalcTextSize(c.t("tl.due")).x);
    const float remove = ImGui::CalcTextSize(c.t("tl.remove")).x + pad;
    target = std::max(target, std::min(targetLine, c.mm(45)));
    return widgets::foldColumns({{target + slack},
                                 {std::max(action, c.mm(40)) + slack, 2},
                                 {owner + slack, 1, 1},
                                 {due + slack, 0, 2},
                                 {status + slack},
                                 {remove + slack}},
                                kAction, width);
}

// Secondary text in the action's cell: a folded column's header or value.
void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(ui::wrapWords(text, ImGui::GetContentRegionAvail().x).c_str());
    ImGui::PopStyleColor();
}

// The header row by hand, each name wrapped between words: ImGui's TableHeadersRow() shortens a
// name wider than its column ("Penanggung jawab" in a narrow owner column) with "...".
void planHeaderRow(AdminContext& c, const widgets::ColumnFold& l) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col : l.shown) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        if (col == kRemove) continue;
        ImGui::TextUnformatted(ui::wrapWords(c.t(kPlanHeads[col]), ImGui::GetContentRegionAvail().x).c_str());
        if (col == kAction)
            for (int f : {kOwner, kDue})
                if (l.folded[static_cast<std::size_t>(f)]) muted(c.t(kPlanHeads[f]));
    }
}

// One row of the plan; true when its remove button was tapped.
bool drawPlanRow(AdminContext& c, TindakLanjut& t, const widgets::ColumnFold& l) {
    bool remove = false;
    ImGui::PushID(static_cast<int>(t.id));
    ImGui::TableNextRow();
    for (int col : l.shown) {
        ImGui::TableNextColumn();
        switch (col) {
        case kTarget:
        case kAction:
        case kOwner:
            // Wrapped at spaces only: ImGui's own wrap also breaks after '.', splitting "09.00".
            ImGui::TextUnformatted(ui::wrapWords(col == kTarget ? t.targetLabel : col == kAction ? t.action : t.owner,
                                                 ImGui::GetContentRegionAvail().x).c_str());
            if (col != kAction) break;
            if (l.folded[kOwner]) muted(t.owner);
            if (l.folded[kDue]) muted(t.dueDate);
            break;
        case kDue: ImGui::TextUnformatted(t.dueDate.c_str()); break;
        case kStatus:
            // One tap moves it on: rencana → berjalan → selesai → rencana.
            if (ui::button(c, c.t(("tl.status_" + t.status).c_str()), t.status == "selesai")) {
                t.status = t.status == "rencana" ? "berjalan" : t.status == "berjalan" ? "selesai" : "rencana";
                updateTindakLanjut(c.store(), t);
            }
            break;
        default:
            if (ui::button(c, c.t("tl.remove"))) remove = true;
        }
    }
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
    if (list.empty()) {
        ImGui::TextDisabled("%s", c.t("tl.none"));
        return;
    }
    const widgets::ColumnFold l = planLayout(c, list, ImGui::GetContentRegionAvail().x);
    // Another id for another set of columns: ImGui keeps a table's column widths by its id. Too
    // wide even folded, it scrolls sideways (filling the rest of the screen).
    const std::string id = "##plan-" + std::to_string(l.shown.size()) + (l.sideways ? "s" : "");
    if (ImGui::BeginTable(id.c_str(), static_cast<int>(l.shown.size()),
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | (l.sideways ? ImGuiTableFlags_ScrollX : 0))) {
        for (int col : l.shown)
            ImGui::TableSetupColumn(c.t(kPlanHeads[col]), ImGuiTableColumnFlags_WidthFixed, l.width[static_cast<std::size_t>(col)]);
        planHeaderRow(c, l);
        std::int64_t remove = 0;
        for (TindakLanjut& t : list)
            if (drawPlanRow(c, t, l)) remove = t.id;
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
    ui::sameLineIfFits(ImGui::CalcTextSize(c.t("tl.add")).x + ImGui::GetStyle().FramePadding.x * 2);
    if (ui::button(c, c.t("tl.add"), true)) addEntry(c, entryFor(c, form, targets[static_cast<std::size_t>(target)]));
    ImGui::Spacing();
    ImGui::Separator();

    // The plan.
    drawPlan(c);
}

} // namespace sw::admin
