#include "app/assessor/verification_panel.hpp"

#include "app/widgets/same_line.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/predikat.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_text.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <sstream>

namespace sw::assessor {

namespace {

const char* const kVerdictKeys[] = {"verdict.none", "verdict.terverifikasi", "verdict.tidak_sesuai", "verdict.perlu_klarifikasi"};
const Verdict kVerdicts[] = {Verdict::Terverifikasi, Verdict::Terverifikasi, Verdict::TidakSesuai, Verdict::PerluKlarifikasi};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string measuredText(double v) {
    std::ostringstream ss;
    ss << v;
    return ss.str();
}

// Greyed text that wraps at the window's edge (the weights and the predikat rule are long lines).
void mutedWrapped(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", s.c_str());
    ImGui::PopStyleColor();
}

// A radio button's width: its circle, the gap, its label.
float radioWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

// Next to the last item when `width` more pixels fit before the right edge; otherwise on the next
// line, starting at `column`.
void sameLineOrWrap(float width, float column) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width <= ImGui::GetWindowContentRegionMax().x) return;
    ImGui::NewLine();
    ImGui::SetCursorPosX(column);
}

} // namespace

VerificationPanel::VerificationPanel() : tr_(Translations::loadArea("verification")) {}

const char* VerificationPanel::w(const std::string& key) const { return tr_.get(key, lang_).c_str(); }

const char* VerificationPanel::title(const std::string& lang, bool open) {
    lang_ = lang;
    return w(open ? "kanwil.close" : "kanwil.heading");
}

void VerificationPanel::open(AssessorStore& store, const std::string& unitId) {
    unit_ = unitId;
    items_.clear();
    message_.clear();
    if (!checklist_) checklist_ = loadChecklist(defaultChecklistPath());
    claim_ = store.facilityClaim(unitId);
    date_ = localDate(nowUtc(), claim_ ? claim_->unit.utcOffsetMinutes : 420);
    assessors_.clear();
    seen_.clear();
    loadPredikat(store);
    const auto stored = store.verification(unitId);
    if (!stored) return;
    date_ = stored->visit.date;
    for (std::size_t i = 0; i < stored->visit.assessors.size(); ++i) assessors_ += (i ? ", " : "") + stored->visit.assessors[i];
    seen_ = stored->visit.seen;
    for (const ItemVerdict& iv : stored->verdicts) {
        ItemState& s = items_[iv.item];
        s.verdict = iv.verdict == Verdict::Terverifikasi ? 1 : iv.verdict == Verdict::TidakSesuai ? 2 : 3;
        s.found = iv.found == FacilityStatus::Proses ? 0 : 1;
        s.note = iv.note;
        for (const auto& [m, v] : iv.measured) s.measured[m] = measuredText(v);
    }
}

Verification VerificationPanel::draft() const {
    Verification v;
    v.unitId = unit_;
    v.visit.date = date_;
    std::stringstream names(assessors_);
    for (std::string n; std::getline(names, n, ',');)
        if (!trim(n).empty()) v.visit.assessors.push_back(trim(n));
    v.visit.seen = seen_;
    for (const auto& [code, s] : items_) {
        if (s.verdict == 0) continue;
        ItemVerdict iv;
        iv.item = code;
        iv.verdict = kVerdicts[s.verdict];
        if (iv.verdict == Verdict::TidakSesuai) iv.found = s.found == 0 ? FacilityStatus::Proses : FacilityStatus::Tidak;
        iv.note = s.note;
        for (const auto& [m, text] : s.measured)
            if (!trim(text).empty()) {
                try {
                    iv.measured[m] = std::stod(trim(text));
                } catch (const std::exception&) {
                    // left out of the live score; save() names it through the validator below
                }
            }
        v.verdicts.push_back(std::move(iv));
    }
    return v;
}

// The verdicts-file form of the screen, typed values as typed: the validator judges them.
std::string VerificationPanel::draftJson() const {
    nlohmann::json j = verificationToJson(draft());
    for (auto& v : j["verdicts"]) {
        const ItemState& s = items_.at(v["item"].get<std::string>());
        nlohmann::json measured = nlohmann::json::object();
        for (const auto& [m, text] : s.measured) {
            if (trim(text).empty()) continue;
            try {
                std::size_t used = 0;
                const double d = std::stod(trim(text), &used);
                measured[m] = used == trim(text).size() ? nlohmann::json(d) : nlohmann::json(text);
            } catch (const std::exception&) {
                measured[m] = text;
            }
        }
        v["measured"] = measured;
    }
    j.erase("saved_utc");
    return j.dump(1);
}

