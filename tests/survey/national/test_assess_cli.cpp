// `suarawarga assess` as the Kanwil assessor runs it: verdicts from a file (a bad one refused
// naming the field and its place, nothing stored), the verified score beside the self-assessed
// one, the berita acara PDF holding every verdict (pdftotext), the signed result, the ready list.
#include "survey/national/verification_fixture.hpp"

#include "survey/national/kanwil_key.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace sw;
using swtest::runCli;
using swtest::TempDir;

namespace {

struct Kanwil {
    TempDir d;
    std::string db = d.file("kanwil.db");
    Kanwil() {
        auto s = openAssessorStore(db, true);
        swtest::mergeInto(*s, swtest::unitClaimingAda(d, "unit-a"));
    }
    std::string verdicts(const nlohmann::json& others, const std::string& name = "verdicts.json") {
        const std::string f = d.file(name);
        swtest::writeFile(f, swtest::verdictsJson("unit-a", others));
        return f;
    }
    bool stored() {
        auto s = openAssessorStore(db, false);
        return s->verification("unit-a").has_value();
    }
};

const nlohmann::json kFindings = {
    {"F10", {{"verdict", "tidak_sesuai"}, {"note", "Ramp parkir terlalu curam"}, {"measured", {{"ramp_slope_outside", 7.5}}}}},
    {"F05", {{"verdict", "perlu_klarifikasi"}, {"note", "Foto ruang laktasi tidak jelas"}}},
    {"F03", {{"verdict", "terverifikasi"}, {"note", "Toilet sesuai ukuran"}}}};

} // namespace

TEST_CASE("assess --from-file refuses a bad verdicts file naming the field and its line, storing nothing", "[national][verification][cli]") {
    Kanwil k;
    nlohmann::json bad = nlohmann::json::parse(swtest::verdictsJson("unit-a", {}));
    bad["verdicts"][4]["verdict"] = "maybe";
    const std::string f = k.d.file("bad.json");
    swtest::writeFile(f, bad.dump(2));
    const auto r = runCli("assess --db " + k.db + " --unit unit-a --from-file " + f);
    INFO(r.out);
    CHECK(r.status == 3);
    CHECK(r.out.find(f + ":") != std::string::npos);
    CHECK(r.out.find("\"verdict\" must be terverifikasi, tidak_sesuai or perlu_klarifikasi") != std::string::npos);
    CHECK_FALSE(k.stored());
    const auto noUnit = runCli("assess --db " + k.db + " --unit unit-z --from-file " + k.verdicts({}));
    CHECK(noUnit.status == 2);
    CHECK(noUnit.out.find("has sent no facility self-assessment") != std::string::npos);
}

TEST_CASE("assess prints the verified score beside the self-assessed one, the difference and the items that differ", "[national][verification][cli]") {
    Kanwil k;
    const auto r = runCli("assess --db " + k.db + " --unit unit-a --from-file " + k.verdicts(kFindings));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(k.stored());
    // Aksesibilitas (5×100 + 0)/6, sarana (7×100)/7 with F05 not credited, sdm 100: 7000/75 = 93,33.
    CHECK(r.out.find("skor penilaian mandiri: 100,00 (kriteria 3 dari 5 — belum lengkap)") != std::string::npos);
    CHECK(r.out.find("skor terverifikasi:     93,33 (kriteria 3 dari 5 — belum lengkap, butir terverifikasi 14 dari 15)") !=
          std::string::npos);
    CHECK(r.out.find("selisih:                -6,67") != std::string::npos);
    CHECK(r.out.find("butir yang berbeda (2):") != std::string::npos);
    CHECK(r.out.find("F10 ") != std::string::npos);
    CHECK(r.out.find("Ada → Tidak (Tidak sesuai), ramp_slope_outside tidak memenuhi Permen PUPR 14/2017: Ramp parkir terlalu curam") !=
          std::string::npos);
    CHECK(r.out.find("Bobot (konfigurasi") != std::string::npos);
    // Without --from-file: the stored verdicts.
    const auto again = runCli("assess --db " + k.db + " --unit unit-a");
    CHECK(again.status == 0);
    CHECK(again.out.find("93,33") != std::string::npos);
    // The ready list names its rule and each reason.
    const auto ready = runCli("assess --db " + k.db + " --ready --pass-mark 90");
    INFO(ready.out);
    CHECK(ready.status == 0);
    CHECK(ready.out.find("skor terverifikasi ≥ 90,00") != std::string::npos);
    CHECK(ready.out.find("BELUM unit-a") != std::string::npos);
    CHECK(ready.out.find("belum lengkap: kriteria 3 dari 5") != std::string::npos);
    CHECK(ready.out.find("masih perlu klarifikasi: F05") != std::string::npos);
}

