// Comments of the period, newest first, searchable, each with its answers; and the responses
// flagged as suspected misuse (counted on the dashboard, viewable here).
#include "app/admin/screens.hpp"

namespace sw::admin {

void CommentsScreen::draw(AdminContext& c) {
    constexpr int kPage = 30;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(periodLabel(c.period, c.host.lang).c_str());
    ImGui::SameLine(0, c.mm(6));
    if (ui::button(c, c.t("comments.tab_comments"), !misuseOnly)) {
        misuseOnly = false;
        page = 0;
    }
    ImGui::SameLine();
    if (ui::button(c, c.t("comments.tab_misuse"), misuseOnly)) {
        misuseOnly = true;
        page = 0;
    }
    ImGui::SameLine(0, c.mm(6));
    ImGui::TextUnformatted(c.t("comments.search"));
    ImGui::SameLine();
    if (ui::inputText("##search", search, c.mm(70))) page = 0;

    CommentQuery q;
    q.period = c.period;
    q.search = search;
    q.misuseOnly = misuseOnly;
    q.limit = kPage;
    q.offset = page * kPage;
    const std::string key = formatDate(c.period.from) + formatDate(c.period.to) + "|" + search + "|" + std::to_string(page) +
                            (misuseOnly ? "|m" : "|c") + std::to_string(c.cols.rows());
    if (key != loadedKey) {
        rows = commentsFor(c.store(), q);
        total = countComments(c.store(), q);
        loadedKey = key;
    }
    ImGui::SameLine(0, c.mm(6));
    ImGui::TextUnformatted(c.tf("comments.count", {std::to_string(total)}).c_str());
    if (page > 0) {
        ImGui::SameLine();
        if (ui::button(c, c.t("comments.newer"))) --page;
    }
    if ((page + 1) * kPage < total) {
        ImGui::SameLine();
        if (ui::button(c, c.t("comments.older"))) ++page;
    }
    if (misuseOnly) ImGui::TextWrapped("%s", c.t(c.includeMisuse ? "comments.misuse_note_included" : "comments.misuse_note_excluded"));
    ImGui::Separator();

    ImGui::BeginChild("##comment_list", ImVec2(0, 0), false);
    if (rows.empty()) ImGui::TextDisabled("%s", c.t(misuseOnly ? "comments.no_misuse" : "comments.none"));
    for (const CommentRow& r : rows) {
        ImGui::PushID(static_cast<int>(r.rid));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, r.misuse ? ImVec4(1.0f, 0.95f, 0.92f, 1) : ImVec4(1, 1, 1, 1));
        const float h = ImGui::GetFontSize() * (r.comment.empty() ? 3.6f : 4.8f) + c.mm(2);
        ImGui::BeginChild("##c", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::TextDisabled("%s · %s%s", c.localDateTimeText(r.createdUtc).c_str(), c.serviceName(r.service).c_str(),
                            r.misuse ? (std::string(" · ") + c.t("comments.flagged")).c_str() : "");
        if (!r.kelompok.empty()) {
            std::string k;
            for (const auto& g : r.kelompok) k += (k.empty() ? "" : ", ") + std::string(c.t(("kelompok." + g).c_str()));
            ImGui::SameLine();
            ImGui::TextDisabled("· %s", k.c_str());
        }
        if (r.durationSeconds) {
            ImGui::SameLine();
            ImGui::TextDisabled("· %s", c.tf("comments.duration", {std::to_string(*r.durationSeconds)}).c_str());
        }
        if (!r.comment.empty()) ImGui::TextWrapped("\"%s\"", r.comment.c_str());
        // The answers, unsur by unsur, in words and coloured by value (1 red … 4 green): the head
        // reads "Persyaratan: Puas", not a code.
        static const ImVec4 cols[5] = {{0.5f, 0.5f, 0.5f, 1}, {0.75f, 0.1f, 0.1f, 1}, {0.75f, 0.4f, 0, 1}, {0.05f, 0.35f, 0.65f, 1}, {0, 0.45f, 0.3f, 1}};
        bool first = true;
        for (const auto& u : c.instrument().unsur) {
            auto it = r.unsur.find(u.code);
            const int v = it == r.unsur.end() ? 0 : it->second;
            const std::string answer = u.name.in(c.host.lang) + ": " +
                                       (v ? u.labels[static_cast<std::size_t>(v - 1)].in(c.host.lang) : std::string("–")) + ";";
            // Wrap between answers, never inside one.
            if (!first) {
                ImGui::SameLine();
                if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(answer.c_str()).x) ImGui::NewLine();
            }
            ImGui::TextColored(cols[v], "%s", answer.c_str());
            first = false;
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

} // namespace sw::admin
