// The P2HAM checklist data, threshold verdicts at their boundaries, scoring and the gap list,
// storage of dated assessments, evidence import failures, follow-up plans, question edits.
#include "survey/base/error.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/store/instrument_edit.hpp"
#include "survey/store/store.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <stb/stb_image_write.h>

using namespace sw;

namespace {

const FacilityChecklist& checklist() {
    static const FacilityChecklist c = loadChecklist(std::string(SW_SOURCE_ASSET_DIR) + "/facility/p2ham-checklist-v1.json");
    return c;
}

const FacilityMeasure& measure(const std::string& item, const std::string& code) {
    for (const auto& m : checklist().findItem(item)->measures)
        if (m.code == code) return m;
    FAIL("no measure " << code);
    return checklist().items.front().measures.front();
}

std::int64_t countRows(Store& s, const std::string& table) { return s.db().scalarInt("SELECT count(*) FROM " + table); }

void appendBytes(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::string pngBytes(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 3));
    for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<unsigned char>(i * 7);
    std::string out;
    stbi_write_png_to_func(appendBytes, &out, w, h, 3, px.data(), w * 3);
    return out;
}

std::string jpegBytes(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 3), 128);
    std::string out;
    stbi_write_jpg_to_func(appendBytes, &out, w, h, 3, px.data(), 90);
    return out;
}

} // namespace

TEST_CASE("the shipped P2HAM checklist loads with every item of Lampiran I", "[admin][facility]") {
    const FacilityChecklist& c = checklist();
    CHECK(c.id == "p2ham-fasilitas");
    CHECK(c.version == 1);
    CHECK(c.items.size() == 14); // the 13 items of Permenkumham 27/2018 Lampiran I + accessible parking
    for (const char* code : {"aksesibilitas", "sarana_prasarana", "sdm", "kepatuhan", "indeks_warga"})
        CHECK(c.findCriterion(code) != nullptr);
    CHECK(c.findSource("pedoman_lama_parkir")->olderGuidance);
    CHECK(c.kepatuhanLevels.size() == 3);
}

TEST_CASE("Permen PUPR 14/2017 figures judged at their boundaries", "[admin][facility][threshold]") {
    auto v = [](const char* item, const char* m, double x) { return judge(measure(item, m), x); };
    CHECK(v("F10", "ramp_slope_inside", 6.0) == MeasureVerdict::Pass);   // ≤ 6° inside (1:10)
    CHECK(v("F10", "ramp_slope_inside", 6.01) == MeasureVerdict::Fail);
    CHECK(v("F10", "ramp_slope_outside", 5.0) == MeasureVerdict::Pass);  // ≤ 5° outside (1:12)
    CHECK(v("F10", "ramp_slope_outside", 5.01) == MeasureVerdict::Fail);
    CHECK(v("F10", "ramp_width", 95.0) == MeasureVerdict::Pass);         // ≥ 95 cm without kanstin
    CHECK(v("F10", "ramp_width", 94.99) == MeasureVerdict::Fail);
    CHECK(v("F10", "ramp_width_kanstin", 120.0) == MeasureVerdict::Pass); // ≥ 120 cm with kanstin
    CHECK(v("F10", "ramp_width_kanstin", 119.9) == MeasureVerdict::Fail);
    CHECK(v("F10", "kanstin_height", 10.0) == MeasureVerdict::Pass);
    CHECK(v("F10", "kanstin_height", 9.9) == MeasureVerdict::Fail);
    CHECK(v("F03", "toilet_width", 152.5) == MeasureVerdict::Pass);      // ≥ 152,5 × 227,5 cm
    CHECK(v("F03", "toilet_width", 152.4) == MeasureVerdict::Fail);
    CHECK(v("F03", "toilet_depth", 227.5) == MeasureVerdict::Pass);
    CHECK(v("F03", "toilet_depth", 227.49) == MeasureVerdict::Fail);
    CHECK(v("F03", "toilet_door", 90.0) == MeasureVerdict::Pass);        // ≥ 90 cm
    CHECK(v("F03", "toilet_door", 89.9) == MeasureVerdict::Fail);
    CHECK(v("F14", "parking_distance", 60.0) == MeasureVerdict::Pass);   // ≤ 60 m (older guidance)
    CHECK(v("F14", "parking_distance", 60.5) == MeasureVerdict::Fail);
    CHECK(judge(measure("F10", "ramp_width"), std::nullopt) == MeasureVerdict::NotMeasured);
}

