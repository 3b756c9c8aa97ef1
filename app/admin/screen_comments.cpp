// Comments of the period, newest first, searchable, each with its answers; and the responses
// flagged as suspected misuse (counted on the dashboard, viewable here).
#include "app/admin/screens.hpp"

namespace sw::admin {

namespace {

// One unsur's answer in words ("Persyaratan: Sesuai;") and its value (0: not answered).
struct Answer {
    std::string text;
    int value = 0;
};

std::vector<Answer> answersOf(AdminContext& c, const CommentRow& r) {
    std::vector<Answer> out;
    for (const auto& u : c.instrument().unsur) {
        auto it = r.unsur.find(u.code);
        const int v = it == r.unsur.end() ? 0 : it->second;
        out.push_back({u.name.in(c.host.lang) + ": " + (v ? u.labels[static_cast<std::size_t>(v - 1)].in(c.host.lang) : std::string("–")) + ";", v});
    }
    return out;
}

// How many lines the answers take in `width` when wrapped between answers (as drawAnswers does).
int answerLines(const std::vector<Answer>& answers, float width) {
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    int lines = answers.empty() ? 0 : 1;
    float x = 0;
    for (const auto& a : answers) {
        const float w = ImGui::CalcTextSize(a.text.c_str()).x;
        if (x > 0 && x + sp + w > width) {
            ++lines;
            x = w;
        } else {
            x += (x > 0 ? sp : 0) + w;
        }
    }
    return lines;
}

// Coloured by value (1 red … 4 green): the head reads "Persyaratan: Puas", not a code.
void drawAnswers(const std::vector<Answer>& answers) {
    static const ImVec4 cols[5] = {{0.5f, 0.5f, 0.5f, 1}, {0.75f, 0.1f, 0.1f, 1}, {0.75f, 0.4f, 0, 1}, {0.05f, 0.35f, 0.65f, 1}, {0, 0.45f, 0.3f, 1}};
    bool first = true;
    for (const auto& a : answers) {
        if (!first) {   // wrap between answers, never inside one
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(a.text.c_str()).x) ImGui::NewLine();
        }
        ImGui::TextColored(cols[a.value], "%s", a.text.c_str());
        first = false;
    }
}

// The card's height: its heading line, the comment wrapped, the answers wrapped, the padding.
float cardHeight(AdminContext& c, const CommentRow& r, const std::vector<Answer>& answers) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inner = ImGui::GetContentRegionAvail().x - st.WindowPadding.x * 2 - c.mm(1);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float h = line;   // date, service, kelompok
    if (!r.comment.empty()) h += ImGui::CalcTextSize(("\"" + r.comment + "\"").c_str(), nullptr, false, inner).y + st.ItemSpacing.y;
    h += static_cast<float>(answerLines(answers, inner)) * line;
    return h + st.WindowPadding.y * 2 + c.mm(1);
}

} // namespace

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
    // The count and the paging buttons go on the next line when the row is full (a 1366×768
    // laptop at 4,5 px/mm): a button past the edge could not be pressed.
    const std::string found = c.tf("comments.count", {std::to_string(total)});
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    if (!ui::sameLineIfFits(ImGui::CalcTextSize(found.c_str()).x, c.mm(6))) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(found.c_str());
    if (page > 0) {
        ui::sameLineIfFits(ImGui::CalcTextSize(c.t("comments.newer")).x + pad);
        if (ui::button(c, c.t("comments.newer"))) --page;
    }
    if ((page + 1) * kPage < total) {
        ui::sameLineIfFits(ImGui::CalcTextSize(c.t("comments.older")).x + pad);
        if (ui::button(c, c.t("comments.older"))) ++page;
    }
    if (misuseOnly) ImGui::TextWrapped("%s", c.t(c.includeMisuse ? "comments.misuse_note_included" : "comments.misuse_note_excluded"));
    ImGui::Separator();

    ImGui::BeginChild("##comment_list", ImVec2(0, 0), false);
    if (rows.empty()) ImGui::TextDisabled("%s", c.t(misuseOnly ? "comments.no_misuse" : "comments.none"));
    for (const CommentRow& r : rows) {
        ImGui::PushID(static_cast<int>(r.rid));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, r.misuse ? ImVec4(1.0f, 0.95f, 0.92f, 1) : ImVec4(1, 1, 1, 1));
        const std::vector<Answer> answers = answersOf(c, r);
        const float h = cardHeight(c, r, answers);
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
        drawAnswers(answers);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

} // namespace sw::admin
