// The unit head's area: a tab row (dashboard, comments, facility, tindak lanjut, publish, settings) over
// the screens in screen_*.cpp, and a status line for the last action's result.
#include "app/admin/admin_area.hpp"

#include "app/admin/screen_verification.hpp"
#include "app/admin/screen_delivery.hpp"
#include "app/admin/screens.hpp"
#include "app/widgets/demo_badge.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace sw::admin {

struct AdminArea::Impl {
    explicit Impl(AdminHost& h) : ctx(h) {}
    AdminContext ctx;
    std::string tab = "dashboard";
    DashboardScreen dashboard;
    CommentsScreen comments;
    FacilityScreen facility;
    TindakLanjutScreen tindakLanjut;
    SettingsScreen settings;
    PublishScreen publish;
    DeliveryScreen delivery;           // sending to the Kanwil (screen_delivery.cpp)
    VerificationScreen verification;   // the Kanwil's verification result (screen_verification.cpp)

    // The steps of AdminArea::draw() that need the tab or the screens.
    void drawTabRow();      // tabs, then language, leave full screen and back at the right end
    void drawScreen();      // the current tab's screen
};

AdminArea::AdminArea(AdminHost& host) : impl_(std::make_unique<Impl>(host)) {}
AdminArea::~AdminArea() { impl_->facility.releaseTextures(impl_->ctx); }

void AdminArea::showTab(const std::string& tab) {
    // "rtl" is the rencana tindak lanjut (the name the seam was given).
    impl_->tab = tab == "rtl" ? "tindak_lanjut" : tab;
}

const std::string& AdminArea::currentTab() const { return impl_->tab; }
const std::string& AdminArea::statusMessage() const { return impl_->ctx.message; }
bool AdminArea::statusIsError() const { return impl_->ctx.messageIsError; }

std::vector<AdminArea::WidgetRect> AdminArea::widgetRects() const {
    std::vector<WidgetRect> out;
    for (const auto& w : ui::widgetLog()) out.push_back({w.label, w.x0, w.y0, w.x1, w.y1});
    return out;
}

namespace {

// A light, high-contrast look for reading figures, whatever theme the kiosk uses.
void lightStyle(ImGuiStyle& s, float pxPerMm) {
    ImGui::StyleColorsLight(&s);
    s.Colors[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.96f, 0.975f, 1);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0.98f, 0.985f, 0.99f, 1);
    s.Colors[ImGuiCol_Text] = ImVec4(0.08f, 0.10f, 0.14f, 1);
    s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.39f, 0.45f, 1);
    s.Colors[ImGuiCol_Button] = ImVec4(0.86f, 0.89f, 0.94f, 1);
    s.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.76f, 0.83f, 0.93f, 1);
    s.Colors[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.74f, 0.90f, 1);
    s.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.83f, 1);
    s.FrameBorderSize = 1.0f;
    s.FrameRounding = 0.8f * pxPerMm;
    s.FramePadding = ImVec2(2.0f * pxPerMm, 1.2f * pxPerMm);
    s.ItemSpacing = ImVec2(1.8f * pxPerMm, 1.5f * pxPerMm);
    s.WindowPadding = ImVec2(3.0f * pxPerMm, 2.5f * pxPerMm);
    s.ScrollbarSize = 4.0f * pxPerMm; // a scrollbar a finger can hold
    s.GrabMinSize = 4.0f * pxPerMm;
}

const std::pair<const char*, const char*> kTabs[] = {{"dashboard", "tab.dashboard"},
                                                      {"comments", "tab.comments"},
                                                      {"facility", "tab.facility"},
                                                      {"tindak_lanjut", "tab.tindak_lanjut"},
                                                      {"verification", "tab.verification"},
                                                      {"publish", "tab.publish"},
                                                      {"delivery", "tab.delivery"},
                                                      {"settings", "tab.settings"}};

