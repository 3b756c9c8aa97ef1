#include "app/admin/charts.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sw::admin::charts {

namespace {

constexpr ImU32 kInk = IM_COL32(30, 35, 45, 255);
constexpr ImU32 kMuted = IM_COL32(95, 105, 120, 255);
constexpr ImU32 kGrid = IM_COL32(215, 220, 228, 255);
constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 255);

void panel(ImDrawList* dl, ImVec2 p, ImVec2 size) {
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), kPanel, 6.0f);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(200, 205, 215, 255), 6.0f);
}

float textW(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

// Cuts `s` (UTF-8) to fit `width`, ending with "…" when cut.
std::string fit(const std::string& s, float width) {
    if (textW(s) <= width) return s;
    std::string out = s;
    while (!out.empty() && textW(out + "...") > width) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    }
    return out + "...";
}

// A name wrapped at spaces to `width`, one string a line; a leading indent ("  Lanjut usia") is
// kept on every line. Only a single word wider than the column is still cut with "...".
struct Wrapped {
    std::vector<std::string> lines;
    float indent = 0;
};

Wrapped wrapName(const std::string& s, float width) {
    const std::size_t start = std::min(s.find_first_not_of(' '), s.size());
    Wrapped w;
    w.indent = textW(s.substr(0, start));
    const std::string text = ui::wrapWords(s.substr(start), width - w.indent);
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        w.lines.push_back(fit(text.substr(at, end - at), width - w.indent));
        at = end + 1;
    }
    return w;
}

// Draws a wrapped name with its lines centred on `midY`.
void drawName(ImDrawList* dl, const Wrapped& w, float x, float midY, float lineH, ImU32 col) {
    float y = midY - lineH * static_cast<float>(w.lines.size()) * 0.5f;
    for (const std::string& line : w.lines) {
        dl->AddText(ImVec2(x + w.indent, y), col, line.c_str());
        y += lineH;
    }
}

// Axis labels centred under their x, each on the first line below the axis where it keeps `gap`
// from the label before it: labels of close values (the grade bounds B 76,61 and A 88,31 on a
// narrow chart) move down a line instead of being drawn over each other. Labels stay inside
// [left, right].
struct Placed {
    float x;
    int line;
};

std::vector<Placed> stackLabels(const std::vector<std::pair<float, std::string>>& labels, float gap, float left, float right) {
    std::vector<Placed> out;
    std::vector<float> lineEnd;
    for (const auto& [x, text] : labels) {
        const float w = textW(text);
        const float lx = std::clamp(x - w * 0.5f, left, std::max(left, right - w));
        std::size_t l = 0;
        while (l < lineEnd.size() && lx < lineEnd[l] + gap) ++l;
        if (l == lineEnd.size()) lineEnd.push_back(0);
        lineEnd[l] = lx + w;
        out.push_back({lx, static_cast<int>(l)});
    }
    return out;
}

int linesOf(const std::vector<Placed>& placed) {
    int n = 1;
    for (const Placed& q : placed) n = std::max(n, q.line + 1);
    return n;
}

} // namespace

