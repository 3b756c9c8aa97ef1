// The unit head's switch between one tap per question and choose-then-Next (README "The citizen
// kiosk"; survey/kiosk/answer_mode.hpp), tapped in the Settings screen the kiosk hosts, in both
// languages: the setting is stored and the next citizen's kiosk behaves by it.
#include "app/admin/admin_context.hpp"
#include "app/kiosk/flow/kiosk_session.hpp"
#include "app/kiosk/headless.hpp"
#include "survey/kiosk/answer_mode.hpp"

#include <catch2/catch.hpp>

using sw::kiosk::Step;
using swtest::Headless;

namespace {

const sw::Translations& adminStrings() {
    static const sw::Translations tr = sw::Translations::loadArea("admin");
    return tr;
}

const sw::admin::ui::WidgetRect* findAdmin(const std::string& label) {
    for (const auto& w : sw::admin::ui::widgetLog())
        if (w.label == label) return &w;
    return nullptr;
}

// Taps the unit head's widget with this label, scrolling the panel down to it first (at 1280×800
// the kiosk settings are below the unit's identity), as the head would with a finger or wheel.
void tapAdmin(Headless& k, const std::string& label) {
    const float bottom = ImGui::GetIO().DisplaySize.y;
    const sw::admin::ui::WidgetRect* w = findAdmin(label);
    for (int i = 0; i < 20 && w && w->y1 > bottom; ++i, w = findAdmin(label)) {
        ImGui::GetIO().MousePos = ImVec2(w->x0, bottom * 0.5f);
        ImGui::GetIO().MouseWheel = -1.0f;
        k.frame();
        k.frame();
    }
    if (!w) FAIL("no widget \"" << label << "\" in the unit head's area");
    INFO(label << " at y " << w->y0 << ".." << w->y1);
    REQUIRE(w->y1 <= bottom);
    k.tapAt(ImVec2((w->x0 + w->x1) / 2, (w->y0 + w->y1) / 2));
}

// In Settings, the head taps the mode, then goes back to the kiosk (which applies its settings).
void switchTo(Headless& k, const std::string& lang, const char* key) {
    k.ui->openAdmin("settings", lang);
    k.frame();
    tapAdmin(k, adminStrings().get(key, lang));
    tapAdmin(k, adminStrings().get("area.back", lang));
}

// A citizen touches an answer on the first unsur and waits: does the next question follow?
bool movesOnByItself(Headless& k) {
    k.flow->showPage(Step::Unsur, 0);
    k.flow->touched(k.now);
    k.frame();
    k.tapKey("choice.3", 0.1);
    k.wait(2.0);
    return k.flow->page().index == 1;
}

} // namespace

TEST_CASE("the unit head switches how citizens answer, and the kiosk follows", "[kiosk][admin][one-tap]") {
    for (const std::string lang : {"id", "en"}) {
        Headless k;
        k.ui->onAdminClosed = [&k] { sw::kiosk::applyAnswerMode(*k.flow, *k.store); };
        REQUIRE(movesOnByItself(k));   // one tap is the default

        switchTo(k, lang, "settings.answer_confirm");
        CHECK(k.store->setting("kiosk.answer_mode") == "confirm");
        CHECK(sw::answerMode(*k.store) == sw::AnswerMode::Confirm);
        CHECK_FALSE(movesOnByItself(k));
        k.tapKey("next");
        CHECK(k.flow->page().index == 1);   // choose, then Next

        switchTo(k, lang, "settings.answer_one_tap");
        CHECK(k.store->setting("kiosk.answer_mode") == "one_tap");
        CHECK(movesOnByItself(k));
    }
}
