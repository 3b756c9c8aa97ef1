// Headless tests of the unit head's screens: ImGui frames with no renderer (imgui's
// example_null), taps through io.MousePos/io.MouseDown (the 1.86 API), asserts on the store.
#include "app/admin/admin_area.hpp"

#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/base/local_time.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/base/translations.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <filesystem>
#include <regex>

using namespace sw;

namespace {

struct Headless {
    swtest::TempDir dir;
    Store store{dir.file("ui.db")};
    admin::AdminHost host;
    std::unique_ptr<admin::AdminArea> area;

    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h); // builds the atlas; no renderer needed
        Instrument in = setUpDemo(store);
        Simulator sim(in, *store.unit(), 7, 120, nowUtc());
        std::vector<Response> rs;
        for (int i = 0; i < 400; ++i) rs.push_back(sim.next());
        store.appendAll(rs);
        host.store = &store;
        host.instrument = in;
        host.pxPerMm = 3.6f;
        host.fullscreen = false;
        area = std::make_unique<admin::AdminArea>(host);
        frame();
    }
    ~Headless() {
        area.reset();
        ImGui::DestroyContext();
    }
    void frame() {
        ImGui::NewFrame();
        area->draw();
        ImGui::Render();
    }
    // The n-th widget drawn with this label in the last frame.
    admin::AdminArea::WidgetRect find(const std::string& label, int nth = 0) {
        int seen = 0;
        for (const auto& w : area->widgetRects())
            if (w.label == label && seen++ == nth) return w;
        FAIL("no widget \"" << label << "\" #" << nth);
        return {};
    }
    // Press and release at the widget's centre, then move away (so nothing stays hovered).
    void tap(const std::string& label, int nth = 0) {
        const auto w = find(label, nth);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2);
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1000, -1000);
        frame();
    }
    void type(const std::string& text) {
        for (char ch : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(static_cast<unsigned char>(ch)));
        frame();
    }
    const char* t(const char* key) {
        static Translations tr = Translations::loadArea("admin");
        return tr.get(key, host.lang).c_str();
    }
    Period currentTriwulan() {
        LocalDate d;
        parseDate(localDate(nowUtc(), store.unit()->utcOffsetMinutes), d);
        return periodContaining(PeriodKind::Triwulan, d);
    }
};

} // namespace

TEST_CASE("every screen draws on a simulated store, in Indonesian and English", "[admin][ui]") {
    Headless h;
    for (const char* lang : {"id", "en"}) {
        h.host.lang = lang;
        for (const char* tab : {"dashboard", "comments", "facility", "rtl", "settings"}) {
            h.area->showTab(tab);
            h.frame();
            h.frame();
            CHECK_FALSE(h.area->widgetRects().empty());
        }
    }
    CHECK(h.area->currentTab() == "settings");
}

TEST_CASE("tapping a tab shows its screen — the language button switches the strings", "[admin][ui]") {
    Headless h;
    CHECK(h.area->currentTab() == "dashboard");
    h.tap(h.t("tab.facility"));
    CHECK(h.area->currentTab() == "facility");
    h.tap(h.t("tab.tindak_lanjut"));
    CHECK(h.area->currentTab() == "tindak_lanjut");
    h.tap("EN");
    CHECK(h.host.lang == "en");
    h.tap("Back to the kiosk");
    CHECK(h.host.requestClose);
}

TEST_CASE("dashboard: the head enters the population for the period", "[admin][ui]") {
    Headless h;
    h.tap("##population");
    h.type("1000");
    h.tap(h.t("common.save"));
    CHECK(populationFor(h.store, h.currentTriwulan()) == 1000);
    // Switching to a year and back keeps the triwulan's figure; the year has none yet.
    h.tap(h.t("period.year"));
    h.tap(h.t("period.triwulan"));
    h.frame();
    CHECK(h.find("##population").x1 > 0);
}

TEST_CASE("dashboard: Bulan opens the month that holds today, never a future one", "[admin][ui]") {
    Headless h;   // opens on the triwulan that holds today, which may end in a later month
    h.tap(h.t("period.month"));
    h.tap("##population");
    h.type("77");
    h.tap(h.t("common.save"));
    LocalDate today;
    parseDate(localDate(nowUtc(), h.store.unit()->utcOffsetMinutes), today);
    CHECK(populationFor(h.store, periodContaining(PeriodKind::Month, today)) == 77);
}

