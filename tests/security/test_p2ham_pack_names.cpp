// Stored evidence names are data: in the P2HAM evidence pack they become plain names inside
// data-dukung/, never a path that climbs out of the folder the ZIP is unpacked into.
#include "survey/export/p2ham_helpers.hpp"

#include "survey/base/error.hpp"
#include "survey/export/zip_writer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

using swtest::runCli;

TEST_CASE("a hostile evidence file name stays inside the P2HAM pack", "[security][p2ham]") {
    swtest::requireUnzip();
    swtest::P2hamUnit u;
    u.renameEvidence(u.ramp.id, "../../etc/x\x01\x1b[31m");
    u.renameEvidence(u.toilet.id, "/abs\\..\\..\\evil:name");
    const std::string zip = u.dir.file("pack.zip");
    auto r = runCli("export --format p2ham --db " + u.db + " --out " + zip);
    INFO(r.out);
    REQUIRE(r.status == 0);

    std::istringstream names(swtest::zipNames(zip));
    int evidence = 0;
    for (std::string name; std::getline(names, name);) {
        INFO(name);
        CHECK(sw::isSafeZipEntryName(name));
        CHECK(name.find("..") == std::string::npos);
        CHECK(name.find('\\') == std::string::npos);
        if (name.rfind("data-dukung/", 0) == 0) ++evidence;
    }
    CHECK(evidence == 3);

    // Unpacked, every file lands inside the folder.
    const std::string into = u.dir.file("unpacked");
    swtest::shellOutput("unzip -q '" + zip + "' -d '" + into + "'");
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(into)) {
        if (!e.is_regular_file()) continue;
        ++files;
        CHECK(e.path().string().rfind(into + "/", 0) == 0);
    }
    CHECK(files == 7);
    CHECK_FALSE(std::filesystem::exists(u.dir.path / "etc"));

    // The listing and the annex name the file without its control characters.
    CHECK(swtest::zipEntry(zip, "DAFTAR-ISI.txt").find('\x01') == std::string::npos);
    if (swtest::haveTool("pdftotext")) {
        const std::string pdf = swtest::shellOutput("pdftotext '" + into + "/lampiran-p2ham.pdf' -");
        CHECK(pdf.find('\x01') == std::string::npos);
        CHECK(pdf.find("\\x01") != std::string::npos);
    }
}

TEST_CASE("the ZIP writer refuses an entry name that is a path out of its folder", "[security][p2ham]") {
    for (const char* bad : {"../x", "/etc/passwd", "a/../../b", "a\\b", "a//b", "./a", "a/", "C:evil", "x\x01y", ""}) {
        INFO(bad);
        CHECK_FALSE(sw::isSafeZipEntryName(bad));
    }
    CHECK(sw::isSafeZipEntryName("data-dukung/F03-0123456789ab-foto_ramp.png"));
    swtest::TempDir dir;
    sw::ZipWriter zip(dir.file("t.zip"), 1'764'500'000);
    CHECK_THROWS_AS(zip.add("../escape.txt", "x"), sw::ExportError);
}
