// The assessor's window over a PostgreSQL store (README "The national store") draws what it draws
// over the SQLite file with the same bundles merged: the same roll-up, the same unit page with its
// facility report and evidence thumbnails, the same verification panel — compared text for text
// (ImGui's log of every drawn string) and figure for figure. The cluster is private
// (tests/survey/national/pg_cluster.hpp); without PostgreSQL 15 the test reports skipped.
#include "survey/national/pg_cluster.hpp"
#include "survey/national/verification_fixture.hpp"

#include "app/assessor/headless_view.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <unistd.h>

namespace {

// Taps "Buka" in the roll-up's last column, walking down from the header (and in from the right
// edge) until a unit opens: the first button hit is the best-ranked row's.
bool openFirstRow(swtest::HeadlessView& ui, sw::assessor::AssessorView& v) {
    for (float y = 100; y < 600 && v.pageName() != "unit"; y += 6)
        for (float x = 1275; x > 1150 && v.pageName() != "unit"; x -= 15) ui.tap(v, x, y);
    return v.pageName() == "unit";
}

std::string plainBundle(swtest::TempDir& dir, const std::string& id, int count) {
    const std::string db = dir.file(id + ".db");
    swtest::fillUnit(db, id, count, static_cast<std::uint64_t>(id.size() * 7919 + id[0]), 420, 60);
    sw::Store unit(db);
    const std::string out = dir.file(id + ".swb");
    sw::exportBundle(unit, sw::UnitKey::loadOrCreate(unit), out, sw::BundleOptions{});
    return out;
}

// The Kanwil's verdicts on two items and its visit, saved in the store before the panel opens.
sw::Verification visit() {
    sw::Verification v;
    v.unitId = "kanim-e";
    v.unitName = "Unit kanim-e";
    v.claimAssessedOn = "2020-01-06";
    v.visit.date = "2026-02-03";
    v.visit.assessors = {"Budi Santoso", "Siti Aminah"};
    v.visit.seen = "ramp diukur ulang";
    v.verdicts.push_back({"F11", sw::Verdict::TidakSesuai, sw::FacilityStatus::Tidak, "tidak ada ramp", {}});
    v.verdicts.push_back({"F12", sw::Verdict::Terverifikasi, sw::FacilityStatus::Unset, "", {}});
    v.savedUtc = 1770000000;
    return v;
}

// What one store's window shows: each page's text, its figures, the thumbnails it made.
struct Seen {
    std::string rollup, unit, facilityUnit, verify;
    std::vector<sw::UnitRollup> figures;
    std::optional<sw::Period> period;
    std::vector<std::pair<int, int>> thumbs;
};

Seen look(sw::AssessorStore& store) {
    swtest::HeadlessView ui(1280, 800);
    Seen seen;
    sw::assessor::AssessorHost host;
    host.store = &store;
    host.pxPerMm = 3.0f;
    host.uploadTexture = [&](int w, int h, const unsigned char*) -> void* {
        seen.thumbs.emplace_back(w, h);
        return reinterpret_cast<void*>(static_cast<std::intptr_t>(seen.thumbs.size()));
    };
    host.releaseTexture = [](void*) {};
    sw::assessor::AssessorView view(host);
    seen.period = view.period();
    seen.figures = view.rollup();
    for (int i = 0; i < 2; ++i) seen.rollup = ui.frame(view);
    REQUIRE(openFirstRow(ui, view));   // drilled by a tap, as an assessor does
    for (int i = 0; i < 2; ++i) seen.unit = ui.frame(view);
    view.openUnit("kanim-e");
    for (int i = 0; i < 3; ++i) seen.facilityUnit = ui.frame(view);
    view.openVerification("kanim-e");
    for (int i = 0; i < 3; ++i) seen.verify = ui.frame(view);
    CHECK(view.pageName() == "verify");
    view.showLevel("delivery");   // read from the store's merged bundles; times differ by the merge
    ui.frame(view);
    CHECK_FALSE(host.requestClose);
    return seen;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("the assessor's window on a PostgreSQL store shows what it shows on the file store", "[assessor][national]") {
    swtest::TempDir dir;
    const std::vector<std::string> bundles = {swtest::unitClaimingAda(dir, "kanim-e"), plainBundle(dir, "kanim-a", 150),
                                              plainBundle(dir, "lapas-c", 110)};
    static int made = 0;
    const std::string url =
        swtest::PgCluster::shared().newDatabase("window_" + std::to_string(getpid()) + "_" + std::to_string(++made));
    std::vector<Seen> seen;
    for (const std::string& db : {dir.file("kanwil.db"), url}) {
        INFO(db);
        auto store = sw::openAssessorStore(db, true);
        for (const auto& r : store->mergeFiles(bundles, sw::KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
        store->saveVerification(visit());
        seen.push_back(look(*store));
    }
    const Seen& file = seen[0];
    const Seen& pg = seen[1];
    REQUIRE(file.figures.size() == 3);
    REQUIRE(pg.figures.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO(file.figures[i].unit.id);
        CHECK(pg.figures[i].unit.id == file.figures[i].unit.id);
        CHECK(pg.figures[i].rank == file.figures[i].rank);
        CHECK(pg.figures[i].skm.respondents == file.figures[i].skm.respondents);
        CHECK(pg.figures[i].skm.ikmUnit == file.figures[i].skm.ikmUnit);   // the same integers through survey/skm
        CHECK(pg.figures[i].facilityScore == file.figures[i].facilityScore);
        CHECK(pg.figures[i].gapCount == file.figures[i].gapCount);
    }
    REQUIRE(file.period);
    REQUIRE(pg.period);   // both open on the newest response's triwulan
    CHECK(sw::formatDate(pg.period->from) == sw::formatDate(file.period->from));
    CHECK(sw::formatDate(pg.period->to) == sw::formatDate(file.period->to));
    CHECK(pg.rollup == file.rollup);
    CHECK(pg.unit == file.unit);
    CHECK(pg.facilityUnit == file.facilityUnit);
    CHECK(pg.verify == file.verify);
    // The pages hold what they should, not merely the same nothing.
    CHECK(has(file.rollup, "kanim-a"));
    CHECK(has(file.facilityUnit, "ramp.png"));
    CHECK(has(file.facilityUnit, "F10"));
    CHECK(has(file.verify, "Budi Santoso, Siti Aminah"));
    CHECK(has(file.verify, "tidak ada ramp"));
    CHECK(file.thumbs == std::vector<std::pair<int, int>>{{80, 60}});
    CHECK(pg.thumbs == file.thumbs);
}
