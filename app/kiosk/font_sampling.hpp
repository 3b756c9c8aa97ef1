// How the kiosk's GPU (or llvmpipe) reads the font atlas. Call after the first frame's backend
// NewFrame, which creates the atlas texture.
#pragma once

namespace sw::kiosk {

// Nearest-texel sampling for the font atlas while the citizen's screens are drawn, linear (as ImGui
// ships it) for the unit head's area. The citizen's glyphs are drawn at their atlas size from a
// whole pixel (ImFont::RenderText floors the start; fonts.cpp bakes with no oversampling and
// snapped advances), so each texel lands on one pixel and both give the same colours. Under
// software rendering (llvmpipe) each drawn pixel then fetches one texel instead of four — fills
// included, which read the atlas's white texel. The hosted admin area draws lines and text that
// fall between texels, so it keeps linear sampling. README "Benchmarks" has the figures.
void sampleFontAtlas(bool nearest);

} // namespace sw::kiosk