void VerificationPanel::save(AssessorStore& store) {
    try {
        Verification v = parseVerdicts(draftJson(), w("kanwil.heading"), *checklist_, unit_);
        v.unitName = claim_->unit.name;
        v.claimAssessedOn = claim_->report.value("assessed_on", "");
        v.periodFrom = claim_->periodFrom;
        v.periodTo = claim_->periodTo;
        v.savedUtc = nowUtc();
        store.saveVerification(v);
        message_ = format(w("kanwil.saved"), {unit_});
        messageIsError_ = false;
        loadPredikat(store);
    } catch (const std::exception& e) {
        message_ = e.what();   // the field and what is wrong with it; nothing stored
        messageIsError_ = true;
    }
}

void VerificationPanel::draw(AssessorStore& store, const std::string& lang, float mm) {
    lang_ = lang;
    if (!claim_ || !checklist_) {
        ImGui::TextWrapped("%s", w("kanwil.none"));
        return;
    }
    const Verification v = draft();
    const VerifiedScore s = scoreVerification(*checklist_, claim_->report, v);
    // The items scroll between the heading, scores and visit fields above and the predikat list
    // below, which keeps the height it took last frame (at most 45 % of the room; past that it
    // scrolls too). When that leaves the items less than 50 mm (an 800 or 768 px high screen,
    // such as 1366×768 at 4,5 px/mm), the whole panel scrolls as one page instead. Heights are
    // last frame's (they depend on how the lines wrap); 5 mm more to go back, so a page at the
    // limit does not switch every frame.
    const float room = ImGui::GetContentRegionAvail().y;
    const float below = std::clamp(predikatHeight_, mm * 20, std::max(mm * 20, room * 0.45f));
    onePage_ = room - headerHeight_ - below < mm * (onePage_ ? 55 : 50);
    const bool onePage = onePage_;
    if (onePage) ImGui::BeginChild("verify-page", ImVec2(0, 0), false);
    const float top = ImGui::GetCursorPosY();
    ImGui::SetWindowFontScale(1.1f);
    ImGui::TextUnformatted(w("kanwil.heading"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("%s", (claim_->report.value("assessed_on", "") + " · " + claimPeriodText(*claim_)).c_str());
    drawScores(s);
    drawVisit(mm);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(w("kanwil.save"))) save(store);
    ImGui::PopStyleColor();
    if (!message_.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(messageIsError_ ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.45f, 0.2f, 1), "%s", message_.c_str());
    }
    ImGui::Separator();
    headerHeight_ = ImGui::GetCursorPosY() - top;
    if (!onePage) ImGui::BeginChild("verify-items", ImVec2(0, -below), false);
    const FacilityAssessment claimed = claimFromReport(claim_->report);
    for (const FacilityItem& item : checklist_->items) {
        auto it = claimed.items.find(item.code);
        drawItem(item.code, item.name.in(lang_), &item, it == claimed.items.end() ? FacilityStatus::Unset : it->second.status, mm);
    }
    drawItem(kPetugasItem, checklist_->petugasName.in(lang_), nullptr, claimed.petugas, mm);
    if (!onePage) {
        ImGui::EndChild();
        ImGui::BeginChild("verify-predikat", ImVec2(0, 0), false);
    }
    const float predikatTop = ImGui::GetCursorPosY();
    drawPredikat();
    predikatHeight_ = ImGui::GetCursorPosY() - predikatTop + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::EndChild();
}

void VerificationPanel::drawScores(const VerifiedScore& s) {
    ImGui::TextWrapped("%s: %s (%s)   ·   %s: %s (%s)   ·   %s: %s", w("unit.self"), scoreText(s.self).c_str(),
                       coverageText(s.selfCoverage, false).c_str(), w("unit.verified"), scoreText(s.verified).c_str(),
                       coverageText(s.coverage, true).c_str(), w("unit.difference"), formatNumber(s.difference, 2, lang_).c_str());
    mutedWrapped(weightsLine(*checklist_));
}

