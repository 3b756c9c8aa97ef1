// Charts drawn with ImDrawList (Debian has no ImPlot): every bar and point is labelled with its
// value, axes say what they measure, colours follow the mutu grade (A–D, PermenPANRB 14/2017).
#pragma once
#include "app/admin/admin_context.hpp"

#include <string>
#include <vector>

namespace sw::admin::charts {

// Per-unsur NRR on the 25–100 scale, weakest first, with the change from the previous period.
void unsurBars(AdminContext& c, const std::vector<UnsurRow>& rows, ImVec2 size);
// IKM per week/month; gaps where a bucket has no data; mutu bands behind.
void trendLine(AdminContext& c, const std::vector<TrendPoint>& points, bool weekly, ImVec2 size);
// Responses per local hour × weekday.
void heatMap(AdminContext& c, const std::array<std::array<std::int64_t, 24>, 7>& heat, std::int64_t max, ImVec2 size);

// A horizontal bar per group: value (25–100) and n, colour by mutu; groups without data greyed.
struct Bar {
    std::string label;
    double value = 0;
    bool hasData = false;
    std::int64_t n = 0;
    Mutu mutu = Mutu::D;
};
void groupBars(AdminContext& c, const std::vector<Bar>& bars, ImVec2 size);

} // namespace sw::admin::charts
