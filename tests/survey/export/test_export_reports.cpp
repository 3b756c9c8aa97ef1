// The PDF report and the facility parts of bundles: figures from libsurvey, text readable by
// poppler, the P2HAM self-assessment carried to the assessor's roll-up.
#include "skip.hpp"
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/bundle/evidence_files.hpp"
#include "survey/export/pdf.hpp"
#include "survey/export/xlsx.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/facility/tindak_lanjut.hpp"

#include <catch2/catch.hpp>

#include <functional>

namespace {

std::string shell(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
    return out;
}

// A unit with responses in a fixed period, a population, a facility assessment with evidence
// and a follow-up plan.
struct UnitWithFacility {
    swtest::TempDir dir;
    std::string db = dir.file("unit.db");
    sw::ResponseFilter period;
    sw::FacilityScore score;
    UnitWithFacility() {
        swtest::fillUnit(db, "kanim-f", 500, 31, 420, 30);
        sw::Store store(db);
        const std::string today = sw::localDate(sw::nowUtc(), 420);
        sw::LocalDate t;
        sw::parseDate(today, t);
        sw::LocalDate from = sw::civilFromDays(sw::daysFromCivil(t.year, t.month, t.day) - 40);
        period.from = sw::formatDate(from);
        period.to = today;
        const sw::Period p = sw::exportPeriod(store, period);
        sw::setPopulation(store, p, 2000);

        sw::FacilityAssessment a;
        a.checklistId = "p2ham-checklist";
        sw::FacilityChecklist cl = sw::loadChecklist(sw::defaultChecklistPath());
        a.checklistId = cl.id;
        a.checklistVersion = cl.version;
        a.assessedOn = today;
        a.assessor = "Kasubag Umum";
        auto ev = sw::importEvidenceBytes(store, "ramp.png", swtest::pngBytes(120, 80));
        for (const auto& item : cl.items) a.items[item.code].status = sw::FacilityStatus::Ada;
        a.items["F06"].status = sw::FacilityStatus::Tidak;
        a.items["F07"].status = sw::FacilityStatus::Proses;
        a.items["F10"].measures["ramp_slope_inside"] = 7.5; // steeper than 6°: fails Permen PUPR 14/2017
        a.items["F10"].evidence.push_back(ev.id);
        a.items["F10"].note = "Ramp depan, diukur 2 kali";
        a.petugas = sw::FacilityStatus::Ada;
        sw::saveAssessment(store, a);
        std::vector<std::string> services;
        const sw::Instrument in = *store.latestInstrument();
        for (const auto& s : in.services) services.push_back(s.code);
        score = sw::scoreFacility(cl, a, services);

        sw::TindakLanjut tl;
        tl.periodFrom = *period.from;
        tl.periodTo = *period.to;
        tl.targetCode = "U3";
        tl.targetLabel = "Waktu Penyelesaian";
        tl.action = "Tambah loket pada jam sibuk";
        tl.owner = "Kepala Seksi Lalintalkim";
        tl.dueDate = today;
        sw::addTindakLanjut(store, tl);
    }
    // The unit's signed bundle for the period, with its facility report (changed first by `edit`).
    std::string bundle(const std::function<void(nlohmann::json&)>& edit = {}) const {
        sw::Store store(db);
        sw::BundleOptions o;
        o.filter = period;
        o.facility = sw::facilityForBundle(store, period);
        if (edit) edit(o.facility);
        o.extra = sw::unitExtraForBundle(store, period);
        return sw::buildBundle(store, sw::UnitKey::loadOrCreate(store), o);
    }
};

} // namespace

TEST_CASE("a bundle carries the population and plans of every period it overlaps, and the Kanwil judges each period's sample", "[export][bundle]") {
    UnitWithFacility u;
    sw::ResponseFilter last10;
    {
        sw::Store store(u.db);
        sw::LocalDate to;
        sw::parseDate(*u.period.to, to);
        last10.from = sw::formatDate(sw::civilFromDays(sw::daysFromCivil(to.year, to.month, to.day) - 10));
        last10.to = u.period.to;
        sw::setPopulation(store, sw::exportPeriod(store, last10), 700);
        sw::TindakLanjut tl;
        tl.periodFrom = *last10.from;
        tl.periodTo = *last10.to;
        tl.targetCode = "U1";
        tl.targetLabel = "Persyaratan";
        tl.action = "Daftar persyaratan di papan depan";
        tl.owner = "Petugas informasi";
        tl.dueDate = *last10.to;
        sw::addTindakLanjut(store, tl);
    }
    sw::Bundle b = sw::readBundle(u.bundle());
    CHECK(b.extra["population"] == 2000);              // the bundle's own period
    REQUIRE(b.extra["populations"].size() == 2);
    REQUIRE(b.extra["tindak_lanjut"].size() == 2);     // the 40 days' plan and the last 10 days'
    CHECK(b.extra["tindak_lanjut"][1]["period_from"] == *last10.from);

    sw::Store kanwil(u.dir.file("kanwil.db"));
    sw::mergeBundle(kanwil, b, "", sw::KeyPolicy::EnrollNew);
    auto roll = sw::rollupByUnit(kanwil, last10);     // a period inside the bundle's
    REQUIRE(roll.size() == 1);
    CHECK(roll[0].population == 700);
    CHECK(roll[0].minimumSample == sw::krejcieMorgan(700));
}

