// The default instrument loads; every bad fixture is refused with file:line:column and a reason.
#include "survey/base/error.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

using namespace sw;

TEST_CASE("the default SKM instrument is complete in Indonesian and English", "[instrument]") {
    const Instrument& in = swtest::defaultInstrument();
    CHECK(in.id == "skm-permenpanrb-14-2017");
    REQUIRE(in.unsur.size() == 9);
    CHECK(in.unsur[0].code == "U1");
    CHECK(in.unsur[0].name.in("id") == "Persyaratan");
    CHECK(in.unsur[3].labels[3].in("id") == "Gratis");
    CHECK(in.unsur[8].name.in("id") == "Sarana dan Prasarana");
    CHECK(in.unsur[7].labels[0].in("en") == "None");
    CHECK(in.languages.size() == 2);
    CHECK(in.ham.items.size() == 7);
    CHECK(in.ham.rentan.size() == 9);
    CHECK(in.findRentan("bukan")->exclusive);
    for (const auto& h : in.ham.items) CHECK(h.rentanOnly == (h.code == "H2"));   // priority service
    REQUIRE(in.ham.rentanGate);                                                    // from version 3
    CHECK(in.ham.rentanGate->in("en").find("elderly") != std::string::npos);
    CHECK(in.findRentan("disabilitas_netra")->kelompok == KelompokRentan::Disabilitas);
    CHECK(in.findProfile("pekerjaan")->options.size() == 6);
    CHECK(!in.services.empty());
    for (const auto& u : in.unsur)
        for (const auto& l : u.labels) {
            CHECK(!l.in("id").empty());
            CHECK(!l.in("en").empty());
        }
}

TEST_CASE("a reordered instrument with a third language is a data change, not a code change", "[instrument]") {
    Instrument in = loadInstrument(std::string(SW_TEST_FIXTURES) + "/instruments/valid_reordered_jv.json");
    CHECK(in.unsur[7].code == "U9");
    CHECK(in.unsur[8].code == "U8");
    CHECK(in.hasLanguage("jv"));
    CHECK(in.findUnsur("U8")->name.in("jv") == "Penanganan Pengaduan, Saran dan Masukan");
}

namespace {
// Line (1-based) of the first occurrence of `needle` at or after the occurrence number `nth`.
int lineOf(const std::string& text, const std::string& needle, int nth = 1) {
    std::size_t pos = 0;
    for (int i = 0; i < nth; ++i) {
        pos = text.find(needle, i == 0 ? 0 : pos + 1);
        if (pos == std::string::npos) return -1;
    }
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}
} // namespace

TEST_CASE("malformed or inconsistent instruments are refused with file:line:column", "[instrument]") {
    struct Case {
        const char* fixture;
        const char* message;     // part of the reason
        const char* locator;     // the reported line is the first line holding this text (nth occurrence)
        int nth;
    };
    const Case cases[] = {
        {"missing_u9", "unsur U9 is missing", "\"unsur\"", 1},
        {"three_labels", "exactly 4 answers", "\"labels\"", 3},
        {"missing_en", "has no \"en\" translation", "\"question\"", 2},
        {"duplicate_code", "duplicate code \"U4\"", "\"code\": \"U4\"", 2},
        {"unknown_kelompok", "\"kelompok\" must be", "\"kelompok\": \"remaja\"", 1},
        {"personal_field", "collects personal data", "\"code\": \"nama\"", 1},
        {"wrong_format", "\"format\" must be", "\"format\"", 1},
        {"bad_default_language", "\"default_language\" \"jv\"", "\"default_language\"", 1},
        {"version_string", "\"version\" must be an integer", "\"version\"", 1},
        {"ham_code_clash", "duplicate code \"U1\"", "\"code\": \"U1\"", 2},
        {"undeclared_language", "language \"jv\" is not declared", "\"jv\"", 1},
        {"trailing_comma", "invalid JSON", "\"version\": 1", 1},
        {"not_object", "must be a JSON object", "[", 1},
        {"empty", "invalid JSON", "", 1},
        {"rentan_only_string", "\"rentan_only\" must be true or false", "\"rentan_only\"", 1},
        {"rentan_gate_string", "\"rentan_gate\" must be an object of translations", "\"rentan_gate\"", 1},
    };
    for (const auto& c : cases) {
        std::string path = std::string(SW_TEST_FIXTURES) + "/instruments/" + c.fixture + ".json";
        std::string text = swtest::readFile(path);
        INFO("fixture " << c.fixture);
        try {
            loadInstrument(path);
            FAIL("accepted a bad instrument");
        } catch (const InstrumentError& e) {
            std::string what = e.what();
            INFO(what);
            CHECK(what.rfind(path + ":", 0) == 0);
            CHECK(what.find(c.message) != std::string::npos);
            CHECK(e.column >= 1);
            if (*c.locator) {
                CHECK(e.line == lineOf(text, c.locator, c.nth));
            } else {
                CHECK(e.line == 1);
            }
        }
    }
}

TEST_CASE("a truncated instrument file is refused, never half-loaded", "[instrument]") {
    std::string path = std::string(SW_TEST_FIXTURES) + "/instruments/truncated.json";
    CHECK_THROWS_WITH(loadInstrument(path), Catch::Contains("invalid JSON") && Catch::Contains(path + ":"));
    CHECK_THROWS_WITH(loadInstrument("/nonexistent/x.json"), Catch::Contains("cannot open"));
}
