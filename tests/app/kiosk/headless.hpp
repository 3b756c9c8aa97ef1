// A kiosk with no window: an ImGui context whose font atlas is built but never uploaded, frames run
// with NewFrame/Render and no renderer, taps through io.MousePos/io.MouseDown (the 1.86 API), and
// widgets found by the label or key the screens record each frame.
#pragma once
#include "app/kiosk/flow/citizen_flow.hpp"
#include "app/shell/fonts.hpp"
#include "app/kiosk/screens/kiosk_ui.hpp"
#include "app/kiosk/flow/speech.hpp"
#include "survey/base/error.hpp"
#include "survey/store/scan.hpp"
#include "survey/store/store.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/base/translations.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <imgui.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace swtest {

// Records what would be said.
struct RecordingSpeech : sw::kiosk::Speech {
    std::vector<std::string> said;
    int stops = 0;
    int vol = 100;
    void say(const std::string& text, const std::string& voice) override { said.push_back(voice + "|" + text); }
    void stop() override { ++stops; }
    void setVolume(int p) override { vol = p; }
    int volume() const override { return vol; }
    bool speaking() const override { return false; }
};

// Keys the kiosk reads; the indices are ours (a GLFW backend maps its own).
enum TestKey { kEnter = 1, kBackspace = 2, kEscape = 3, kKeypadEnter = 4 };

struct Headless {
    TempDir dir;
    std::unique_ptr<sw::Store> store;
    sw::Instrument in;
    sw::Translations tr = sw::Translations::loadArea("kiosk");
    bool failWrites = false;      // the disk "fails": append throws StoreError
    int appendCalls = 0;
    std::unique_ptr<sw::Submitter> submitter;
    RecordingSpeech speech;
    std::unique_ptr<sw::kiosk::CitizenFlow> flow;
    sw::kiosk::FontSet fonts;
    std::unique_ptr<sw::kiosk::KioskUi> ui;
    ImGuiContext* ctx = nullptr;
    double now = 1000.0;          // the kiosk's monotonic clock, in seconds
    std::int64_t utcBase = 1763800000; // wall clock for stored rows: advances with `now`
    float pxPerMm = 4.0f;

