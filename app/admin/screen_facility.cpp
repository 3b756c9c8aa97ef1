// The P2HAM facility self-assessment: each checklist item Ada / Proses / Tidak with a note,
// measured values judged against Permen PUPR 14/2017, evidence imported from a folder or USB
// stick (thumbnails), petugas siaga, kepatuhan per service; scores per criterion and the gap list.
// Every save is a new dated assessment; earlier ones open read-only.
#include "app/admin/screens.hpp"
#include "app/widgets/stack_panels.hpp"

#include "survey/base/local_time.hpp"

#include <algorithm>
#include <cstdlib>

namespace sw::admin {

namespace {

std::optional<double> parseMeasure(std::string s) {
    std::replace(s.begin(), s.end(), ',', '.'); // "152,5" as written in Indonesia
    if (s.find_first_not_of(" ") == std::string::npos) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || v < 0) return std::nullopt;
    return v;
}

// Secondary text (sources, criteria) that wraps at the panel's edge instead of running past it.
void disabledWrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

const char* gapKey(FacilityGap::Kind k) {
    switch (k) {
    case FacilityGap::Kind::Missing: return "gap.missing";
    case FacilityGap::Kind::MeasureFails: return "gap.measure_fails";
    case FacilityGap::Kind::InProgress: return "gap.in_progress";
    case FacilityGap::Kind::Unanswered: return "gap.unanswered";
    case FacilityGap::Kind::PetugasMissing: return "gap.petugas_missing";
    case FacilityGap::Kind::KepatuhanLow: return "gap.kepatuhan_low";
    }
    return "gap.unanswered";
}

const char* evidenceErrorKey(EvidenceError::Kind k) {
    return k == EvidenceError::Kind::TooBig      ? "evidence.too_big"
           : k == EvidenceError::Kind::WrongType ? "evidence.wrong_type"
           : k == EvidenceError::Kind::Empty     ? "evidence.empty"
                                                 : "evidence.unreadable";
}

// A measure's verdict and the rule it is judged by, coloured pass / fail / not measured.
void drawVerdict(AdminContext& c, const FacilityChecklist& cl, const FacilityMeasure& m, const FacilityAnswer& ans) {
    const std::string& lang = c.host.lang;
    auto it = ans.measures.find(m.code);
    const MeasureVerdict v = judge(m, it == ans.measures.end() ? std::nullopt : std::optional<double>(it->second));
    const RuleSource* ms = cl.findSource(m.source);
    // "(older guidance)" once: the checklist's own note may already say it.
    const std::string older = c.t("facility.older_guidance");
    const std::string& note = m.note.in(lang);
    const std::string rule = note + (ms && ms->olderGuidance && note.find(older) == std::string::npos ? " " + older : "");
    const ImVec4 col = v == MeasureVerdict::Pass   ? ImVec4(0, 0.45f, 0.3f, 1)
                       : v == MeasureVerdict::Fail ? ImVec4(0.75f, 0.1f, 0.1f, 1)
                                                   : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    const char* verdict = c.t(v == MeasureVerdict::Pass ? "verdict.pass" : v == MeasureVerdict::Fail ? "verdict.fail" : "verdict.not_measured");
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextWrapped("%s  %s", verdict, rule.c_str());
    ImGui::PopStyleColor();
}

// Petugas siaga: Ada / Tidak and the staff on duty.
void drawPetugas(AdminContext& c, const FacilityChecklist& cl, FacilityAssessment& a) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", cl.petugasName.in(c.host.lang).c_str());
    for (auto [st, key] : {std::pair{FacilityStatus::Ada, "status.ada"}, {FacilityStatus::Tidak, "status.tidak"}}) {
        if (ui::button(c, c.t(key), a.petugas == st, 24)) a.petugas = st;
        ImGui::SameLine();
    }
    // "Staff on duty" and its field move under the buttons when the names would not show whole.
    const float staffW = std::max(c.mm(40), ImGui::CalcTextSize(a.petugasStaff.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + c.mm(2));
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(c.t("facility.staff")).x + ImGui::GetStyle().ItemSpacing.x + staffW) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("facility.staff"));
    ImGui::SameLine();
    ui::inputText("##staff", a.petugasStaff, ImGui::GetContentRegionAvail().x);
}

