// A table too wide for its room folds columns into one host cell (a name's) before it scrolls
// sideways: on a small screen (a 1280×800 touchscreen at 6,2 px/mm) the code, the region or "Open"
// goes under the name, where the row grows instead of cutting a word. One rule for the assessor's
// area table and unit roll-up and the unit head's follow-up plan.
#pragma once
#include <vector>

namespace sw::widgets {

struct FoldColumn {
    float least = 0;    // px: never narrower (its widest word or value, its slack included)
    float weight = 0;   // its share of the room left once every column has its least
    int foldOrder = 0;  // > 0: moves into the host's cell, lowest first, while the row does not fit
};

struct ColumnFold {
    std::vector<float> width;   // each column's width (px); a folded column's is what the host gave it
    std::vector<bool> folded;   // drawn in the host's cell instead of its own column
    std::vector<int> shown;     // the columns drawn, in order
    bool sideways = false;      // too wide even folded: the table scrolls sideways
};

// `room`: the width the columns share, cell padding not taken off (the table's inner width). The
// host is never folded and is at least as wide as what folds into it; without any weight the
// leftover stays unused.
ColumnFold foldColumns(const std::vector<FoldColumn>& columns, int host, float room);

} // namespace sw::widgets