// Title, unit name and the demo badge.
void drawTitle(AdminContext& c) {
    const std::optional<UnitInfo> unit = c.host.store ? c.host.store->unit() : std::nullopt;
    ImGui::AlignTextToFramePadding();
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextUnformatted(c.t("area.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", unit ? unit->name.c_str() : "");
    if (unit && unit->demo) {
        ui::sameLineIfFits(widgets::demoBadgeWidth(c.t("area.demo")));
        widgets::demoBadge(c.t("area.demo"));
    }
}

// Language, leave full screen and back sit at the right end, as wide as their labels need.
float rightGroupWidth(AdminContext& c) {
    const float pad = ImGui::GetStyle().FramePadding.x * 2, sp = ImGui::GetStyle().ItemSpacing.x;
    auto w = [&](const char* label, float minMm) { return std::max(c.mm(minMm), ImGui::CalcTextSize(label).x + pad); };
    float rightW = w("EN", 16) + sp + w(c.t("area.back"), 44);
    if (c.host.fullscreen) rightW += sp + w(c.t("area.leave_fullscreen"), 44);
    return rightW;
}

// Tabs are 42 mm wide where there is room; at 1280 px they shrink towards their labels so the
// whole row (and "back to the kiosk") stays on screen: the widest w ≤ 42 mm whose row,
// Σ max(w, label), fits (bisection; a label is never cut).
float tabWidth(AdminContext& c, float rightW) {
    const float pad = ImGui::GetStyle().FramePadding.x * 2, sp = ImGui::GetStyle().ItemSpacing.x;
    const float tabRoom = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x - rightW - sp * 5 - 1;
    auto rowWidth = [&](float tabW) {
        float row = 0;
        for (const auto& [code, key] : kTabs) row += std::max(tabW, ImGui::CalcTextSize(c.t(key)).x + pad);
        return row;
    };
    float tabW = 0, tooWide = c.mm(42);
    if (rowWidth(tooWide) <= tabRoom) tabW = tooWide;
    else
        for (int i = 0; i < 16; ++i) {
            const float mid = (tabW + tooWide) * 0.5f;
            (rowWidth(mid) <= tabRoom ? tabW : tooWide) = mid;
        }
    return tabW;
}

void drawRightGroup(AdminContext& c, float rightW) {
    AdminHost& host = c.host;
    const float rightX = ImGui::GetWindowContentRegionMax().x - rightW;
    if (ImGui::GetCursorPosX() <= rightX) {
        ImGui::SameLine(rightX);
    } else { // even label-wide tabs leave no room (a narrow window): the right group goes below
        ImGui::NewLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), rightX));
    }
    if (ui::button(c, host.lang == "en" ? "ID" : "EN", false, 16)) host.lang = host.lang == "en" ? "id" : "en";
    ImGui::SameLine();
    if (host.fullscreen) {
        if (ui::button(c, c.t("area.leave_fullscreen"), false, 44)) host.requestLeaveFullscreen = true;
        ImGui::SameLine();
    }
    if (ui::button(c, c.t("area.back"), false, 44)) host.requestClose = true;
}

} // namespace

void AdminArea::Impl::drawTabRow() {
    const float rightW = rightGroupWidth(ctx);
    const float tabW = tabWidth(ctx, rightW), pad = ImGui::GetStyle().FramePadding.x * 2;
    bool first = true;
    for (const auto& [code, key] : kTabs) {
        // Even label-wide tabs may not fit one row (a small laptop at a high density): they wrap.
        if (!first) ui::sameLineIfFits(std::max(tabW, ImGui::CalcTextSize(ctx.t(key)).x + pad));
        first = false;
        if (ui::button(ctx, ctx.t(key), tab == code, tabW / ctx.host.pxPerMm)) tab = code;
    }
    ImGui::SameLine();
    drawRightGroup(ctx, rightW);
}

void AdminArea::Impl::drawScreen() {
    if (!ctx.host.store) {
        ImGui::TextUnformatted(ctx.t("area.no_store"));
        return;
    }
    try {
        if (tab == "dashboard") dashboard.draw(ctx);
        else if (tab == "comments") comments.draw(ctx);
        else if (tab == "facility") facility.draw(ctx);
        else if (tab == "tindak_lanjut") tindakLanjut.draw(ctx);
        else if (tab == "settings") settings.draw(ctx);
        else if (tab == "publish") publish.draw(ctx);
        else if (tab == "delivery") delivery.draw(ctx);
        else if (tab == "verification") verification.draw(ctx);
    } catch (const std::exception& e) {
        // The screen boundary: a failed read or write becomes a plain message, never a crash.
        ctx.say(e.what(), true);
    }
}

void AdminArea::draw() {
    AdminContext& c = impl_->ctx;
    ui::widgetLog().clear();
    ImGuiStyle saved = ImGui::GetStyle();
    lightStyle(ImGui::GetStyle(), c.host.pxPerMm);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##admin", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);

    // Title, unit, tabs, language, back.
    drawTitle(c);
    impl_->drawTabRow();
    ImGui::Separator();

    // The screen, above a one-line status.
    const float status = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##screen", ImVec2(0, -status), false);
    impl_->drawScreen();
    ImGui::EndChild();
    ImGui::Separator();
    if (!c.message.empty())
        ImGui::TextColored(c.messageIsError ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0, 0.4f, 0.25f, 1), "%s", c.message.c_str());
    ImGui::End();
    ImGui::GetStyle() = saved;
}

} // namespace sw::admin
