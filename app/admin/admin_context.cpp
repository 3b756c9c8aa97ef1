#include "app/admin/admin_context.hpp"

#include "survey/base/local_time.hpp"

#include <imgui_internal.h> // FindRenderedTextEnd: a label's visible part
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace sw::admin {

AdminContext::AdminContext(AdminHost& h) : host(h), tr(Translations::loadArea("admin")) {
    try {
        checklist = loadChecklist(defaultChecklistPath());
    } catch (const std::exception& e) {
        checklistError = e.what();
    }
    const int offset = host.store && host.store->unit() ? host.store->unit()->utcOffsetMinutes : 420;
    LocalDate today;
    parseDate(localDate(nowUtc(), offset), today);
    period = periodContaining(PeriodKind::Triwulan, today);
    rollingCount = std::stoi(host.store ? host.store->setting("dashboard.rolling_count", "50") : "50");
    rollingThreshold = std::stod(host.store ? host.store->setting("dashboard.rolling_threshold", formatNumber(kMutuLowerBoundB, 2, "en")) : formatNumber(kMutuLowerBoundB, 2, "en"));
}

void AdminContext::refresh(bool force) {
    if (!host.store) return;
    const double now = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    if (!colsLoaded || cols.unsurCodes.size() != host.instrument.unsur.size()) {
        cols = ResponseColumns::load(*host.store, host.instrument);
        colsLoaded = true;
        dirty = true;
        lastRefresh = now;
    } else if (force || now - lastRefresh > 2.0) {
        if (cols.refresh(*host.store) > 0) dirty = true;
        lastRefresh = now;
        if (force) dirty = true;
    }
    if (!dirty) return;
    DashboardQuery q;
    q.period = period;
    q.includeMisuse = includeMisuse;
    q.service = service;
    q.trendStep = trendStep;
    q.trendBuckets = trendStep == TrendStep::Month ? 12 : 16;
    q.rollingCount = rollingCount;
    q.rollingThreshold = rollingThreshold;
    q.population = populationFor(*host.store, period);
    const auto t0 = std::chrono::steady_clock::now();
    figures = computeDashboard(cols, host.instrument, q);
    recomputeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Write failures of the last 7 days stay on screen until they age out.
    addKioskAlerts(*host.store, figures, nowUtc() - 7 * 86400);
    for (const auto& w : host.kioskWarnings) {
        Alert a{Alert::Kind::SubmitFailed, "", Mutu::D, 0, 0, 0, 0, w};
        figures.alerts.push_back(a);
    }
    dirty = false;
}

void AdminContext::setPeriod(const Period& p) {
    period = p;
    dirty = true;
}

void AdminContext::say(const std::string& text, bool error) {
    message = text;
    messageIsError = error;
}

std::string AdminContext::unsurName(const std::string& code) const {
    const Unsur* u = host.instrument.findUnsur(code);
    return u ? u->name.in(host.lang) : code;
}

std::string AdminContext::serviceName(const std::string& code) const {
    if (code.empty()) return t("common.not_given");
    const Option* o = host.instrument.findService(code);
    return o ? o->label.in(host.lang) : code;
}

std::string AdminContext::optionName(const std::string& field, const std::string& code) const {
    if (code.empty()) return t("common.not_given");
    const ProfileField* f = host.instrument.findProfile(field);
    if (f)
        for (const auto& o : f->options)
            if (o.code == code) return o.label.in(host.lang);
    return code;
}

std::string AdminContext::fieldName(const std::string& field) const {
    const ProfileField* f = host.instrument.findProfile(field);
    return f ? f->label.in(host.lang) : field;
}

std::string AdminContext::num(double v, int decimals) const { return formatNumber(v, decimals, host.lang); }

std::string AdminContext::localDateTimeText(std::int64_t utc) const {
    const int off = host.store && host.store->unit() ? host.store->unit()->utcOffsetMinutes : 420;
    return localDateTime(utc, off).substr(0, 16) + " " + zoneName(off);
}

// [SECTION] Widgets

namespace ui {

std::vector<WidgetRect>& widgetLog() {
    static std::vector<WidgetRect> log;
    return log;
}

namespace {
void logItem(const char* label) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    widgetLog().push_back({label, a.x, a.y, b.x, b.y});
}
} // namespace

ImU32 mutuColor(Mutu m) { return widgets::mutuColour(m); }

ImVec4 mutuColorVec(Mutu m) { return widgets::mutuColourVec(m); }

bool button(AdminContext& c, const char* label, bool selected, float widthMm) {
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.05f, 0.35f, 0.65f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const float h = std::max(c.mm(9.0f), ImGui::GetFrameHeight());
    // At least `widthMm` wide, but never narrower than its label (fonts differ between hosts).
    const char* end = ImGui::FindRenderedTextEnd(label);
    const float textW = ImGui::CalcTextSize(label, end).x + ImGui::GetStyle().FramePadding.x * 2;
    const float w = widthMm > 0 ? std::max(c.mm(widthMm), textW) : 0.0f;
    const bool pressed = ImGui::Button(label, ImVec2(w, h));
    logItem(label);
    if (selected) ImGui::PopStyleColor(2);
    return pressed;
}

namespace {
constexpr float kHeadingScale = 1.2f;   // a heading's size against the body text
}

void heading(AdminContext&, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.20f, 0.35f, 1.0f));
    ImGui::SetWindowFontScale(kHeadingScale);
    ImGui::TextWrapped("%s", text);   // wraps at the panel's edge (narrow panels at 1280 px)
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
}

