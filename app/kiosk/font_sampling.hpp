// How the kiosk's GPU (or llvmpipe) reads the font atlas. Call after the first frame's backend
// NewFrame, which creates the atlas texture.
#pragma once

namespace sw::kiosk {

// Nearest-texel sampling for the font atlas. Every glyph is drawn at its atlas size from a whole
// pixel (ImFont::RenderText floors the start; fonts.cpp bakes with no oversampling and snapped
// advances), so each texel lands on one pixel and linear filtering gives the same colours. Under
// software rendering (llvmpipe) each drawn pixel then fetches one texel instead of four — fills
// included, which read the atlas's white texel. README "Benchmarks" has the figures.
void sampleFontAtlasNearest();

} // namespace sw::kiosk
