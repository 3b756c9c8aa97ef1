// Rounded rectangles for the citizen's screens, drawn as whole pixels: the straight runs of a fill
// or an outline are plain rectangles with no anti-aliased fringe, only the four corners are
// anti-aliased. ImGui's AddRect/AddRectFilled fringe every edge with a one-pixel blended strip; on
// the kiosk's weakest machine (Mesa's llvmpipe, no GPU) each long thin strip is shaded in 4×4
// blocks it barely covers, and those strips were about a third of a screen's frame
// (tests/bench/kiosk/results-2026-12-02-s14.md). On a whole-pixel edge the fringe adds nothing the
// eye can see, so the rectangle is snapped to whole pixels and drawn without it. Each corner is one
// quad of texels baked into the font atlas when the atlas has that size (app/shell/corner_texels.hpp,
// the kiosk's fonts bring them), else a fan or an arc with its fringe.
#pragma once
#include <imgui.h>

namespace sw::kiosk {

// A filled rounded rectangle over [min, max] snapped to whole pixels. A colour that is not opaque
// is drawn by ImGui as before: the pieces overlap along the corners and would blend twice.
void crispFill(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding);

// An outline `thickness` wide (rounded to whole pixels, at least one) lying inside [min, max]
// snapped to whole pixels: its outer edge is the rectangle's edge.
void crispOutline(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 colour, float rounding, float thickness);

// The inside of a disc whose rim an opaque ring covers, as a few whole-pixel rectangles: every
// pixel centred nearer than `mustFill` to `centre` is filled, none centred farther than `mayFill`;
// between the two the ring's opaque middle decides the pixels, so the rectangles may end anywhere
// there. On llvmpipe a fan of slivers is shaded block by block for each sliver, while a rectangle
// covers whole tiles at once (tests/bench/kiosk/results-2026-12-03-s17.md). False, nothing drawn,
// when the band between the radii is under a pixel or the colour is not opaque.
bool discUnderRing(ImDrawList& dl, ImVec2 centre, float mustFill, float mayFill, ImU32 colour);

// Switches draw-list flags off for its lifetime (ImGui keeps them per list, not per call).
class DrawFlagsOff {
public:
    DrawFlagsOff(ImDrawList& dl, ImDrawListFlags off) : dl_(dl), flags_(dl.Flags) { dl.Flags &= ~off; }
    ~DrawFlagsOff() { dl_.Flags = flags_; }
    DrawFlagsOff(const DrawFlagsOff&) = delete;
    DrawFlagsOff& operator=(const DrawFlagsOff&) = delete;

private:
    ImDrawList& dl_;
    ImDrawListFlags flags_;
};

// On by default. Off draws ImGui's fringed AddRect/AddRectFilled as before, for the frame-time
// benchmark's side-by-side (tests/bench/kiosk/bench_frames.cpp --compare-rects).
void useCrispShapes(bool on);
// On by default. Off: discUnderRing draws nothing and the face's disc is a fan, as before
// (bench_frames --compare-discs).
void useDiscRects(bool on);

} // namespace sw::kiosk
