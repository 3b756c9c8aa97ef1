// DejaVu Sans (Debian fonts-dejavu-core) at sizes computed from millimetres (metrics.hpp).
#pragma once
#include <imgui.h>

namespace sw::kiosk {

struct FontSet {
    ImFont* body[2] = {};      // [0] standard, [1] large-text mode (null until added: addLargeFonts)
    ImFont* heading[2] = {};   // bold
    ImFont* small[2] = {};
    ImFont* title[2] = {};     // bold, the welcome and thanks screens
    float pxPerMm = 4.0f;

    bool hasLarge() const { return body[1] != nullptr; }
};

// Adds the fonts to `atlas` (the first becomes ImGui's default, so hosted areas use DejaVu too).
// `withLarge` false: the standard sizes only; addLargeFonts adds the others when large text is
// first chosen (the kiosk: most citizens never choose it, and every size costs atlas memory).
// Throws std::runtime_error naming the file when the font is missing.
FontSet buildFonts(ImFontAtlas& atlas, float pxPerMm, bool withLarge = true);

// The large-text sizes, added to a set built without them (nothing when it has them). The atlas
// must then be built and uploaded again; the standard fonts keep their ImFont objects.
void addLargeFonts(ImFontAtlas& atlas, FontSet& set);

// ImGui 1.86 copies a font's file for every size added from memory it does not own (AddFont). After
// a build, shareFontFiles frees those copies and points each size at the one copy of its file, which
// a later build (large text added) reads again.
void shareFontFiles(ImFontAtlas& atlas);

// One more DejaVu face at `px` pixels, for a host with sizes of its own (the waiting-room board).
// `ranges`: the glyphs to bake (nullptr: the kiosk's set). Call before the first frame.
ImFont* addDejaVu(ImFontAtlas& atlas, bool bold, float px, const ImWchar* ranges = nullptr);

} // namespace sw::kiosk
