// The dashboard: how the unit is doing and why. Period picker, alerts, headline cards, unsur
// weakest first, trend, kelompok rentan gap, services, heat map, profile breakdowns.
#include "app/admin/charts.hpp"
#include "app/admin/screens.hpp"

#include "app/widgets/period_picker.hpp"

#include "survey/base/local_time.hpp"

#include <algorithm>
#include <cmath>

namespace sw::admin {

namespace {

std::string thousands(std::int64_t n, const std::string& lang) {
    std::string s = std::to_string(n < 0 ? -n : n), out;
    const char sep = lang == "en" ? ',' : '.';
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += sep;
        out += s[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string signedNum(const AdminContext& c, double v) { return (v >= 0 ? "+" : "-") + c.num(std::fabs(v)); }

void drawServiceCombo(AdminContext& c, float pad) {
    // The service picker is as wide as the name it shows (55 mm at least), never cut.
    const std::string current = c.service ? c.serviceName(*c.service) : c.t("dash.all_services");
    const float comboW = std::max(c.mm(55), ImGui::CalcTextSize(current.c_str()).x + pad + ImGui::GetFrameHeight());
    ui::sameLineIfFits(comboW);
    ImGui::SetNextItemWidth(comboW);
    if (ImGui::BeginCombo("##service", current.c_str())) {
        if (ImGui::Selectable(c.t("dash.all_services"), !c.service)) {
            c.service.reset();
            c.dirty = true;
        }
        for (const auto& s : c.instrument().services)
            if (ImGui::Selectable(s.label.in(c.host.lang).c_str(), c.service && *c.service == s.code)) {
                c.service = s.code;
                c.dirty = true;
            }
        ImGui::EndCombo();
    }
}

// The trend step toggle, the service picker and "include misuse", each wrapping to a new line
// where the row would run off the screen.
void drawFilters(AdminContext& c) {
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    const char* trendLabel = c.t(c.trendStep == TrendStep::Month ? "dash.trend_monthly" : "dash.trend_weekly");
    ui::sameLineIfFits(ImGui::CalcTextSize(trendLabel).x + pad, c.mm(6));
    if (ui::button(c, trendLabel)) {
        c.trendStep = c.trendStep == TrendStep::Month ? TrendStep::Week : TrendStep::Month;
        c.dirty = true;
    }
    drawServiceCombo(c, pad);
    ui::sameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(c.t("dash.include_misuse")).x);
    if (ImGui::Checkbox(c.t("dash.include_misuse"), &c.includeMisuse)) c.dirty = true;
}

// The content width, measured once below the alerts, that every panel row is laid out against.
struct Layout {
    float width;
    float gap;
    bool wide;   // ~1600 px at 96 dpi; below it panels stack two to a row
};

struct Card {
    const char* caption;
    std::string value, sub;
    ImU32 accent;
};

std::string ikmSub(const AdminContext& c, const DashboardFigures& f) {
    return c.tf("dash.ikm_sub", {mutuLetter(f.skm.mutu), c.host.lang == "en" ? kinerjaNameEn(f.skm.mutu) : kinerjaName(f.skm.mutu),
                                 f.previousSkm.complete && f.previousSkm.respondents > 0 ? signedNum(c, f.skm.ikmUnit - f.previousSkm.ikmUnit) : "-"});
}

Card respondentsCard(const AdminContext& c, const DashboardFigures& f) {
    std::string sampleSub;
    ImU32 sampleCol = IM_COL32(60, 70, 90, 255);
    if (f.minimumSample > 0) {
        sampleSub = f.sampleSufficient ? c.tf("dash.sample_ok", {thousands(f.minimumSample, c.host.lang), thousands(*f.population, c.host.lang)})
                                       : c.tf("dash.sample_short", {thousands(f.moreNeeded, c.host.lang), thousands(f.minimumSample, c.host.lang),
                                                                    thousands(*f.population, c.host.lang)});
        sampleCol = f.sampleSufficient ? IM_COL32(0, 115, 75, 255) : IM_COL32(190, 25, 25, 255);
    } else {
        sampleSub = c.t("dash.sample_no_population");
    }
    return {c.t("dash.respondents"), thousands(f.respondents, c.host.lang), sampleSub, sampleCol};
}

std::vector<Card> headlineCards(const AdminContext& c) {
    const DashboardFigures& f = c.figures;
    std::vector<Card> cards;
    const bool has = f.respondents > 0 && f.skm.complete;
    cards.push_back({c.t("dash.ikm"), has ? c.num(f.skm.ikmUnit) : "-", has ? ikmSub(c, f) : std::string(c.t("common.no_data")),
                     has ? ui::mutuColor(f.skm.mutu) : IM_COL32(120, 120, 120, 255)});
    cards.push_back(respondentsCard(c, f));
    std::string gapSub = f.rentan.comparable && f.rentan.rentan.aksesAny && f.rentan.bukan.aksesAny
                             ? c.tf("dash.akses_gap", {signedNum(c, f.rentan.aksesGap), signedNum(c, f.rentan.ikmGap)})
                             : std::string(c.t("dash.gap_not_comparable"));
    cards.push_back({c.t("dash.akses"), f.akses.any ? c.num(f.akses.index) : "-", gapSub,
                     f.akses.any ? ui::mutuColor(mutuFor(f.akses.index)) : IM_COL32(120, 120, 120, 255)});
    cards.push_back({c.t("dash.misuse"), thousands(f.misuseCount, c.host.lang), c.t(c.includeMisuse ? "dash.misuse_included" : "dash.misuse_excluded"),
                     IM_COL32(110, 80, 150, 255)});
    return cards;
}

// Headline cards: captions and subs wrap, and the row is as tall as its tallest card.
void drawHeadlineCards(AdminContext& c, const Layout& l) {
    const std::vector<Card> cards = headlineCards(c);
    ImVec2 cardSize((l.width - 3 * l.gap) / 4, c.mm(27));
    for (const Card& k : cards) cardSize.y = std::max(cardSize.y, ui::cardHeight(c, k.caption, k.sub, cardSize.x));
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, l.gap);
        ui::card(c, cards[i].caption, cards[i].value, cards[i].sub, cards[i].accent, cardSize);
    }
}

// A panel's heading wraps at the panel's own width: TextWrapped alone wraps at the window's edge,
// and a heading wider than its panel would widen the group and push its neighbour off the screen
// (1280×800 at 5 px/mm). `height`: the tallest heading of the row (headingHeight), so the panels
// side by side start on one line.
void panelHeading(AdminContext& c, const char* text, float width, float height) {
    const float y = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::heading(c, text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y + height));
}

