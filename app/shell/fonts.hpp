// DejaVu Sans (Debian fonts-dejavu-core) at sizes computed from millimetres (metrics.hpp).
// Both text sizes are built once at start, so switching to large text costs no atlas rebuild.
#pragma once
#include <imgui.h>

namespace sw::kiosk {

struct FontSet {
    ImFont* body[2] = {};      // [0] standard, [1] large-text mode
    ImFont* heading[2] = {};   // bold
    ImFont* small[2] = {};
    ImFont* title[2] = {};     // bold, the welcome and thanks screens
    float pxPerMm = 4.0f;
};

// Adds the fonts to `atlas` (the first becomes ImGui's default, so hosted areas use DejaVu too).
// Throws std::runtime_error naming the file when the font is missing.
FontSet buildFonts(ImFontAtlas& atlas, float pxPerMm);

// One more DejaVu face at `px` pixels, for a host with sizes of its own (the waiting-room board).
// `ranges`: the glyphs to bake (nullptr: the kiosk's set). Call before the first frame.
ImFont* addDejaVu(ImFontAtlas& atlas, bool bold, float px, const ImWchar* ranges = nullptr);

} // namespace sw::kiosk
