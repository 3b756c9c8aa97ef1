#include "app/widgets/fold_columns.hpp"

#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace sw::widgets {

ColumnFold foldColumns(const std::vector<FoldColumn>& columns, int host, float room) {
    const float cellPad = ImGui::GetStyle().CellPadding.x * 2 + 1;   // a cell's padding and its border
    const std::size_t n = columns.size(), h = static_cast<std::size_t>(host);
    ColumnFold l;
    l.folded.assign(n, false);
    std::vector<float> weight(n);
    float total = 0;
    for (std::size_t c = 0; c < n; ++c) {
        l.width.push_back(columns[c].least);
        weight[c] = columns[c].weight;
        total += columns[c].least + cellPad;
    }
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < n; ++c)
        if (columns[c].foldOrder > 0 && c != h) order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return columns[a].foldOrder < columns[b].foldOrder; });
    for (std::size_t c : order) {
        if (total <= room) break;
        l.folded[c] = true;
        total -= l.width[c] + cellPad;
        const float hostW = std::max(l.width[h], l.width[c]);   // what folds in is drawn at the host's width
        total += hostW - l.width[h];
        l.width[h] = hostW;
        weight[h] += weight[c];
        weight[c] = 0;
    }
    l.sideways = total > room;
    const float weights = std::accumulate(weight.begin(), weight.end(), 0.0f);
    if (!l.sideways && weights > 0)
        for (std::size_t c = 0; c < n; ++c) l.width[c] += (room - total) * weight[c] / weights;
    for (std::size_t c = 0; c < n; ++c)
        if (!l.folded[c]) l.shown.push_back(static_cast<int>(c));
    return l;
}

} // namespace sw::widgets