// Unsur weakest first | trend; one above the other when narrow, so the unsur names and the
// grade lines' labels keep their room.
void drawUnsurAndTrend(AdminContext& c, const Layout& l) {
    const DashboardFigures& f = c.figures;
    const float rowH = c.mm(88);
    const float unsurW = l.wide ? l.width * 0.62f - l.gap : l.width, trendW = l.wide ? l.width - unsurW - l.gap : l.width;
    const char* unsurTitle = c.t("dash.unsur_title");
    const char* trendTitle = c.t(c.trendStep == TrendStep::Month ? "dash.trend_title_month" : "dash.trend_title_week");
    const float headH = l.wide ? std::max(ui::headingHeight(unsurTitle, unsurW), ui::headingHeight(trendTitle, trendW)) : 0;
    ImGui::BeginGroup();
    panelHeading(c, unsurTitle, unsurW, headH);
    charts::unsurBars(c, f.unsur, ImVec2(unsurW, rowH));
    ImGui::EndGroup();
    if (l.wide) ImGui::SameLine(0, l.gap);
    ImGui::BeginGroup();
    panelHeading(c, trendTitle, trendW, headH);
    charts::trendLine(c, f.trend, c.trendStep == TrendStep::Week, ImVec2(trendW, rowH));
    ImGui::EndGroup();
}

