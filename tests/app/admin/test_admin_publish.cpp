// The unit head's "For the public" tab, headless: the page for the dashboard's period is written in
// one tap into the chosen folder (self-contained, logged), a missing folder is said, not crashed
// on, and the welcome line's switch is stored.
#include "app/admin/admin_area.hpp"

#include "survey/base/translations.hpp"
#include "survey/export/html_page.hpp"
#include "survey/export/public_summary.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <filesystem>

using namespace sw;

namespace {

struct PublishHeadless {
    swtest::TempDir dir;
    Store store{dir.file("ui.db")};
    admin::AdminHost host;
    std::unique_ptr<admin::AdminArea> area;
    Translations tr = Translations::loadArea("admin");

    PublishHeadless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        Instrument in = setUpDemo(store);
        Simulator sim(in, *store.unit(), 3, 60, nowUtc());
        std::vector<Response> rs;
        for (int i = 0; i < 200; ++i) rs.push_back(sim.next());
        store.appendAll(rs);
        host.store = &store;
        host.instrument = in;
        host.pxPerMm = 3.6f;
        host.fullscreen = false;
        area = std::make_unique<admin::AdminArea>(host);
        area->showTab("publish");
        frame();
        frame();
    }
    ~PublishHeadless() {
        area.reset();
        ImGui::DestroyContext();
    }
    void frame() {
        ImGui::NewFrame();
        area->draw();
        ImGui::Render();
    }
    const char* t(const char* key) { return tr.get(key, host.lang).c_str(); }
    void tap(const std::string& label) {
        const admin::AdminArea::WidgetRect* found = nullptr;
        const auto rects = area->widgetRects();
        for (const auto& w : rects)
            if (w.label == label) found = &w;
        REQUIRE(found);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((found->x0 + found->x1) / 2, (found->y0 + found->y1) / 2);
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1000, -1000);
        frame();
    }
    // Replaces the folder field's text (it starts with the home folder): Ctrl+A, Backspace, type.
    void setFolder(const std::string& path) {
        tap("##publish_folder");
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_A] = 65;
        io.KeyMap[ImGuiKey_Backspace] = 8;
        io.KeyCtrl = true;
        io.KeysDown[65] = true;
        frame();
        io.KeysDown[65] = false;
        io.KeyCtrl = false;
        frame();
        io.KeysDown[8] = true;
        frame();
        io.KeysDown[8] = false;
        for (char ch : path) io.AddInputCharacter(static_cast<unsigned>(static_cast<unsigned char>(ch)));
        frame();
        io.MousePos = ImVec2(-1000, -1000);
        frame();
    }
};

} // namespace

TEST_CASE("publish tab: draws in both languages and shows the board's command", "[admin][ui][public]") {
    PublishHeadless h;
    for (const char* lang : {"id", "en"}) {
        h.host.lang = lang;
        h.frame();
        h.frame();
        CHECK(h.area->currentTab() == "publish");
        bool make = false, board = false;
        for (const auto& w : h.area->widgetRects()) {
            make = make || w.label == h.t("publish.make");
            board = board || w.label == "##board_command";
        }
        CHECK(make);
        CHECK(board);
    }
}

TEST_CASE("publish tab: one tap writes the public page of the dashboard's period", "[admin][ui][public]") {
    PublishHeadless h;
    const std::string out = h.dir.file("publik");
    std::filesystem::create_directories(out);
    h.setFolder(out);
    h.tap(h.t("publish.make"));
    INFO(h.area->statusMessage());
    CHECK_FALSE(h.area->statusIsError());
    std::vector<std::filesystem::path> pages;
    for (const auto& e : std::filesystem::directory_iterator(out)) pages.push_back(e.path());
    REQUIRE(pages.size() == 1);
    const std::string name = pages[0].filename().string();
    CHECK(name.rfind("skm-demo-kanim-jaksel-", 0) == 0);
    CHECK(name.size() > 5);
    CHECK(name.substr(name.size() - 8) == "-id.html");
    const std::string page = swtest::readFile(pages[0].string());
    CHECK(externalReferences(page).empty());
    CHECK(page.find("DEMO") != std::string::npos);
    CHECK(h.area->statusMessage().find(pages[0].string()) != std::string::npos);

    h.setFolder(h.dir.file("no-such-folder"));
    h.tap(h.t("publish.make"));
    CHECK(h.area->statusIsError());   // said in the status line; the area keeps running
}

TEST_CASE("publish tab: the welcome line's switch is stored", "[admin][ui][public]") {
    PublishHeadless h;
    CHECK_FALSE(welcomeLineEnabled(h.store));
    h.tap(h.t("publish.welcome_switch"));
    CHECK(welcomeLineEnabled(h.store));
    h.tap(h.t("publish.welcome_switch"));
    CHECK_FALSE(welcomeLineEnabled(h.store));
}
