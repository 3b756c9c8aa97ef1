// Drawing helpers shared by the screens: targets sized in millimetres, text wrapped and centred,
// faces drawn with ImDrawList (not emoji), and a per-frame record of every target (key, label,
// rectangle) so headless tests can find a button by its label and tap it.
//
// Index of this file
//   [SECTION] Widget record
//   [SECTION] Ui: colours, text, targets, faces
//   [SECTION] Page layout: header, title, content, navigation bar
#pragma once
#include "app/kiosk/flow/citizen_flow.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/metrics.hpp"
#include "app/kiosk/screens/theme.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace sw::kiosk {

// [SECTION] Widget record

struct Widget {
    std::string key;     // stable: "next", "back", "choice.3", "key.a"
    std::string label;   // what the citizen reads
    ImVec2 min, max;
    bool enabled = true;
    bool selected = false;
    // Measured while drawing, for the tests: its text did not fit inside it (a line wider than the
    // room, or more lines than the height), or two of its parts (key digit, mark, label) overlap.
    bool overflow = false;
};

struct Rect {
    ImVec2 min, max;
    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
};

// [SECTION] Ui

struct Ui {
    CitizenFlow& flow;
    const Theme& theme;
    Metrics m;
    const FontSet& fonts;
    double now = 0;
    bool blocked = false;                 // the idle prompt is up: nothing under it reacts
    std::vector<Widget>* record = nullptr;
    std::vector<std::string>* textRecord = nullptr;   // every text drawn this frame (tests read it)
    std::vector<Rect>* textBoxRecord = nullptr;       // …and where: its lines' extent
    ImDrawList* dl = nullptr;
    Rect screen;
    std::string unitName;                 // shown on the welcome screen
    bool unitDemo = false;                // the demo unit: the welcome screen says so
    std::string resultLine;               // the welcome screen's line on the last triwulan's result ("" = none)

    Ui(CitizenFlow& f, const Theme& th, const FontSet& fs, double t, ImDrawList* d, Rect s, std::vector<Widget>* rec);

    bool large() const { return flow.modes().large; }
    // The large sizes exist from the frame after large text is first chosen (Shell::beginFrame).
    int sizeIndex() const { return large() && fonts.hasLarge() ? 1 : 0; }
    ImFont* body() const { return fonts.body[sizeIndex()]; }
    ImFont* heading() const { return fonts.heading[sizeIndex()]; }
    ImFont* small() const { return fonts.small[sizeIndex()]; }
    ImFont* title() const { return fonts.title[sizeIndex()]; }
    float px(float mm) const { return m.px(mm); }
    const std::string& t(const std::string& key) const { return flow.t(key); }

    static ImU32 col(Rgb c, float alpha = 1.0f);

    // Text wrapped to `width`; returns its height. `center` centres each line in `width`.
    float text(ImFont* f, const std::string& s, ImVec2 at, float width, Rgb c, bool center = false);
    float textHeight(ImFont* f, const std::string& s, float width) const;
    // Text centred in a rectangle (both axes); a text that does not fit marks the target drawn next.
    void textIn(ImFont* f, const std::string& s, Rect r, Rgb c);
    // Whether `s` wrapped to `width` fits in `height` with no line wider than `width`.
    bool fits(ImFont* f, const std::string& s, float width, float height) const;
    bool overflow = false;                // set by the drawing helpers, taken by the next hit()

    // A touch target: an ImGui invisible button (press and release on it = one click), recorded.
    bool hit(const std::string& key, const std::string& label, Rect r, bool enabled = true, bool selected = false);

    // Targets
    bool primaryButton(const std::string& key, const std::string& label, Rect r, bool enabled = true);
    bool secondaryButton(const std::string& key, const std::string& label, Rect r, bool enabled = true);
    // An option: number badge (keypad digit), radio/check mark, label. Selected = outline + mark.
    bool optionButton(const std::string& key, const Choice& c, int number, Rect r);
    float optionWidth(const Choice& c) const;            // an option's label on one line, with its digit and mark
    float labelWidth(const std::string& s) const;        // a secondary button's label on one line
    // An answer drawn as a face with its label underneath.
    bool faceButton(const std::string& key, const Choice& c, int number, Rect r);
    void face(ImVec2 center, float radius, int value, bool onSelected);
    void checkMark(ImVec2 center, float size, Rgb c);
    void card(Rect r, bool selected, bool enabled = true);
    void panelFill(ImVec2 min, ImVec2 max, Rgb fill, float rounding);   // nothing where it is the page's own colour

    // [SECTION] Page layout
    // Header (section, progress, speech controls), the title and hint. Returns the content area
    // above the navigation bar; in the seated layout the content starts low on the screen.
    // `needed`: the content's height in pixels, so the seated layout never pushes it off the screen.
    Rect beginPage(float needed = 0);
    // Height of `rows` rows of targets at least `minHeightMm` tall, with the gaps between them.
    float rowsHeight(int rows, float minHeightMm) const { return px(minHeightMm) * static_cast<float>(rows) + px(m.gapMm) * static_cast<float>(rows - 1); }
    // "Kembali" and "Lanjut"/"Lewati"/"Kirim" along the bottom; each as wide as its label needs.
    void navBar(const std::string& nextLabelKey = "nav.next");
    float navWidth(const std::string& label, ImFont* f) const;
    // The notice (why the last key did nothing) in a framed box; returns its height.
    float noticeBox(const std::string& s, ImVec2 at, float width);
    // Lays out n options as a grid in `area` with at least the target size; returns their rects.
    // vAlign: 0 top, 0.5 centred, 1 bottom; -1 = centred, or at the bottom in the seated layout.
    std::vector<Rect> grid(Rect area, std::size_t n, int columns, float minHeightMm, float vAlign = -1.0f) const;
    float navHeight() const { return px(m.targetMm + 2.0f); }
};

} // namespace sw::kiosk