void addBar(std::vector<charts::Bar>& v, const std::string& label, const GroupRow& g) {
    v.push_back({label, g.ikmUnit, g.hasData, g.respondents, g.mutu});
}

void drawRentanPanel(AdminContext& c, float col3, float row2, float headH) {
    const DashboardFigures& f = c.figures;
    std::vector<charts::Bar> rentanBars;
    addBar(rentanBars, c.t("kelompok.bukan"), f.rentan.bukan);
    addBar(rentanBars, c.t("kelompok.rentan"), f.rentan.rentan);
    static const char* const kKeys[4] = {"kelompok.lansia", "kelompok.disabilitas", "kelompok.hamil_menyusui", "kelompok.anak"};
    for (std::size_t k = 0; k < 4; ++k) addBar(rentanBars, std::string("  ") + c.t(kKeys[k]), f.rentan.kelompok[k]);
    ImGui::BeginGroup();
    panelHeading(c, c.t("dash.rentan_title"), col3, headH);
    charts::groupBars(c, rentanBars, ImVec2(col3, row2 - ImGui::GetFontSize() * 2.6f));
    // Wrapped to the panel's width: a group as wide as the window would push its neighbours off.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col3);
    if (f.rentan.comparable)
        ImGui::TextWrapped("%s", c.tf(f.rentan.ikmGap < 0 ? "dash.rentan_worse" : "dash.rentan_not_worse",
                                      {c.num(std::fabs(f.rentan.ikmGap)), signedNum(c, f.rentan.aksesGap)}).c_str());
    else
        ImGui::TextWrapped("%s", c.t("dash.gap_not_comparable"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

// Kelompok rentan vs others | services | heat map.
void drawGroupPanels(AdminContext& c, const Layout& l) {
    const DashboardFigures& f = c.figures;
    const float row2 = c.mm(62);
    // Three panels to a row when wide; when narrow the first two share a row, the heat map below.
    const float col3 = l.wide ? (l.width - 2 * l.gap) / 3 : (l.width - l.gap) / 2;
    const float heatW = l.wide ? l.width - 2 * (col3 + l.gap) : l.width;
    const char* rentanTitle = c.t("dash.rentan_title");
    const char* serviceTitle = c.t("dash.service_title");
    const char* heatTitle = c.t("dash.heat_title");
    float headH = std::max(ui::headingHeight(rentanTitle, col3), ui::headingHeight(serviceTitle, col3));
    if (l.wide) headH = std::max(headH, ui::headingHeight(heatTitle, heatW));
    drawRentanPanel(c, col3, row2, headH);
    ImGui::SameLine(0, l.gap);
    std::vector<charts::Bar> serviceBars;
    for (const auto& g : f.services) addBar(serviceBars, c.serviceName(g.code), g);
    ImGui::BeginGroup();
    panelHeading(c, serviceTitle, col3, headH);
    charts::groupBars(c, serviceBars, ImVec2(col3, row2));
    ImGui::EndGroup();
    if (l.wide) ImGui::SameLine(0, l.gap);
    ImGui::BeginGroup();
    panelHeading(c, heatTitle, heatW, l.wide ? headH : 0);
    charts::heatMap(c, f.heat, f.heatMax, ImVec2(heatW, row2));
    ImGui::EndGroup();
}

// Profile breakdowns side by side.
void drawProfiles(AdminContext& c, const Layout& l) {
    const DashboardFigures& f = c.figures;
    ui::heading(c, c.t("dash.profile_title"));
    // As many side by side as leave each ≥ 110 mm (label, bar, value): four at 1920 px, two at 1280.
    const std::size_t fit = static_cast<std::size_t>(std::max(1.0f, std::floor((l.width + l.gap) / (c.mm(110) + l.gap))));
    const std::size_t n = std::clamp<std::size_t>(f.profile.size(), 1, fit);
    const float pw = (l.width - l.gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    for (std::size_t i = 0; i < f.profile.size(); ++i) {
        if (i % n != 0) ImGui::SameLine(0, l.gap);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(c.fieldName(f.profile[i].field).c_str());
        std::vector<charts::Bar> bars;
        for (const auto& g : f.profile[i].options) addBar(bars, c.optionName(f.profile[i].field, g.code), g);
        charts::groupBars(c, bars, ImVec2(pw, c.mm(9) * static_cast<float>(std::max<std::size_t>(bars.size(), 3)) + c.mm(4)));
        ImGui::EndGroup();
    }
}

} // namespace

void DashboardScreen::drawPeriodKinds(AdminContext& c) {
    static const std::pair<PeriodKind, const char*> kinds[] = {{PeriodKind::Month, "period.month"},
                                                               {PeriodKind::Triwulan, "period.triwulan"},
                                                               {PeriodKind::Semester, "period.semester"},
                                                               {PeriodKind::Year, "period.year"},
                                                               {PeriodKind::Custom, "period.custom"}};
    bool first = true;
    for (const auto& [kind, key] : kinds) {
        if (!first) ImGui::SameLine();
        first = false;
        if (ui::button(c, c.t(key), c.period.kind == kind)) {
            if (kind == PeriodKind::Custom) {
                customFrom = formatDate(c.period.from);
                customTo = formatDate(c.period.to);
                c.setPeriod(customPeriod(c.period.from, c.period.to));
            } else {
                // The preset that holds today (or the shown period's end when that is earlier):
                // never a future month with no respondents (period_picker.hpp presetPeriod).
                const int offset = c.store().unit() ? c.store().unit()->utcOffsetMinutes : 420;
                LocalDate today;
                parseDate(localDate(nowUtc(), offset), today);
                c.setPeriod(assessor::presetPeriod(kind, c.period, today));
            }
            populationText.clear();
        }
    }
}

void DashboardScreen::drawPeriodStepper(AdminContext& c) {
    const std::string label = periodLabel(c.period, c.host.lang);
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    ui::sameLineIfFits(2 * c.mm(10) + 2 * sp + ImGui::CalcTextSize(label.c_str()).x * 1.25f, c.mm(6));
    if (ui::button(c, "<##prev", false, 10)) {
        c.setPeriod(previousPeriod(c.period));
        populationText.clear();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine();
    if (ui::button(c, ">##next", false, 10)) {
        c.setPeriod(nextPeriod(c.period));
        populationText.clear();
    }
}

void DashboardScreen::drawCustomRange(AdminContext& c) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("period.from"));
    ImGui::SameLine();
    ui::inputText("##from", customFrom, c.mm(32));
    ImGui::SameLine();
    ImGui::TextUnformatted(c.t("period.to"));
    ImGui::SameLine();
    ui::inputText("##to", customTo, c.mm(32));
    ImGui::SameLine();
    if (ui::button(c, c.t("period.apply"))) {
        LocalDate a, b;
        if (!parseDate(customFrom, a) || !parseDate(customTo, b)) {
            c.say(c.t("period.bad_date"), true);
        } else {
            try {
                c.setPeriod(customPeriod(a, b));
                populationText.clear();
            } catch (const UsageError&) {
                c.say(c.t("period.bad_order"), true);
            }
        }
    }
}

void DashboardScreen::drawPeriodPicker(AdminContext& c) {
    drawPeriodKinds(c);
    // The groups below wrap to a new line where the row would run off the screen (1280 px).
    drawPeriodStepper(c);
    drawFilters(c);
    if (c.period.kind == PeriodKind::Custom) drawCustomRange(c);
}

void DashboardScreen::drawAlerts(AdminContext& c) {
    const DashboardFigures& f = c.figures;
    // Weak unsur are gathered on one line (weakest first) so the alerts never push the figures away.
    std::string weak;
    Mutu worst = Mutu::C;
    for (const Alert& a : f.alerts)
        if (a.kind == Alert::Kind::UnsurWeak) {
            weak += (weak.empty() ? "" : ", ") + a.code + " " + c.unsurName(a.code) + " " + c.num(a.value) + " (" + mutuLetter(a.mutu) + ")";
            if (a.mutu == Mutu::D) worst = Mutu::D;
        }
    std::vector<Alert> shown;
    if (!weak.empty()) shown.push_back({Alert::Kind::UnsurWeak, weak, worst, 0, 0, 0, 0, ""});
    for (const Alert& a : f.alerts)
        if (a.kind != Alert::Kind::UnsurWeak) shown.push_back(a);
    for (const Alert& a : shown) {
        std::string text;
        ImU32 col = IM_COL32(190, 25, 25, 255);
        switch (a.kind) {
        case Alert::Kind::UnsurWeak:
            text = c.tf("alert.unsur_weak", {a.code});
            col = ui::mutuColor(a.mutu);
            break;
        case Alert::Kind::RollingLow:
            text = c.tf("alert.rolling_low", {std::to_string(a.count), c.num(a.value), c.num(a.threshold)});
            break;
        case Alert::Kind::SubmitFailed:
            text = a.count > 0 ? c.tf("alert.submit_failed", {std::to_string(a.count), c.localDateTimeText(a.lastUtc), a.detail})
                               : c.tf("alert.kiosk_warning", {a.detail});
            break;
        case Alert::Kind::SampleShort:
            text = c.tf("alert.sample_short", {thousands(a.count, c.host.lang)});
            col = IM_COL32(150, 90, 0, 255);
            break;
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        const std::string wrapped = ui::wrapWords("! " + text, w - c.mm(6));
        const float h = ImGui::CalcTextSize(wrapped.c_str()).y + c.mm(2.5f);
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(255, 246, 240, 255), 4.0f);
        dl->AddRectFilled(p, ImVec2(p.x + c.mm(1.5f), p.y + h), col, 2.0f);
        ImGui::PushClipRect(p, ImVec2(p.x + w, p.y + h), true);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + c.mm(4), p.y + c.mm(1.25f)), IM_COL32(40, 30, 30, 255),
                    wrapped.c_str());
        ImGui::PopClipRect();
        ImGui::Dummy(ImVec2(w, h));
    }
}

