// The Kanwil view drawn headless over a merged store (imgui's example_null shape): the roll-up,
// a unit, the comparison; a tap on a roll-up row's "Buka" opens that unit; the period picker
// decides which responses every page rolls up.
#include "survey/export/export_helpers.hpp"

#include "app/assessor/assessor_view.hpp"
#include "app/assessor/headless_view.hpp"
#include "app/widgets/period_picker.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/bundle/signing.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

#include <cstdint>

namespace {

using Headless = swtest::HeadlessView;

// A unit's store with `count` respondents over the last `days` days, merged into `kanwil`.
void mergeUnit(sw::Store& kanwil, swtest::TempDir& dir, const std::string& id, int count, int days) {
    const std::string db = dir.file(id + ".db");
    swtest::fillUnit(db, id, count, static_cast<std::uint64_t>(id.size() * 7919 + id[0]), 420, days);
    sw::Store unit(db);
    sw::mergeBundle(kanwil, sw::readBundle(sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), sw::BundleOptions{})), "", sw::KeyPolicy::EnrollNew);
}

// The view's figures are exactly libsurvey's roll-up over `f`, unit by unit.
void checkSameFigures(const std::vector<sw::UnitRollup>& shown, const std::vector<sw::UnitRollup>& expected) {
    REQUIRE(shown.size() == expected.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        INFO(expected[i].unit.id);
        CHECK(shown[i].unit.id == expected[i].unit.id);
        CHECK(shown[i].skm.respondents == expected[i].skm.respondents);
        CHECK(shown[i].skm.complete == expected[i].skm.complete);
        CHECK(shown[i].skm.ikmUnit == Approx(expected[i].skm.ikmUnit));
        CHECK(shown[i].rank == expected[i].rank);
    }
}

std::int64_t totalRespondents(const std::vector<sw::UnitRollup>& units) {
    std::int64_t n = 0;
    for (const auto& u : units) n += u.skm.respondents;
    return n;
}

} // namespace

TEST_CASE("the assessor view draws the roll-up, a unit and a comparison over merged bundles", "[export][assessor]") {
    swtest::TempDir dir;
    sw::Store kanwil(dir.file("kanwil.db"));
    for (const char* id : {"kanim-a", "kanim-b", "lapas-c"}) {
        const std::string db = dir.file(std::string(id) + ".db");
        swtest::fillUnit(db, id, 120, static_cast<std::uint64_t>(id[6]));
        sw::Store unit(db);
        sw::mergeBundle(kanwil, sw::readBundle(sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), sw::BundleOptions{})), "", sw::KeyPolicy::EnrollNew);
    }
    Headless ui;
    sw::assessor::AssessorHost host;
    const auto store = sw::openAssessorStore(kanwil.path(), false);   // as `suarawarga assessor` opens it
    host.store = store.get();
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