// Kepatuhan per service: one row of level buttons per service type.
void drawKepatuhan(AdminContext& c, const FacilityChecklist& cl, FacilityAssessment& a) {
    const std::string& lang = c.host.lang;
    ImGui::Separator();
    ImGui::TextWrapped("%s", c.t("facility.kepatuhan"));
    // Service names in a column as wide as the longest (60 mm at least); when the buttons would
    // not fit beside it, they go under the name.
    const float btnPad = ImGui::GetStyle().FramePadding.x * 2, btnSp = ImGui::GetStyle().ItemSpacing.x;
    float namesW = 0, buttonsW = 0;
    for (const auto& s : c.instrument().services) namesW = std::max(namesW, ImGui::CalcTextSize(s.label.in(lang).c_str()).x + btnSp * 2);
    for (const auto& l : cl.kepatuhanLevels) buttonsW += std::max(c.mm(30), ImGui::CalcTextSize(l.name.in(lang).c_str()).x + btnPad) + btnSp;
    const float room = ImGui::GetContentRegionAvail().x, x0 = ImGui::GetCursorPosX();
    const float labelW = std::max(namesW, std::min(c.mm(60), room - buttonsW));
    const float labelCol = x0 + labelW;   // SameLine() counts from the panel's edge, not its padding
    const bool besides = labelW + buttonsW <= room;
    for (const auto& s : c.instrument().services) {
        ImGui::PushID(s.code.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s.label.in(lang).c_str());
        if (besides) ImGui::SameLine(labelCol);
        else ImGui::Indent(c.mm(4));
        // Under the name the buttons wrap where the row is full (a 1280×800 touchscreen at 6,2 px/mm
        // holds two of the three).
        bool first = true;
        for (const auto& l : cl.kepatuhanLevels) {
            auto it = a.kepatuhan.find(s.code);
            if (!first && !besides) ui::sameLineIfFits(std::max(c.mm(30), ImGui::CalcTextSize(l.name.in(lang).c_str()).x + btnPad));
            else if (!first) ImGui::SameLine();
            first = false;
            if (ui::button(c, l.name.in(lang).c_str(), it != a.kepatuhan.end() && it->second == l.code, 30)) a.kepatuhan[s.code] = l.code;
        }
        if (!besides) ImGui::Unindent(c.mm(4));
        ImGui::PopID();
    }
}

// One bar per criterion: its score on 0–100, coloured by band.
void drawCriteria(AdminContext& c, const FacilityChecklist& cl, const FacilityScore& score) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const CriterionScore& cs : score.criteria) {
        const FacilityCriterion* cr = cl.findCriterion(cs.code);
        ImGui::TextWrapped("%s", c.tf("facility.criterion_line", {cr ? cr->name.in(c.host.lang) : cs.code, c.num(cs.weight, 0)}).c_str());
        // The bar leaves room for its label on the same line, whatever the panel's width.
        const std::string label = cs.hasData ? c.num(cs.score, 1) + "  (" + std::to_string(cs.answered) + "/" + std::to_string(cs.total) + ")"
                                             : std::string(c.t("common.no_data"));
        const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label.c_str()).x - ImGui::GetStyle().ItemSpacing.x - 2;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = std::max(room, c.mm(10)), h = c.mm(5);
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(230, 233, 238, 255), 3);
        if (cs.hasData) {
            const ImU32 col = cs.score >= 80 ? IM_COL32(0, 115, 75, 255) : cs.score >= 60 ? IM_COL32(13, 90, 165, 255) : IM_COL32(190, 100, 0, 255);
            dl->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(cs.score / 100.0), p.y + h), col, 3);
        }
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine();
        if (cs.hasData) ImGui::TextUnformatted(label.c_str());
        else ImGui::TextDisabled("%s", label.c_str());
    }
}