void unsurBars(AdminContext& c, const std::vector<UnsurRow>& rows, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float fs = ImGui::GetFontSize(), pad = c.mm(3);
    // The names as wide as they need, up to 55 % of the panel; a longer one (U8's) wraps onto a
    // second line and the rows grow to hold it.
    float namesW = 0;
    for (const UnsurRow& r : rows) namesW = std::max(namesW, textW(r.code + "  " + c.unsurName(r.code)));
    const float labelW = std::min(namesW + pad * 1.5f, size.x * 0.55f);
    const float valueW = textW("100,00 (A)  +00,00") + pad;
    const float x0 = p.x + pad + labelW, x1 = p.x + size.x - pad - valueW;
    auto xOf = [&](double v) { return x0 + static_cast<float>((std::clamp(v, 25.0, 100.0) - 25.0) / 75.0) * (x1 - x0); };
    // Grid at the mutu lower bounds (C 65,00 · B 76,61 · A 88,31) so each bar reads as a grade.
    const double tickV[] = {25, kMutuLowerBoundC, kMutuLowerBoundB, kMutuLowerBoundA, 100};
    std::vector<std::pair<float, std::string>> ticks{{xOf(25), "25"},
                                                    {xOf(kMutuLowerBoundC), std::string("C ") + c.num(kMutuLowerBoundC, 0)},
                                                    {xOf(kMutuLowerBoundB), std::string("B ") + c.num(kMutuLowerBoundB)},
                                                    {xOf(kMutuLowerBoundA), std::string("A ") + c.num(kMutuLowerBoundA)},
                                                    {xOf(100), "100"}};
    const std::vector<Placed> placed = stackLabels(ticks, c.mm(1), x0 - pad, p.x + size.x - pad);
    const int tickLines = linesOf(placed);
    std::vector<Wrapped> names;
    std::size_t nameLines = 1;
    for (const UnsurRow& r : rows) {
        names.push_back(wrapName(r.code + "  " + c.unsurName(r.code), labelW - pad));
        nameLines = std::max(nameLines, names.back().lines.size());
    }
    const float axisH = fs * (1.3f + 1.1f * static_cast<float>(tickLines - 1));
    const float n = static_cast<float>(std::max<std::size_t>(rows.size(), 1));
    const float rowH = std::max((size.y - 2 * pad - fs * 1.4f - axisH) / n, fs * static_cast<float>(nameLines) + c.mm(1));
    const float height = std::max(size.y, 2 * pad + fs * 1.4f + axisH + rowH * n);
    const float top = p.y + pad + fs * 1.4f, bottom = top + rowH * n;
    panel(dl, p, ImVec2(size.x, height));
    dl->AddText(ImVec2(p.x + pad, p.y + pad * 0.6f), kMuted, c.t("chart.unsur_axis"));
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const float x = xOf(tickV[i]);
        dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), kGrid, 1.0f);
        dl->AddText(ImVec2(placed[i].x, bottom + 2 + fs * 1.1f * static_cast<float>(placed[i].line)), kMuted, ticks[i].second.c_str());
    }
    if (rows.empty()) return ImGui::Dummy(ImVec2(size.x, height));
    const float barH = std::min(rowH * 0.7f, c.mm(8));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const UnsurRow& r = rows[i];
        const float y = top + rowH * static_cast<float>(i) + (rowH - barH) * 0.5f;
        drawName(dl, names[i], p.x + pad, y + barH * 0.5f, fs, kInk);
        if (r.n == 0) {
            dl->AddText(ImVec2(x0 + 4, y + (barH - fs) * 0.5f), kMuted, c.t("common.no_data"));
            continue;
        }
        const float xe = xOf(r.nrrUnit);
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(xe, y + barH), ui::mutuColor(r.mutu), 3.0f);
        std::string value = c.num(r.nrrUnit) + " (" + mutuLetter(r.mutu) + ")";
        dl->AddText(ImVec2(xe + 6, y + (barH - fs) * 0.5f), kInk, value.c_str());
        if (r.hasPrevious) {
            const bool up = r.change >= 0;
            std::string ch = (up ? "+" : "-") + c.num(std::fabs(r.change));
            ImU32 col = std::fabs(r.change) < 0.005 ? kMuted : up ? IM_COL32(0, 115, 75, 255) : IM_COL32(190, 25, 25, 255);
            dl->AddText(ImVec2(xe + 10 + textW(value), y + (barH - fs) * 0.5f), col, ch.c_str());
        }
    }
    ImGui::Dummy(ImVec2(size.x, height));
}

