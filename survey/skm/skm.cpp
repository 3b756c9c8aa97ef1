#include "survey/skm/skm.hpp"

#include <cassert>
#include <cmath>

namespace sw {

const char* weightsCode(Weights w) {
    switch (w) {
    case Weights::Exact: return "exact";
    case Weights::Legacy0111: return "0.111";
    case Weights::Legacy0111R3: return "0.111-r3";
    }
    return "exact";
}

std::optional<Weights> parseWeights(const std::string& code) {
    if (code == "exact") return Weights::Exact;
    if (code == "0.111" || code == "0,111") return Weights::Legacy0111;
    if (code == "0.111-r3" || code == "0,111-r3") return Weights::Legacy0111R3;
    return std::nullopt;
}

std::string weightsRule(Weights w, const std::string& lang) {
    const bool en = lang == "en";
    switch (w) {
    case Weights::Exact:
        return en ? "weighted NRR = NRR x 1/9 (exact weight); IKM = sum of weighted NRR; unit IKM = IKM x 25"
                  : "NRR tertimbang = NRR x 1/9 (bobot tepat); IKM = jumlah NRR tertimbang; IKM unit = IKM x 25";
    case Weights::Legacy0111:
        return en ? "weighted NRR = NRR x 0.111, not rounded (legacy \"0.111\"); IKM = sum; unit IKM = IKM x 25"
                  : "NRR tertimbang = NRR x 0,111 tanpa pembulatan (cara lama \"0.111\"); IKM = jumlah; IKM unit = IKM x 25";
    case Weights::Legacy0111R3:
        return en ? "weighted NRR = NRR x 0.111 rounded to 3 decimals (legacy \"0.111-r3\"); IKM = sum; unit IKM = IKM x 25"
                  : "NRR tertimbang = NRR x 0,111 dibulatkan 3 desimal (cara lama \"0.111-r3\"); IKM = jumlah; IKM unit = IKM x 25";
    }
    return "";
}

const char* mutuLetter(Mutu m) {
    switch (m) {
    case Mutu::A: return "A";
    case Mutu::B: return "B";
    case Mutu::C: return "C";
    case Mutu::D: return "D";
    }
    return "D";
}

const char* kinerjaName(Mutu m) {
    switch (m) {
    case Mutu::A: return "Sangat Baik";
    case Mutu::B: return "Baik";
    case Mutu::C: return "Kurang Baik";
    case Mutu::D: return "Tidak Baik";
    }
    return "Tidak Baik";
}

const char* kinerjaNameEn(Mutu m) {
    switch (m) {
    case Mutu::A: return "Very Good";
    case Mutu::B: return "Good";
    case Mutu::C: return "Poor";
    case Mutu::D: return "Very Poor";
    }
    return "Very Poor";
}

Mutu mutuFor(double ikmUnit) {
    // PermenPANRB 14/2017 interval table, graded by lower bounds on NIK (survey/RULES.md "Profile").
    double nik = roundTo(ikmUnit, 2);
    if (nik >= kMutuLowerBoundA) return Mutu::A;
    if (nik >= kMutuLowerBoundB) return Mutu::B;
    if (nik >= kMutuLowerBoundC) return Mutu::C;
    return Mutu::D;
}

double mutuLowerBound(Mutu m) {
    switch (m) {
    case Mutu::A: return kMutuLowerBoundA;
    case Mutu::B: return kMutuLowerBoundB;
    case Mutu::C: return kMutuLowerBoundC;
    case Mutu::D: break;
    }
    return 25.0;
}

MutuRgb mutuRgb(Mutu m) {
    switch (m) {
    case Mutu::A: return {0.00f, 0.45f, 0.30f};
    case Mutu::B: return {0.05f, 0.35f, 0.65f};
    case Mutu::C: return {0.66f, 0.35f, 0.00f};   // #A85900: 5,1:1 under white (#BF6600 was 4,1)
    case Mutu::D: break;
    }
    return {0.75f, 0.10f, 0.10f};
}

SkmResult scoreSkm(const std::vector<UnsurTally>& tallies, std::int64_t respondents, Weights w) {
    SkmResult r;
    r.respondents = respondents;
    r.weights = w;
    r.complete = !tallies.empty();
    const double exactWeight = tallies.empty() ? 0.0 : 1.0 / static_cast<double>(tallies.size());
    for (const auto& t : tallies) {
        assert(t.sum >= t.n && t.sum <= 4 * t.n);
        UnsurScore s;
        s.code = t.code;
        s.name = t.name;
        s.sum = t.sum;
        s.n = t.n;
        if (t.n > 0) {
            s.nrr = static_cast<double>(t.sum) / static_cast<double>(t.n);
        } else {
            r.complete = false;
        }
        s.nrrWeighted = w == Weights::Exact          ? s.nrr * exactWeight
                        : w == Weights::Legacy0111R3 ? roundTo(s.nrr * kLegacyWeight, 3)
                                                     : s.nrr * kLegacyWeight;
        s.nrrUnit = s.nrr * 25.0;
        s.mutu = mutuFor(s.nrrUnit);
        r.ikm += s.nrrWeighted;
        r.unsur.push_back(std::move(s));
    }
    r.ikmUnit = r.ikm * 25.0;
    r.mutu = mutuFor(r.ikmUnit);
    return r;
}

std::int64_t krejcieMorgan(std::int64_t population) {
    if (population <= 0) return 0;
    const double chi2 = 3.841, p = 0.5, q = 0.5, d = 0.05;
    const double n = static_cast<double>(population);
    double s = chi2 * n * p * q / (d * d * (n - 1.0) + chi2 * p * q);
    auto rounded = static_cast<std::int64_t>(std::floor(s + 0.5));
    return rounded > population ? population : rounded;
}

} // namespace sw