    // withUnit = false: a store as a new kiosk first finds it, with no unit (the first-run screen).
    explicit Headless(sw::kiosk::FlowSettings fs = {}, ImVec2 display = ImVec2(1280, 800), bool withUnit = true) {
        store = std::make_unique<sw::Store>(dir.file("kiosk.db"));
        in = withUnit ? sw::setUpDemo(*store) : sw::ensureInstrument(*store);
        submitter = std::make_unique<sw::Submitter>(
            [this](const sw::Response& r) {
                ++appendCalls;
                if (failWrites) throw sw::StoreError(sw::StoreError::Kind::Io, "disk I/O error (test)");
                store->append(r);
            },
            [this](const std::string& k, const std::string& d) {
                if (failWrites) throw sw::StoreError(sw::StoreError::Kind::Io, "disk I/O error (test)");
                store->logEvent(k, d);
            },
            30.0);
        makeFlow(fs);

        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_Backspace] = kBackspace;
        io.KeyMap[ImGuiKey_Escape] = kEscape;
        io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
        fonts = sw::kiosk::buildFonts(*io.Fonts, pxPerMm);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);   // built, never uploaded: no renderer
        ui = std::make_unique<sw::kiosk::KioskUi>(*flow, fonts, *submitter, store.get(), "Unit Uji");
        frame();
    }
    // After a test changed `in`: a kiosk started afresh on it, at the welcome.
    void restartOn(sw::kiosk::FlowSettings fs = {}) {
        ui.reset();
        makeFlow(fs);
        ui = std::make_unique<sw::kiosk::KioskUi>(*flow, fonts, *submitter, store.get(), "Unit Uji");
        frame();
    }
    void makeFlow(sw::kiosk::FlowSettings fs) {
        sw::kiosk::SubmitContext sc;
        sc.unitId = "demo";
        sc.deviceId = "test-kiosk";
        sc.utcNow = [this] { return utcBase + static_cast<std::int64_t>(now - 1000.0); };
        sc.lastStoredSubmit = [this] { return sw::lastSubmitUtc(*store, "test-kiosk"); };
        flow = std::make_unique<sw::kiosk::CitizenFlow>(in, tr, *submitter, sc, fs, &speech);
    }
    ~Headless() {
        ui.reset();
        ImGui::DestroyContext(ctx);
    }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frame(double dt = 1.0 / 60.0) {
        now += dt;
        ImGui::GetIO().DeltaTime = static_cast<float>(dt);
        ImGui::NewFrame();
        ui->frame(now);
        ImGui::Render();
    }
    void wait(double seconds) {   // time passes without input (a frame every second, like the idle loop)
        while (seconds > 0) {
            double s = seconds < 1.0 ? seconds : 1.0;
            frame(s);
            seconds -= s;
        }
    }

    const sw::kiosk::Widget* findLabel(const std::string& label) const {
        for (const auto& w : ui->widgets())
            if (w.label == label) return &w;
        return nullptr;
    }
    // Texts of the last frame that lie partly under a target: a text is a target's own label (inside
    // it) or clear of every target. Empty when none; else each target's key and the text's box.
    std::string textsUnderTargets() const {
        std::string out;
        for (const auto& t : ui->textBoxes())
            for (const auto& w : ui->widgets()) {
                const bool meets = t.min.x < w.max.x && w.min.x < t.max.x && t.min.y < w.max.y && w.min.y < t.max.y;
                const bool inside = t.min.x >= w.min.x && t.max.x <= w.max.x && t.min.y >= w.min.y && t.max.y <= w.max.y;
                if (meets && !inside)
                    out += w.key + " (" + std::to_string(static_cast<int>(t.min.x)) + "," + std::to_string(static_cast<int>(t.min.y)) + "–" +
                           std::to_string(static_cast<int>(t.max.x)) + "," + std::to_string(static_cast<int>(t.max.y)) + "); ";
            }
        return out;
    }
    // Whether this exact text was drawn in the last frame.
    bool drawn(const std::string& text) const {
        const auto& ts = ui->texts();
        return std::find(ts.begin(), ts.end(), text) != ts.end();
    }
    const sw::kiosk::Widget* findKey(const std::string& key) const {
        for (const auto& w : ui->widgets())
            if (w.key == key) return &w;
        return nullptr;
    }
    void tapAt(ImVec2 p, double gap = 0.5) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = p;
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-1e5f, -1e5f);   // lift the finger off the screen, or the button stays hovered
        frame(gap);
    }
    static ImVec2 center(const sw::kiosk::Widget& w) { return ImVec2((w.min.x + w.max.x) * 0.5f, (w.min.y + w.max.y) * 0.5f); }
    void tap(const std::string& label, double gap = 0.5) {
        const sw::kiosk::Widget* w = findLabel(label);
        if (!w) throw std::runtime_error("no widget labelled \"" + label + "\" on " + sw::kiosk::stepName(flow->step()));
        tapAt(center(*w), gap);
    }
    void tapKey(const std::string& key, double gap = 0.5) {
        const sw::kiosk::Widget* w = findKey(key);
        if (!w) throw std::runtime_error("no widget " + key + " on " + sw::kiosk::stepName(flow->step()));
        tapAt(center(*w), gap);
    }
    void type(char c, double gap = 0.5) {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        frame();
        frame(gap);
    }
    void press(int key, double gap = 0.5) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        frame(gap);
    }
    std::vector<sw::Response> stored() {
        std::vector<sw::Response> out;
        sw::ResponseFilter f;
        f.includeMisuse = true;
        sw::forEachResponse(*store, f, [&](const sw::Response& r) {
            out.push_back(r);
            return true;
        });
        return out;
    }
};

} // namespace swtest