// What a gap is about: the service and its level, petugas siaga, or the item (and the failing measure).
std::string gapSubject(AdminContext& c, const FacilityChecklist& cl, const FacilityGap& g) {
    const std::string& lang = c.host.lang;
    std::string what;
    if (g.kind == FacilityGap::Kind::KepatuhanLow || (g.kind == FacilityGap::Kind::Unanswered && g.criterion == cl.kepatuhanCriterion)) {
        const KepatuhanLevel* l = cl.findLevel(g.level);
        what = c.serviceName(g.item) + (l ? " — " + l->name.in(lang) : std::string());
    } else if (g.item == "petugas_siaga") {
        what = cl.petugasName.in(lang);
    } else if (const FacilityItem* it = cl.findItem(g.item)) {
        what = it->name.in(lang);
        if (g.kind == FacilityGap::Kind::MeasureFails)
            for (const auto& m : it->measures)
                if (m.code == g.measure) what += ": " + m.name.in(lang) + " " + c.num(g.value, 1) + " " + m.unit + " (" + m.note.in(lang) + ")";
    }
    return what;
}

// The numbered gap list: kind, subject and the rule's source.
void drawGaps(AdminContext& c, const FacilityChecklist& cl, const FacilityScore& score) {
    const std::string& lang = c.host.lang;
    ui::heading(c, c.tf("facility.gaps", {std::to_string(score.gaps.size())}).c_str());
    int n = 0;
    for (const FacilityGap& g : score.gaps) {
        const std::string what = gapSubject(c, cl, g);
        const RuleSource* src = cl.findSource(g.source);
        const ImVec4 col = g.kind == FacilityGap::Kind::Unanswered ? ImVec4(0.4f, 0.42f, 0.47f, 1)
                           : g.kind == FacilityGap::Kind::InProgress || g.kind == FacilityGap::Kind::KepatuhanLow ? ImVec4(0.6f, 0.35f, 0, 1)
                                                                                                                  : ImVec4(0.7f, 0.1f, 0.1f, 1);
        const std::string label = std::to_string(++n) + ". " + c.t(gapKey(g.kind));
        const float indent = ImGui::CalcTextSize("0. ").x;
        // Beside its label, or under it (indented) when the label takes over a third of the panel:
        // a wrapped column a few words wide is hard to read.
        const bool below = ImGui::CalcTextSize(label.c_str()).x > ImGui::GetContentRegionAvail().x / 3;
        ImGui::TextColored(col, "%s", ui::wrapWords(label, ImGui::GetContentRegionAvail().x).c_str());   // a narrow panel: "2. Tidak memenuhi ukuran:"
        if (below) ImGui::Indent(indent);
        else ImGui::SameLine();
        ImGui::TextWrapped("%s", what.c_str());
        if (!below) ImGui::Indent(indent);
        const std::string srcName = src ? src->name.in(lang) : g.source, older = c.t("facility.older_guidance");
        disabledWrapped(srcName + (src && src->olderGuidance && srcName.find(older) == std::string::npos ? " " + older : ""));
        ImGui::Unindent(indent);
    }
}

// The total with its coverage: a score over fewer criteria says so (survey/RULES.md "Facility score").
std::string totalText(AdminContext& c, const FacilityScore& score) {
    const FacilityCoverage& cov = score.coverage;
    if (cov.assessed == 0) return c.t("facility.total_none");
    if (cov.complete()) return c.tf("facility.total", {c.num(score.total, 1)});
    return c.tf("facility.total_incomplete", {c.num(score.total, 1), std::to_string(cov.assessed), std::to_string(cov.total)});
}

// Scores and the gap list of `a` (the draft also counts the citizens' accessibility index).
void drawScores(AdminContext& c, const FacilityChecklist& cl, const FacilityAssessment& a, bool readOnly) {
    std::vector<std::string> services;
    for (const auto& s : c.instrument().services) services.push_back(s.code);
    FacilityAssessment scored = a;
    if (!readOnly) scored.citizenIndex = c.figures.akses.any ? std::optional<double>(c.figures.akses.index) : std::nullopt;
    const FacilityScore score = scoreFacility(cl, scored, services);
    ui::heading(c, totalText(c, score).c_str());
    drawCriteria(c, cl, score);
    ImGui::Spacing();
    drawGaps(c, cl, score);
}

} // namespace

void FacilityScreen::releaseTextures(AdminContext& c) {
    if (c.host.releaseTexture)
        for (auto& [id, tex] : textures)
            if (tex) c.host.releaseTexture(tex);
    textures.clear();
}

