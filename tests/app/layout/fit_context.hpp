// An ImGui context set up as the product's shell sets one up (app/shell/shell.cpp): DejaVu at the
// sizes computed from millimetres, the style scaled to the pixel density — but with no window and
// no renderer, so layout tests measure the frames the office PC and the Kanwil's laptop draw.
#pragma once
#include "app/layout/text_fit.hpp"
#include "app/shell/fonts.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace swtest {

// 96 dpi: what the shell assumes when the monitor reports no size (app/shell/metrics.cpp), and
// what Xvfb screenshots are drawn at.
inline constexpr float kOfficePxPerMm = 96.0f / 25.4f;

// A cheap office laptop: 13–14 inch at 1366×768, about 4,5 px/mm. Text is sized in millimetres from
// the monitor (README, "Accessible by measurement"), so on this narrow screen the same text takes a
// larger share of the width than on the office PC.
inline constexpr float kLaptopPxPerMm = 4.5f;

// Denser laptops: a 12–13 inch 1366×768 or 1280×800 at about 5 px/mm, and the common 14 inch Full
// HD laptop (1920 px across 310 mm: about 6,2 px/mm), where the dashboard's charts and the roll-up's
// columns have the fewest millimetres.
inline constexpr float kSmallLaptopPxPerMm = 5.0f;
inline constexpr float kFullHdLaptopPxPerMm = 6.2f;

// A 9–10 inch touchscreen or netbook at 1280×800 or 1366×768 (1280 px across 196–218 mm: 5,9 to
// 6,5 px/mm): the kiosk's own touchscreen hosts the unit head's area too. As dense as the Full HD
// laptop with two thirds of its pixels — the fewest millimetres across of any screen checked.
inline constexpr float kSmallTouchscreenPxPerMm = kFullHdLaptopPxPerMm;

// SW_FIT_PX_PER_MM=5 draws every checked screen at another density for a person to try; without it
// each screen has its own (fitScreens).
inline float fitPxPerMm(float otherwise = kOfficePxPerMm) {
    const char* v = std::getenv("SW_FIT_PX_PER_MM");
    return v && std::atof(v) > 0 ? static_cast<float>(std::atof(v)) : otherwise;
}

// The screens the admin and assessor pages must fit: the office PC at 96 dpi (1280×800 and
// 1920×1080), the cheap laptop (1366×768), and at the laptop's density also a 13-inch 1280×800 and
// a 19-inch 1920×1080 monitor (where a half-screen panel is narrow in millimetres); the denser
// small laptops at 5 px/mm, the 14-inch Full HD laptop at 6,2 px/mm, and a 9–10 inch touchscreen
// or netbook (1280×800, 1366×768) at that density.
struct FitScreen {
    ImVec2 size;
    float pxPerMm;
    std::string name() const {   // "1366x768 4.50px/mm"
        char buf[48];
        std::snprintf(buf, sizeof buf, "%dx%d %.2fpx/mm", int(size.x), int(size.y), double(pxPerMm));
        return buf;
    }
};

inline std::vector<FitScreen> fitScreens() {
    return {{ImVec2(1280, 800), fitPxPerMm()},
            {ImVec2(1920, 1080), fitPxPerMm()},
            {ImVec2(1366, 768), fitPxPerMm(kLaptopPxPerMm)},
            {ImVec2(1280, 800), fitPxPerMm(kLaptopPxPerMm)},
            {ImVec2(1920, 1080), fitPxPerMm(kLaptopPxPerMm)},
            {ImVec2(1280, 800), fitPxPerMm(kSmallLaptopPxPerMm)},
            {ImVec2(1366, 768), fitPxPerMm(kSmallLaptopPxPerMm)},
            {ImVec2(1920, 1080), fitPxPerMm(kFullHdLaptopPxPerMm)},
            {ImVec2(1280, 800), fitPxPerMm(kSmallTouchscreenPxPerMm)},
            {ImVec2(1366, 768), fitPxPerMm(kSmallTouchscreenPxPerMm)}};
}