void VerificationPanel::drawVisit(float mm) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(w("kanwil.date"));
    ImGui::SameLine();
    // As wide as a date needs, in whatever size the font is.
    ImGui::SetNextItemWidth(std::max(mm * 32, ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + mm * 2));
    ImGui::InputText("##visit_date", &date_);
    // The assessors' label and field beside the date where the field keeps 50 mm, else below it.
    if (!widgets::sameLineIfFits(ImGui::CalcTextSize(w("kanwil.assessors")).x + ImGui::GetStyle().ItemSpacing.x + mm * 50))
        ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(w("kanwil.assessors"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##visit_assessors", &assessors_);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(w("kanwil.seen"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##visit_seen", &seen_);
}

void VerificationPanel::drawItem(const std::string& code, const std::string& name, const FacilityItem* item, FacilityStatus claimed, float mm) {
    ItemState& s = items_[code];
    ImGui::PushID(code.c_str());
    // Three columns: the item's name wraps before the claim, the claim (as wide as the widest
    // claim text) before the verdicts; a long name or "Unit's claim: In progress" never runs
    // under the next column. When the verdicts' column is narrower than its widest verdict (1280×800
    // at 6,2 px/mm cut "Belum diverifikasi"), the three stack: the name on its line, the claim
    // under it and the verdicts after the claim, indented.
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    float claimW = 0;
    for (FacilityStatus st : {FacilityStatus::Unset, FacilityStatus::Ada, FacilityStatus::Proses, FacilityStatus::Tidak})
        claimW = std::max(claimW, ImGui::CalcTextSize((std::string(w("col.claim")) + ": " + w("status." + std::string(facilityStatusCode(st)))).c_str()).x);
    float verdictW = radioWidth(w("verdict.belum_diverifikasi"));
    for (int i = 1; i <= 3; ++i) verdictW = std::max(verdictW, radioWidth(w(kVerdictKeys[i])));
    const float x0 = ImGui::GetCursorPosX();
    const bool columns = std::max(avail * 0.56f, avail * 0.42f + claimW + sp * 2) + verdictW <= avail;
    const float claimX = columns ? x0 + avail * 0.42f : x0 + mm * 6;
    const float verdictX = columns ? std::max(x0 + avail * 0.56f, claimX + claimW + sp * 2) : claimX;
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(columns ? claimX - sp : 0.0f);
    ImGui::Text("%s %s", code.c_str(), name.c_str());
    ImGui::PopTextWrapPos();
    if (columns) ImGui::SameLine(claimX);
    else {
        ImGui::SetCursorPosX(claimX);
        ImGui::AlignTextToFramePadding();   // level with the verdicts beside it
    }
    ImGui::Text("%s: %s", w("col.claim"), w("status." + std::string(facilityStatusCode(claimed))));
    // The verdicts start at their column; one that no longer fits the line starts the next one
    // there (at 1280 px "Perlu klarifikasi" would otherwise run past the edge).
    if (columns) ImGui::SameLine(verdictX);
    else sameLineOrWrap(radioWidth(w(kVerdictKeys[1])), verdictX);
    for (int i = 1; i <= 3; ++i) {
        if (i > 1) sameLineOrWrap(radioWidth(w(kVerdictKeys[i])), verdictX);
        ImGui::RadioButton(w(kVerdictKeys[i]), &s.verdict, i);
    }
    sameLineOrWrap(radioWidth(w("verdict.belum_diverifikasi")), verdictX);
    ImGui::RadioButton(w("verdict.belum_diverifikasi"), &s.verdict, 0);
    if (s.verdict == 2) {
        sameLineOrWrap(mm * 26 + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(w("kanwil.found")).x, verdictX);
        ImGui::SetNextItemWidth(mm * 26);
        const char* found[] = {w("status.proses"), w("status.tidak")};
        ImGui::Combo(w("kanwil.found"), &s.found, found, 2);
    }
    if (s.verdict >= 1) {
        ImGui::Indent(mm * 6);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##note", w("col.note"), &s.note);
        // Re-measured values on a line of their own, each named with its limit (Permen PUPR 14/2017).
        if (item && !item->measures.empty()) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s:", w("kanwil.remeasure"));
        }
        if (item)
            for (const FacilityMeasure& m : item->measures) {
                // Each measure and its field on the line where they fit together, else on the next.
                const std::string named = m.name.in(lang_) + " " + (m.rule == FacilityMeasure::Rule::Max ? "≤ " : "≥ ") +
                                          formatNumber(m.limit, 1, lang_) + " " + m.unit;
                sameLineOrWrap(ImGui::CalcTextSize(named.c_str()).x + sp + mm * 16, ImGui::GetCursorPosX());
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(named.c_str());
                ImGui::SameLine();
                ImGui::SetNextItemWidth(mm * 16);
                ImGui::InputText(("##" + m.code).c_str(), &s.measured[m.code]);
            }
        ImGui::Unindent(mm * 6);
    }
    ImGui::Separator();
    ImGui::PopID();
}

// Read when the panel opens and after a save, not every frame.
void VerificationPanel::loadPredikat(AssessorStore& store) {
    predikat_.clear();
    predikatError_.clear();
    try {
        predikat_ = predikatList(store, *checklist_, rule_);
    } catch (const std::exception& e) {
        predikatError_ = e.what();
    }
}

void VerificationPanel::drawPredikat() {
    ImGui::SetWindowFontScale(1.1f);
    ImGui::TextUnformatted(w("kanwil.predikat"));
    ImGui::SetWindowFontScale(1.0f);
    mutedWrapped(predikatRuleLine(rule_));
    if (!predikatError_.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", predikatError_.c_str());
    for (const PredikatStanding& p : predikat_) {
        std::string reasons;
        for (const std::string& r : p.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        ImGui::TextColored(p.ready ? ImVec4(0.1f, 0.45f, 0.2f, 1) : ImVec4(0.6f, 0.3f, 0.05f, 1), "%s", w(p.ready ? "kanwil.ready" : "kanwil.not_ready"));
        ImGui::SameLine();
        ImGui::TextWrapped("%s %s — %s: %s", p.unit.id.c_str(), p.unit.name.c_str(), p.verifiedText.c_str(), reasons.c_str());
    }
}

} // namespace sw::assessor