void trendLine(AdminContext& c, const std::vector<TrendPoint>& points, bool weekly, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    panel(dl, p, size);
    const float fs = ImGui::GetFontSize(), pad = c.mm(3);
    const float left = p.x + pad + textW("100") + 6, right = p.x + size.x - pad;
    const float top = p.y + pad + fs * 1.4f, bottom = p.y + size.y - pad - fs * 1.4f;
    dl->AddText(ImVec2(p.x + pad, p.y + pad * 0.6f), kMuted, c.t(weekly ? "chart.trend_axis_week" : "chart.trend_axis_month"));
    // The y range hugs the data (never outside 25–100) so month-to-month changes are visible.
    double lo = 100, hi = 25;
    for (const auto& t : points)
        if (t.hasData) {
            lo = std::min(lo, t.ikmUnit);
            hi = std::max(hi, t.ikmUnit);
        }
    if (lo > hi) lo = 60, hi = 90;
    lo = std::max(25.0, std::floor((lo - 4) / 5) * 5);
    hi = std::min(100.0, std::ceil((hi + 4) / 5) * 5);
    auto yOf = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
    // The points and their values first: the grade letters of the bands keep clear of them.
    const float step = points.empty() ? 1.0f : (right - left) / static_cast<float>(points.size());
    struct Label {
        std::string text;
        ImVec2 at;
        float size;
    };
    std::vector<Label> values;
    struct Box {
        ImVec2 min, max;
    };
    std::vector<Box> taken;
    auto clear = [&](const Box& r) {
        return std::none_of(taken.begin(), taken.end(),
                            [&](const Box& t) { return r.min.x < t.max.x && r.max.x > t.min.x && r.min.y < t.max.y && r.max.y > t.min.y; });
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].hasData) continue;
        const ImVec2 q(left + step * (static_cast<float>(i) + 0.5f), yOf(points[i].ikmUnit));
        // Above the point; where it would touch its neighbour's value, below it; where that
        // touches too (many weeks on a narrow chart), smaller. Never dropped while a place is free.
        const std::string v = c.num(points[i].ikmUnit, 1);
        bool placed = false;
        for (float textSize : {fs, fs * 0.8f})
            for (bool above : {true, false}) {
                if (placed) break;
                const float w = ImGui::GetFont()->CalcTextSizeA(textSize, FLT_MAX, 0, v.c_str()).x;
                const ImVec2 at(std::clamp(q.x - w * 0.5f, left, right - w), above ? q.y - textSize - c.mm(1.2f) : q.y + c.mm(1.2f));
                const Box r{at, ImVec2(at.x + w + 2, at.y + textSize)};
                if (r.min.y < top - fs || r.max.y > bottom || !clear(r)) continue;
                taken.push_back(r);
                values.push_back({v, at, textSize});
                placed = true;
            }
    }
    // Mutu bands behind the line, each with its grade letter at its top right, or its bottom right
    // or top left where a value stands there.
    for (auto [a, b, m] : {std::tuple<double, double, Mutu>{25, kMutuLowerBoundC, Mutu::D}, {kMutuLowerBoundC, kMutuLowerBoundB, Mutu::C},
                                          {kMutuLowerBoundB, kMutuLowerBoundA, Mutu::B}, {kMutuLowerBoundA, 100, Mutu::A}}) {
        const double ya = std::max(a, lo), yb = std::min(b, hi);
        if (ya >= yb) continue;
        ImVec4 col = ui::mutuColorVec(m);
        col.w = 0.08f;
        dl->AddRectFilled(ImVec2(left, yOf(yb)), ImVec2(right, yOf(ya)), ImGui::ColorConvertFloat4ToU32(col));
        const float lw = textW(mutuLetter(m));
        const ImVec2 spots[] = {{right - lw - 4, yOf(yb) + 2}, {right - lw - 4, yOf(ya) - fs - 2}, {left + 4, yOf(yb) + 2}};
        for (const ImVec2& at : spots) {
            const Box r{at, ImVec2(at.x + lw, at.y + fs)};
            if (at.y < yOf(yb) || !clear(r)) continue;
            taken.push_back(r);
            dl->AddText(at, ui::mutuColor(m), mutuLetter(m));
            break;
        }
    }
    for (double v = lo; v <= hi + 0.01; v += 5) {
        const float y = yOf(v);
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), kGrid);
        const std::string s = std::to_string(static_cast<int>(v));
        dl->AddText(ImVec2(left - textW(s) - 4, y - fs * 0.5f), kMuted, s.c_str());
    }
    if (points.empty()) return ImGui::Dummy(size);
    // Dates every `labelEvery` points and at the last, kept within the plot's width (the first
    // would run under the lowest value's label); a date that would touch the one before it is left
    // out, and where that is the last one, the one before gives way.
    const int labelEvery = std::max(1, static_cast<int>(std::ceil(textW("00/00 ") / step)));
    struct Date {
        std::string text;
        float x;
    };
    std::vector<Date> dates;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (static_cast<int>(i) % labelEvery != 0 && i + 1 != points.size()) continue;
        char buf[32];
        if (weekly) std::snprintf(buf, sizeof buf, "%02d/%02d", points[i].from.day, points[i].from.month);
        else std::snprintf(buf, sizeof buf, "%s", monthShort(points[i].from.month, c.host.lang).c_str());
        const float w = textW(buf), x = std::clamp(left + step * (static_cast<float>(i) + 0.5f) - w * 0.5f, left, right - w);
        auto touches = [&] { return !dates.empty() && x < dates.back().x + textW(dates.back().text) + c.mm(1); };
        if (i + 1 == points.size())
            while (touches()) dates.pop_back();
        if (!touches()) dates.push_back({buf, x});
    }
    for (const Date& d : dates) dl->AddText(ImVec2(d.x, bottom + 3), kMuted, d.text.c_str());
    ImVec2 prev;
    bool havePrev = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const TrendPoint& t = points[i];
        const float x = left + step * (static_cast<float>(i) + 0.5f);
        if (!t.hasData) {
            havePrev = false;
            continue;
        }
        const ImVec2 q(x, yOf(t.ikmUnit));
        if (havePrev) dl->AddLine(prev, q, IM_COL32(20, 60, 120, 255), 2.5f);
        dl->AddCircleFilled(q, c.mm(1.1f), ui::mutuColor(mutuFor(t.ikmUnit)));
        prev = q;
        havePrev = true;
    }
    for (const Label& v : values) dl->AddText(ImGui::GetFont(), v.size, v.at, kInk, v.text.c_str());
    ImGui::Dummy(size);
}

