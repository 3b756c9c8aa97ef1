// What the unit head's screens share: the host, the strings, the snapshot the dashboard figures
// come from, the chosen period, and small drawing helpers sized in millimetres.
#pragma once
#include "app/admin/admin_area.hpp"
#include "app/widgets/mutu_colours.hpp"
#include "app/widgets/same_line.hpp"
#include "app/widgets/wrap_words.hpp"

#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/base/translations.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace sw::admin {

struct AdminContext {
    explicit AdminContext(AdminHost& h);

    AdminHost& host;
    Translations tr;
    std::optional<FacilityChecklist> checklist;
    std::string checklistError;            // shown on the facility screen when the file is bad

    // The dashboard's state, shared with comments and tindak lanjut (same period).
    ResponseColumns cols;
    bool colsLoaded = false;
    double lastRefresh = -1e9;             // ImGui time of the last top-up from the store
    Period period;
    bool includeMisuse = false;
    std::optional<std::string> service;
    TrendStep trendStep = TrendStep::Month;
    int rollingCount = 50;
    double rollingThreshold = kMutuLowerBoundB;
    DashboardFigures figures;
    bool dirty = true;
    double recomputeMs = 0;                // how long the last full recompute took
    std::string message;                   // the last action's result, shown in the status line
    bool messageIsError = false;

    // Strings from assets/i18n/admin.json in the host's language.
    const char* t(const char* key) const { return tr.get(key, host.lang).c_str(); }
    std::string tf(const char* key, const std::vector<std::string>& args) const { return format(t(key), args); }
    float mm(float v) const { return v * host.pxPerMm; }
    Store& store() { return *host.store; }
    const Instrument& instrument() const { return host.instrument; }

    // Tops the snapshot up from the store (at most every 2 s) and recomputes when needed.
    void refresh(bool force = false);
    void setPeriod(const Period& p);
    void say(const std::string& text, bool error = false);

    // Names from the instrument in the host's language ("" code → "not given").
    std::string unsurName(const std::string& code) const;
    std::string serviceName(const std::string& code) const;
    std::string optionName(const std::string& field, const std::string& code) const;
    std::string fieldName(const std::string& field) const;
    // 81,48 (id) / 81.48 (en).
    std::string num(double v, int decimals = 2) const;
    std::string localDateTimeText(std::int64_t utc) const;
};

// [SECTION] Widgets shared by the screens (touch-sized from host.pxPerMm)
namespace ui {
// Where each labelled button/input was drawn this frame (headless tests tap by label).
struct WidgetRect {
    std::string label;
    float x0, y0, x1, y1;
};
std::vector<WidgetRect>& widgetLog();
ImU32 mutuColor(Mutu m);
ImVec4 mutuColorVec(Mutu m);
// A button at least 9 mm high; `selected` draws it filled (tabs, toggles).
bool button(AdminContext& c, const char* label, bool selected = false, float widthMm = 0);
void heading(AdminContext& c, const char* text);
// The height a heading takes wrapped at `wrapWidth`, its spacing below included.
float headingHeight(const char* text, float wrapWidth);
// A coloured card with a big value and a caption; caption and sub wrap inside its width.
// cardHeight: what a card of that width needs, so a row of cards can share the tallest.
float cardHeight(AdminContext& c, const char* caption, const std::string& sub, float width);
void card(AdminContext& c, const char* caption, const std::string& value, const std::string& sub, ImU32 accent,
          ImVec2 size);
// Call after an item: stays on its line when `width` more pixels fit before the right edge,
// otherwise the next item starts a new line (app/widgets/same_line.hpp).
using widgets::sameLineIfFits;
bool inputText(const char* id, std::string& value, float width, ImGuiInputTextFlags flags = 0);
bool inputMultiline(const char* id, std::string& value, ImVec2 size);
} // namespace ui

} // namespace sw::admin
