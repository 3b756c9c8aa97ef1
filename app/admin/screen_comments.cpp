// Comments of the period, newest first, searchable, each with its answers; and the responses
// flagged as suspected misuse (counted on the dashboard, viewable here).
#include "app/admin/screens.hpp"

#include <algorithm>

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

// Pieces of text laid out left to right, each starting a new line where it would not fit beside
// the one before, never broken inside; a piece wider than a whole line (a long unsur name and its
// answer on a 1280×800 touchscreen at 6,2 px/mm) wraps between its words. Every entry is one line
// of one piece, so drawing and the card's height (flowLines) agree.
struct FlowEntry {
    std::size_t piece;
    std::string text;
    bool newLine;   // starts a line (the first entry always does)
};

std::vector<FlowEntry> flow(const std::vector<std::string>& pieces, float width) {
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    std::vector<FlowEntry> out;
    float x = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const float w = ImGui::CalcTextSize(pieces[i].c_str()).x;
        if (x > 0 && x + sp + w <= width) {
            out.push_back({i, pieces[i], false});
            x += sp + w;
            continue;
        }
        const std::string lines = ui::wrapWords(pieces[i], width);
        for (std::size_t at = 0; at <= lines.size();) {
            const std::size_t end = std::min(lines.find('\n', at), lines.size());
            out.push_back({i, lines.substr(at, end - at), true});
            x = ImGui::CalcTextSize(out.back().text.c_str()).x;
            at = end + 1;
        }
    }
    return out;
}

int flowLines(const std::vector<FlowEntry>& entries) {
    return static_cast<int>(std::count_if(entries.begin(), entries.end(), [](const FlowEntry& e) { return e.newLine; }));
}

void drawFlow(const std::vector<FlowEntry>& entries, const std::vector<ImVec4>& colours) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0 && !entries[i].newLine) ImGui::SameLine();
        ImGui::TextColored(colours[entries[i].piece], "%s", entries[i].text.c_str());
    }
}

// The card's heading: date, service, flagged, kelompok, duration.
std::vector<std::string> headingOf(AdminContext& c, const CommentRow& r) {
    std::vector<std::string> out{c.localDateTimeText(r.createdUtc), "· " + c.serviceName(r.service)};
    if (r.misuse) out.push_back(std::string("· ") + c.t("comments.flagged"));
    if (!r.kelompok.empty()) {
        std::string k;
        for (const auto& g : r.kelompok) k += (k.empty() ? "" : ", ") + std::string(c.t(("kelompok." + g).c_str()));
        out.push_back("· " + k);
    }
    if (r.durationSeconds) out.push_back("· " + c.tf("comments.duration", {std::to_string(*r.durationSeconds)}));
    return out;
}

// Coloured by value (1 red … 4 green): the head reads "Persyaratan: Puas", not a code.
std::vector<ImVec4> answerColours(const std::vector<Answer>& answers) {
    static const ImVec4 cols[5] = {{0.5f, 0.5f, 0.5f, 1}, {0.75f, 0.1f, 0.1f, 1}, {0.75f, 0.4f, 0, 1}, {0.05f, 0.35f, 0.65f, 1}, {0, 0.45f, 0.3f, 1}};
    std::vector<ImVec4> out;
    for (const auto& a : answers) out.push_back(cols[a.value]);
    return out;
}

std::vector<std::string> answerTexts(const std::vector<Answer>& answers) {
    std::vector<std::string> out;
    for (const auto& a : answers) out.push_back(a.text);
    return out;
}

// The width inside a card.
float cardInner(AdminContext& c) { return ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2 - c.mm(1); }

// The card's height: its heading, the comment wrapped, the answers, the padding.
float cardHeight(AdminContext& c, const CommentRow& r, int headingLines, int answerLines) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float h = static_cast<float>(headingLines) * line;
    if (!r.comment.empty()) h += ImGui::CalcTextSize(("\"" + r.comment + "\"").c_str(), nullptr, false, cardInner(c)).y + st.ItemSpacing.y;
    h += static_cast<float>(answerLines) * line;
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
    // The search field (50 to 70 mm) beside the buttons where it fits, else on a line of its own.
    const float searchLabelW = ImGui::CalcTextSize(c.t("comments.search")).x + ImGui::GetStyle().ItemSpacing.x;
    if (!ui::sameLineIfFits(searchLabelW + c.mm(50), c.mm(6))) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("comments.search"));
    ImGui::SameLine();
    if (ui::inputText("##search", search, std::min(c.mm(70), ImGui::GetContentRegionAvail().x))) page = 0;

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
        const float inner = cardInner(c);
        const std::vector<std::string> headingPieces = headingOf(c, r);
        const std::vector<FlowEntry> heading = flow(headingPieces, inner), answerFlow = flow(answerTexts(answers), inner);
        ImGui::BeginChild("##c", ImVec2(0, cardHeight(c, r, flowLines(heading), flowLines(answerFlow))), true, ImGuiWindowFlags_NoScrollbar);
        drawFlow(heading, std::vector<ImVec4>(headingPieces.size(), ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]));
        if (!r.comment.empty()) ImGui::TextWrapped("\"%s\"", r.comment.c_str());
        drawFlow(answerFlow, answerColours(answers));
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

} // namespace sw::admin