TEST_CASE("a broken checklist is refused with file:line:column", "[admin][facility]") {
    std::string text = swtest::readFile(std::string(SW_SOURCE_ASSET_DIR) + "/facility/p2ham-checklist-v1.json");
    SECTION("unknown criterion") {
        const std::string from = R"("criterion": "aksesibilitas", "source": "permenkumham_27_2018_l1", "priority": 1,)";
        auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, 28, R"("criterion": "nope")");
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        try {
            parseChecklist(text, "bad.json");
            FAIL("accepted");
        } catch (const InstrumentError& e) {
            CHECK(e.line == line);
            CHECK(std::string(e.what()).find("bad.json:" + std::to_string(line) + ":") == 0);
            CHECK(std::string(e.what()).find("unknown criterion \"nope\"") != std::string::npos);
        }
    }
    SECTION("a missing English name") {
        auto at = text.find(R"(, "en": "Ramp"})");
        REQUIRE(at != std::string::npos);
        text.replace(at, 15, "}");
        CHECK_THROWS_WITH(parseChecklist(text, "bad.json"), Catch::Contains("has no \"en\" translation"));
    }
    SECTION("a bad rule") {
        auto at = text.find(R"("rule": "max", "limit": 6)");
        text.replace(at, 13, R"("rule": "le" )");
        CHECK_THROWS_WITH(parseChecklist(text, "bad.json"), Catch::Contains("\"rule\" must be"));
    }
    SECTION("a syntax error") {
        text.insert(text.find("\"items\""), ",");
        CHECK_THROWS_AS(parseChecklist(text, "bad.json"), InstrumentError);
    }
}

