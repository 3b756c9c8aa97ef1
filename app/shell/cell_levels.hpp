// Per cell of a grid laid over the framebuffer, the latest batch that draws there
// (draw_renderer.cpp): a triangle is put in a batch no earlier than any batch already drawing in
// the cells it may touch.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace sw::kiosk {

struct CellBox {
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;   // cells, both corners included; none by default
};

class CellLevels {
public:
    void reset(int columns, int rows) {
        columns_ = columns;
        levels_.assign(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), 0);
    }
    int highest(const CellBox& b) const {
        std::uint32_t h = 0;
        for (int y = b.y0; y <= b.y1; ++y) {
            const auto row = levels_.begin() + y * columns_;
            h = std::max(h, *std::max_element(row + b.x0, row + b.x1 + 1));
        }
        return h;
    }
    void raise(const CellBox& b, int level) {
        const auto l = static_cast<std::uint32_t>(level);
        for (int y = b.y0; y <= b.y1; ++y) {
            const auto row = levels_.begin() + y * columns_;
            std::for_each(row + b.x0, row + b.x1 + 1, [l](std::uint32_t& c) { c = std::max(c, l); });
        }
    }

private:
    int columns_ = 0;
    std::vector<std::uint32_t> levels_;
};

} // namespace sw::kiosk
