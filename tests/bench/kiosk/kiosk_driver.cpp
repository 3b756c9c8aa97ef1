#include "kiosk_driver.hpp"

#include <chrono>
#include <ctime>

namespace sw::bench {

namespace {

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Key indices for the keypad keys, as a backend would map them (any distinct slots will do).
constexpr int kEnterSlot = 257, kBackspaceSlot = 259, kKeypadEnterSlot = 335, kEscapeSlot = 256;

} // namespace

HeadlessImGui::HeadlessImGui(float pxPerMm, int width, int height) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    fonts_ = kiosk::buildFonts(*io.Fonts, pxPerMm);
    ImGui::GetStyle().ScaleAllSizes(pxPerMm / 4.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // builds the atlas; nothing uploads it
    io.KeyMap[ImGuiKey_Enter] = kEnterSlot;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnterSlot;
    io.KeyMap[ImGuiKey_Backspace] = kBackspaceSlot;
    io.KeyMap[ImGuiKey_Escape] = kEscapeSlot;
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(ctx_); }

KioskDriver::KioskDriver(const std::string& db, const kiosk::FontSet& fonts, float width, float height,
                         std::function<void()> newFrameBackend, std::function<void()> render)
    : session_(db, kiosk::FlowSettings{}, kiosk::makeSilentSpeech(), true), newFrameBackend_(std::move(newFrameBackend)),
      render_(std::move(render)), width_(width), height_(height) {
    ui_ = std::make_unique<kiosk::KioskUi>(*session_.flow, fonts, *session_.submitter, session_.store.get(), session_.unit.name);
    ui_->setFullscreen(true);
    ImGui::GetIO().MousePos = ImVec2(-1e5f, -1e5f);
    frame(); // targets are recorded by the first frame
}

FrameTiming KioskDriver::frame(double dt) {
    ImGuiIO& io = ImGui::GetIO();
    now_ += dt;
    io.DeltaTime = static_cast<float>(dt);
    io.DisplaySize = ImVec2(width_, height_);
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = threadCpuMs();
    if (newFrameBackend_) newFrameBackend_();
    ImGui::NewFrame();
    ui_->frame(now_);
    ImGui::Render();
    if (render_) render_();
    FrameTiming t{std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(), threadCpuMs() - c0};
    if (onFrame) onFrame(t);
    return t;
}

bool KioskDriver::hasTarget(const std::string& key) const {
    for (const kiosk::Widget& w : ui_->widgets())
        if (w.key == key && w.enabled) return true;
    return false;
}

bool KioskDriver::tap(const std::string& key, double pause) {
    const kiosk::Widget* target = nullptr;
    for (const kiosk::Widget& w : ui_->widgets())
        if (w.key == key && w.enabled) target = &w;
    if (!target) return false;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 at((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame(pause);          // press: the finger lands
    io.MouseDown[0] = false;
    frame(0.08);           // release on the same target: one click
    io.MousePos = ImVec2(-1e5f, -1e5f);
    frame();               // the finger has gone: nothing stays hovered
    return true;
}

void KioskDriver::typeChar(char c, double pause) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(static_cast<unsigned char>(c)));
    frame(pause);
    frame();
}

void KioskDriver::pressKey(ImGuiKey_ key, double pause) {
    ImGuiIO& io = ImGui::GetIO();
    const int slot = io.KeyMap[key];
    io.KeysDown[slot] = true;
    frame(pause);
    io.KeysDown[slot] = false;
    frame();
}

void KioskDriver::idle(double seconds) {
    for (double left = seconds; left > 0; left -= 1.0) frame(left < 1.0 ? left : 1.0);
}

} // namespace sw::bench
