// The demo unit is marked DEMO everywhere its figures go (README "Security model"): its bundle,
// the text and JSON report, verify and merge output, the PDF on every page and the XLSX; a unit
// set up with `init` carries none of these marks, even from a unit file that says "demo": true.
#include "survey/export/export_helpers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/migrations.hpp"
#include "survey/store/unit_setup.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>

using namespace sw;
using swtest::runCli;
using swtest::TempDir;

namespace {

const char* const kInit = " --id kanim-serang --name 'Kantor Imigrasi Serang' --instansi 'Kementerian Imigrasi'"
                          " --kabupaten 'Kabupaten Serang' --kode-wilayah 36.04 --province Banten --zone WIB";

// `n` simulated respondents of the store's own unit, whatever it is.
void addResponses(const std::string& db, int n) {
    Store s(db);
    const Instrument in = s.unit() ? requireUnit(s) : setUpDemo(s);
    Simulator sim(in, *s.unit(), 21, 30, nowUtc());
    std::vector<Response> rs;
    for (int i = 0; i < n; ++i) rs.push_back(sim.next());
    s.appendAll(rs);
}

// The demo unit's store as the kiosk's first start leaves it, with some answers.
std::string demoStore(const TempDir& d) {
    const std::string db = d.file("demo.db");
    addResponses(db, 12);
    return db;
}

// A real unit's store: `init` from the demo unit's own file (which says "demo": true), then answers.
std::string initStore(const TempDir& d) {
    const std::string db = d.file("real.db");
    const auto r = runCli("init --db " + db + " --unit-file " + std::string(SW_SOURCE_ASSET_DIR) + "/demo-unit.json");
    INFO(r.out);
    REQUIRE(r.status == 0);
    addResponses(db, 12);
    return db;
}

std::string bundleOf(const std::string& db, const std::string& out) {
    Store s(db);
    exportBundle(s, UnitKey::loadOrCreate(s), out, BundleOptions{});
    return out;
}

// What a tool prints (the helpers' runCli runs our own program only).
std::string shell(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
    return out;
}

std::string pdfText(const std::string& db, const std::string& pdf) {
    const auto r = runCli("export --db " + db + " --format pdf --out " + pdf);
    INFO(r.out);
    REQUIRE(r.status == 0);
    return shell("pdftotext -enc UTF-8 " + pdf + " -");
}

std::size_t occurrences(const std::string& text, const std::string& word) {
    std::size_t n = 0;
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("the demo unit knows it is the demo unit, and init makes a real one", "[security][demo]") {
    TempDir d;
    {
        Store s(demoStore(d));
        CHECK(s.unit()->id == kDemoUnitId);
        CHECK(s.unit()->demo);
    }
    Store real(initStore(d));
    CHECK(real.unit()->id == kDemoUnitId);   // the file's id, but set up on purpose: a real unit
    CHECK_FALSE(real.unit()->demo);
    // Setting up the demo store itself for real is refused once it has answers, and changes nothing.
    const auto r = runCli("init --db " + d.file("demo.db") + kInit);
    CHECK(r.status == 2);
    CHECK(r.out.find("cannot change") != std::string::npos);
    Store demo(d.file("demo.db"));
    CHECK(demo.unit()->demo);
}

TEST_CASE("a demo store's bundle, report, verify and merge say DEMO", "[security][demo]") {
    TempDir d;
    const std::string db = demoStore(d);
    const std::string swb = bundleOf(db, d.file("demo.swb"));
    CHECK(readBundleFile(swb).unit.demo);

    const auto text = runCli("report --db " + db);
    INFO(text.out);
    REQUIRE(text.status == 0);
    CHECK(text.out.find("\nDEMO") != std::string::npos);   // a line of its own
    const auto json = runCli("report --db " + db + " --format json");
    REQUIRE(json.status == 0);
    CHECK(nlohmann::json::parse(json.out).at("demo") == true);

    const auto verify = runCli("verify " + swb);
    INFO(verify.out);
    CHECK(verify.status == 0);
    CHECK(verify.out.find("(DEMO)") != std::string::npos);
    const std::string kanwil = d.file("kanwil.db");
    const auto merge = runCli("merge --into " + kanwil + " --enroll-new " + swb);
    INFO(merge.out);
    CHECK(merge.status == 0);
    CHECK(merge.out.find("(DEMO)") != std::string::npos);
    const auto again = runCli("merge --into " + kanwil + " " + swb);   // already merged: still marked
    CHECK(again.out.find("(DEMO)") != std::string::npos);
    Store k(kanwil);
    const auto units = rollupByUnit(k, {});
    REQUIRE(units.size() == 1);
    CHECK(units[0].unit.demo);
    const auto rollup = runCli("report --db " + kanwil + " --by unit --format json");
    CHECK(nlohmann::json::parse(rollup.out).at("units").at(0).at("unit").at("demo") == true);
}

TEST_CASE("a unit set up by init says DEMO nowhere", "[security][demo]") {
    TempDir d;
    const std::string db = initStore(d);
    const std::string swb = bundleOf(db, d.file("real.swb"));
    CHECK_FALSE(readBundleFile(swb).unit.demo);
    const auto text = runCli("report --db " + db);
    REQUIRE(text.status == 0);
    CHECK(text.out.find("DEMO") == std::string::npos);
    const auto json = runCli("report --db " + db + " --format json");
    CHECK(nlohmann::json::parse(json.out).at("demo") == false);
    const auto verify = runCli("verify " + swb);
    CHECK(verify.status == 0);
    CHECK(verify.out.find("DEMO") == std::string::npos);
    const std::string kanwil = d.file("kanwil.db");
    const auto merge = runCli("merge --into " + kanwil + " --enroll-new " + swb);
    CHECK(merge.status == 0);
    CHECK(merge.out.find("DEMO") == std::string::npos);
    Store k(kanwil);
    CHECK_FALSE(rollupByUnit(k, {}).at(0).unit.demo);
}

TEST_CASE("a bundle written before the demo flag is judged by the demo unit's fixed id", "[security][demo]") {
    TempDir d;
    const std::string db = demoStore(d);
    Store s(db);
    const UnitKey key = UnitKey::loadOrCreate(s);
    const std::string payload = bundlePayload(buildBundle(s, key, BundleOptions{}));
    const std::size_t nl = payload.find('\n');
    nlohmann::json head = nlohmann::json::parse(payload.substr(0, nl));
    head["unit"].erase("demo");
    CHECK(readBundle(sealBundle(head.dump() + payload.substr(nl), key)).unit.demo);
    head["unit"]["id"] = "kanim-serang";
    CHECK_FALSE(readBundle(sealBundle(head.dump() + payload.substr(nl), key)).unit.demo);
    head["unit"]["demo"] = "yes";   // signed, but not a yes/no: refused, never guessed
    CHECK_THROWS_AS(readBundle(sealBundle(head.dump() + payload.substr(nl), key)), BundleError);
}

TEST_CASE("the demo unit's PDF says DEMO on its title and every page", "[security][demo]") {
    if (!swtest::haveTool("pdftotext")) swtest::skipTest("pdftotext (poppler-utils) is not installed");
    TempDir d;
    const std::string demo = pdfText(demoStore(d), d.file("demo.pdf"));
    INFO(demo.substr(0, 2000));
    CHECK(demo.find("DEMO — bukan unit sungguhan") != std::string::npos);   // the title block
    // The running header of every page, plus the title: at least one more DEMO than pages.
    const std::size_t pages = occurrences(demo, "\f");
    CHECK(pages >= 5);
    CHECK(occurrences(demo, "DEMO") >= pages + 1);
    const std::string real = pdfText(initStore(d), d.file("real.pdf"));
    CHECK(real.find("DEMO") == std::string::npos);
}

TEST_CASE("the demo unit's XLSX says DEMO on Pengolahan, a real unit's does not", "[security][demo]") {
    if (!swtest::haveTool("unzip")) swtest::skipTest("unzip is not installed");
    TempDir d;
    demoStore(d);
    initStore(d);
    REQUIRE(runCli("export --db " + d.file("demo.db") + " --format xlsx --out " + d.file("demo.xlsx")).status == 0);
    CHECK(shell("unzip -p " + d.file("demo.xlsx")).find("DEMO — bukan unit sungguhan") != std::string::npos);
    REQUIRE(runCli("export --db " + d.file("real.db") + " --format xlsx --out " + d.file("real.xlsx")).status == 0);
    CHECK(shell("unzip -p " + d.file("real.xlsx")).find("DEMO") == std::string::npos);
}

TEST_CASE("migration 7 -> 8 marks a schema-7 store's demo unit, and only it", "[security][demo][migration]") {
    TempDir d;
    const std::string path = d.file("seven.db");
    {
        // A store as schema 7 left it: every step up to 7, the demo unit current, a real one beside it.
        sql::Database db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        for (std::size_t v = 0; v < 7; ++v) {
            db.exec(kMigrations[v].sql);
            if (kMigrations[v].convert) kMigrations[v].convert(db);
            if (kMigrations[v].afterSql) db.exec(kMigrations[v].afterSql);
        }
        db.exec("PRAGMA application_id=" + std::to_string(Store::kApplicationId));
        db.exec("PRAGMA user_version=7");
        db.exec("INSERT INTO unit(id,name,kode_wilayah) VALUES('demo-kanim-jaksel','Kantor Imigrasi (Demo)','31.71')");
        db.exec("INSERT INTO unit(id,name,kode_wilayah) VALUES('kanim-serang','Kantor Imigrasi Serang','36.04')");
        db.exec("INSERT INTO setting(key,value) VALUES('unit.current','demo-kanim-jaksel')");
    }
    Store s(path);
    CHECK(s.schemaVersion() == Store::kSchemaVersion);   // migrated on through the later versions
    REQUIRE(s.unit());
    CHECK(s.unit()->id == "demo-kanim-jaksel");
    CHECK(s.unit()->demo);
    CHECK(s.db().scalarInt("SELECT demo FROM unit WHERE id='kanim-serang'") == 0);
}