float headingHeight(const char* text, float wrapWidth) {
    ImGui::SetWindowFontScale(kHeadingScale);
    const float h = ImGui::CalcTextSize(text, nullptr, false, wrapWidth).y;
    ImGui::SetWindowFontScale(1.0f);
    return h + ImGui::GetStyle().ItemSpacing.y;
}

namespace {
// The card's inner layout, shared by card() and cardHeight() so they never disagree.
struct CardLayout {
    float pad, top;
    std::string caption, sub;   // with their line breaks
    float captionH, valueH, subH;
};
CardLayout cardLayout(AdminContext& c, const char* caption, const std::string& sub, float width) {
    CardLayout l{};
    l.pad = c.mm(3.0f);
    l.top = c.mm(1.5f);
    const float textW = std::max(1.0f, width - l.pad - c.mm(2.0f));
    const float fs = ImGui::GetFontSize();
    l.caption = wrapWords(caption, textW);
    l.sub = wrapWords(sub, textW);
    l.captionH = ImGui::CalcTextSize(l.caption.c_str()).y;
    l.valueH = fs * 2.3f;
    l.subH = sub.empty() ? 0.0f : ImGui::CalcTextSize(l.sub.c_str()).y;
    return l;
}
} // namespace

float cardHeight(AdminContext& c, const char* caption, const std::string& sub, float width) {
    const CardLayout l = cardLayout(c, caption, sub, width);
    return l.top + l.captionH + l.valueH + l.subH + c.mm(2.0f);
}

void card(AdminContext& c, const char* caption, const std::string& value, const std::string& sub, ImU32 accent, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(255, 255, 255, 255), c.mm(1.5f));
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(200, 205, 215, 255), c.mm(1.5f));
    dl->AddRectFilled(p, ImVec2(p.x + c.mm(1.5f), p.y + size.y), accent);
    // Caption and sub wrap to the card's width (at 1280 px a card is ~75 mm wide).
    const CardLayout l = cardLayout(c, caption, sub, size.x);
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    float y = p.y + l.top;
    dl->AddText(font, fs, ImVec2(p.x + l.pad, y), IM_COL32(70, 80, 95, 255), l.caption.c_str());
    y += l.captionH;
    dl->AddText(font, fs * 2.2f, ImVec2(p.x + l.pad, y), accent, value.c_str());
    y += l.valueH;
    dl->AddText(font, fs, ImVec2(p.x + l.pad, y), IM_COL32(40, 45, 55, 255), l.sub.c_str());
    ImGui::Dummy(size);
}

bool inputText(const char* id, std::string& value, float width, ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(width);
    const bool changed = ImGui::InputText(id, &value, flags);
    logItem(id);
    return changed;
}

bool inputMultiline(const char* id, std::string& value, ImVec2 size) {
    const bool changed = ImGui::InputTextMultiline(id, &value, size);
    logItem(id);
    return changed;
}

} // namespace ui

} // namespace sw::admin