// The population served, which the Krejcie–Morgan minimum needs.
void DashboardScreen::drawPopulationRow(AdminContext& c) {
    const DashboardFigures& f = c.figures;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.tf("dash.population_prompt", {periodLabel(c.period, c.host.lang)}).c_str());
    ImGui::SameLine();
    if (populationText.empty() && f.population) populationText = std::to_string(*f.population);
    ui::inputText("##population", populationText, c.mm(30), ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (ui::button(c, c.t("common.save"))) {
        try {
            const long long n = std::stoll(populationText);
            setPopulation(c.store(), c.period, n);
            c.dirty = true;
            c.say(c.t("dash.population_saved"));
        } catch (const std::exception&) {
            c.say(c.t("dash.population_bad"), true);
        }
    }
    const std::string rule = c.tf("dash.rule", {weightsRule(Weights::Exact, c.host.lang)});
    ui::sameLineIfFits(ImGui::CalcTextSize(rule.c_str()).x, c.mm(8));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", rule.c_str());
    ImGui::PopStyleColor();
}

void DashboardScreen::draw(AdminContext& c) {
    c.refresh();
    drawPeriodPicker(c);
    ImGui::Spacing();
    drawAlerts(c);
    ImGui::Spacing();

    const float W = ImGui::GetContentRegionAvail().x;
    const Layout layout{W, c.mm(3), W >= c.mm(420)};
    drawHeadlineCards(c, layout);
    drawPopulationRow(c);
    ImGui::Spacing();
    drawUnsurAndTrend(c, layout);
    ImGui::Spacing();
    drawGroupPanels(c, layout);
    ImGui::Spacing();
    drawProfiles(c, layout);
}

} // namespace sw::admin
