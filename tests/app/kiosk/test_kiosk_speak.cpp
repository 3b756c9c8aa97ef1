// `suarawarga speak` (README "The citizen kiosk" — Keypad and speech): every screen in both
// languages says its question and every option with its key, and the WAV it writes is speech, not
// silence. The text is checked on the flow's speechText(), the one function the kiosk and the verb
// speak; the sound with sox (skipped, never passed, without it).
#include "app/kiosk/headless.hpp"
#include "app/kiosk/kiosk.hpp"
#include "skip.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <sstream>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

constexpr Step kAllSteps[] = {Step::Welcome, Step::Language, Step::Service, Step::Unsur, Step::RentanGate, Step::Rentan,
                              Step::Facility, Step::Ham,     Step::Adil,    Step::Profile, Step::Comment,    Step::Thanks};

int runVerb(std::vector<std::string> args) {
    args.insert(args.begin(), {"suarawarga", "speak"});
    std::vector<char*> argv;
    for (std::string& s : args) argv.push_back(s.data());
    return sw::kiosk::runKioskVerb(static_cast<int>(argv.size()), argv.data());
}

// A figure of `sox FILE -n stat` ("RMS     amplitude:     0.083356"); -1 when missing.
double soxStat(const std::string& stat, const std::string& name) {
    std::istringstream in(stat);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(name, 0) == 0) return std::stod(line.substr(line.find(':') + 1));
    return -1;
}

} // namespace

TEST_CASE("the spoken text of every screen names its question and every option with its key", "[kiosk][speech]") {
    Headless k;
    for (const std::string lang : {"id", "en"}) {
        for (Step step : kAllSteps) {
            k.flow->reset();
            k.flow->setLang(lang);
            k.flow->showPage(step, 0);
            const std::string said = k.flow->speechText();
            INFO(lang << " " << sw::kiosk::stepName(step) << ": " << said);
            REQUIRE(k.flow->step() == step);
            CHECK(said.find(k.flow->title()) != std::string::npos);
            const auto choices = k.flow->choices();
            for (std::size_t i = 0; i < choices.size(); ++i)
                CHECK(said.find(sw::format(k.tr.get("speech.option", lang), {std::to_string(i + 1), choices[i].label})) != std::string::npos);
        }
    }
    CHECK(k.tr.get("speech.option", "id") == "Tekan {0} untuk {1}");
}

TEST_CASE("suarawarga speak writes every screen in both languages as speech, not silence", "[kiosk][speech]") {
    if (!swtest::haveTool("sox")) swtest::skipTest("sox is not installed (apt-get install sox)");
    swtest::TempDir dir;
    for (const std::string lang : {"id", "en"}) {
        for (Step step : kAllSteps) {
            const std::string name = sw::kiosk::stepName(step);
            const std::string wav = dir.file(name + "-" + lang + ".wav");
            INFO(wav);
            REQUIRE(runVerb({"--screen", name, "--lang", lang, "--out", wav}) == 0);
            const std::string stat = swtest::toolOutput("sox " + wav + " -n stat");
            INFO(stat);
            CHECK(soxStat(stat, "Length (seconds)") > 1.0);
            CHECK(soxStat(stat, "RMS     amplitude") > 0.02);   // espeak-ng speech: about 0.08
            CHECK(soxStat(stat, "Maximum amplitude") > 0.2);
        }
    }
}

TEST_CASE("suarawarga speak refuses an unknown screen, a page that does not exist and an output over its store", "[kiosk][speech]") {
    swtest::TempDir dir;
    const std::string wav = dir.file("out.wav");
    CHECK(runVerb({"--screen", "toilet", "--out", wav}) == 2);
    CHECK(runVerb({"--screen", "unsur", "--index", "10", "--out", wav}) == 2);
    CHECK(runVerb({"--screen", "unsur"}) == 2);
    CHECK_FALSE(std::filesystem::exists(wav));
    const std::string db = dir.file("unit.db");
    REQUIRE(runVerb({"--screen", "welcome", "--db", db, "--demo", "--out", dir.file("w.wav")}) == 0);
    const auto before = std::filesystem::file_size(db);
    CHECK(runVerb({"--screen", "welcome", "--db", db, "--out", db}) == 2);
    CHECK(std::filesystem::file_size(db) == before);
}
