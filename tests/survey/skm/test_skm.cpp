// SKM arithmetic against hand-computed cases and the regulation's tables (survey/RULES.md "Profile").
#include "survey/skm/skm.hpp"
#include "survey/base/contrast.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {
// Four respondents, nine unsur, computed by hand:
// sums 14 12 11 16 13 14 15 10 11 (Σ 116), NRR 3.5 3 2.75 4 3.25 3.5 3.75 2.5 2.75,
// IKM = 116/36 = 3.2222…, IKM unit = 80.5556 → B (Baik).
std::vector<UnsurTally> handCase() {
    const int sums[9] = {14, 12, 11, 16, 13, 14, 15, 10, 11};
    std::vector<UnsurTally> t;
    for (int i = 0; i < 9; ++i) t.push_back({"U" + std::to_string(i + 1), "", sums[i], 4});
    return t;
}
} // namespace

TEST_CASE("NRR, NRR tertimbang, IKM and mutu from a hand-computed case", "[skm]") {
    SkmResult r = scoreSkm(handCase(), 4);
    REQUIRE(r.unsur.size() == 9);
    CHECK(r.unsur[0].nrr == Approx(3.5));
    CHECK(r.unsur[2].nrr == Approx(2.75));
    CHECK(r.unsur[7].nrr == Approx(2.5));
    CHECK(r.unsur[0].nrrWeighted == Approx(3.5 / 9));
    CHECK(r.ikm == Approx(116.0 / 36.0));
    CHECK(r.ikmUnit == Approx(80.5556).margin(0.0001));
    CHECK(r.mutu == Mutu::B);
    CHECK(std::string(kinerjaName(r.mutu)) == "Baik");
    CHECK(r.complete);
    // The unsur's own grade: U8 2.5 × 25 = 62.5 → D; U4 4 × 25 = 100 → A.
    CHECK(r.unsur[7].mutu == Mutu::D);
    CHECK(r.unsur[3].mutu == Mutu::A);
}

TEST_CASE("the two 0,111 conventions reproduce legacy reports, each under its own name", "[skm]") {
    SkmResult exact = scoreSkm(handCase(), 4, Weights::Exact);
    // Unrounded (the usual spreadsheet): Σ NRR = 29, × 0,111 = 3,219 → 80,475.
    SkmResult legacy = scoreSkm(handCase(), 4, Weights::Legacy0111);
    CHECK(legacy.ikm == Approx(3.219).margin(1e-9));
    CHECK(legacy.ikmUnit == Approx(80.475).margin(1e-9));
    // Each rounded to three decimals: .389+.333+.305+.444+.361+.389+.416+.278+.305 = 3,220 → 80,50.
    SkmResult r3 = scoreSkm(handCase(), 4, Weights::Legacy0111R3);
    CHECK(r3.ikm == Approx(3.220).margin(1e-9));
    CHECK(r3.ikmUnit == Approx(80.50).margin(1e-9));
    CHECK(std::abs(legacy.ikmUnit - exact.ikmUnit) < 0.11);
    // A published report: n = 29, sums 105 101 100 116 102 105 106 105 115. Published-style (unrounded)
    // 91,38; rounded each 91,40; exact 91,48.
    const int sums[9] = {105, 101, 100, 116, 102, 105, 106, 105, 115};
    std::vector<UnsurTally> pub;
    for (int i = 0; i < 9; ++i) pub.push_back({"U" + std::to_string(i + 1), "", sums[i], 29});
    CHECK(formatNumber(scoreSkm(pub, 29, Weights::Legacy0111).ikmUnit, 2, "id") == "91,38");
    CHECK(formatNumber(scoreSkm(pub, 29, Weights::Legacy0111R3).ikmUnit, 2, "id") == "91,40");
    CHECK(formatNumber(scoreSkm(pub, 29, Weights::Exact).ikmUnit, 2, "id") == "91,48");
    // All fours: the legacy weight gives 99,90, exact 100.
    std::vector<UnsurTally> fours;
    for (int i = 0; i < 9; ++i) fours.push_back({"U" + std::to_string(i + 1), "", 40, 10});
    CHECK(scoreSkm(fours, 10).ikmUnit == Approx(100.0));
    CHECK(scoreSkm(fours, 10, Weights::Legacy0111).ikmUnit == Approx(99.90));
    // Each convention by its name, and the name in its rule line.
    CHECK(parseWeights("0.111") == Weights::Legacy0111);
    CHECK(parseWeights("0,111-r3") == Weights::Legacy0111R3);
    CHECK_FALSE(parseWeights("0.11").has_value());
    for (Weights w : {Weights::Exact, Weights::Legacy0111, Weights::Legacy0111R3}) {
        CHECK(parseWeights(weightsCode(w)) == w);
        if (w != Weights::Exact) CHECK(weightsRule(w, "en").find(weightsCode(w)) != std::string::npos);
    }
}