TEST_CASE("facility: mark items, save a dated assessment — it is kept", "[admin][ui][facility]") {
    Headless h;
    h.area->showTab("facility");
    h.frame();
    h.tap(h.t("status.ada"), 0);   // F01 Ada
    h.tap(h.t("status.tidak"), 1); // F02 Tidak
    h.tap(h.t("facility.save"));
    auto list = listAssessments(h.store);
    REQUIRE(list.size() == 1);
    auto a = loadAssessment(h.store, list.front().id);
    REQUIRE(a);
    CHECK(a->items["F01"].status == FacilityStatus::Ada);
    CHECK(a->items["F02"].status == FacilityStatus::Tidak);
    CHECK(a->citizenIndex.has_value()); // the kiosk's own accessibility index went into it
    h.frame();   // the selector now says "Tersimpan: …" (the draft stays editable)
    h.tap(h.t("facility.save"));
    CHECK(listAssessments(h.store).size() == 2);
}

TEST_CASE("tindak lanjut: add an action for a weak unsur", "[admin][ui]") {
    Headless h;
    h.area->showTab("rtl");
    h.frame();
    h.tap("##action");
    h.type("Tambah loket");
    h.tap("##owner");
    h.type("Kasi Pelayanan");
    h.tap(h.t("tl.add"));
    auto plan = tindakLanjutFor(h.store, h.currentTriwulan());
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].action == "Tambah loket");
    CHECK(plan[0].owner == "Kasi Pelayanan");
    CHECK(plan[0].targetKind == "unsur");
}

TEST_CASE("settings: change the PIN and publish a new question wording", "[admin][ui][settings]") {
    Headless h;
    h.area->showTab("settings");
    h.frame();
    h.tap("##pin1");
    h.type("246810");
    h.tap("##pin2");
    h.type("246810");
    h.tap(h.t("settings.pin_change"));
    CHECK(h.host.pinChanged);
    CHECK(PinLock(h.store).verify("246810", nowUtc()).result == PinLock::Result::Ok);

    const int before = h.host.instrument.version;
    h.tap("##qid");
    h.type(" (diubah)");
    h.tap(h.t("settings.publish_question"));
    CHECK(h.host.instrumentChanged);
    CHECK(h.host.instrument.version == before + 1);
    CHECK(h.store.latestInstrument()->version == before + 1);
    CHECK(h.host.instrument.findUnsur("U1")->question.in("id").find("(diubah)") != std::string::npos);
}

TEST_CASE("settings: the unit's identity is checked, its id kept once it has answers, DEMO cleared", "[admin][ui][settings][demo]") {
    {
        Headless h;   // the demo unit, with 400 answers
        REQUIRE(h.store.unit()->demo);
        h.area->showTab("settings");
        h.frame();
        h.tap("##kode");
        h.type("9");   // 31.719: not NN.NN
        h.tap(h.t("settings.save_unit"));
        CHECK(h.area->statusIsError());
        CHECK_THAT(h.area->statusMessage(), Catch::Contains("kode_wilayah"));
        CHECK(h.store.unit()->kodeWilayah == "31.71");
        CHECK(h.store.unit()->demo);
    }
    {
        Headless h;
        h.area->showTab("settings");
        h.frame();
        h.tap("##id");
        h.type("-baru");
        h.tap(h.t("settings.save_unit"));
        CHECK(h.area->statusIsError());
        CHECK_THAT(h.area->statusMessage(), Catch::Contains("cannot change once it has responses"));
        CHECK(h.store.unit()->id == kDemoUnitId);
        CHECK(h.store.unit()->demo);
    }
    Headless h;
    h.area->showTab("settings");
    h.frame();
    h.tap("##name");
    h.type(" Baru");
    h.tap(h.t("settings.save_unit"));
    INFO(h.area->statusMessage());
    CHECK_FALSE(h.area->statusIsError());
    CHECK(h.store.unit()->name.find(" Baru") != std::string::npos);
    CHECK_FALSE(h.store.unit()->demo);   // saved as the unit's own identity: no longer the demo
}

TEST_CASE("every admin string the screens use exists in id and en", "[admin][ui][i18n]") {
    Translations tr = Translations::loadArea("admin");
    const std::regex key(R"re(\bt[f]?\("([a-z_]+\.[a-z_.]+)")re");
    int found = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SW_SOURCE_ASSET_DIR) + "/../app/admin")) {
        const std::string text = swtest::readFile(e.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it) {
            ++found;
            INFO(e.path().filename().string());
            CHECK(tr.has((*it)[1].str()));
        }
    }
    CHECK(found > 100);
    for (const auto& k : tr.keys()) CHECK_FALSE(tr.get(k, "en").empty());
}
