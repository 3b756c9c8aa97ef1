// The unit head's Verifikasi tab, headless: the Kanwil's imported result shows its scores and
// findings, and one tap turns a finding into rencana tindak lanjut (once: the button then says so).
#include "app/admin/admin_area.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_file.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

using namespace sw;

namespace {

// A demo unit with a self-assessment (every item Ada), its bundle merged at a Kanwil, and the
// Kanwil's signed result (F10 Tidak sesuai) imported by the unit.
void verifiedUnit(const swtest::TempDir& dir, Store& unit) {
    Instrument in = setUpDemo(unit);
    Simulator sim(in, *unit.unit(), 5, 60, nowUtc());
    std::vector<Response> rs;
    for (int i = 0; i < 50; ++i) rs.push_back(sim.next());
    unit.appendAll(rs);
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    FacilityAssessment a;
    a.checklistId = c.id;
    a.checklistVersion = c.version;
    a.assessedOn = localDate(nowUtc() - 90 * 86400, 420);
    for (const auto& item : c.items) a.items[item.code].status = FacilityStatus::Ada;
    a.petugas = FacilityStatus::Ada;
    saveAssessment(unit, a);
    BundleOptions o;
    o.facility = facilityForBundle(unit, o.filter);
    exportBundle(unit, UnitKey::loadOrCreate(unit), dir.file("u.swb"), o);
    auto kanwil = openAssessorStore(dir.file("kanwil.db"), true);
    for (const auto& r : kanwil->mergeFiles({dir.file("u.swb")}, KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
    const std::string id = unit.unit()->id;
    const std::string verdicts = R"({"format": "suarawarga-verdicts", "format_version": 1,
        "visit": {"date": "2026-11-27", "assessors": ["Budi Santoso"]},
        "verdicts": [{"item": "F10", "verdict": "tidak_sesuai", "note": "Ramp parkir terlalu curam"},
                     {"item": "F01", "verdict": "terverifikasi"}]})";
    const Verification v = parseVerdicts(verdicts, "v.json", c, id);
    const KanwilKey key = KanwilKey::create(dir.file("kanwil.key"));
    writeVerificationResult(key, verificationPayload(c, *kanwil->facilityClaim(id), v, key.fingerprint()), dir.file("r.swv"));
    trustKanwil(unit, key.publicKey(), "", false);
    importVerificationResult(unit, dir.file("r.swv"));
}

struct VerificationHeadless {
    swtest::TempDir dir;
    Store store{dir.file("ui.db")};
    admin::AdminHost host;
    std::unique_ptr<admin::AdminArea> area;

    VerificationHeadless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        verifiedUnit(dir, store);
        host.store = &store;
        host.instrument = *store.latestInstrument();
        host.pxPerMm = 3.6f;
        host.fullscreen = false;
        area = std::make_unique<admin::AdminArea>(host);
        area->showTab("verification");
        frame();
        frame();
    }
    ~VerificationHeadless() {
        area.reset();
        ImGui::DestroyContext();
    }
    void frame() {
        ImGui::NewFrame();
        area->draw();
        ImGui::Render();
    }
    bool shown(const std::string& label) {
        for (const auto& w : area->widgetRects())
            if (w.label == label) return true;
        return false;
    }
    void tap(const std::string& label) {
        std::optional<admin::AdminArea::WidgetRect> found;
        for (const auto& w : area->widgetRects())
            if (w.label == label) found = w;
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
};

} // namespace

TEST_CASE("the unit head turns a finding of the Kanwil's verification into tindak lanjut in one tap", "[admin][verification]") {
    VerificationHeadless h;
    REQUIRE(h.shown("Jadikan tindak lanjut"));
    h.tap("Jadikan tindak lanjut");
    INFO(h.area->statusMessage());
    CHECK_FALSE(h.area->statusIsError());
    CHECK(h.area->statusMessage().find("F10") != std::string::npos);
    const auto received = receivedVerifications(h.store);
    REQUIRE(received.size() == 1);
    const auto& period = received[0].payload["period"];
    // The bundle named no period (an open export): the plan is filed under the visit's day.
    LocalDate from, to;
    if (!parseDate(period.value("from", ""), from) || !parseDate(period.value("to", ""), to)) parseDate("2026-11-27", from), to = from;
    const std::vector<TindakLanjut> plans = tindakLanjutFor(h.store, customPeriod(from, to));
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].targetKind == "facility");
    CHECK(plans[0].targetCode == "F10");
    CHECK(plans[0].action.find("Ramp parkir terlalu curam") != std::string::npos);
    CHECK(plans[0].owner == "Kepala unit");
    h.frame();
    CHECK_FALSE(h.shown("Jadikan tindak lanjut"));   // made once; the row now says so
}