void FacilityScreen::startDraft(AdminContext& c) {
    history = listAssessments(c.store());
    draft = FacilityAssessment{};
    if (!history.empty())
        if (auto last = loadAssessment(c.store(), history.front().id)) draft = *last; // start from the latest
    draft.id = 0;
    draft.createdUtc = 0;
    draft.checklistId = c.checklist->id;
    draft.checklistVersion = c.checklist->version;
    const int off = c.store().unit() ? c.store().unit()->utcOffsetMinutes : 420;
    draft.assessedOn = localDate(nowUtc(), off);
    measureText.clear();
    for (const auto& [item, ans] : draft.items)
        for (const auto& [m, v] : ans.measures) measureText[item + "/" + m] = c.num(v, 1);
    draftReady = true;
}

void FacilityScreen::draw(AdminContext& c) {
    if (!c.checklist) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", c.t("facility.checklist_error"));
        ImGui::TextWrapped("%s", c.checklistError.c_str());
        return;
    }
    const FacilityChecklist& cl = *c.checklist;
    if (!draftReady) startDraft(c);
    c.refresh();
    const bool readOnly = viewing != 0 && viewed;
    FacilityAssessment& a = readOnly ? *viewed : draft;

    drawHeader(c, readOnly);

    // The items and the scores side by side, each scrolling, or stacked on a page that scrolls as
    // one where that would leave two strips (app/widgets/stack_panels.hpp).
    const float W = ImGui::GetContentRegionAvail().x, gap = c.mm(3);
    const bool stacked = widgets::stackPanels(c.host.pxPerMm);
    ImGui::BeginChild(stacked ? "##page" : "##items", ImVec2(stacked ? 0 : W * 0.60f, 0), !stacked);
    if (readOnly) ImGui::BeginDisabled();
    for (const FacilityItem& item : cl.items) drawItem(c, item, a.items[item.code], readOnly);
    // Petugas siaga and kepatuhan per service.
    drawPetugas(c, cl, a);
    drawKepatuhan(c, cl, a);
    if (readOnly) ImGui::EndDisabled();

    // Scores and the gap list.
    if (stacked) {
        ImGui::Separator();
    } else {
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("##score", ImVec2(0, 0), true);
    }
    drawScores(c, cl, a, readOnly);
    ImGui::EndChild();
}

// Header: which assessment, history, save.
void FacilityScreen::drawHeader(AdminContext& c, bool readOnly) {
    const FacilityChecklist& cl = *c.checklist;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(cl.title.in(c.host.lang).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s v%d)", cl.id.c_str(), cl.version);
    // The header's groups wrap to a new line where the row would run off the screen (1280 px).
    // As wide as what it shows (the assessor's whole name), within the panel.
    const std::string shown = readOnly  ? c.tf("facility.assessment_of", {viewed->assessedOn, viewed->assessor})
                              : savedAs ? c.tf("facility.draft_saved", {draft.assessedOn, std::to_string(savedAs)})
                                        : std::string(c.t("facility.new_draft"));
    const float historyW = std::min(std::max(c.mm(75), ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetFrameHeight() * 2),
                                    ImGui::GetContentRegionAvail().x);
    ui::sameLineIfFits(historyW, c.mm(6));
    ImGui::SetNextItemWidth(historyW);
    if (ImGui::BeginCombo("##history", shown.c_str())) {
        if (ImGui::Selectable(c.t("facility.new_draft"), !readOnly)) viewing = 0;
        for (const auto& h : history)
            if (ImGui::Selectable(c.tf("facility.assessment_of", {h.assessedOn, h.assessor}).append("##").append(std::to_string(h.id)).c_str(),
                                  viewing == h.id)) {
                viewing = h.id;
                viewed = loadAssessment(c.store(), h.id);
            }
        ImGui::EndCombo();
    }
    if (!readOnly) {
        drawDraftFields(c);
    } else {
        ui::sameLineIfFits(ImGui::CalcTextSize(c.t("facility.read_only")).x);
        ImGui::TextColored(ImVec4(0.4f, 0.3f, 0.6f, 1), "%s", c.t("facility.read_only"));
    }
}

