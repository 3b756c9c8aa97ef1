// The Kanwil view drawn headless over a merged store (imgui's example_null shape): the roll-up,
// a unit, the comparison; a tap on a roll-up row's "Buka" opens that unit.
#include "../export_helpers.hpp"

#include "app/assessor/assessor_view.hpp"
#include "survey/bundle.hpp"
#include "survey/merge.hpp"
#include "survey/signing.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

namespace {

struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(); }
    void frame(sw::assessor::AssessorView& v) {
        ImGui::NewFrame();
        v.draw();
        ImGui::Render();
    }
};

} // namespace

TEST_CASE("the assessor view draws the roll-up, a unit and a comparison over merged bundles", "[export][assessor]") {
    swtest::TempDir dir;
    sw::Store kanwil(dir.file("kanwil.db"));
    for (const char* id : {"kanim-a", "kanim-b", "lapas-c"}) {
        const std::string db = dir.file(std::string(id) + ".db");
        swtest::fillUnit(db, id, 120, static_cast<std::uint64_t>(id[6]));
        sw::Store unit(db);
        sw::mergeBundle(kanwil, sw::readBundle(sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), sw::BundleOptions{})));
    }
    Headless ui;
    sw::assessor::AssessorHost host;
    host.store = &kanwil;
    host.pxPerMm = 3.78f;
    sw::assessor::AssessorView view(host);
    CHECK(view.unitCount() == 3);
    for (int i = 0; i < 3; ++i) ui.frame(view);
    CHECK(view.pageName() == "rollup");

    // Tap "Buka" in the last column, walking down from the header until the page changes: the
    // first button hit is the first (best-ranked) row.
    bool opened = false;
    for (float y = 120; y < 400 && !opened; y += 6) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(1920 - 60, y);
        io.MouseDown[0] = true;
        ui.frame(view);
        io.MouseDown[0] = false;
        ui.frame(view);
        io.MousePos = ImVec2(-1e5f, -1e5f);
        ui.frame(view);
        opened = view.pageName() == "unit";
    }
    CHECK(opened);
    for (int i = 0; i < 2; ++i) ui.frame(view);

    view.compareUnits({"kanim-a", "lapas-c"});
    for (int i = 0; i < 2; ++i) ui.frame(view);
    CHECK(view.pageName() == "compare");
    view.showRollup();
    ui.frame(view);
    CHECK(view.pageName() == "rollup");

    host.lang = "en";
    ui.frame(view);
    CHECK_FALSE(host.requestClose);
}