TEST_CASE("the PDF report: chapters, the IKM from libsurvey, P2HAM annex, key fingerprint", "[export]") {
    UnitWithFacility u;
    sw::Store store(u.db);
    const std::string out = u.dir.file("report.pdf");
    sw::PdfReportOptions opt;
    opt.filter = u.period;
    sw::PdfReportInfo info = sw::writePdfReport(store, out, opt);
    sw::SkmResult skm = sw::skmFor(store, *store.latestInstrument(), u.period);
    CHECK(info.respondents == skm.respondents);
    CHECK(info.pages >= 5);
    CHECK(info.fingerprint == sw::UnitKey::loadOrCreate(store).fingerprint());
    REQUIRE(swtest::readFile(out).rfind("%PDF-", 0) == 0);
    if (const char* keep = std::getenv("SW_KEEP_REPORT")) swtest::writeFile(keep, swtest::readFile(out)); // to look at it

    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    const std::string text = shell("pdftotext " + out + " -");
    for (const char* h : {"BAB I", "BAB II", "BAB III", "BAB IV", "BAB V", "Krejcie", "Rencana Tindak Lanjut",
                          "Tambah loket pada jam sibuk", "P2HAM", "Indeks aksesibilitas", "Kelompok rentan"}) {
        INFO("looking for " << h);
        CHECK(text.find(h) != std::string::npos);
    }
    CHECK(text.find(sw::formatNumber(skm.ikmUnit, 2, "id")) != std::string::npos);
    CHECK(text.find(info.fingerprint) != std::string::npos);
    CHECK(text.find("N = 2.000") != std::string::npos);   // counts grouped as Indonesian prints them
    CHECK(text.find(sw::formatNumber(u.score.total, 1, "id")) != std::string::npos);
    CHECK(text.find("= 7,5 tidak memenuhi batas 6,0") != std::string::npos); // the 7,5° ramp (gap list)

    opt.lang = "en";
    sw::writePdfReport(store, out, opt);
    const std::string en = shell("pdftotext " + out + " -");
    CHECK(en.find("CHAPTER I") != std::string::npos);
    CHECK(en.find(sw::formatNumber(skm.ikmUnit, 2, "en")) != std::string::npos);
}

TEST_CASE("a bundle carries the facility self-assessment with evidence to the roll-up", "[export]") {
    UnitWithFacility u;
    sw::Bundle b = sw::readBundle(u.bundle());
    REQUIRE(b.facility.is_object());
    CHECK(b.facility["score"].get<double>() == Approx(u.score.total));
    const auto& f10 = b.facility["items"][9];
    CHECK(f10["code"] == "F10");
    REQUIRE(f10["evidence"].size() == 1);
    auto data = sw::unbase64(f10["evidence"][0]["data"].get<std::string>());
    REQUIRE(data);
    CHECK(sw::sha256Hex(*data) == f10["evidence"][0]["sha256"].get<std::string>());
    CHECK(b.extra["population"] == 2000);
    CHECK(b.extra["tindak_lanjut"].size() == 1);

    sw::Store kanwil(u.dir.file("kanwil.db"));
    sw::mergeBundle(kanwil, b, "", sw::KeyPolicy::EnrollNew);
    // Over all time the unit's population (entered for the bundle's period) does not apply.
    auto allTime = sw::rollupByUnit(kanwil, sw::ResponseFilter{});
    REQUIRE(allTime.size() == 1);
    CHECK_FALSE(allTime[0].population);
    CHECK(allTime[0].minimumSample == 0);
    sw::ResponseFilter period;
    period.from = u.period.from;
    period.to = u.period.to;
    auto roll = sw::rollupByUnit(kanwil, period);
    REQUIRE(roll.size() == 1);
    REQUIRE(roll[0].facilityScore);
    CHECK(*roll[0].facilityScore == Approx(u.score.total));
    CHECK(roll[0].facilityCoverage.assessed == u.score.coverage.assessed);
    CHECK(roll[0].facilityCoverage.total == u.score.coverage.total);
    CHECK(b.facility["criteria_total"] == u.score.coverage.total);
    int gaps = 0;
    for (const auto& g : u.score.gaps) gaps += g.kind == sw::FacilityGap::Kind::Unanswered ? 0 : 1;
    CHECK(roll[0].gapCount == gaps);
    CHECK(gaps >= 3); // F06 absent, F07 in progress, F10 ramp too steep
    CHECK(roll[0].population == 2000);
    CHECK(roll[0].minimumSample == 322);
    CHECK(roll[0].fingerprint == b.fingerprint);

    // The evidence file now lives in the assessor's evidence table, once, and the stored report
    // refers to it by hash instead of carrying its bytes.
    const std::string sha = f10["evidence"][0]["sha256"].get<std::string>();
    auto info = sw::evidenceBySha256(kanwil, sha);
    REQUIRE(info);
    CHECK(info->fileName == "ramp.png");
    CHECK(info->mime == "image/png");
    CHECK(sw::evidenceData(kanwil, info->id) == *data);
    CHECK_FALSE(sw::evidenceThumbnailPng(kanwil, info->id).empty());
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM unit_report WHERE instr(facility, '\"data\"') > 0") == 0);
    auto report = sw::unitFacilityReport(kanwil, "kanim-f");
    CHECK(report["items"][9]["evidence"][0]["sha256"] == sha);

    // The assessor writes it out to open it: the same bytes, named by item and hash.
    const std::string folder = u.dir.file("bukti");
    auto files = sw::writeEvidenceFiles(kanwil, "kanim-f", folder);
    REQUIRE(files.size() == 1);
    CHECK(files[0].item == "F10");
    CHECK(files[0].path == folder + "/F10-" + sha.substr(0, 12) + "-ramp.png");
    CHECK(swtest::readFile(files[0].path) == *data);
}