TEST_CASE("the berita acara PDF holds every item's verdict, its notes, the scores and signature lines", "[national][verification][cli][export]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext is not installed (apt-get install poppler-utils)");
    Kanwil k;
    const std::string pdf = k.d.file("berita-acara.pdf");
    const auto r = runCli("assess --db " + k.db + " --unit unit-a --from-file " + k.verdicts(kFindings) + " --berita-acara " + pdf);
    INFO(r.out);
    REQUIRE(r.status == 0);
    const std::string txt = k.d.file("ba.txt");
    REQUIRE(std::system(("pdftotext -layout " + pdf + " " + txt).c_str()) == 0);
    const std::string text = swtest::readFile(txt);
    INFO(text.substr(0, 3000));
    CHECK(text.find("BERITA ACARA VERIFIKASI") != std::string::npos);
    CHECK(text.find("Unit unit-a (unit-a)") != std::string::npos);
    CHECK(text.find("Budi Santoso, Sari Dewi") != std::string::npos);
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    int verdicts = 0;
    for (const auto& item : c.items) {
        const std::string want = item.code == "F10" ? "Tidak sesuai" : item.code == "F05" ? "Perlu klarifikasi" : "Terverifikasi";
        const auto at = text.find(item.code + " " + item.name.in("id").substr(0, 8));
        REQUIRE(at != std::string::npos);
        const auto next = text.find("Putusan: ", at);
        REQUIRE(next != std::string::npos);
        CHECK(text.compare(next + 9, want.size(), want) == 0);
        ++verdicts;
    }
    CHECK(verdicts == static_cast<int>(c.items.size()));
    CHECK(text.find("petugas_siaga") != std::string::npos);
    CHECK(text.find("Ramp parkir terlalu curam") != std::string::npos);
    CHECK(text.find("Foto ruang laktasi tidak jelas") != std::string::npos);
    CHECK(text.find("diukur ulang 7,5 — tidak memenuhi") != std::string::npos);
    CHECK(text.find("93,33") != std::string::npos);
    CHECK(text.find("ramp.png") != std::string::npos);
    CHECK(text.find("Penilai Kanwil") != std::string::npos);
    CHECK(text.find("Kepala unit / yang mewakili") != std::string::npos);
}

TEST_CASE("assess --result writes the result signed with the Kanwil's own key, and the unit imports it", "[national][verification][cli]") {
    Kanwil k;
    const auto noKey = runCli("assess --db " + k.db + " --unit unit-a --from-file " + k.verdicts(kFindings) + " --result " + k.d.file("a.swv"));
    CHECK(noKey.status == 5);
    CHECK(noKey.out.find("no Kanwil key here") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(k.d.file("a.swv")));
    const KanwilKey key = KanwilKey::create(KanwilKey::keyPathFor(k.db));
    const auto r = runCli("assess --db " + k.db + " --unit unit-a --result " + k.d.file("a.swv"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("signed by Kanwil key " + key.fingerprint()) != std::string::npos);
    const std::string unit = k.d.file("unit-a.db");
    CHECK(runCli("verification --db " + unit + " --import " + k.d.file("a.swv")).status == 5);   // trusts no Kanwil yet
    REQUIRE(runCli("trust-kanwil --db " + unit + " --key " + key.publicKeyHex()).status == 0);
    const auto imp = runCli("verification --db " + unit + " --import " + k.d.file("a.swv"));
    INFO(imp.out);
    CHECK(imp.status == 0);
    CHECK(imp.out.find("skor terverifikasi:     93,33") != std::string::npos);
    CHECK(imp.out.find("F10 ") != std::string::npos);
    const auto tl = runCli("verification --db " + unit + " --tindak-lanjut F10 --owner 'Kasubbag Umum'");
    INFO(tl.out);
    CHECK(tl.status == 0);
    CHECK(runCli("verification --db " + unit).out.find("(tindak lanjut sudah dibuat)") != std::string::npos);
    CHECK(runCli("verification --db " + unit + " --tindak-lanjut F10").status == 2);
}
