// `suarawarga export --format html`, run as a unit head runs it: the page is written whole,
// refuses to overwrite the store, says DEMO for the demo unit, and needs a unit set up.
#include "survey/export/export_helpers.hpp"

#include "survey/export/html_page.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("CLI: export --format html writes the public page in either language", "[export][cli][public]") {
    swtest::TempDir dir;
    const std::string db = dir.file("u.db");
    swtest::fillUnit(db, "kanim-cli", 120, 3);
    for (const char* lang : {"id", "en"}) {
        const std::string out = dir.file(std::string("skm-") + lang + ".html");
        auto r = swtest::runCli("export --db " + db + " --format html --lang " + lang + " --out " + out);
        INFO(r.out);
        REQUIRE(r.status == 0);
        const std::string page = swtest::readFile(out);
        CHECK(page.find(std::string("<html lang=\"") + lang + "\">") != std::string::npos);
        CHECK(page.rfind("</html>\n") == page.size() - 8);
        CHECK(sw::externalReferences(page).empty());
    }
    CHECK(swtest::runCli("export --db " + db + " --format html --lang fr --out " + dir.file("x.html")).status == 2);
    auto help = swtest::runCli("export --help");
    CHECK(help.out.find("html    the result for the public") != std::string::npos);
}

TEST_CASE("CLI: the public page never replaces the store, and needs a unit", "[export][cli][public][security]") {
    swtest::TempDir dir;
    const std::string db = dir.file("u.db");
    swtest::fillUnit(db, "kanim-cli", 30, 4);
    const auto before = std::filesystem::file_size(db);
    auto over = swtest::runCli("export --db " + db + " --format html --out " + db);
    INFO(over.out);
    CHECK(over.status == 2);
    CHECK(std::filesystem::file_size(db) == before);
    auto none = swtest::runCli("export --db " + dir.file("none.db") + " --format html --out " + dir.file("p.html"));
    CHECK(none.status == 4);
    CHECK_FALSE(std::filesystem::exists(dir.file("p.html")));
}

TEST_CASE("CLI: the demo unit's public page says DEMO", "[export][cli][public][demo]") {
    swtest::TempDir dir;
    const std::string db = dir.file("demo.db");
    REQUIRE(swtest::runCli("simulate --db " + db + " --count 50 --batch 50 --quiet --demo").status == 0);
    const std::string out = dir.file("demo.html");
    REQUIRE(swtest::runCli("export --db " + db + " --format html --out " + out).status == 0);
    const std::string page = swtest::readFile(out);
    CHECK(page.find("<title>DEMO · ") != std::string::npos);
    CHECK(page.find("DEMO — ini unit contoh") != std::string::npos);
}