TEST_CASE("facility scores per criterion with the checklist's weights, gaps in priority order", "[admin][facility][score]") {
    const FacilityChecklist& c = checklist();
    FacilityAssessment a;
    a.checklistId = c.id;
    a.checklistVersion = c.version;
    a.assessedOn = "2026-11-20";
    for (const auto& item : c.items) a.items[item.code].status = FacilityStatus::Ada;
    a.items["F10"].measures["ramp_slope_inside"] = 7.0;   // fails ≤ 6° → counted at measure_fail (50)
    a.items["F10"].measures["ramp_width"] = 100.0;        // passes
    a.items["F14"].status = FacilityStatus::Tidak;        // 0
    a.items["F06"].status = FacilityStatus::Proses;       // 50
    a.items.erase("F07");                                 // not assessed
    a.petugas = FacilityStatus::Ada;
    a.kepatuhan["paspor"] = "patuh";                      // 100
    a.kepatuhan["izin_tinggal"] = "kurang_patuh";         // 20
    a.citizenIndex = 62.5;
    FacilityScore s = scoreFacility(c, a, {"paspor", "izin_tinggal"});

    auto crit = [&](const std::string& code) {
        for (const auto& x : s.criteria)
            if (x.code == code) return x;
        FAIL(code);
        return CriterionScore{};
    };
    // aksesibilitas: F03 F04 F08 F11 = 100, F10 = 50, F14 = 0 → 450/6 = 75.
    CHECK(crit("aksesibilitas").score == Approx(75.0));
    // sarana: six Ada + F06 Proses (F07 unanswered, left out) → 650/7.
    CHECK(crit("sarana_prasarana").score == Approx(650.0 / 7));
    CHECK(crit("sarana_prasarana").answered == 7);
    CHECK(crit("sarana_prasarana").total == 8);
    CHECK(crit("sdm").score == Approx(100.0));
    CHECK(crit("kepatuhan").score == Approx(60.0));
    CHECK(crit("indeks_warga").score == Approx(62.5));
    // Weights 30/25/20/15/10: (30·75 + 25·650/7 + 20·100 + 15·60 + 10·62,5) / 100.
    CHECK(s.total == Approx((30 * 75 + 25 * 650.0 / 7 + 20 * 100 + 15 * 60 + 10 * 62.5) / 100));

    REQUIRE(s.gaps.size() == 5);
    CHECK(s.gaps[0].kind == FacilityGap::Kind::Missing);
    CHECK(s.gaps[0].item == "F14");
    CHECK(s.gaps[1].kind == FacilityGap::Kind::MeasureFails);
    CHECK(s.gaps[1].item == "F10");
    CHECK(s.gaps[1].measure == "ramp_slope_inside");
    CHECK(s.gaps[1].source == "permen_pupr_14_2017");
    CHECK(s.gaps[1].value == 7.0);
    CHECK(s.gaps[1].limit == 6.0);
    CHECK(s.gaps[2].kind == FacilityGap::Kind::KepatuhanLow);
    CHECK(s.gaps[2].item == "izin_tinggal");
    CHECK(s.gaps[3].kind == FacilityGap::Kind::InProgress);
    CHECK(s.gaps[3].item == "F06");
    CHECK(s.gaps[4].kind == FacilityGap::Kind::Unanswered);
    CHECK(s.gaps[4].item == "F07");
    CHECK(s.gaps[4].source == "permenkumham_27_2018_l1");

    CHECK(s.coverage.assessed == 5);
    CHECK(s.coverage.total == 5);
    CHECK(s.coverage.complete());
    SECTION("without the citizens' index the criterion is left out of the total, and the score is incomplete") {
        a.citizenIndex.reset();
        FacilityScore s2 = scoreFacility(c, a, {"paspor", "izin_tinggal"});
        CHECK(s2.total == Approx((30 * 75 + 25 * 650.0 / 7 + 20 * 100 + 15 * 60) / 90));
        CHECK(s2.coverage.assessed == 4);
        CHECK_FALSE(s2.coverage.complete());
    }
    SECTION("nothing assessed but the kiosk's index: one criterion of five, not a score of the facilities") {
        FacilityAssessment empty;
        empty.citizenIndex = 69.1;
        FacilityScore s2 = scoreFacility(c, empty, {"paspor"});
        CHECK(s2.total == Approx(69.1));
        CHECK(s2.coverage.assessed == 1);
        CHECK(s2.coverage.total == 5);
        CHECK_FALSE(s2.coverage.complete());
    }
    SECTION("petugas siaga Tidak is a top gap") {
        a.petugas = FacilityStatus::Tidak;
        FacilityScore s2 = scoreFacility(c, a, {"paspor", "izin_tinggal"});
        CHECK(s2.gaps[0].kind == FacilityGap::Kind::PetugasMissing); // priority 1 before F14's 2
        CHECK(s2.criteria[2].score == Approx(0.0));
    }
}

TEST_CASE("assessments are dated and kept — earlier ones stay readable", "[admin][facility][store]") {
    swtest::TempDir dir;
    Store store(dir.file("f.db"));
    FacilityAssessment a;
    a.checklistId = "p2ham-fasilitas";
    a.checklistVersion = 1;
    a.assessedOn = "2026-06-30";
    a.assessor = "Kepala Unit";
    a.items["F10"].status = FacilityStatus::Ada;
    a.items["F10"].measures["ramp_slope_inside"] = 5.5;
    a.items["F10"].note = "ramp utama";
    a.petugas = FacilityStatus::Ada;
    a.petugasStaff = "Budi, Sari";
    a.kepatuhan["paspor"] = "cukup_patuh";
    a.citizenIndex = 71.25;
    auto ev = importEvidenceBytes(store, "ramp.png", pngBytes(40, 30));
    a.items["F10"].evidence.push_back(ev.id);
    const std::int64_t first = saveAssessment(store, a);
    a.assessedOn = "2026-12-01";
    a.items["F10"].status = FacilityStatus::Proses;
    const std::int64_t second = saveAssessment(store, a);

    auto list = listAssessments(store);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == second);
    CHECK(list[1].assessedOn == "2026-06-30");
    auto back = loadAssessment(store, first);
    REQUIRE(back);
    CHECK(back->items["F10"].status == FacilityStatus::Ada);
    CHECK(back->items["F10"].measures["ramp_slope_inside"] == 5.5);
    CHECK(back->items["F10"].note == "ramp utama");
    CHECK(back->items["F10"].evidence == std::vector<std::int64_t>{ev.id});
    CHECK(back->petugasStaff == "Budi, Sari");
    CHECK(back->kepatuhan["paspor"] == "cukup_patuh");
    CHECK(back->citizenIndex == 71.25);
    CHECK(loadAssessment(store, second)->items["F10"].status == FacilityStatus::Proses);
    CHECK_FALSE(loadAssessment(store, 999).has_value());
}