TEST_CASE("the assessor's period picks which responses the roll-up, a unit and a comparison cover", "[export][assessor]") {
    swtest::TempDir dir;
    sw::Store kanwil(dir.file("kanwil.db"));
    Headless ui;
    sw::assessor::AssessorHost host;
    const auto store = sw::openAssessorStore(kanwil.path(), false);   // as `suarawarga assessor` opens it
    host.store = store.get();
    host.pxPerMm = 3.78f;
    {
        sw::assessor::AssessorView empty(host);
        CHECK_FALSE(empty.period());   // nothing merged yet: all time
        ui.frame(empty);
    }
    // Two units over the last ~7 months: the newest quarter holds only part of their responses.
    mergeUnit(kanwil, dir, "kanim-a", 150, 200);
    mergeUnit(kanwil, dir, "lapas-c", 110, 200);
    std::string newestText;
    {
        sw::sql::Statement st(kanwil.db(), "SELECT max(local_date) FROM response");
        REQUIRE(st.step());
        newestText = st.getText(0);
    }
    sw::LocalDate newest;
    REQUIRE(sw::parseDate(newestText, newest));
    const auto allTime = sw::rollupByUnit(kanwil, sw::ResponseFilter{});
    auto filterOf = [](const sw::Period& p) {
        sw::ResponseFilter f;
        f.from = sw::formatDate(p.from);
        f.to = sw::formatDate(p.to);
        return f;
    };

    sw::assessor::AssessorView view(host);
    for (int i = 0; i < 2; ++i) ui.frame(view);
    // It opens on the quarter of the newest merged response, and shows that quarter's figures only.
    REQUIRE(view.period());
    CHECK(view.period()->kind == sw::PeriodKind::Triwulan);
    CHECK(view.period()->contains(sw::daysFromCivil(newest.year, newest.month, newest.day)));
    const sw::Period quarter = *view.period();
    checkSameFigures(view.rollup(), sw::rollupByUnit(kanwil, filterOf(quarter)));
    CHECK(totalRespondents(view.rollup()) > 0);
    CHECK(totalRespondents(view.rollup()) < totalRespondents(allTime));

    // The quarter before: its own figures, different respondents.
    view.setPeriod(sw::previousPeriod(quarter));
    ui.frame(view);
    checkSameFigures(view.rollup(), sw::rollupByUnit(kanwil, filterOf(sw::previousPeriod(quarter))));
    CHECK(totalRespondents(view.rollup()) + totalRespondents(sw::rollupByUnit(kanwil, filterOf(quarter))) <=
          totalRespondents(allTime));

    // A month preset starts from the newest response's month, and the unit page and the comparison
    // draw that month's figures.
    const sw::Period month = sw::assessor::presetPeriod(sw::PeriodKind::Month, std::nullopt, newest);
    CHECK(sw::formatDate(month.from) == newestText.substr(0, 8) + "01");
    view.setPeriod(month);
    checkSameFigures(view.rollup(), sw::rollupByUnit(kanwil, filterOf(month)));
    view.openUnit("kanim-a");
    ui.frame(view);
    view.compareUnits({"kanim-a", "lapas-c"});
    host.lang = "en";
    ui.frame(view);
    CHECK(view.pageName() == "compare");
    view.showRollup();
    ui.frame(view);

    // "All time" tapped on screen (the picker under the heading): the unfiltered roll-up.
    for (float y = 20; y < 140 && view.period(); y += 8)
        for (float x = 20; x < 900 && view.period(); x += 24) ui.tap(view, x, y);
    CHECK_FALSE(view.period());
    checkSameFigures(view.rollup(), allTime);
    CHECK(view.pageName() == "rollup");
    CHECK_FALSE(host.requestClose);
}

TEST_CASE("a unit's page shows the evidence its bundle carried, as thumbnails the view releases", "[export][assessor]") {
    swtest::TempDir dir;
    const std::string db = dir.file("kanim-e.db");
    swtest::fillUnit(db, "kanim-e", 60, 11);
    std::string bundle;
    {
        sw::Store unit(db);
        sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
        sw::FacilityAssessment a;
        a.checklistId = cl.id;
        a.checklistVersion = cl.version;
        a.assessedOn = "2020-01-06"; // before the responses: the assessment in force for their period
        for (const auto& item : cl.items) a.items[item.code].status = sw::FacilityStatus::Ada;
        a.items["F10"].evidence.push_back(sw::importEvidenceBytes(unit, "ramp.png", swtest::pngBytes(120, 80)).id);
        sw::saveAssessment(unit, a);
        sw::BundleOptions o;
        o.facility = sw::facilityForBundle(unit, o.filter);
        bundle = sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), o);
    }
    sw::Store kanwil(dir.file("kanwil.db"));
    sw::mergeBundle(kanwil, sw::readBundle(bundle), "", sw::KeyPolicy::EnrollNew);
    REQUIRE(sw::unitFacilityReport(kanwil, "kanim-e").is_object());

    Headless ui;
    sw::assessor::AssessorHost host;
    const auto store = sw::openAssessorStore(kanwil.path(), false);   // as `suarawarga assessor` opens it
    host.store = store.get();
    std::vector<std::pair<int, int>> uploaded;
    int live = 0;
    host.uploadTexture = [&](int w, int h, const unsigned char*) -> void* {
        uploaded.emplace_back(w, h);
        ++live;
        return reinterpret_cast<void*>(static_cast<std::intptr_t>(uploaded.size()));
    };
    host.releaseTexture = [&](void*) { --live; };
    {
        sw::assessor::AssessorView view(host);
        view.openUnit("kanim-e");
        for (int i = 0; i < 3; ++i) ui.frame(view);
        // One thumbnail, made from the merged file (at most 160 px, never enlarged: evidence.hpp).
        REQUIRE(uploaded.size() == 1);
        CHECK(uploaded[0] == std::make_pair(120, 80));
        CHECK(live == 1);
        host.lang = "en";
        ui.frame(view);
        CHECK(uploaded.size() == 1); // kept while the page is open
    }
    CHECK(live == 0);
}

