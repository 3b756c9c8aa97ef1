// An ImGui context set up as the product's shell sets one up (app/shell/shell.cpp): DejaVu at the
// sizes computed from millimetres, the style scaled to the pixel density — but with no window and
// no renderer, so layout tests measure the frames the office PC and the Kanwil's laptop draw.
#pragma once
#include "app/layout/text_fit.hpp"
#include "app/shell/fonts.hpp"

#include <imgui.h>

namespace swtest {

// 96 dpi: what the shell assumes when the monitor reports no size (app/shell/metrics.cpp), and
// what Xvfb screenshots are drawn at.
inline constexpr float kOfficePxPerMm = 96.0f / 25.4f;

struct FitContext {
    ImGuiContext* ctx = nullptr;
    float pxPerMm;
    explicit FitContext(ImVec2 display, float pxPerMmIn = kOfficePxPerMm) : pxPerMm(pxPerMmIn) {
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
