// Every page of the Kanwil assessor's view — the roll-up at each level (Kanwil, province,
// kabupaten/kota, unit), Pengiriman, one unit, the comparison, the verification panel — at
// 1280×800 and 1920×1080 (96 dpi), laptops at 4,5, 5 and 6,2 px/mm and a 9–10 inch touchscreen at
// 6,2 px/mm (fitScreens in fit_context.hpp), in
// Indonesian and English: no text is cut by its box (text_fit.hpp).
// The units carry official names of realistic length.
#include "app/assessor/assessor_view.hpp"
#include "app/layout/fit_context.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/export/export_helpers.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/evidence.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace {

struct RealUnit {
    const char* id;
    const char* name;
    const char* kabupaten;
    const char* province;
    const char* kode;
};

const RealUnit kUnits[] = {
    {"kanim-soetta", "Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta", "Kota Tangerang", "Banten", "36.71"},
    {"kanim-serang", "Kantor Imigrasi Kelas I TPI Serang", "Kota Serang", "Banten", "36.73"},
    {"lapas-tangerang", "Lembaga Pemasyarakatan Perempuan Kelas IIA Tangerang", "Kota Tangerang", "Banten", "36.71"},
    {"rutan-pandeglang", "Rumah Tahanan Negara Kelas IIB Pandeglang", "Kabupaten Pandeglang", "Banten", "36.01"},
    {"kanim-bogor", "Kantor Imigrasi Kelas I Non TPI Bogor", "Kota Bogor", "Jawa Barat", "32.71"},
    {"bapas-bandung", "Balai Pemasyarakatan Kelas I Bandung", "Kota Bandung", "Jawa Barat", "32.73"},
};

void mergeRealUnit(sw::Store& kanwil, swtest::TempDir& dir, const RealUnit& r, bool withAssessment) {
    const std::string db = dir.file(std::string(r.id) + ".db");
    swtest::fillUnit(db, r.id, 80, static_cast<std::uint64_t>(r.id[2] * 31 + r.id[6]), 420, 60);
    sw::Store unit(db);
    sw::UnitInfo u = *unit.unit();
    u.name = r.name;
    u.instansi = "Kementerian Imigrasi dan Pemasyarakatan";
    u.kabupaten = r.kabupaten;
    u.province = r.province;
    u.kodeWilayah = r.kode;
    unit.setUnit(u);
    sw::BundleOptions o;
    if (withAssessment) {
        const sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
        sw::FacilityAssessment a;
        a.checklistId = cl.id;
        a.checklistVersion = cl.version;
        a.assessedOn = sw::localDate(sw::nowUtc() - 70 * 86400, 420);   // in force for the whole period
        a.assessor = "Kepala Subbagian Tata Usaha dan Rumah Tangga";
        for (const auto& item : cl.items) a.items[item.code].status = sw::FacilityStatus::Ada;
        a.items["F06"].status = sw::FacilityStatus::Tidak;
        a.items["F07"].status = sw::FacilityStatus::Proses;
        a.items["F10"].note = "Ramp pintu utama sesuai; ramp dari tempat parkir masih terlalu curam";
        a.items["F10"].evidence.push_back(sw::importEvidenceBytes(unit, "ramp-parkir.png", swtest::pngBytes(120, 80)).id);
        a.petugas = sw::FacilityStatus::Ada;
        sw::saveAssessment(unit, a);
        o.facility = sw::facilityForBundle(unit, o.filter);
    }
    sw::mergeBundle(kanwil, sw::readBundle(sw::buildBundle(unit, sw::UnitKey::loadOrCreate(unit), o)), "", sw::KeyPolicy::EnrollNew);
}

struct Page {
    const char* name;
    std::function<void(sw::assessor::AssessorView&)> show;
};

} // namespace

TEST_CASE("no text is cut on any page of the assessor's view, at 96 dpi and on laptops at 4.5, 5 and 6.2 px per mm (fitScreens), id and en", "[assessor][layout]") {
    swtest::TempDir dir;
    {
        sw::Store kanwil(dir.file("kanwil.db"));
        for (const RealUnit& r : kUnits) mergeRealUnit(kanwil, dir, r, r.id == std::string("kanim-soetta"));
    }
    const auto store = sw::openAssessorStore(dir.file("kanwil.db"), false);   // as `suarawarga assessor` opens it
    const Page pages[] = {
        {"rollup kanwil", [](auto& v) { v.showLevel("kanwil"); }},
        {"rollup province", [](auto& v) { v.showLevel("province"); }},
        {"rollup kabkota of 36", [](auto& v) { v.showLevel("kabkota", "36"); }},
        {"rollup units", [](auto& v) { v.showLevel("unit"); }},
        {"rollup units of 36.71", [](auto& v) { v.showLevel("unit", "36.71"); }},
        {"pengiriman", [](auto& v) { v.showLevel("delivery"); }},
        {"unit", [](auto& v) { v.openUnit("kanim-soetta"); }},
        {"compare", [](auto& v) { v.compareUnits({"kanim-soetta", "lapas-tangerang", "rutan-pandeglang", "bapas-bandung"}); }},
        {"verification", [](auto& v) { v.openVerification("kanim-soetta"); }},
    };
    // What the assessor must read whole: the units' and areas' names, the unsur.
    std::vector<std::string> words{"Kanwil Banten", "Kanwil Jawa Barat", "Kepala Subbagian Tata Usaha dan Rumah Tangga"};
    for (const RealUnit& r : kUnits) words.insert(words.end(), {r.name, r.kabupaten, r.province});
    const std::optional<sw::Instrument> instrument = store->latestInstrument();
    REQUIRE(instrument);
    for (const sw::Unsur& u : instrument->unsur)
        for (const char* lang : {"id", "en"}) words.push_back(u.name.in(lang));
    std::string found;
    std::size_t units = 0;
    for (const swtest::FitScreen& screen : swtest::fitScreens()) {
        swtest::FitContext fc(screen.size, screen.pxPerMm);   // fonts and style at the screen's density
        sw::assessor::AssessorHost host;
        host.store = store.get();
        host.pxPerMm = fc.pxPerMm;
        sw::assessor::AssessorView view(host);
        for (const char* lang : {"id", "en"}) {
            host.lang = lang;
            for (const Page& p : pages) {
                p.show(view);
                for (int i = 0; i < 3; ++i) {   // tables settle their column widths over the first frames
                    ImGui::NewFrame();
                    view.draw();
                    ImGui::Render();
                }
                found += swtest::describe(swtest::cutsWhileScrolling(
                                              [&] {
                                                  ImGui::NewFrame();
                                                  view.draw();
                                                  ImGui::Render();
                                              },
                                              words),
                                          std::string(p.name) + " " + screen.name() + " " + lang);
            }
        }
        units = view.unitCount();
    }
    CHECK(units > 0);
    INFO(found);
    CHECK(found.empty());
    swtest::keepStore(dir.file("kanwil.db"));
}