void FacilityScreen::drawDraftFields(AdminContext& c) {
    const float sp = ImGui::GetStyle().ItemSpacing.x, pad = ImGui::GetStyle().FramePadding.x * 2;
    const float dateW = ImGui::CalcTextSize("2026-12-31").x + c.mm(5);
    ui::sameLineIfFits(ImGui::CalcTextSize(c.t("facility.date")).x + sp + dateW);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("facility.date"));
    ImGui::SameLine();
    ui::inputText("##date", draft.assessedOn, dateW);
    // The assessor's name shown whole (at least 60 mm, at most a row beside its label): official
    // titles such as "Kepala Subbagian Tata Usaha dan Rumah Tangga" run past 100 mm.
    const float rowW = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x -
                       ImGui::CalcTextSize(c.t("facility.assessor")).x - sp;
    const float assessorW = std::clamp(ImGui::CalcTextSize(draft.assessor.c_str()).x + pad + c.mm(2), c.mm(60), std::max(c.mm(60), rowW));
    ui::sameLineIfFits(ImGui::CalcTextSize(c.t("facility.assessor")).x + sp + assessorW);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("facility.assessor"));
    ImGui::SameLine();
    ui::inputText("##assessor", draft.assessor, assessorW);
    ui::sameLineIfFits(ImGui::CalcTextSize(c.t("facility.save")).x + pad);
    if (ui::button(c, c.t("facility.save"), true)) saveDraft(c);
}

void FacilityScreen::saveDraft(AdminContext& c) {
    LocalDate d;
    if (!parseDate(draft.assessedOn, d)) {
        c.say(c.t("facility.bad_date"), true);
        return;
    }
    draft.citizenIndex = c.figures.akses.any ? std::optional<double>(c.figures.akses.index) : std::nullopt;
    try {
        const std::int64_t id = saveAssessment(c.store(), draft);
        history = listAssessments(c.store());
        savedAs = id;   // the selector says it is saved; a further save makes another dated assessment
        c.say(c.tf("facility.saved", {draft.assessedOn, std::to_string(id)}));
    } catch (const std::exception& e) {
        c.say(e.what(), true);
    }
}