TEST_CASE("the view drills from provinces to kabupaten/kota to the units of one", "[assessor][national]") {
    swtest::TempDir dir;
    sw::Store kanwil(dir.file("kanwil.db"));
    const std::pair<const char*, const char*> units[] = {{"unit-a", "36.04"}, {"unit-b", "36.04"}, {"unit-c", "36.72"}, {"unit-d", "32.73"}};
    for (const auto& [id, kode] : units) {
        const std::string db = dir.file(std::string(id) + ".db");
        swtest::fillUnit(db, id, 40, static_cast<std::uint64_t>(id[5]), 420, 30);
        sw::Store unit(db);
        sw::UnitInfo u = *unit.unit();
        u.kodeWilayah = kode;
        u.province = std::string(kode).substr(0, 2) == "36" ? "Banten" : "Jawa Barat";
        unit.setUnit(u);
        sw::mergeBundle(kanwil, sw::readBundle(sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), sw::BundleOptions{})), "",
                        sw::KeyPolicy::EnrollNew);
    }
    Headless h;
    sw::assessor::AssessorHost host;
    const auto store = sw::openAssessorStore(kanwil.path(), false);   // as `suarawarga assessor` opens it
    host.store = store.get();
    sw::assessor::AssessorView view(host);
    view.setPeriod(std::nullopt);
    CHECK(view.unitCount() == 4);
    for (const char* lang : {"id", "en"}) {
        host.lang = lang;
        view.showLevel("province");
        h.frame(view);
        view.showLevel("kabkota", "36");
        h.frame(view);
    }
    view.showLevel("unit", "36");
    CHECK(view.unitCount() == 3);
    view.showLevel("unit", "36.04");
    h.frame(view);
    REQUIRE(view.unitCount() == 2);
    CHECK(view.rollup()[0].rank == 1);   // ranked within the area
    CHECK(view.rollup()[1].rank == 2);
    for (const auto& u : view.rollup()) CHECK(u.unit.kodeWilayah == "36.04");
    view.showLevel("unit");
    CHECK(view.unitCount() == 4);
    // From the top: a Kanwil (the shipped map: one per province), then its provinces.
    for (const char* lang : {"id", "en"}) {
        host.lang = lang;
        view.showLevel("kanwil");
        h.frame(view);
    }
    view.showLevel("province", "kanwil-36");
    h.frame(view);
    CHECK(view.unitCount() == 3);
    view.showLevel("unit", "kanwil-32");
    CHECK(view.unitCount() == 1);
    // Deliveries: per unit the last bundle received (each merged one a moment ago: none silent).
    for (const char* lang : {"id", "en"}) {
        host.lang = lang;
        view.showLevel("delivery");
        h.frame(view);
    }
}
