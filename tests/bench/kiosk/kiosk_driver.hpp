// Drives the real kiosk (KioskSession + KioskUi, the same objects the GLFW shell runs) frame by
// frame with a synthetic clock, tapping targets by their recorded key through io.MousePos /
// io.MouseDown (Dear ImGui 1.86: no AddMousePosEvent) and typing keypad characters — the way a
// citizen would, never by calling the flow directly. Used by the soak (no renderer) and by the
// frame-time benchmark (rendered with OpenGL under Xvfb).
#pragma once
#include "app/kiosk/flow/kiosk_session.hpp"
#include "app/kiosk/screens/kiosk_ui.hpp"

#include <imgui.h>

#include <functional>
#include <memory>
#include <string>

namespace sw::bench {

// An ImGui context with the kiosk's fonts and no renderer (imgui's example_null).
class HeadlessImGui {
public:
    HeadlessImGui(float pxPerMm, int width, int height);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
    const kiosk::FontSet& fonts() const { return fonts_; }

private:
    ImGuiContext* ctx_ = nullptr;
    kiosk::FontSet fonts_;
};

struct FrameTiming {
    double wallMs = 0;   // NewFrame → Render (and the renderer's hook, when there is one)
    double cpuMs = 0;    // the same on this thread's CPU clock: what preemption on a busy machine hides
};

class KioskDriver {
public:
    // `render`, when set, runs after ImGui::Render() and is timed with the frame (GL draw + finish).
    KioskDriver(const std::string& db, const kiosk::FontSet& fonts, float width, float height,
                std::function<void()> newFrameBackend = {}, std::function<void()> render = {});

    kiosk::KioskSession& session() { return session_; }
    kiosk::CitizenFlow& flow() { return *session_.flow; }
    kiosk::KioskUi& ui() { return *ui_; }
    double now() const { return now_; }

    // One frame `dt` seconds after the last. The timing of every frame goes to `onFrame`.
    FrameTiming frame(double dt = 1.0 / 60.0);
    // Press and release on the target recorded under `key` in the last frame, `pause` seconds
    // after the previous action (a person, not a debounced double tap). False: no such target.
    bool tap(const std::string& key, double pause = 0.6);
    // A keypad key: '1'..'9', '*' as characters; Enter/Backspace as ImGui keys.
    void typeChar(char c, double pause = 0.6);
    void pressKey(ImGuiKey_ key, double pause = 0.6);
    // Lets `seconds` pass with the kiosk idle (frames at 1 s, as the idle loop would wake).
    void idle(double seconds);
    bool hasTarget(const std::string& key) const;

    std::function<void(const FrameTiming&)> onFrame;

private:
    kiosk::KioskSession session_;
    std::unique_ptr<kiosk::KioskUi> ui_;
    std::function<void()> newFrameBackend_;
    std::function<void()> render_;
    float width_, height_;
    double now_ = 1000.0;
};

} // namespace sw::bench
