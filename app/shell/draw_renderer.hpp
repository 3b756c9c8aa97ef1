// ImGui's draw data drawn with OpenGL 3.3, in place of the OpenGL3 backend's
// ImGui_ImplOpenGL3_RenderDrawData (Debian's ImGui 1.86, which we do not patch; the shell does not
// start that backend and uploads the font atlas itself). The pixels are the backend's, byte for
// byte; what changes is what they cost where there is no GPU and Mesa's llvmpipe shades every
// pixel on the CPU.
//
// The backend draws every triangle alike: fetch a texel of the font atlas, multiply by the vertex
// colour, blend. Most of a kiosk screen's area is fills that read the atlas's white texel, and most
// of those are opaque. Here each triangle is drawn by the least that gives its pixels: opaque
// one-colour fills with no texture and no blending, other white-texel shapes (the anti-aliased
// fringes, outlines) blended with no texture, text as the backend draws it. To keep the draw calls
// few, the triangles are gathered in batches of one kind, the list's order kept wherever two
// triangles may touch a pixel in common: a triangle goes to the first batch of its kind after
// every batch that draws in its cells (a grid over the framebuffer), so every pixel ends as the
// backend leaves it. README "Benchmarks" and tests/bench/kiosk/results-2026-12-01-s10.md have the
// figures.
#pragma once
#include "app/shell/cell_levels.hpp"

#include <array>
#include <cstdint>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace sw::kiosk {

using Clip = std::array<float, 4>;   // a scissor rectangle in framebuffer pixels: x0, y0, x1, y1

class DrawRenderer {
public:
    DrawRenderer();   // with the window's OpenGL 3.3 context current; throws std::runtime_error
    ~DrawRenderer();
    DrawRenderer(const DrawRenderer&) = delete;
    DrawRenderer& operator=(const DrawRenderer&) = delete;

    // Draws `dd` over the framebuffer (cleared by the caller). Leaves blending and the scissor off.
    void render(const ImDrawData& dd);

    // What the last render did, for the frame-time benchmark: triangles of each kind, draw calls.
    struct Counts {
        long opaque = 0, plain = 0, textured = 0;
        int drawCalls = 0;
    };
    const Counts& lastCounts() const { return counts_; }

private:
    enum Kind : int { Opaque, Plain, Textured };   // batch n draws kind n % 3
    struct Program {
        unsigned id = 0;
        int projection = -1;
    };
    struct Placed {   // a triangle and the batch it is drawn in
        int batch;
        int cmd;
        unsigned firstIndex;   // into the list's index buffer
    };

    void renderList(const ImDrawData& dd, const ImDrawList& list, int fbWidth, int fbHeight);
    void place(const ImDrawData& dd, const ImDrawList& list, int fbWidth, int fbHeight);

    Program programs_[3];
    unsigned vao_ = 0, vbo_ = 0, ebo_ = 0;
    CellLevels levels_;
    std::vector<Placed> placed_;
    std::vector<Placed> sorted_;
    std::vector<std::size_t> batchStart_;
    std::vector<std::uint16_t> indices_;
    Counts counts_;
};

} // namespace sw::kiosk
