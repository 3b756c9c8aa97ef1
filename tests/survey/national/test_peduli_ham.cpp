// Kabupaten/Kota Peduli HAM: facility coverage per kabupaten/kota from the units' latest
// self-assessments, counted exactly, and the XLSX and PDF an assessor hands on.
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/peduli_ham_export.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

using namespace sw;

namespace {

// A unit in `kode` whose facility self-assessment says `status` for every item, with evidence
// for F10 when asked; its bundle's file name.
std::string unitWithFacility(const swtest::TempDir& d, const std::string& id, const std::string& kode, FacilityStatus status,
                             bool evidence) {
    const std::string db = d.file(id + ".db");
    swtest::fillUnit(db, id, 30, static_cast<std::uint64_t>(id.back()));
    Store unit(db);
    UnitInfo u = *unit.unit();
    u.kodeWilayah = kode;
    u.kabupaten = "Kab " + kode;
    unit.setUnit(u);
    const FacilityChecklist cl = loadChecklist(defaultChecklistPath());
    FacilityAssessment a;
    a.checklistId = cl.id;
    a.checklistVersion = cl.version;
    a.assessedOn = "2020-01-06";
    for (const auto& item : cl.items) a.items[item.code].status = status;
    if (evidence) a.items["F10"].evidence.push_back(importEvidenceBytes(unit, "ramp.png", swtest::pngBytes(60, 40)).id);
    saveAssessment(unit, a);
    BundleOptions o;
    o.facility = facilityForBundle(unit, o.filter);
    const std::string out = d.file(id + ".swb");
    exportBundle(unit, UnitKey::loadOrCreate(unit), out, o);
    return out;
}

const ItemCoverage& item(const PeduliHamArea& a, const std::string& code) {
    for (const auto& c : a.items)
        if (c.code == code) return c;
    FAIL("no item " << code);
    throw;
}

} // namespace

TEST_CASE("a kabupaten/kota counts its units' facility items Ada, Proses, Tidak and their evidence", "[national][peduli]") {
    swtest::TempDir d;
    const std::vector<std::string> files{unitWithFacility(d, "unit-a", "36.04", FacilityStatus::Ada, true),
                                         unitWithFacility(d, "unit-b", "36.04", FacilityStatus::Proses, false),
                                         unitWithFacility(d, "unit-c", "36.72", FacilityStatus::Tidak, true)};
    const std::string kanwil = d.file("kanwil.db");
    {
        auto store = openAssessorStore(kanwil, true);
        for (const auto& r : store->mergeFiles(files, KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
    }
    auto store = openAssessorStore(kanwil, false);
    const auto areas = peduliHam(store->unitTallies({}), store->layouts(), *store->latestInstrument());
    REQUIRE(areas.size() == 2);
    const PeduliHamArea& serang = areas[0].area.code == "36.04" ? areas[0] : areas[1];
    CHECK(serang.area.units == 2);
    CHECK(serang.unitsWithFacility == 2);
    REQUIRE_FALSE(serang.items.empty());
    CHECK(item(serang, "F10").ada == 1);
    CHECK(item(serang, "F10").proses == 1);
    CHECK(item(serang, "F10").tidak == 0);
    CHECK(item(serang, "F10").withEvidence == 1);
    CHECK(item(serang, "F01").withEvidence == 0);
    const auto only = peduliHam(store->unitTallies({}), store->layouts(), *store->latestInstrument(), "36.72");
    REQUIRE(only.size() == 1);
    CHECK(item(only[0], "F10").tidak == 1);

    PeduliHamDocument doc;
    doc.areas = areas;
    doc.periodText = "2026";
    doc.storeName = "kanwil.db";
    writePeduliHamXlsx(doc, d.file("ph.xlsx"));
    writePeduliHamPdf(doc, d.file("ph.pdf"));
    CHECK(std::filesystem::file_size(d.file("ph.xlsx")) > 1000);
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    REQUIRE(std::system(("pdftotext -layout " + d.file("ph.pdf") + " " + d.file("ph.txt")).c_str()) == 0);
    const std::string text = swtest::readFile(d.file("ph.txt"));
    CHECK(text.find("Kabupaten/Kota Peduli HAM") != std::string::npos);
    CHECK(text.find("36.04") != std::string::npos);
    CHECK(text.find("36.72") != std::string::npos);
    CHECK(text.find("F10") != std::string::npos);
}
