// The command line end to end: import a paper survey, report it, simulate; errors exit non-zero.
#include "survey/store/store.hpp"
#include "survey/test_helpers.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run run(const std::string& args) {
    std::string cmd = std::string(SW_CLI_BINARY) + " " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

} // namespace

TEST_CASE("import a paper survey, then report the regulation's numbers", "[cli]") {
    swtest::TempDir dir;
    std::string db = dir.file("unit.db");
    Run imp = run("import --demo --db " + db + " --csv " + SW_TEST_FIXTURES + "/paper_ok.csv");
    INFO(imp.out);
    REQUIRE(imp.status == 0);
    CHECK(imp.out.find("imported 4 responses") != std::string::npos);

    Run rep = run("report --db " + db + " --format json --population 100");
    INFO(rep.out);
    REQUIRE(rep.status == 0);
    auto j = nlohmann::json::parse(rep.out);
    CHECK(j["respondents"] == 4);
    CHECK(j["unsur"].size() == 9);
    CHECK(j["unsur"][0]["code"] == "U1");
    CHECK(j["unsur"][0]["name"] == "Persyaratan");
    CHECK(j["unsur"][0]["sum"] == 14);
    CHECK(j["unsur"][0]["n"] == 4);
    CHECK(j["unsur"][0]["nrr"].get<double>() == Approx(3.5));
    CHECK(j["ikm"].get<double>() == Approx(116.0 / 36.0));
    CHECK(j["ikm_unit"].get<double>() == Approx(80.5556).margin(1e-4));
    CHECK(j["mutu"] == "B");
    CHECK(j["kinerja"] == "Baik");
    CHECK(j["min_sample"]["required"] == 80);
    CHECK(j["min_sample"]["sufficient"] == false);
    CHECK(j["min_sample"]["shortfall"] == 76);

    // The two legacy conventions by name (survey/skm/skm.hpp): unrounded 3,219 × 25, rounded-each 3,220 × 25.
    Run legacy = run("report --db " + db + " --format json --weights 0.111");
    CHECK(nlohmann::json::parse(legacy.out)["ikm_unit"].get<double>() == Approx(80.475));
    CHECK(nlohmann::json::parse(legacy.out)["weights"] == "0.111");
    Run r3 = run("report --db " + db + " --format json --weights 0.111-r3");
    CHECK(nlohmann::json::parse(r3.out)["ikm_unit"].get<double>() == Approx(80.50));
    CHECK(nlohmann::json::parse(r3.out)["weights"] == "0.111-r3");
    CHECK(run("report --db " + db + " --weights 0.11").status == 2);

    Run text = run("report --db " + db + " --from 2026-10-01 --to 2026-10-31");
    CHECK(text.status == 0);
    CHECK(text.out.find("80,56") != std::string::npos);   // the Indonesian report writes a decimal comma
    CHECK(text.out.find("Baik") != std::string::npos);
}

TEST_CASE("simulate prints one UUID per durable response", "[cli]") {
    swtest::TempDir dir;
    std::string db = dir.file("sim.db");
    Run sim = run("simulate --demo --db " + db + " --count 25 --seed 7 --days 30 --batch 10");
    REQUIRE(sim.status == 0);
    CHECK(std::count(sim.out.begin(), sim.out.end(), '\n') == 25);
    Run rep = run("report --db " + db + " --format json --include-misuse");
    CHECK(nlohmann::json::parse(rep.out)["respondents"] == 25);
}

TEST_CASE("bad input exits non-zero with the place named", "[cli]") {
    swtest::TempDir dir;
    std::string db = dir.file("u.db");
    Run bad = run("import --demo --db " + db + " --csv " + SW_TEST_FIXTURES + "/paper_bad_row.csv");
    CHECK(bad.status == 3);
    CHECK(bad.out.find("paper_bad_row.csv:4:9") != std::string::npos);
    CHECK(bad.out.find("nothing was imported") != std::string::npos);
    CHECK(run("report --db " + db + " --from 2026-13-01").status == 2);
    CHECK(run("report --db " + db + " --bogus").status == 2);
    CHECK(run("nonsense").status == 2);
    swtest::writeFile(dir.file("notes.db"), "not a database");
    Run foreign = run("report --db " + dir.file("notes.db"));
    CHECK(foreign.status == 4);
    CHECK(foreign.out.find("left untouched") != std::string::npos);
    for (const char* verb : {"import", "report", "simulate"}) CHECK(run(std::string(verb) + " --help").status == 0);
}