void heatMap(AdminContext& c, const std::array<std::array<std::int64_t, 24>, 7>& heat, std::int64_t max, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float fs = ImGui::GetFontSize(), pad = c.mm(3);
    // A row is at least a line of text tall (the day names): a short panel grows.
    const float ch = std::max((size.y - 2 * pad - fs * 2.8f) / 7.0f, fs * 1.1f);
    size.y = std::max(size.y, 2 * pad + fs * 2.8f + ch * 7);
    panel(dl, p, size);
    dl->AddText(ImVec2(p.x + pad, p.y + pad * 0.6f), kMuted, c.t("chart.heat_axis"));
    // Show the hours that have responses (at least 07–17), so office hours fill the width.
    int h0 = 7, h1 = 17;
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h)
            if (heat[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)] > 0) {
                h0 = std::min(h0, h);
                h1 = std::max(h1, h);
            }
    static const char* const dayKeys[7] = {"day.mon", "day.tue", "day.wed", "day.thu", "day.fri", "day.sat", "day.sun"};
    float labelW = 0;
    for (const char* k : dayKeys) labelW = std::max(labelW, textW(c.t(k)));
    const float left = p.x + pad + labelW + 8, right = p.x + size.x - pad;
    const float top = p.y + pad + fs * 1.5f, bottom = top + ch * 7;
    const float cw = (right - left) / static_cast<float>(h1 - h0 + 1);
    // The counts at one size that fits the cells: smaller where the widest count would not fit
    // (a whole day of hours on a third of the screen), down to 60 % of the text.
    const float countFs = std::clamp(fs * (cw - 3) / std::max(1.0f, textW(std::to_string(std::max<std::int64_t>(max, 1)))), fs * 0.6f,
                                     std::min(fs, ch));
    auto countW = [&](const std::string& s) { return ImGui::GetFont()->CalcTextSizeA(countFs, FLT_MAX, 0, s.c_str()).x; };
    for (int d = 0; d < 7; ++d) {
        const float y = top + ch * static_cast<float>(d);
        dl->AddText(ImVec2(p.x + pad, y + (ch - fs) * 0.5f), kInk, c.t(dayKeys[d]));
        for (int h = h0; h <= h1; ++h) {
            const std::int64_t n = heat[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)];
            const float x = left + cw * static_cast<float>(h - h0);
            const float k = max > 0 ? static_cast<float>(n) / static_cast<float>(max) : 0.0f;
            // White → deep blue; counts printed so the map does not rely on colour alone.
            const ImU32 col = IM_COL32(static_cast<int>(245 - 230 * k), static_cast<int>(247 - 180 * k), static_cast<int>(250 - 110 * k), 255);
            dl->AddRectFilled(ImVec2(x + 1, y + 1), ImVec2(x + cw - 1, y + ch - 1), col, 2.0f);
            if (n > 0) {
                const std::string s = std::to_string(n);
                if (countW(s) < cw - 2)
                    dl->AddText(ImGui::GetFont(), countFs, ImVec2(x + (cw - countW(s)) * 0.5f, y + (ch - countFs) * 0.5f),
                                k > 0.55f ? IM_COL32(255, 255, 255, 255) : kInk, s.c_str());
            }
        }
    }
    // Hour labels every `every` columns, so neighbours never touch.
    const int every = std::max(1, static_cast<int>(std::ceil((textW("00") + c.mm(1.5f)) / cw)));
    for (int h = h0; h <= h1; ++h) {
        if ((h - h0) % every != 0) continue;
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", h);
        const float x = left + cw * (static_cast<float>(h - h0) + 0.5f);
        dl->AddText(ImVec2(x - textW(buf) * 0.5f, bottom + 2), kMuted, buf);
    }
    ImGui::Dummy(size);
}