// SW_FIT_STORES=DIR keeps the store the pages were drawn from, for the screenshot tools.
// The store is still open: its write-ahead log goes along.
inline void keepStore(const std::string& file) {
    const char* to = std::getenv("SW_FIT_STORES");
    if (!to) return;
    for (const std::string& f : {file, file + "-wal"})
        if (std::filesystem::exists(f))
            std::filesystem::copy_file(f, std::filesystem::path(to) / std::filesystem::path(f).filename(),
                                       std::filesystem::copy_options::overwrite_existing);
}

struct FitContext {
    ImGuiContext* ctx = nullptr;
    float pxPerMm;
    explicit FitContext(ImVec2 display, float pxPerMmIn = fitPxPerMm()) : pxPerMm(pxPerMmIn) {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = ImVec2(-1e5f, -1e5f);   // nothing hovered
        sw::kiosk::buildFonts(*io.Fonts, pxPerMm);
        ImGui::GetStyle().ScaleAllSizes(pxPerMm / 4.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);   // built, never uploaded
        measureLayoutBoxes(*io.Fonts);
    }
    ~FitContext() { ImGui::DestroyContext(ctx); }
    FitContext(const FitContext&) = delete;
    FitContext& operator=(const FitContext&) = delete;
    void resize(ImVec2 display) { ImGui::GetIO().DisplaySize = display; }
};

} // namespace swtest

#include <imgui_internal.h>

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

namespace swtest {

// The cuts of a page, and of every region of it that scrolls: each such window is scrolled
// through its whole height (three quarters of its height a step, at most 40 steps), so text below
// the first screenful is checked too; one that also scrolls sideways (the roll-up on a small
// laptop) is scrolled so again at its far right, where the last columns show. `frame` draws one
// whole frame (NewFrame … Render). A cut seen at several scroll positions is reported once.
// `words`: texts whose words must never be broken across lines (findBrokenWords), such as the
// official names in the test's data.
inline std::vector<TextCut> cutsWhileScrolling(const std::function<void()>& frame, const std::vector<std::string>& words = {}) {
    std::vector<TextCut> all;
    std::set<std::string> seen;
    auto collect = [&] {
        std::vector<TextCut> found = findTextCuts();
        for (auto& c : findBrokenWords(words)) found.push_back(c);
        for (auto& c : found)
            if (seen.insert(c.window + "|" + c.text + "|" + c.why).second) all.push_back(c);
    };
    frame();
    collect();
    std::vector<ImGuiID> scrollers;
    for (const ImGuiWindow* w : GImGui->Windows)
        if (w->Active && !w->Hidden && ((w->ScrollbarY && w->ScrollMax.y > 0) || (w->ScrollbarX && w->ScrollMax.x > 0))) scrollers.push_back(w->ID);
    for (ImGuiID id : scrollers) {
        ImGuiWindow* w = ImGui::FindWindowByID(id);
        if (!w) continue;
        const bool sideways = w->ScrollbarX && w->ScrollMax.x > 0;
        for (int side = 0; side < (sideways ? 2 : 1); ++side) {
            if (side == 1) {
                ImGui::SetScrollX(w, w->ScrollMax.x);
                ImGui::SetScrollY(w, 0);
                frame();
                frame();
                collect();
            }
            const float step = std::max(1.0f, w->InnerRect.GetHeight() * 0.75f);
            for (int i = 1; i <= 40 && static_cast<float>(i - 1) * step < w->ScrollMax.y; ++i) {
                ImGui::SetScrollY(w, std::min(static_cast<float>(i) * step, w->ScrollMax.y));
                frame();
                frame();
                collect();
            }
        }
        ImGui::SetScrollX(w, 0);
        ImGui::SetScrollY(w, 0);
        frame();
    }
    return all;
}

} // namespace swtest
