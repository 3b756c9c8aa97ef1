// The unit head's area: dashboard, P2HAM facility self-assessment, settings.
// It draws into whatever ImGui frame it is given — the kiosk (behind the PIN), the windowed
// `suarawarga admin`, a headless test or the screenshot verb all host it the same way.
#pragma once
#include "survey/instrument/instrument.hpp"
#include "survey/store/store.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sw::admin {

// What the area needs from the program around it, and what it asks of it.
struct AdminHost {
    Store* store = nullptr;
    Instrument instrument;                  // the instrument the kiosk currently runs
    float pxPerMm = 4.0f;                   // from the display's DPI (kiosk shell)
    std::string lang = "id";                // "id" | "en"
    std::vector<std::string> kioskWarnings; // filled by the kiosk: e.g. responses waiting for a retry
    bool fullscreen = true;                 // the kiosk shows it; the area may ask to change it
    // Requests the host honours after the frame:
    bool requestLeaveFullscreen = false;    // the only way the kiosk leaves full screen
    bool requestClose = false;              // back to the citizen flow (kiosk) / quit (windowed)
    bool pinChanged = false;                // settings changed the PIN
    bool instrumentChanged = false;         // settings published a new instrument version (host reloads it)
    // Optional: makes an ImGui texture from RGBA8 pixels (evidence thumbnails). The windowed host
    // sets it; headless hosts leave it empty and thumbnails show as labelled boxes.
    std::function<void*(int width, int height, const unsigned char* rgba)> uploadTexture;
    std::function<void(void*)> releaseTexture;
};

class AdminArea {
public:
    explicit AdminArea(AdminHost& host);
    ~AdminArea();
    AdminArea(const AdminArea&) = delete;
    AdminArea& operator=(const AdminArea&) = delete;

    // Draws one frame of the area over the whole display (call between NewFrame and Render).
    void draw();
    // For screenshots and tests: "dashboard" | "facility" | "settings" | "comments" | "rtl" | "publish".
    void showTab(const std::string& tab);
    const std::string& currentTab() const;  // tests: which screen is showing
    // Tests: where each labelled button/input was drawn in the last frame (to tap it by label).
    struct WidgetRect {
        std::string label;
        float x0, y0, x1, y1;
    };
    std::vector<WidgetRect> widgetRects() const;
    // Tests: the status line (the last action's result) and whether it is an error.
    const std::string& statusMessage() const;
    bool statusIsError() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace sw::admin