void groupBars(AdminContext& c, const std::vector<Bar>& bars, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float fs = ImGui::GetFontSize(), pad = c.mm(2.5f);
    std::vector<std::string> values;
    float labelW = 0, valueW = 0;
    for (const auto& b : bars) {
        labelW = std::max(labelW, textW(b.label));
        values.push_back(b.hasData ? c.num(b.value) + " (" + mutuLetter(b.mutu) + ")  n=" + std::to_string(b.n)
                                   : std::string(c.t("common.no_data")) + "  n=" + std::to_string(b.n));
        valueW = std::max(valueW, textW(values.back()) + 8);
    }
    // Labels as wide as they need, up to half the panel, but never so wide that the bars
    // (at least 15 mm) or the values lose their room; a longer label wraps at its words and the
    // rows grow to hold it (a group's name is read whole, "Penggantian paspor").
    labelW = std::min({labelW + pad, size.x * 0.5f, size.x - 2 * pad - valueW - c.mm(15)});
    labelW = std::max(labelW, c.mm(12));
    const float x0 = p.x + pad + labelW, x1 = std::max(x0 + 2, p.x + size.x - pad - valueW);
    std::vector<Wrapped> names;
    std::size_t lines = 1;
    for (const auto& b : bars) {
        names.push_back(wrapName(b.label, labelW - 4));
        lines = std::max(lines, names.back().lines.size());
    }
    const float n = static_cast<float>(std::max<std::size_t>(bars.size(), 1));
    const float rowH = std::max((size.y - 2 * pad) / n, fs * static_cast<float>(lines) + c.mm(1));
    const float height = std::max(size.y, 2 * pad + rowH * n);
    panel(dl, p, ImVec2(size.x, height));
    const float top = p.y + pad;
    if (bars.empty()) return ImGui::Dummy(ImVec2(size.x, height));
    const float barH = std::min(rowH * 0.72f, c.mm(7));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const float y = top + rowH * static_cast<float>(i) + (rowH - barH) * 0.5f;
        drawName(dl, names[i], p.x + pad, y + barH * 0.5f, fs, kInk);
        float xe = x0;
        if (b.hasData) {
            xe = x0 + static_cast<float>((std::clamp(b.value, 25.0, 100.0) - 25.0) / 75.0) * (x1 - x0);
            dl->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(xe, x0 + 2), y + barH), ui::mutuColor(b.mutu), 3.0f);
        }
        dl->AddText(ImVec2(xe + 6, y + (barH - fs) * 0.5f), b.hasData ? kInk : kMuted, values[i].c_str());
    }
    ImGui::Dummy(ImVec2(size.x, height));
}

} // namespace sw::admin::charts
