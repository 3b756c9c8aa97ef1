// What a unit tells the public about its SKM (PermenPANRB 14/2017 asks units to publish the result
// and what they do about it): the score and its mutu in words, each unsur, the weakest and the
// strongest, the accessibility index and the kelompok-rentan gap in one sentence, and the tindak
// lanjut that are done. Decided once here, with the figures `report` computes (survey/dashboard
// statistik.hpp) and the words of assets/i18n/public.json; the HTML page (html_page.hpp), the
// waiting-room board (app/board) and the kiosk's welcome line only lay it out.
// Aggregates only: no comment text and nothing about one respondent.
#pragma once
#include "survey/skm/period.hpp"
#include "survey/skm/skm.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

class Translations;

// A group smaller than this is not compared in public: an average of two or three people tells
// too much about each of them.
inline constexpr std::int64_t kMinPublicGroup = 5;
// Done tindak lanjut shown at most (newest first).
inline constexpr int kMaxPublicActions = 6;

struct PublicUnsur {
    std::string code;
    std::string name;              // in the summary's language
    std::int64_t n = 0;            // respondents who rated it; 0: not rated, no value
    double value = 0;              // NRR × 25 (25–100), as `report` gives it
    Mutu mutu = Mutu::D;
};

struct PublicAction {
    std::string unsurCode;         // the unsur it answers ("U3"); "" for a facility gap or other
    std::string target;            // the unsur's name in the summary's language, or the plan's label
    std::string action;            // as the unit head wrote it
    std::string answers;           // the period whose result it answers ("Triwulan II 2026")
};

struct PublicSummary {
    std::string lang;              // "id" | "en"
    std::string unitName, instansi, place;
    bool demo = false;             // the demo unit: every output says DEMO
    Period period;
    std::string periodText;        // "Triwulan III 2026" or "5 Januari 2026 – 10 Februari 2026"
    std::int64_t respondents = 0;  // counted (suspected misuse left out)
    std::string respondentsText;   // "1.234 warga"

    bool hasResult = false;        // respondents and every unsur rated: a score and a mutu
    double ikmUnit = 0;            // 25–100
    Mutu mutu = Mutu::D;
    std::string kinerja;           // "Baik" / "Good"
    std::vector<PublicUnsur> unsur;   // in the instrument's order
    int weakest = -1, strongest = -1; // indexes into unsur (-1: none rated)

    bool aksesAny = false;
    double aksesIndex = 0;         // 25–100
    bool gapShown = false;         // both groups have ≥ kMinPublicGroup respondents and a score
    double ikmGap = 0;             // rentan − others, 25–100 points
    double rentanIkm = 0, bukanIkm = 0;
    std::int64_t rentanN = 0, bukanN = 0;
    std::vector<PublicAction> done;   // newest first

    // The sentences every layout shows, in `lang`.
    std::string headline;          // the result in plain words (or why there is none yet)
    std::string weakestText, strongestText;   // "" when no unsur is rated
    std::string aksesText;
    std::string gapText;

    const PublicUnsur* weakestUnsur() const { return weakest < 0 ? nullptr : &unsur[static_cast<std::size_t>(weakest)]; }
    const PublicUnsur* strongestUnsur() const { return strongest < 0 ? nullptr : &unsur[static_cast<std::size_t>(strongest)]; }
};

// The summary over the filter's dates (suspected misuse left out, as in `report`; open ends are
// closed with the first/last response as the other exports do). lang: "id" | "en".
PublicSummary publicSummary(Store& store, const ResponseFilter& f, const std::string& lang);

// The words of the public outputs (assets/i18n/public.json).
const Translations& publicStrings();
// "82,34 dari 100" style helpers, in the summary's language.
std::string publicNumber(double v, const std::string& lang);   // two decimals, as `report`
std::string gradeText(Mutu m, const std::string& lang);        // "mutu B, Baik" / "grade B, Good"
std::string kinerjaWord(Mutu m, const std::string& lang);      // "Baik" / "Good" (survey/skm/skm.hpp)
// A date as a citizen reads it: "5 Januari 2026" / "5 January 2026".
std::string longDate(const LocalDate& d, const std::string& lang);

// The kiosk's welcome line ("Hasil survei triwulan lalu: 82,3 (Baik)"), switched in the unit's
// settings (off by default).
bool welcomeLineEnabled(Store& store);
void setWelcomeLineEnabled(Store& store, bool on);
// The line for the triwulan before the one holding `nowUtc` (the unit's local calendar), or ""
// when it is switched off or that triwulan has no complete result.
std::string welcomeLine(Store& store, std::int64_t nowUtc, const std::string& lang);

} // namespace sw
