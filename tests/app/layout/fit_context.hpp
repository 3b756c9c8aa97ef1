// An ImGui context set up as the product's shell sets one up (app/shell/shell.cpp): DejaVu at the
// sizes computed from millimetres, the style scaled to the pixel density — but with no window and
// no renderer, so layout tests measure the frames the office PC and the Kanwil's laptop draw.
#pragma once
#include "app/layout/text_fit.hpp"
#include "app/shell/fonts.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace swtest {

// 96 dpi: what the shell assumes when the monitor reports no size (app/shell/metrics.cpp), and
// what Xvfb screenshots are drawn at.
inline constexpr float kOfficePxPerMm = 96.0f / 25.4f;

// SW_FIT_PX_PER_MM=4.5 draws the pages at another density (a 13-inch 1280×800 laptop) for a person
// to try; the tests' verdict is at kOfficePxPerMm.
inline float fitPxPerMm() {
    const char* v = std::getenv("SW_FIT_PX_PER_MM");
    return v && std::atof(v) > 0 ? static_cast<float>(std::atof(v)) : kOfficePxPerMm;
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

// The cuts of a page, and of every region of it that scrolls up and down: each such window is
// scrolled through its whole range (three quarters of its height a step, at most 40 steps), so
// text below the first screenful is checked too. `frame` draws one whole frame (NewFrame … Render).
// A cut seen at several scroll positions is reported once.
inline std::vector<TextCut> cutsWhileScrolling(const std::function<void()>& frame) {
    std::vector<TextCut> all;
    std::set<std::string> seen;
    auto collect = [&] {
        for (auto& c : findTextCuts())
            if (seen.insert(c.window + "|" + c.text + "|" + c.why).second) all.push_back(c);
    };
    frame();
    collect();
    std::vector<ImGuiID> scrollers;
    for (const ImGuiWindow* w : GImGui->Windows)
        if (w->Active && !w->Hidden && w->ScrollbarY && w->ScrollMax.y > 0) scrollers.push_back(w->ID);
    for (ImGuiID id : scrollers) {
        ImGuiWindow* w = ImGui::FindWindowByID(id);
        if (!w) continue;
        const float step = std::max(1.0f, w->InnerRect.GetHeight() * 0.75f);
        for (int i = 1; i <= 40 && static_cast<float>(i - 1) * step < w->ScrollMax.y; ++i) {
            ImGui::SetScrollY(w, std::min(static_cast<float>(i) * step, w->ScrollMax.y));
            frame();
            frame();
            collect();
        }
        ImGui::SetScrollY(w, 0);
        frame();
    }
    return all;
}

} // namespace swtest
