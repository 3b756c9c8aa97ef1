// One kiosk frame in Dear ImGui, with no window system in it: the GLFW shell, the screenshot verb
// and the headless tests all call frame() between ImGui::NewFrame() and ImGui::Render().
// It routes input (touch, keypad, the hidden long press), draws the current screen, the idle
// prompt, the PIN pad or the hosted unit head's area.
#pragma once
#include "app/admin/admin_area.hpp"
#include "app/kiosk/flow/citizen_flow.hpp"
#include "app/shell/fonts.hpp"
#include "app/kiosk/screens/screen_pin.hpp"
#include "app/kiosk/screens/screens.hpp"
#include "app/kiosk/screens/ui.hpp"
#include "app/kiosk/screens/welcome_result.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw {
class Store;
class Submitter;
}

namespace sw::kiosk {

struct KioskUiSettings {
    double longPressSeconds = 3.0;   // hidden unit-head gesture: hold the top-left corner this long
    float cornerMm = 25.0f;          // size of that corner
    int framesAfterInput = 3;        // keep rendering a few frames after input (idle loop)
};

class KioskUi {
public:
    enum class Mode { Citizen, Pin, Admin };

    KioskUi(CitizenFlow& flow, const FontSet& fonts, Submitter& submitter, Store* store, std::string unitName,
            KioskUiSettings settings = {});
    ~KioskUi();

    // Draws one frame over io.DisplaySize. `now` is a monotonic clock in seconds.
    void frame(double now);

    Mode mode() const { return mode_; }
    // False until the store has a unit: the kiosk shows the first-run screen, takes no answers.
    bool unitSetUp() const { return unitSetUp_; }
    const std::vector<Widget>& widgets() const { return widgets_; }
    const std::vector<std::string>& texts() const { return texts_; }   // drawn in the last frame
    const std::vector<Rect>& textBoxes() const { return textBoxes_; }  // where (those with a line)
    // True while something is changing (input, countdown, speech, long press): the shell renders
    // again at once; otherwise it may sleep up to secondsUntilDue().
    bool wantsRender(double now) const;
    double secondsUntilDue(double now) const;
    // Honoured by the shell after the frame: the unit head asked to leave full screen.
    bool takeLeaveFullscreenRequest();
    bool fullscreen() const { return fullscreen_; }
    void setFullscreen(bool f) { fullscreen_ = f; }

    // Screenshots and tests.
    void openPin();
    // lang: the area's language ("" = the flow's, which a reset has just made the default).
    void openAdmin(const std::string& tab = "", const std::string& lang = "");
    void forceIdlePrompt(bool on) { forceIdle_ = on; }
    PinScreen& pinScreen() { return pin_; }
    const admin::AdminHost& adminHost() const { return adminHost_; }
    // Tests: the result line the welcome screen showed in the last frame ("" = none).
    const std::string& welcomeResultLine() const { return shownResultLine_; }
    // Called when the unit head leaves the area (settings or the instrument may have changed).
    std::function<void()> onAdminClosed;
    // GL texture hooks for the unit head's area (evidence thumbnails); a windowed host sets them
    // from Shell, headless tests leave them empty and thumbnails show as labelled boxes.
    std::function<void*(int width, int height, const unsigned char* rgba)> uploadTexture;
    std::function<void(void*)> releaseTexture;

private:
    void handleKeys(double now);
    void detectLongPress(double now);
    void drawCitizen(Ui& ui, double now);
    void drawAdmin();
    std::vector<std::string> operatorWarnings() const;
    void readUnit(bool withName);   // the demo mark, whether a unit is set up (and the name)

    CitizenFlow& flow_;
    const FontSet& fonts_;
    Submitter& submitter_;
    Store* store_;
    std::string unitName_;
    bool unitDemo_ = false;
    WelcomeResult welcomeResult_;    // the last triwulan's result, when the unit shows it
    std::string shownResultLine_;
    bool unitSetUp_ = true;          // false: the first-run screen instead of the survey
    KioskUiSettings settings_;
    Mode mode_ = Mode::Citizen;
    std::vector<Widget> widgets_;
    std::vector<std::string> texts_;
    std::vector<Rect> textBoxes_;
    CommentScreen comment_;
    PinScreen pin_;
    std::unique_ptr<PinLock> pinLock_;
    admin::AdminHost adminHost_;
    std::unique_ptr<admin::AdminArea> admin_;
    double pressStart_ = -1;
    double lastInput_ = -1e9;
    int framesLeft_ = 3;
    bool forceIdle_ = false;
    bool fullscreen_ = true;
    bool leaveFullscreen_ = false;
};

// Key indices for the keypad (set in io.KeyMap by the GLFW backend, and by the tests).
bool keyPressed(int imguiKey);

} // namespace sw::kiosk
