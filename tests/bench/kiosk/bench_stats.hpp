// Percentiles for the kiosk benchmarks: figures are printed, never asserted (tests/ have no
// timing assertions; speed is a benchmark's job).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace sw::bench {

// Nearest-rank percentile (p in 0..100) of `v`; sorts a copy.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(v.size()));
    const std::size_t i = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
    return v[std::min(i, v.size() - 1)];
}

inline double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

} // namespace sw::bench
