// Results for the public (PermenPANRB 14/2017 asks units to publish the SKM result and what they
// do about it): the page for the dashboard's period written in one tap, a preview of what it says,
// the waiting-room board's command, and the switch for the kiosk's welcome line.
#include "app/admin/screens.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/export/html_page.hpp"

#include <cstdlib>
#include <filesystem>

namespace sw::admin {

namespace {

// The unit head's home folder on the office PC; else the store's own folder.
std::string defaultFolder(AdminContext& c) {
    if (const char* home = std::getenv("HOME"); home && *home && std::filesystem::is_directory(home)) return home;
    return std::filesystem::path(c.store().path()).parent_path().string();
}

ResponseFilter periodFilter(const AdminContext& c) {
    ResponseFilter f;
    f.from = formatDate(c.period.from);
    f.to = formatDate(c.period.to);
    return f;
}

// "skm-kanim-serang-2026-07-01-2026-09-30-id.html": the unit, the period and the language.
std::string pageName(AdminContext& c, const std::string& lang) {
    const std::string unit = c.store().unit().value_or(UnitInfo{}).id;
    return safeFileName("skm-" + unit + "-" + formatDate(c.period.from) + "-" + formatDate(c.period.to) + "-" + lang) + ".html";
}

} // namespace

void PublishScreen::draw(AdminContext& c) {
    c.refresh();
    if (folder.empty()) folder = defaultFolder(c);
    ui::heading(c, c.t("publish.page_heading"));
    ImGui::TextWrapped("%s", c.tf("publish.page_intro", {periodLabel(c.period, c.host.lang)}).c_str());
    drawPage(c);
    ImGui::Spacing();
    drawPreview(c);
    ImGui::Spacing();
    ImGui::Separator();
    drawWelcomeLine(c);
    ImGui::Spacing();
    ImGui::Separator();
    drawBoard(c);
}

// Folder, language, and the one button that writes the page.
void PublishScreen::drawPage(AdminContext& c) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("publish.folder"));
    ImGui::SameLine();
    ui::inputText("##publish_folder", folder, std::clamp(ImGui::GetContentRegionAvail().x * 0.5f, c.mm(40), c.mm(120)));
    for (const char* code : {"id", "en"}) {
        ImGui::SameLine();
        if (ui::button(c, code == std::string("id") ? "Bahasa Indonesia" : "English", lang == code)) lang = code;
    }
    if (ui::button(c, c.t("publish.make"), false, 60)) exportPage(c);
}

void PublishScreen::exportPage(AdminContext& c) {
    const std::string path = (std::filesystem::path(folder) / pageName(c, lang)).string();
    refuseOutputOverInput(path, storeFiles(c.store().path()), c.t("publish.folder"));
    const std::int64_t n = exportHtmlPage(c.store(), path, HtmlPageOptions{periodFilter(c), lang});
    c.store().logEvent("export.html", path + " (" + std::to_string(n) + " responses)");
    c.say(c.tf("publish.made", {path}));
}

// What the page will say, in the head's language, so nothing on it comes as a surprise.
void PublishScreen::drawPreview(AdminContext& c) {
    const std::string key = formatDate(c.period.from) + formatDate(c.period.to) + c.host.lang + std::to_string(c.figures.respondents);
    if (key != previewFor) {
        preview = publicSummary(c.store(), periodFilter(c), c.host.lang);
        previewFor = key;
    }
    ImGui::TextDisabled("%s", c.t("publish.preview"));
    ImGui::TextWrapped("%s", preview.headline.c_str());
    if (!preview.weakestText.empty()) ImGui::TextWrapped("%s", preview.weakestText.c_str());
    ImGui::TextWrapped("%s", preview.gapText.c_str());
    if (preview.done.empty()) ImGui::TextWrapped("%s", c.t("publish.no_done"));
    else ImGui::TextWrapped("%s", c.tf("publish.done_count", {std::to_string(preview.done.size())}).c_str());
}

void PublishScreen::drawWelcomeLine(AdminContext& c) {
    ui::heading(c, c.t("publish.welcome_heading"));
    bool on = welcomeLineEnabled(c.store());
    if (ImGui::Checkbox(c.t("publish.welcome_switch"), &on)) {
        setWelcomeLineEnabled(c.store(), on);
        c.say(c.t(on ? "publish.welcome_on" : "publish.welcome_off"));
    }
    ui::widgetLog().push_back({c.t("publish.welcome_switch"), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                               ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
    const std::string line = welcomeLine(c.store(), nowUtc(), c.host.lang);
    ImGui::TextDisabled("%s", line.empty() ? c.t(on ? "publish.welcome_none" : "publish.welcome_hidden") : line.c_str());
}

// The board runs as its own program (a second screen, or another PC with a copy of the store).
void PublishScreen::drawBoard(AdminContext& c) {
    ui::heading(c, c.t("publish.board_heading"));
    ImGui::TextWrapped("%s", c.t("publish.board_intro"));
    const std::string db = std::filesystem::absolute(c.store().path()).string();
    std::string command = "suarawarga board --db " + (db.find_first_of(" \"$&;|") == std::string::npos ? db : "'" + db + "'");
    ui::inputText("##board_command", command, std::min(ImGui::GetContentRegionAvail().x, c.mm(200)), ImGuiInputTextFlags_ReadOnly);
}

} // namespace sw::admin