// One checklist item: status, note, measures, evidence.
void FacilityScreen::drawItem(AdminContext& c, const FacilityItem& item, FacilityAnswer& ans, bool readOnly) {
    const FacilityChecklist& cl = *c.checklist;
    const std::string& lang = c.host.lang;
    ImGui::PushID(item.code.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("%s", (item.code + "  " + item.name.in(lang)).c_str());
    const RuleSource* src = cl.findSource(item.source);
    const FacilityCriterion* cr = cl.findCriterion(item.criterion);
    disabledWrapped((cr ? cr->name.in(lang) : item.criterion) + " · " + (src ? src->name.in(lang) : std::string()));
    for (auto [st, key] : {std::pair{FacilityStatus::Ada, "status.ada"}, {FacilityStatus::Proses, "status.proses"}, {FacilityStatus::Tidak, "status.tidak"}}) {
        if (ui::button(c, c.t(key), ans.status == st, 24)) ans.status = st;
        ImGui::SameLine();
    }
    ui::inputText("##note", ans.note, ImGui::GetContentRegionAvail().x, 0);
    drawMeasures(c, item, ans, readOnly);
    // Evidence: thumbnails (or a labelled box for PDFs / headless hosts) and the import button.
    drawEvidence(c, ans);
    if (!readOnly && ui::button(c, c.t("facility.add_evidence"))) {
        evidenceItem = evidenceItem == item.code ? "" : item.code;
        candidates = evidenceCandidates(folder);
    }
    if (readOnly) ImGui::NewLine();
    if (evidenceItem == item.code && !readOnly) drawEvidenceImport(c, ans);
    ImGui::PopID();
}

void FacilityScreen::drawMeasures(AdminContext& c, const FacilityItem& item, FacilityAnswer& ans, bool readOnly) {
    // Measures: name | value | unit | verdict. The name column is 80 mm where the panel allows
    // (less at 1280 px); names and verdicts wrap inside their columns instead of running on.
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float nameCol = ImGui::GetCursorPosX() + std::min(c.mm(80), ImGui::GetContentRegionAvail().x * 0.42f);
    float unitW = 0;
    for (const FacilityMeasure& m : item.measures) unitW = std::max(unitW, ImGui::CalcTextSize(m.unit.c_str()).x);
    const float verdictCol = nameCol + c.mm(22) + sp + unitW + c.mm(4);
    for (const FacilityMeasure& m : item.measures) {
        ImGui::PushID(m.code.c_str());
        std::string& text = measureText[item.code + "/" + m.code];
        if (readOnly) {
            auto it = ans.measures.find(m.code);
            text = it == ans.measures.end() ? "" : c.num(it->second, 1);
        }
        ImGui::AlignTextToFramePadding();
        ImGui::Indent(c.mm(4));
        ImGui::PushTextWrapPos(nameCol - sp);
        ImGui::TextUnformatted(m.name.in(c.host.lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent(c.mm(4));
        ImGui::SameLine(nameCol);
        if (ui::inputText("##v", text, c.mm(22))) {
            if (auto v = parseMeasure(text)) ans.measures[m.code] = *v;
            else ans.measures.erase(m.code);
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(m.unit.c_str());
        ImGui::SameLine(verdictCol);
        drawVerdict(c, *c.checklist, m, ans);
        ImGui::PopID();
    }
}

void FacilityScreen::drawEvidence(AdminContext& c, const FacilityAnswer& ans) {
    for (std::int64_t id : ans.evidence) {
        if (!evidence.count(id))
            if (auto info = evidenceInfo(c.store(), id)) evidence[id] = *info;
        if (!textures.count(id)) {
            void* tex = nullptr;
            if (c.host.uploadTexture)
                if (auto img = decodePng(evidenceThumbnailPng(c.store(), id))) tex = c.host.uploadTexture(img->width, img->height, img->pixels.data());
            textures[id] = tex;
        }
        const float th = c.mm(16);
        if (void* tex = textures[id]) {
            const EvidenceInfo& e = evidence[id];
            const float aspect = e.height > 0 ? static_cast<float>(e.width) / static_cast<float>(e.height) : 1.0f;
            ImGui::Image(tex, ImVec2(th * aspect, th));
        } else {
            const std::string label = (evidence.count(id) ? evidence[id].fileName : std::string("#") + std::to_string(id));
            ImGui::Button(label.c_str(), ImVec2(0, th));
        }
        if (ImGui::IsItemHovered() && evidence.count(id))
            ImGui::SetTooltip("%s\n%s\nSHA-256 %s", evidence[id].fileName.c_str(), evidence[id].mime.c_str(), evidence[id].sha256.c_str());
        ImGui::SameLine();
    }
}

// The import dialog under an item: the folder to look in and one Import button per file found.
void FacilityScreen::drawEvidenceImport(AdminContext& c, FacilityAnswer& ans) {
    ImGui::Indent(c.mm(4));
    ImGui::TextUnformatted(c.t("facility.folder"));
    ImGui::SameLine();
    const float lookW = ImGui::CalcTextSize(c.t("facility.look")).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ui::inputText("##folder", folder, std::clamp(ImGui::GetContentRegionAvail().x - lookW, c.mm(30), c.mm(90)));
    ImGui::SameLine();
    if (ui::button(c, c.t("facility.look"))) candidates = evidenceCandidates(folder);
    if (candidates.empty()) ImGui::TextDisabled("%s", c.t("facility.no_files"));
    for (const auto& path : candidates) {
        ImGui::PushID(path.c_str());
        if (ui::button(c, c.t("facility.import"))) importFile(c, path, ans);
        ImGui::SameLine();
        ImGui::TextUnformatted(path.c_str());
        ImGui::PopID();
    }
    ImGui::Unindent(c.mm(4));
}

void FacilityScreen::importFile(AdminContext& c, const std::string& path, FacilityAnswer& ans) {
    try {
        EvidenceInfo e = importEvidence(c.store(), path);
        if (std::find(ans.evidence.begin(), ans.evidence.end(), e.id) == ans.evidence.end()) ans.evidence.push_back(e.id);
        evidence[e.id] = e;
        c.say(c.tf(e.duplicate ? "facility.imported_again" : "facility.imported", {e.fileName, e.sha256.substr(0, 16)}));
    } catch (const EvidenceError& e) {
        c.say(c.tf(evidenceErrorKey(e.kind), {e.file}) + " (" + e.what() + ")", true);
    } catch (const std::exception& e) {
        c.say(e.what(), true);
    }
}

} // namespace sw::admin
