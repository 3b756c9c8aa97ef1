// SKM arithmetic of PermenPANRB 14/2017: NRR, NRR tertimbang, IKM, mutu and kinerja, and the
// Krejcie–Morgan minimum sample. Pure functions over tallies: no storage, no UI.
#pragma once
#include "survey/base/number.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

// How NRR tertimbang is weighted (survey/RULES.md "Arithmetic"). Exact: 1/9, so IKM is the mean of
// the nine NRR. The two legacy modes reproduce published reports that write the weight as 0,111,
// each under the name of its convention: Legacy0111 ("0.111") multiplies the unrounded NRR by
// 0,111 and adds them up, as most of those spreadsheets do; Legacy0111R3 ("0.111-r3") rounds each
// NRR tertimbang to three decimals first, as some print it. Every output names the mode it used.
enum class Weights { Exact, Legacy0111, Legacy0111R3 };
const char* weightsCode(Weights w);                       // "exact", "0.111", "0.111-r3"
std::optional<Weights> parseWeights(const std::string& code);   // also "0,111", "0,111-r3"
// One line saying how the numbers were computed, in "id" or "en".
std::string weightsRule(Weights w, const std::string& lang = "id");
inline constexpr double kLegacyWeight = 0.111;

enum class Mutu { A, B, C, D };
const char* mutuLetter(Mutu m);        // "A".."D"
const char* kinerjaName(Mutu m);       // "Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"
const char* kinerjaNameEn(Mutu m);     // "Very Good", "Good", "Poor", "Very Poor"

// The interval table of PermenPANRB 14/2017 (Lampiran, "Nilai Persepsi, Interval, Interval
// Konversi, Mutu Pelayanan dan Kinerja Unit"): lower bounds on the 25–100 scale. The printed
// bounds leave gaps (64,99 → 65,00, 76,60 → 76,61), so a grade is read from the lower bounds.
// The one definition every grade, chart grid and spreadsheet formula uses.
inline constexpr double kMutuLowerBoundC = 65.00;
inline constexpr double kMutuLowerBoundB = 76.61;
inline constexpr double kMutuLowerBoundA = 88.31;
inline constexpr std::array<double, 3> kMutuLowerBounds = {kMutuLowerBoundC, kMutuLowerBoundB, kMutuLowerBoundA};
double mutuLowerBound(Mutu m); // 25 for D

// One palette for the grades, used by the dashboard, the assessor's view and the PDF:
// colour-blind-safe hues dark enough for white text (≥ 4,5:1, WCAG 2.2 1.4.3).
struct MutuRgb {
    float r, g, b;
};
MutuRgb mutuRgb(Mutu m);

// Grade from the 25–100 value by the table's lower bounds: ≥ 88,31 A, ≥ 76,61 B, ≥ 65,00 C, else D.
// The value is first rounded to two decimals, as printed (the table's bounds are two-decimal).
Mutu mutuFor(double ikmUnit);

struct UnsurTally {
    std::string code;
    std::string name;
    std::int64_t sum = 0;   // Σ nilai persepsi
    std::int64_t n = 0;     // respondents who answered this unsur
};

struct UnsurScore {
    std::string code;
    std::string name;
    std::int64_t sum = 0;
    std::int64_t n = 0;
    double nrr = 0;          // sum / n; 0 when n == 0
    double nrrWeighted = 0;  // nrr × weight
    double nrrUnit = 0;      // nrr × 25 (the unsur on the 25–100 scale)
    Mutu mutu = Mutu::D;     // the unsur's own grade from nrrUnit
};

struct SkmResult {
    std::int64_t respondents = 0;
    std::vector<UnsurScore> unsur;
    double ikm = 0;          // 1–4 scale: Σ NRR tertimbang
    double ikmUnit = 0;      // 25–100 scale: ikm × 25
    Mutu mutu = Mutu::D;
    Weights weights = Weights::Exact;
    bool complete = false;   // every unsur has at least one answer; otherwise ikm is not meaningful
};

// `respondents` is the number of people counted (each unsur's n may be smaller when some skipped it).
SkmResult scoreSkm(const std::vector<UnsurTally>& tallies, std::int64_t respondents, Weights w = Weights::Exact);

// Krejcie & Morgan (1970): S = λ²NPQ / (d²(N−1) + λ²PQ), λ² = 3,841, P = Q = 0,5, d = 0,05,
// rounded to the nearest whole respondent as the published table does (20 → 19, 100 → 80).
std::int64_t krejcieMorgan(std::int64_t population);

} // namespace sw
