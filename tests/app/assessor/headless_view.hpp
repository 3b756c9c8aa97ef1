// The assessor's view drawn headless (imgui's example_null shape): frames with no renderer, taps
// through io.MousePos/io.MouseDown, and every string a frame drew, for tests to compare.
#pragma once
#include "app/assessor/assessor_view.hpp"

#include <imgui.h>

#include <string>

namespace swtest {

struct HeadlessView {
    explicit HeadlessView(float width = 1920, float height = 1080) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~HeadlessView() { ImGui::DestroyContext(); }
    HeadlessView(const HeadlessView&) = delete;
    HeadlessView& operator=(const HeadlessView&) = delete;

    // One frame; every string its window drew, in order. ImGui's log ends at the window's End()
    // and hands what it caught to the clipboard, which here is a string.
    std::string frame(sw::assessor::AssessorView& v) {
        std::string text;
        ImGuiIO& io = ImGui::GetIO();
        io.ClipboardUserData = &text;
        io.SetClipboardTextFn = [](void* to, const char* caught) { static_cast<std::string*>(to)->append(caught); };
        ImGui::NewFrame();
        ImGui::LogToClipboard();
        v.draw();
        ImGui::LogFinish();
        ImGui::Render();
        return text;
    }
    // A finger down and up at (x, y), then lifted off-screen (the 1.86 touch recipe).
    void tap(sw::assessor::AssessorView& v, float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = true;
        frame(v);
        io.MouseDown[0] = false;
        frame(v);
        io.MousePos = ImVec2(-1e5f, -1e5f);
        frame(v);
    }
};

} // namespace swtest
