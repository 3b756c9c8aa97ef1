#include "app/admin/screen_verification.hpp"

#include "survey/base/translations.hpp"
#include "survey/national/verification_followup.hpp"

#include <algorithm>

namespace sw::admin {

namespace {

const Translations& words() {
    static const Translations t = Translations::loadArea("verification");
    return t;
}

std::string scoreOf(AdminContext& c, const nlohmann::json& s) {
    return s.is_object() && s.contains("total") ? c.num(s["total"].get<double>()) : "–";
}

} // namespace

const char* VerificationScreen::w(AdminContext& c, const std::string& key) { return words().get(key, c.host.lang).c_str(); }

void VerificationScreen::load(AdminContext& c) {
    const auto all = receivedVerifications(c.store());
    shown = all.empty() ? std::nullopt : std::optional<ReceivedVerification>(all.front());
    loaded = true;
}

void VerificationScreen::draw(AdminContext& c) {
    if (!loaded) load(c);
    ui::heading(c, w(c, "unit.heading"));
    if (!shown) ImGui::TextWrapped("%s", w(c, "unit.none"));
    drawImport(c);
    if (!shown) return;
    const nlohmann::json& p = shown->payload;
    const auto visit = p.value("visit", nlohmann::json::object());
    std::string assessors;
    for (const auto& n : visit.value("assessors", nlohmann::json::array()))
        if (n.is_string()) assessors += (assessors.empty() ? "" : ", ") + n.get<std::string>();
    const auto period = p.value("period", nlohmann::json::object());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", format(w(c, "unit.signed"), {shown->visitDate, assessors, shown->kanwilFingerprint}).c_str());
    const std::string from = period.value("from", ""), to = period.value("to", "");
    ImGui::TextWrapped("%s", format(w(c, from.empty() && to.empty() ? "unit.claim_all" : "unit.claim"), {p.value("claim_assessed_on", ""), from, to}).c_str());
    if (!visit.value("seen", "").empty()) ImGui::TextWrapped("%s", visit.value("seen", "").c_str());
    drawScores(c, p);
    drawFindings(c);
    drawItems(c, p);
}

void VerificationScreen::drawImport(AdminContext& c) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(w(c, "unit.file"));
    ImGui::SameLine();
    ui::inputText("##verification_file", file, std::clamp(ImGui::GetContentRegionAvail().x * 0.5f, c.mm(40), c.mm(120)));
    ImGui::SameLine();
    if (ui::button(c, w(c, "unit.import")) && !file.empty()) {
        // A refused file (another Kanwil key, a changed byte, another unit's) is said, nothing stored.
        const ReceivedVerification r = importVerificationResult(c.store(), file);
        c.say(r.duplicate ? w(c, "unit.duplicate") : format(w(c, "unit.imported"), {r.visitDate}));
        load(c);
    }
}

void VerificationScreen::drawScores(AdminContext& c, const nlohmann::json& p) {
    const auto self = p.value("self_score", nlohmann::json::object()), verified = p.value("verified_score", nlohmann::json::object());
    auto coverage = [&](const nlohmann::json& s, bool items) {
        const auto cov = s.value("coverage", nlohmann::json::object());
        std::string t = format(w(c, "unit.coverage"), {std::to_string(cov.value("criteria_with_data", 0)), std::to_string(cov.value("criteria", 0))});
        if (!cov.value("complete", false)) t += " — " + std::string(w(c, "unit.incomplete"));
        if (items) t += "\n" + format(w(c, "unit.items_verified"), {std::to_string(cov.value("items_verified", 0)), std::to_string(cov.value("items", 0))});
        return t;
    };
    const float cw = std::min(c.mm(70), (ImGui::GetContentRegionAvail().x - c.mm(8)) / 3);
    const double diff = p.value("difference", 0.0);
    const ImU32 grey = IM_COL32(120, 130, 145, 255), red = IM_COL32(200, 60, 40, 255), green = IM_COL32(30, 130, 70, 255);
    const std::string selfSub = coverage(self, false), verSub = coverage(verified, true);
    const float h = std::max(ui::cardHeight(c, w(c, "unit.self"), selfSub, cw), ui::cardHeight(c, w(c, "unit.verified"), verSub, cw));
    ImGui::Spacing();
    ui::card(c, w(c, "unit.self"), scoreOf(c, self), selfSub, grey, ImVec2(cw, h));
    ImGui::SameLine();
    ui::card(c, w(c, "unit.verified"), scoreOf(c, verified), verSub, diff < -0.005 ? red : green, ImVec2(cw, h));
    ImGui::SameLine();
    ui::card(c, w(c, "unit.difference"), (diff > 0 ? "+" : "") + c.num(diff), "", diff < -0.005 ? red : grey, ImVec2(cw, h));
}

