// Every tab of the unit head's area, at the office PC's 1280×800 and 1920×1080 (96 dpi), the
// laptops at 4,5, 5 and 6,2 px/mm and a 9–10 inch touchscreen at 6,2 px/mm (fitScreens in
// fit_context.hpp), in Indonesian and English:
// no text is cut by its box (text_fit.hpp). The unit is a realistic one — a long official name, a
// facility self-assessment with notes and evidence, a plan, the Kanwil's verification.
#include "app/admin/admin_area.hpp"
#include "app/layout/fit_context.hpp"

#include "survey/base/local_time.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_file.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using namespace sw;

namespace {

const char* const kLongNote = "Ramp pintu utama sesuai; ramp dari tempat parkir masih terlalu curam untuk kursi roda";
const char* const kLongStaff = "Sari Wulandari (loket 1), Budi Santoso (pintu masuk)";
const char* const kAction = "Buka loket tambahan pukul 09.00–11.00 pada hari Senin dan Jumat untuk permohonan paspor";
const char* const kOwner = "Kepala Seksi Lalu Lintas Keimigrasian";
const char* const kAssessor = "Kepala Subbagian Tata Usaha dan Rumah Tangga";

Instrument realisticUnit(const swtest::TempDir& dir, Store& unit) {
    Instrument in = setUpDemo(unit);
    UnitInfo u = *unit.unit();
    u.id = "kanim-soetta";
    u.name = "Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta";
    u.instansi = "Kementerian Imigrasi dan Pemasyarakatan";
    u.kabupaten = "Kota Tangerang";
    u.province = "Banten";
    u.kodeWilayah = "36.71";
    u.demo = false;
    unit.setUnit(u);
    Simulator sim(in, u, 5, 80, nowUtc());
    std::vector<Response> rs;
    for (int i = 0; i < 400; ++i) rs.push_back(sim.next());
    unit.appendAll(rs);

    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    FacilityAssessment a;
    a.checklistId = c.id;
    a.checklistVersion = c.version;
    a.assessor = kAssessor;
    a.assessedOn = localDate(nowUtc() - 30 * 86400, 420);
    for (const auto& item : c.items) a.items[item.code].status = FacilityStatus::Ada;
    a.items["F06"].status = FacilityStatus::Tidak;
    a.items["F07"].status = FacilityStatus::Proses;
    a.items["F10"].measures = {{"ramp_slope_inside", 5.5}, {"ramp_slope_outside", 6.5}, {"ramp_width", 110}};
    a.items["F10"].note = kLongNote;
    a.petugas = FacilityStatus::Ada;
    a.petugasStaff = kLongStaff;
    for (const auto& s : in.services) a.kepatuhan[s.code] = "patuh";
    saveAssessment(unit, a);

    LocalDate today;
    parseDate(localDate(nowUtc(), 420), today);
    const Period p = periodContaining(PeriodKind::Triwulan, today);
    setPopulation(unit, p, 42000);
    TindakLanjut t;
    t.periodFrom = formatDate(p.from);
    t.periodTo = formatDate(p.to);
    t.targetCode = "U3";
    t.targetLabel = "U3 Waktu Penyelesaian";
    t.action = kAction;
    t.owner = kOwner;
    t.dueDate = formatDate(nextPeriod(p).to);
    t.status = "berjalan";
    addTindakLanjut(unit, t);

    // The Kanwil's signed verification result, imported (the Verifikasi tab).
    BundleOptions o;
    o.facility = facilityForBundle(unit, o.filter);
    exportBundle(unit, UnitKey::loadOrCreate(unit), dir.file("u.swb"), o);
    auto kanwil = openAssessorStore(dir.file("kanwil.db"), true);
    for (const auto& r : kanwil->mergeFiles({dir.file("u.swb")}, KeyPolicy::EnrollNew)) REQUIRE(r.outcome);
    const std::string verdicts = R"J({"format": "suarawarga-verdicts", "format_version": 1,
        "visit": {"date": "2026-11-27", "assessors": ["Budi Santoso", "Ratna Dewi Kusumawati"]},
        "verdicts": [{"item": "F10", "verdict": "tidak_sesuai", "note": "Ramp parkir terlalu curam (kemiringan 1:8, disyaratkan 1:12)"},
                     {"item": "F01", "verdict": "terverifikasi"}]})J";
    const Verification v = parseVerdicts(verdicts, "v.json", c, u.id);
    const KanwilKey key = KanwilKey::create(dir.file("kanwil.key"));
    writeVerificationResult(key, verificationPayload(c, *kanwil->facilityClaim(u.id), v, key.fingerprint()), dir.file("r.swv"));
    trustKanwil(unit, key.publicKey(), "", false);
    importVerificationResult(unit, dir.file("r.swv"));
    return in;
}

