// The kiosk's screens: one struct per screen, each in its own file (a screen is a struct that draws a
// model, as in Dear ImGui's demo). They hold UI state only; answers live in the flow's ResponseDraft.
#pragma once
#include "app/kiosk/screens/ui.hpp"

#include <string>

namespace sw::kiosk {

struct WelcomeScreen {                            // screen_welcome.cpp
    struct Layout {
        float y = 0;                 // the words' top
        bool faces = true;           // the decorative row of faces (left out on a short screen)
        float faceR = 0;
        float startH = 0;            // "Mulai"
        float gap = 0;               // between "Mulai" and the options
        int cols = 2;                // the options under it, per row
        float optionsW = 0, optionsH = 0;
        float buttonsTop = 0;        // the lowest "Mulai" may start
    };
    Layout layout(Ui& ui, std::size_t options, float margin);
    void draw(Ui& ui);
    void resultLine(Ui& ui, float below, float margin);   // the last triwulan's result, when shown
    // The invitation in the other languages; its height (draw = false: measured only).
    float otherLanguages(Ui& ui, float top, float margin, bool draw);
    float guidance(Ui& ui, float top, float margin, bool draw);   // the keys and otherLanguages, or a notice
};
struct SetupScreen { bool draw(Ui& ui); };        // screen_setup.cpp: no unit yet; true = staff start
struct LanguageScreen { void draw(Ui& ui); };     // screen_language.cpp: language + modes
struct ServiceScreen { void draw(Ui& ui); };      // screen_service.cpp: jenis layanan
struct UnsurScreen { void draw(Ui& ui); };        // screen_unsur.cpp: one unsur, four faces
struct HamScreen {                                // screen_ham.cpp: rentan, ratings, yes/no (gate, adil)
    void drawRentan(Ui& ui);
    void drawRating(Ui& ui);
    void drawYesNo(Ui& ui);
};
struct ProfileScreen { void draw(Ui& ui); };      // screen_profile.cpp: optional, skippable whole
struct CommentScreen {                            // screen_comment.cpp: on-screen keyboard
    bool shift = false;                           // UI state only (one capital, then back)
    void draw(Ui& ui);
};
struct ThanksScreen { void draw(Ui& ui); };       // screen_thanks.cpp
// "Butuh waktu lagi?" over any screen: returns true when the citizen asked for more time.
struct IdlePrompt { bool draw(Ui& ui, double secondsLeft); };   // screen_idle.cpp

} // namespace sw::kiosk