TEST_CASE("an empty period has no grade rather than a failing one", "[cli]") {
    swtest::TempDir dir;
    REQUIRE(run("init --db " + dir.file("empty.db") + " --id unit-kosong --name Kosong --instansi Contoh --kabupaten \"Kabupaten Serang\" --kode-wilayah 36.04 --province Banten --zone WIB").status == 0); // a store with nothing in it
    Run rep = run("report --db " + dir.file("empty.db") + " --format json");
    REQUIRE(rep.status == 0);
    auto j = nlohmann::json::parse(rep.out);
    CHECK(j["respondents"] == 0);
    CHECK(j["mutu"].is_null());
    CHECK(j["complete"] == false);
    Run text = run("report --db " + dir.file("empty.db"));
    CHECK(text.out.find("Tidak Baik") == std::string::npos);
}

TEST_CASE("a store with no unit: commands say how to set one up, and --demo is only for a store with none", "[cli][setup]") {
    swtest::TempDir d;
    const std::string db = d.file("baru.db");
    { sw::Store s(db); }   // an empty store, as a new kiosk leaves it before its set-up
    for (const std::string& cmd : {"report --db " + db, "simulate --db " + db + " --count 3",
                                   "export --db " + db + " --format csv --out " + d.file("x.csv")}) {
        Run r = run(cmd);
        INFO(cmd << "\n" << r.out);
        CHECK(r.status == 4);
        CHECK(r.out.find("no unit is set up") != std::string::npos);
        CHECK(r.out.find("suarawarga init") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(d.file("x.csv")));
    {
        sw::Store s(db);
        CHECK_FALSE(s.unit().has_value());
        CHECK(s.countResponses({}) == 0);
    }
    Run init = run("init --db " + db + " --id kanim-serang --name 'Kantor Imigrasi Serang' --instansi Imigrasi"
                   " --kabupaten 'Kabupaten Serang' --kode-wilayah 36.04 --province Banten --zone WIB");
    REQUIRE(init.status == 0);
    Run demo = run("simulate --demo --db " + db + " --count 3");
    INFO(demo.out);
    CHECK(demo.status == 2);
    CHECK(demo.out.find("kanim-serang") != std::string::npos);
    CHECK(run("simulate --db " + db + " --count 3 --quiet").status == 0);   // into its own unit
}

TEST_CASE("check reads the whole store: ok, or damaged with exit 4", "[cli][store]") {
    swtest::TempDir d;
    const std::string db = d.file("u.db");
    REQUIRE(run("simulate --demo --db " + db + " --count 400 --quiet --batch 400").status == 0);
    Run ok = run("check --db " + db);
    CHECK(ok.status == 0);
    CHECK(ok.out.find(": ok") != std::string::npos);
    Run missing = run("check --db " + d.file("none.db"));
    CHECK(missing.status == 4);
    CHECK_FALSE(std::filesystem::exists(d.file("none.db")));
    // Scribble over a page of the response table's index, past the schema page: opening still
    // works (no unclean shutdown), the full check finds it.
    std::string bytes = swtest::readFile(db);
    REQUIRE(bytes.size() > 5 * 16384);
    for (std::size_t j = 0; j < 2000; ++j) bytes[4 * 16384 + j] = static_cast<char>(0xA5 ^ j);   // its b-tree header
    swtest::writeFile(db, bytes);
    Run bad = run("check --db " + db);
    INFO(bad.out);
    CHECK(bad.status == 4);
    CHECK(bad.out.find("damaged") != std::string::npos);
}

TEST_CASE("report JSON gives no mutu to an unsur nobody answered", "[cli]") {
    swtest::TempDir d;
    const std::string db = d.file("u.db");
    const std::string csv = d.file("one.csv");
    swtest::writeFile(csv, "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,3,,,,,,,\n");   // U3..U9 unanswered
    REQUIRE(run("import --demo --db " + db + " --csv " + csv).status == 0);
    Run r = run("report --db " + db + " --format json");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    bool sawEmpty = false;
    for (const auto& u : j["unsur"]) {
        if (u["n"] == 0) {
            sawEmpty = true;
            CHECK(u["mutu"].is_null());
        } else {
            CHECK(u["mutu"].is_string());
        }
    }
    CHECK(sawEmpty);
}
