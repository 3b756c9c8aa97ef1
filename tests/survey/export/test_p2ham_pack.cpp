// The P2HAM evidence pack (`export --format p2ham`): one ZIP with the index, the assessment, the
// annex and every evidence file, read back with Info-ZIP's unzip.
#include "survey/export/p2ham_helpers.hpp"

#include "survey/export/p2ham_pack.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using swtest::runCli;

namespace {

std::string evidenceEntry(const std::string& item, const sw::EvidenceInfo& e) {
    return "data-dukung/" + item + "-" + e.sha256.substr(0, 12) + "-" + (e.fileName == "foto ramp.png" ? "foto_ramp.png" : e.fileName);
}

// Every item of the checklist under its criterion in index.json, with the evidence paths.
std::map<std::string, nlohmann::json> indexedItems(const nlohmann::json& index) {
    std::map<std::string, nlohmann::json> items;
    for (const auto& c : index["criteria"])
        for (const auto& item : c["items"]) items[item["code"].get<std::string>()] = item;
    return items;
}

bool onlyEntryIn(const swtest::TempDir& dir, const std::string& name) {
    for (const auto& e : std::filesystem::directory_iterator(dir.path))
        if (e.path().filename() != name && e.path().filename().string().rfind("unit.db", 0) != 0) return false;
    return true;
}

} // namespace

TEST_CASE("the P2HAM pack holds the index, the assessment, the annex and each evidence file by its SHA-256", "[export][p2ham]") {
    swtest::requireUnzip();
    swtest::P2hamUnit u;
    const std::string zip = u.dir.file("data-dukung.zip");
    auto r = runCli("export --format p2ham --db " + u.db + " --out " + zip);
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("3 evidence file(s)") != std::string::npos);

    const std::string names = swtest::zipNames(zip);
    for (const std::string entry : {"DAFTAR-ISI.txt", "index.json", "penilaian-fasilitas.csv", "lampiran-p2ham.pdf"})
        CHECK(names.find(entry + "\n") != std::string::npos);
    const std::vector<std::pair<std::string, sw::EvidenceInfo>> files{{"F03", u.toilet}, {"F03", u.ramp}, {"F10", u.ramp}};
    for (const auto& [item, info] : files) {
        const std::string entry = evidenceEntry(item, info);
        INFO(entry);
        CHECK(names.find(entry + "\n") != std::string::npos);
        CHECK(sw::sha256Hex(swtest::zipEntry(zip, entry)) == info.sha256);
    }
    CHECK(swtest::shellOutput("unzip -t '" + zip + "'").find("No errors detected") != std::string::npos);
    CHECK(swtest::shellOutput("unzip -v '" + zip + "'").find("Defl:N") != std::string::npos);

    const auto index = nlohmann::json::parse(swtest::zipEntry(zip, "index.json"));
    CHECK(index["assessor"] == "Kasubag Umum");
    CHECK(index["unit"]["id"] == "kanim-p");
    const auto items = indexedItems(index);
    const std::string text = swtest::zipEntry(zip, "DAFTAR-ISI.txt");
    const std::string csv = swtest::zipEntry(zip, "penilaian-fasilitas.csv");
    for (const auto& item : sw::loadChecklist(sw::defaultChecklistPath()).items) {
        INFO(item.code);
        CHECK(items.count(item.code) == 1);
        CHECK(text.find("  " + item.code + " ") != std::string::npos);
        CHECK(csv.find("," + item.code + ",") != std::string::npos);
    }
    CHECK(items.at("F10")["evidence"][0]["path"] == evidenceEntry("F10", u.ramp));
    CHECK(items.at("F06")["status"] == "tidak");
    CHECK(text.find("Kasubag Umum") != std::string::npos);
    CHECK(text.find("80,0 cm (≥ 95,0) TIDAK memenuhi") != std::string::npos);
    CHECK(swtest::occurrences(csv, "\r\n") == 15); // header and 14 items
}

TEST_CASE("the P2HAM pack's annex is the report's own Lampiran P2HAM", "[export][p2ham]") {
    swtest::requireUnzip();
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext is not installed (poppler-utils)");
    swtest::P2hamUnit u;
    const std::string zip = u.dir.file("pack.zip");
    REQUIRE(runCli("export --format p2ham --lang en --db " + u.db + " --out " + zip).status == 0);
    swtest::writeFile(u.dir.file("annex.pdf"), swtest::zipEntry(zip, "lampiran-p2ham.pdf"));
    const std::string pdf = swtest::shellOutput("pdftotext -layout '" + u.dir.file("annex.pdf") + "' -");
    CHECK(pdf.find("HUMAN-RIGHTS-BASED PUBLIC SERVICE") != std::string::npos);
    CHECK(pdf.find("Kasubag Umum") != std::string::npos);
    CHECK(pdf.find("BAB I") == std::string::npos); // the annex alone, not the whole report
    CHECK(swtest::zipEntry(zip, "DAFTAR-ISI.txt").find("P2HAM SELF-ASSESSMENT EVIDENCE") != std::string::npos);
}

TEST_CASE("a unit without a facility assessment gets a clear message, exit 1 and no pack", "[export][p2ham]") {
    swtest::P2hamUnit u(false);
    const std::string zip = u.dir.file("pack.zip");
    auto r = runCli("export --format p2ham --db " + u.db + " --out " + zip);
    CHECK(r.status == 1);
    CHECK(r.out.find("no P2HAM facility self-assessment") != std::string::npos);
    CHECK(r.out.find("Nothing was written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(zip));
    CHECK(onlyEntryIn(u.dir, ""));
}

TEST_CASE("evidence that no longer matches its SHA-256 fails the pack and leaves no file", "[export][p2ham]") {
    swtest::P2hamUnit u;
    {
        sw::Store store(u.db);
        sw::sql::Statement st(store.db(), "UPDATE evidence SET data=? WHERE id=?");
        st.bind(1, std::string("not the photo")).bind(2, u.toilet.id).run();
    }
    const std::string zip = u.dir.file("pack.zip");
    auto r = runCli("export --format p2ham --db " + u.db + " --out " + zip);
    CHECK(r.status == 4);
    CHECK(r.out.find("toilet.png") != std::string::npos);
    CHECK(r.out.find(u.toilet.sha256) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(zip));
    CHECK(onlyEntryIn(u.dir, "")); // no temporary file or scratch annex left beside it
}

TEST_CASE("the P2HAM pack is never written over the store", "[export][p2ham]") {
    swtest::P2hamUnit u;
    auto r = runCli("export --format p2ham --db " + u.db + " --out " + u.db);
    CHECK(r.status == 2);
    sw::Store store(u.db, sw::Store::Options{.create = false});
    CHECK(store.countResponses({}) > 0);
}