TEST_CASE("evidence import: photos and PDFs stored with SHA-256 and a thumbnail", "[admin][evidence]") {
    swtest::TempDir dir;
    Store store(dir.file("e.db"));
    const std::string png = pngBytes(640, 480);
    swtest::writeFile(dir.file("toilet.png"), png);
    EvidenceInfo i = importEvidence(store, dir.file("toilet.png"));
    CHECK(i.id > 0);
    CHECK(i.mime == "image/png");
    CHECK(i.width == 640);
    CHECK(i.height == 480);
    CHECK(i.sha256 == sha256Hex(png));
    CHECK(i.sha256.size() == 64);
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2
    CHECK(evidenceData(store, i.id) == png);
    auto thumb = decodePng(evidenceThumbnailPng(store, i.id));
    REQUIRE(thumb);
    CHECK(thumb->width == 160);
    CHECK(thumb->height == 120);

    swtest::writeFile(dir.file("FOTO.JPG"), jpegBytes(100, 200));
    EvidenceInfo j = importEvidence(store, dir.file("FOTO.JPG"));
    CHECK(j.mime == "image/jpeg");
    CHECK(decodePng(evidenceThumbnailPng(store, j.id))->height == 160);

    swtest::writeFile(dir.file("sk.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    EvidenceInfo p = importEvidence(store, dir.file("sk.pdf"));
    CHECK(p.mime == "application/pdf");
    CHECK(evidenceThumbnailPng(store, p.id).empty());

    // The same bytes again: stored once.
    EvidenceInfo again = importEvidenceBytes(store, "copy.png", png);
    CHECK(again.duplicate);
    CHECK(again.id == i.id);
    CHECK(countRows(store, "evidence") == 3);

    swtest::writeFile(dir.file("notes.txt"), "x");
    auto cands = evidenceCandidates(dir.path.string());
    REQUIRE(cands.size() == 3); // FOTO.JPG, sk.pdf, toilet.png — not notes.txt
    CHECK(cands[0].find("FOTO.JPG") != std::string::npos);
}

TEST_CASE("evidence import failures: each a clear message, nothing stored", "[admin][evidence]") {
    swtest::TempDir dir;
    Store store(dir.file("e.db"));
    auto expectKind = [&](const std::string& path, EvidenceError::Kind kind, const char* words, EvidenceLimits lim = {}) {
        try {
            importEvidence(store, path, lim);
            FAIL("accepted " << path);
        } catch (const EvidenceError& e) {
            CHECK(e.kind == kind);
            CHECK(std::string(e.what()).find(words) != std::string::npos);
        }
        CHECK(countRows(store, "evidence") == 0);
    };
    const std::string png = pngBytes(64, 64);
    swtest::writeFile(dir.file("big.png"), png);
    EvidenceLimits small;
    small.maxBytes = png.size() - 1;
    expectKind(dir.file("big.png"), EvidenceError::Kind::TooBig, "the limit is", small);
    swtest::writeFile(dir.file("virus.jpg"), "MZ\x90\x00 this is an executable renamed");
    expectKind(dir.file("virus.jpg"), EvidenceError::Kind::WrongType, "not a photo (JPEG, PNG) or a PDF");
    swtest::writeFile(dir.file("cut.png"), png.substr(0, 60)); // a photo cut short on the stick
    expectKind(dir.file("cut.png"), EvidenceError::Kind::Unreadable, "cannot be read");
    swtest::writeFile(dir.file("cut.pdf"), "%PDF-1.4\n1 0 obj<<>>");
    expectKind(dir.file("cut.pdf"), EvidenceError::Kind::Unreadable, "incomplete");
    expectKind(dir.file("gone.png"), EvidenceError::Kind::Unreadable, "cannot be read");
    swtest::writeFile(dir.file("empty.png"), "");
    expectKind(dir.file("empty.png"), EvidenceError::Kind::Empty, "empty");
    CHECK(importEvidence(store, dir.file("big.png")).id > 0); // within the default limit it is fine
}

TEST_CASE("rencana tindak lanjut per period: stored, listed, refused when half-filled", "[admin][tindak_lanjut]") {
    swtest::TempDir dir;
    Store store(dir.file("t.db"));
    Period p = periodContaining(PeriodKind::Triwulan, {2026, 11, 1});
    TindakLanjut t;
    t.periodFrom = formatDate(p.from);
    t.periodTo = formatDate(p.to);
    t.targetKind = "unsur";
    t.targetCode = "U3";
    t.targetLabel = "Waktu Penyelesaian";
    t.action = "Tambah satu loket pada jam sibuk";
    t.owner = "Kasubsi Pelayanan";
    t.dueDate = "2027-01-31";
    t.id = addTindakLanjut(store, t);
    TindakLanjut f = t;
    f.targetKind = "facility";
    f.targetCode = "F10";
    f.action = "Perbaiki kemiringan ramp";
    addTindakLanjut(store, f);
    auto list = tindakLanjutFor(store, p);
    REQUIRE(list.size() == 2);
    CHECK(list[0].targetCode == "U3");
    CHECK(list[1].targetKind == "facility");
    CHECK(tindakLanjutFor(store, previousPeriod(p)).empty());
    t.status = "selesai";
    updateTindakLanjut(store, t);
    CHECK(tindakLanjutFor(store, p)[0].status == "selesai");
    removeTindakLanjut(store, t.id);
    CHECK(tindakLanjutFor(store, p).size() == 1);

    TindakLanjut bad = t;
    bad.owner = "";
    CHECK_THROWS_WITH(addTindakLanjut(store, bad), Catch::Contains("owner"));
    bad = t;
    bad.dueDate = "2027-02-30";
    CHECK_THROWS_AS(addTindakLanjut(store, bad), UsageError);
    CHECK(tindakLanjutFor(store, p).size() == 1);
}

TEST_CASE("a question edit makes a new instrument version — old responses keep theirs", "[admin][instrument_edit]") {
    swtest::TempDir dir;
    Store store(dir.file("i.db"));
    const Instrument& in = swtest::defaultInstrument();
    store.registerInstrument(in);
    Instrument edited = withQuestionEdits(in, {{"U3", "id", "Seberapa cepat layanan paspor Anda selesai?"}});
    CHECK(edited.version == in.version + 1);
    CHECK(edited.findUnsur("U3")->question.in("id") == "Seberapa cepat layanan paspor Anda selesai?");
    CHECK(edited.findUnsur("U3")->question.in("en") == in.findUnsur("U3")->question.in("en"));
    Instrument stored = publishInstrumentVersion(store, edited);
    CHECK(store.latestInstrument()->version == stored.version);
    CHECK(store.instrument(in.id, in.version)->findUnsur("U3")->question.in("id") == in.findUnsur("U3")->question.in("id"));
    // Publishing the same edit again takes the next free version, never overwrites.
    Instrument again = publishInstrumentVersion(store, edited);
    CHECK(again.version == edited.version + 1);

    CHECK_THROWS_AS(withQuestionEdits(in, {{"U99", "id", "x"}}), UsageError);
    CHECK_THROWS_AS(withQuestionEdits(in, {{"U3", "id", "  "}}), UsageError);
    CHECK_THROWS_AS(withQuestionEdits(in, {{"U3", "xx", "x"}}), UsageError);

    Instrument svc = withServices(in, {{"ktp", {{{"id", "KTP"}, {"en", "ID card"}}}}});
    CHECK(svc.services.size() == 1);
    CHECK(svc.findService("ktp") != nullptr);
}
