// Realistic synthetic respondents for demos, benchmarks and crash tests: varied answers with a
// per-unsur character (Biaya usually good, Waktu weaker), profiles, kelompok rentan who rate
// access a little lower, services, office hours over D days. Deterministic for a seed.
#pragma once
#include "survey/instrument/instrument.hpp"
#include "survey/response/response.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <random>

namespace sw {

class Simulator {
public:
    Simulator(const Instrument& in, const UnitInfo& unit, std::uint64_t seed, int days, std::int64_t endUtc);
    Response next();   // a fresh respondent with a new UUID

private:
    const Instrument& in_;
    UnitInfo unit_;
    std::mt19937_64 rng_;
    int days_;
    std::int64_t endUtc_;
    std::vector<double> unsurBias_;
};

} // namespace sw
