#include "app/shell/fonts.hpp"

#include "app/shell/corner_texels.hpp"
#include "app/shell/metrics.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace sw::kiosk {

namespace {
const char* const kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin-1 (Indonesian needs no more; names of places and people with accents fit), Σ (the
// assessor's "Σ nilai" column), dashes and quotes, arrows, minus. Kept small: every size of every
// glyph lives in one texture.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x03A3, 0x03A3, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265, 0}; // ≤ ≥ in checklist notes

// Each TTF file (0.7 MB) read once per process and shared by every size and atlas: ImGui's
// AddFontFromFileTTF reads and keeps a copy per size. The atlases do not own these bytes (they
// outlive them); see shareFontFiles.
std::vector<char> regularBytes, boldBytes;

std::vector<char>& fileBytes(const char* file) {
    std::vector<char>& bytes = file == kBold ? boldBytes : regularBytes;
    if (bytes.empty()) {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (bytes.empty()) throw std::runtime_error(std::string(file) + ": cannot read font (install fonts-dejavu-core)");
    }
    return bytes;
}

ImFont* add(ImFontAtlas& atlas, const char* file, float px, const ImWchar* ranges = kRanges) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;   // large sizes need no horizontal oversampling; keeps the atlas small
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontDataOwnedByAtlas = false;
    std::vector<char>& bytes = fileBytes(file);
    ImFont* f = atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), px, &cfg, ranges);
    if (!f) throw std::runtime_error(std::string(file) + ": cannot load font (install fonts-dejavu-core)");
    return f;
}

void addSizes(ImFontAtlas& atlas, FontSet& s, int large) {
    Metrics m = metricsFor(s.pxPerMm, large != 0);
    s.body[large] = add(atlas, kRegular, m.bodyPx);
    s.heading[large] = add(atlas, kBold, m.headingPx);
    s.title[large] = add(atlas, kBold, m.titlePx);
    s.small[large] = add(atlas, kRegular, m.smallPx);
}
} // namespace

FontSet buildFonts(ImFontAtlas& atlas, float pxPerMm, bool withLarge) {
    for (const char* f : {kRegular, kBold})
        if (!std::filesystem::exists(f)) throw std::runtime_error(std::string(f) + ": font not found (install fonts-dejavu-core)");
    FontSet s;
    s.pxPerMm = pxPerMm;
    reserveCorners(atlas);   // the citizen's rounded corners, in the same texture as the text
    addSizes(atlas, s, 0);
    if (withLarge) addSizes(atlas, s, 1);
    return s;
}

void addLargeFonts(ImFontAtlas& atlas, FontSet& set) {
    if (!set.hasLarge()) addSizes(atlas, set, 1);
}

void shareFontFiles(ImFontAtlas& atlas) {
    for (ImFontConfig& cfg : atlas.ConfigData) {
        if (!cfg.FontDataOwnedByAtlas) continue;
        for (std::vector<char>* file : {&regularBytes, &boldBytes}) {
            if (file->empty() || static_cast<std::size_t>(cfg.FontDataSize) != file->size() ||
                std::memcmp(cfg.FontData, file->data(), file->size()) != 0)
                continue;
            IM_FREE(cfg.FontData);
            cfg.FontData = file->data();
            cfg.FontDataOwnedByAtlas = false;
            break;
        }
    }
}

ImFont* addDejaVu(ImFontAtlas& atlas, bool bold, float px, const ImWchar* ranges) {
    return add(atlas, bold ? kBold : kRegular, px, ranges ? ranges : kRanges);
}

} // namespace sw::kiosk