TEST_CASE("mutu interval boundaries of PermenPANRB 14/2017", "[skm]") {
    CHECK(mutuFor(25.00) == Mutu::D);
    CHECK(mutuFor(64.99) == Mutu::D);
    CHECK(mutuFor(65.00) == Mutu::C);
    CHECK(mutuFor(76.60) == Mutu::C);
    CHECK(mutuFor(76.61) == Mutu::B);
    CHECK(mutuFor(88.30) == Mutu::B);
    CHECK(mutuFor(88.31) == Mutu::A);
    CHECK(mutuFor(100.0) == Mutu::A);
    // The printed gaps are closed by rounding to two decimals first.
    CHECK(mutuFor(64.994) == Mutu::D);
    CHECK(mutuFor(64.995) == Mutu::C);
    CHECK(mutuFor(76.604) == Mutu::C);
    CHECK(mutuFor(76.605) == Mutu::B);
    CHECK(mutuFor(88.3049) == Mutu::B);
    CHECK(std::string(kinerjaName(Mutu::A)) == "Sangat Baik");
    CHECK(std::string(kinerjaName(Mutu::C)) == "Kurang Baik");
    CHECK(std::string(kinerjaName(Mutu::D)) == "Tidak Baik");
}

TEST_CASE("NI boundaries on the 1–4 scale map to the same grades", "[skm]") {
    // NI 2,60 → 65,00 (C); 3,0644 → 76,61 (B); 3,5324 → 88,31 (A).
    CHECK(mutuFor(2.60 * 25) == Mutu::C);
    CHECK(mutuFor(2.5996 * 25) == Mutu::D);
    CHECK(mutuFor(3.0644 * 25) == Mutu::B);
    CHECK(mutuFor(3.5324 * 25) == Mutu::A);
}

TEST_CASE("an unsur answered by fewer respondents uses its own n", "[skm]") {
    auto t = handCase();
    t[8] = {"U9", "", 8, 3}; // one of four skipped U9
    SkmResult r = scoreSkm(t, 4);
    CHECK(r.respondents == 4);
    CHECK(r.unsur[8].n == 3);
    CHECK(r.unsur[8].nrr == Approx(8.0 / 3.0));
    CHECK(r.complete);
    t[8] = {"U9", "", 0, 0};
    SkmResult none = scoreSkm(t, 4);
    CHECK_FALSE(none.complete);
    CHECK(none.unsur[8].nrr == 0);
}

TEST_CASE("Krejcie–Morgan reproduces the published table", "[skm]") {
    const std::pair<long, long> table[] = {
        {10, 10},    {20, 19},     {50, 44},     {100, 80},    {150, 108},   {200, 132},
        {300, 169},  {500, 217},   {1000, 278},  {1500, 306},  {2000, 322},  {3000, 341},
        {5000, 357}, {10000, 370}, {20000, 377}, {50000, 381}, {75000, 382}, {1000000, 384},
    };
    for (auto [n, s] : table) {
        INFO("N = " << n);
        CHECK(krejcieMorgan(n) == s);
    }
    CHECK(krejcieMorgan(0) == 0);
    CHECK(krejcieMorgan(1) == 1);
}

TEST_CASE("white text on every mutu colour reads at 4,5:1 or more", "[skm][contrast]") {
    for (Mutu m : {Mutu::A, Mutu::B, Mutu::C, Mutu::D}) {
        const MutuRgb c = mutuRgb(m);
        INFO(mutuLetter(m));
        CHECK(contrastRatio(Srgb{c.r, c.g, c.b}, Srgb{1, 1, 1}) >= 4.5);
    }
}
