// The commands end to end: export → verify → merge → report --by unit.
#include "survey/export/export_helpers.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

namespace {

void flipByte(const std::string& from, const std::string& to, std::size_t at) {
    std::string b = swtest::readFile(from);
    b[at] = static_cast<char>(b[at] ^ 0x04);
    swtest::writeFile(to, b);
}

} // namespace

TEST_CASE("CLI: export bundles, verify, merge (a bad one refused whole), roll-up", "[export][cli]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("a.db"), "kanim-a", 250, 21, 420, 40);
    swtest::fillUnit(dir.file("b.db"), "kanim-b", 150, 22, 540, 40);
    const std::string a = dir.file("a.swb"), b = dir.file("b.swb"), bad = dir.file("bad.swb");

    auto ea = swtest::runCli("export --db " + dir.file("a.db") + " --format bundle --out " + a);
    INFO(ea.out);
    REQUIRE(ea.status == 0);
    REQUIRE(swtest::runCli("export --db " + dir.file("b.db") + " --format bundle --out " + b).status == 0);

    auto v = swtest::runCli("verify " + a);
    INFO(v.out);
    CHECK(v.status == 0);
    CHECK(v.out.find("Unit kanim-a (kanim-a)") != std::string::npos);
    CHECK(v.out.find("responses:   250") != std::string::npos);
    CHECK(v.out.find("period:") != std::string::npos);

    flipByte(b, bad, swtest::readFile(b).size() / 3);
    auto vb = swtest::runCli("verify " + bad);
    INFO(vb.out);
    CHECK(vb.status != 0);
    CHECK(vb.out.find("bad-signature") != std::string::npos);
    CHECK(vb.out.find("changed after it was signed") != std::string::npos);

    // --expect-key: the fingerprint printed on the PDF.
    std::string fp = ea.out.substr(ea.out.find("signed with key ") + 16, 39);
    CHECK(swtest::runCli("verify " + a + " --expect-key \"" + fp + "\"").status == 0);
    auto wrong = swtest::runCli("verify " + b + " --expect-key \"" + fp + "\"");
    CHECK(wrong.status != 0);
    CHECK(wrong.out.find("key-mismatch") != std::string::npos);

    const std::string kanwil = dir.file("kanwil.db");
    auto m = swtest::runCli("merge --enroll-new --into " + kanwil + " " + a + " " + bad + " " + b);
    INFO(m.out);
    CHECK(m.status != 0);
    CHECK(m.out.find("REFUSED " + bad) != std::string::npos);
    CHECK(m.out.find("400 responses added; 1 bundle(s) refused") != std::string::npos);
    auto again = swtest::runCli("merge --enroll-new --into " + kanwil + " " + a + " " + b);
    INFO(again.out);
    CHECK(again.status == 0);
    CHECK(again.out.find("0 responses added") != std::string::npos);
    CHECK(again.out.find("already merged") != std::string::npos);
    CHECK(swtest::runCli("verify " + a + " --trusted " + kanwil).status == 0);

    auto roll = swtest::runCli("report --db " + kanwil + " --by unit --format json");
    INFO(roll.out);
    REQUIRE(roll.status == 0);
    auto j = nlohmann::json::parse(roll.out);
    REQUIRE(j["units"].size() == 2);
    for (const auto& u : j["units"]) {
        const std::string id = u["unit"]["id"];
        auto own = nlohmann::json::parse(swtest::runCli("report --db " + dir.file(id == "kanim-a" ? "a.db" : "b.db") + " --format json").out);
        CHECK(u["respondents"] == own["respondents"]);
        CHECK(u["ikm_unit"].get<double>() == Approx(own["ikm_unit"].get<double>()));
        CHECK(u["mutu"] == own["mutu"]);
        CHECK(u["key"].get<std::string>().size() == 39);
    }
    CHECK(j["units"][0]["rank"] == 1);
    CHECK(j["units"][0]["ikm_unit"].get<double>() >= j["units"][1]["ikm_unit"].get<double>());
    auto text = swtest::runCli("report --db " + kanwil + " --by unit");
    CHECK(text.status == 0);
    CHECK(text.out.find("Unit kanim-b") != std::string::npos);
}

TEST_CASE("CLI: export formats write complete files and refuse bad options", "[export][cli]") {
    swtest::TempDir dir;
    swtest::fillUnit(dir.file("u.db"), "kanim-a", 120, 4);
    for (const char* fmt : {"csv", "xlsx", "pdf"}) {
        const std::string out = dir.file(std::string("out.") + fmt);
        auto r = swtest::runCli("export --db " + dir.file("u.db") + " --format " + fmt + " --lang en --out " + out);
        INFO(r.out);
        CHECK(r.status == 0);
        const std::string bytes = swtest::readFile(out);
        if (std::string(fmt) == "pdf") CHECK(bytes.rfind("%PDF-", 0) == 0);
        if (std::string(fmt) == "xlsx") CHECK(bytes.rfind("PK\x03\x04", 0) == 0);
        if (std::string(fmt) == "csv") CHECK(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    }
    CHECK(swtest::runCli("export --db " + dir.file("u.db") + " --format doc --out x").status == 2);
    CHECK(swtest::runCli("export --db " + dir.file("u.db") + " --format csv --from 2026-13-01 --out x").status == 2);
    auto missing = swtest::runCli("export --db " + dir.file("u.db") + " --format csv --out " + dir.file("no/such/dir/x.csv"));
    CHECK(missing.status != 0);
    CHECK(missing.out.find("cannot create the export") != std::string::npos);
}