TEST_CASE("a bundle whose evidence does not match its hash is refused whole", "[export]") {
    UnitWithFacility u;
    // Other bytes under the listed hash, as a unit's buggy or tampered export would carry; signed
    // as it is, so the signature cannot tell.
    sw::Bundle b = sw::readBundle(u.bundle([](nlohmann::json& facility) {
        facility["items"][9]["evidence"][0]["data"] = sw::base64(swtest::pngBytes(64, 64));
    }));
    sw::Store kanwil(u.dir.file("kanwil.db"));
    try {
        sw::mergeBundle(kanwil, b, "kanim-f.swb", sw::KeyPolicy::EnrollNew);
        FAIL("merged a bundle whose evidence does not match its hash");
    } catch (const sw::BundleError& e) {
        CHECK(e.kind == sw::BundleError::Kind::Malformed);
        CHECK_THAT(e.what(), Catch::Contains("F10") && Catch::Contains("ramp.png") && Catch::Contains("SHA-256"));
    }
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM response") == 0);
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM evidence") == 0);
    CHECK(kanwil.db().scalarInt("SELECT count(*) FROM merged_bundle") == 0);
}

TEST_CASE("suarawarga evidence writes a unit's evidence files out of the assessor's store", "[export][cli]") {
    UnitWithFacility u;
    const std::string bundle = u.dir.file("kanim-f.swb");
    const std::string kanwil = u.dir.file("kanwil.db");
    {
        swtest::Run ex = swtest::runCli("export --db " + u.db + " --format bundle --from " + *u.period.from + " --to " +
                                        *u.period.to + " --out " + bundle);
        INFO(ex.out);
        REQUIRE(ex.status == 0);
        swtest::Run m = swtest::runCli("merge --enroll-new --into " + kanwil + " " + bundle);
        INFO(m.out);
        REQUIRE(m.status == 0);
    }
    swtest::Run r = swtest::runCli("evidence --db " + kanwil + " --unit kanim-f --out " + u.dir.file("bukti"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("F10  ramp.png") && Catch::Contains("1 evidence file(s) written for unit kanim-f"));
    std::string png;
    {
        sw::Store store(u.db);
        png = sw::evidenceData(store, 1);
    }
    const std::string sha = sw::sha256Hex(png);
    CHECK(swtest::readFile(u.dir.file("bukti") + "/F10-" + sha.substr(0, 12) + "-ramp.png") == png);

    swtest::Run none = swtest::runCli("evidence --db " + kanwil + " --out " + u.dir.file("semua"));
    CHECK(none.status == 0);
    CHECK_THAT(none.out, Catch::Contains("1 evidence file(s) written"));
    swtest::Run bad = swtest::runCli("evidence --db " + kanwil + " --unit kanim-f");
    CHECK(bad.status != 0);
    CHECK_THAT(bad.out, Catch::Contains("--out"));
}

TEST_CASE("XLSX export writes a workbook with the scored respondents", "[export]") {
    UnitWithFacility u;
    sw::Store store(u.db);
    sw::XlsxExportOptions opt;
    opt.filter = u.period;
    const std::string out = u.dir.file("skm.xlsx");
    auto rows = sw::exportXlsx(store, out, opt);
    CHECK(rows == store.countResponses(u.period));
    CHECK(swtest::readFile(out).rfind("PK\x03\x04", 0) == 0);
    CHECK(sw::xlsxColumn(0) == "A");
    CHECK(sw::xlsxColumn(25) == "Z");
    CHECK(sw::xlsxColumn(26) == "AA");
    CHECK(sw::xlsxColumn(701) == "ZZ");
    CHECK(sw::xlsxColumn(702) == "AAA");
}