void VerificationScreen::drawFindings(AdminContext& c) {
    ui::heading(c, w(c, "unit.findings"));
    const auto findings = findingsOf(shown->payload);
    if (findings.empty()) {
        ImGui::TextWrapped("%s", w(c, "unit.no_findings"));
        return;
    }
    if (!ImGui::BeginTable("findings", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(w(c, "col.item"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(w(c, "col.verdict"), ImGuiTableColumnFlags_WidthFixed, c.mm(36));
    ImGui::TableSetupColumn(w(c, "col.note"), ImGuiTableColumnFlags_WidthStretch, 3);
    // As wide as the button's label needs ("Jadikan tindak lanjut" is wider than 52 mm at 96 dpi).
    const float actionW = std::max(c.mm(52), ImGui::CalcTextSize(w(c, "unit.make_tl")).x + ImGui::GetStyle().FramePadding.x * 2 + 2);
    ImGui::TableSetupColumn(w(c, "col.action"), ImGuiTableColumnFlags_WidthFixed, actionW);
    ImGui::TableHeadersRow();
    for (const VerificationFinding& f : findings) {
        ImGui::PushID(f.item.c_str());
        ImGui::TableNextRow(0, c.mm(11));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s %s", f.item.c_str(), f.itemName.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", w(c, "verdict." + f.verdict));
        ImGui::TableNextColumn();
        std::string note = f.note;
        for (const std::string& m : f.failingMeasures) note += (note.empty() ? "" : "; ") + format(w(c, "unit.measure_fails"), {m});
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::TableNextColumn();
        if (hasFollowUp(c.store(), *shown, f.item)) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("%s", w(c, "unit.tl_done"));
            ImGui::PopStyleColor();
        } else if (ui::button(c, w(c, "unit.make_tl"), false, 50)) {
            addFollowUp(c.store(), *shown, f);
            c.say(format(w(c, "unit.tl_made"), {f.item}));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void VerificationScreen::drawItems(AdminContext& c, const nlohmann::json& p) {
    ImGui::Spacing();
    if (!ImGui::CollapsingHeader(w(c, "unit.items"))) return;
    if (!ImGui::BeginTable("items", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(w(c, "col.item"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(w(c, "col.claim"), ImGuiTableColumnFlags_WidthFixed, c.mm(26));
    ImGui::TableSetupColumn(w(c, "col.verdict"), ImGuiTableColumnFlags_WidthFixed, c.mm(36));
    ImGui::TableSetupColumn(w(c, "col.note"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (const auto& item : p.value("items", nlohmann::json::array())) {
        if (!item.is_object()) continue;
        const std::string verdict = item.value("verdict", "");
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s %s", item.value("item", "").c_str(), item.value("name", "").c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", w(c, "status." + item.value("claimed", "")));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", w(c, verdict.empty() ? "verdict.belum_diverifikasi" : "verdict." + verdict));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", item.value("note", "").c_str());
    }
    ImGui::EndTable();
}

} // namespace sw::admin