// The question wording's editors (settings) are ImGui 1.86 multiline inputs, which cannot wrap:
// a long question runs on past the editor's right edge and the editor scrolls sideways to the
// caret while it is typed. Known and allowed here by name, nowhere else.
bool questionEditor(const swtest::TextCut& cut) {
    return cut.window.find("/##qid_") != std::string::npos || cut.window.find("/##qen_") != std::string::npos;
}

// Free text the head typed into a one-line field that already spans its row (a facility item's
// note, the staff on duty): ImGui 1.86 one-line fields scroll sideways to the caret and cannot
// wrap, so a long note shows its start. Allowed for these two values of this test, nowhere else.
// A part of the value is allowed too: scrolled half past the bottom of the items' list, the field
// shows only the tops of its tallest letters ("d", at 1920×1080 and 6,2 px/mm).
bool longFreeText(const swtest::TextCut& cut) {
    return cut.why.rfind("trimmed to its frame (right)", 0) == 0 && cut.why.find(',') == std::string::npos &&
           (std::string(kLongNote).find(cut.text) != std::string::npos || std::string(kLongStaff).find(cut.text) != std::string::npos);
}

// What the head must read whole: the unit's names, the plan, the instrument's unsur and services.
std::vector<std::string> wordsOf(Store& store, const Instrument& in) {
    const UnitInfo u = *store.unit();
    std::vector<std::string> out{u.name, u.instansi, u.kabupaten, u.province, kAction, kOwner, kAssessor};
    for (const Unsur& un : in.unsur)
        for (const char* lang : {"id", "en"}) out.push_back(un.name.in(lang));
    for (const Option& sv : in.services)
        for (const char* lang : {"id", "en"}) out.push_back(sv.label.in(lang));
    return out;
}

std::vector<swtest::TextCut> cutsOutsideEditors(admin::AdminArea& area, const std::vector<std::string>& words) {
    std::vector<swtest::TextCut> out;
    for (auto& cut : swtest::cutsWhileScrolling(
             [&] {
                 ImGui::NewFrame();
                 area.draw();
                 ImGui::Render();
             },
             words))
        if (!questionEditor(cut) && !longFreeText(cut)) out.push_back(cut);
    return out;
}

const char* const kTabs[] = {"dashboard", "comments", "facility", "tindak_lanjut", "verification", "publish", "delivery", "settings"};

} // namespace

TEST_CASE("no text is cut on any tab of the unit head's area, at 96 dpi and on laptops at 4.5, 5 and 6.2 px per mm (fitScreens), id and en", "[admin][layout]") {
    swtest::TempDir dir;
    Store store(dir.file("unit.db"));
    const Instrument in = realisticUnit(dir, store);
    const std::vector<std::string> words = wordsOf(store, in);
    std::string found;
    for (const swtest::FitScreen& screen : swtest::fitScreens()) {
        swtest::FitContext fc(screen.size, screen.pxPerMm);   // fonts and style at the screen's density
        admin::AdminHost host;
        host.store = &store;
        host.instrument = in;
        host.pxPerMm = fc.pxPerMm;
        host.fullscreen = false;
        admin::AdminArea area(host);
        for (const char* lang : {"id", "en"}) {
            host.lang = lang;
            for (const char* tab : kTabs) {
                area.showTab(tab);
                for (int i = 0; i < 3; ++i) {   // tables settle their column widths over the first frames
                    ImGui::NewFrame();
                    area.draw();
                    ImGui::Render();
                }
                CHECK(area.currentTab() == tab);
                found += swtest::describe(cutsOutsideEditors(area, words), std::string(tab) + " " + screen.name() + " " + lang);
            }
        }
    }
    INFO(found);
    CHECK(found.empty());
    swtest::keepStore(dir.file("unit.db"));
}
