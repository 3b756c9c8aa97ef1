#include "app/kiosk/screens/ui.hpp"

#include "app/kiosk/screens/crisp_shapes.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace sw::kiosk {

Ui::Ui(CitizenFlow& f, const Theme& th, const FontSet& fs, double t, ImDrawList* d, Rect s, std::vector<Widget>* rec)
    : flow(f), theme(th), m(metricsFor(fs.pxPerMm, f.modes().large)), fonts(fs), now(t), record(rec), dl(d), screen(s) {}

ImU32 Ui::col(Rgb c, float alpha) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha)); }

namespace {
struct Line {
    const char* b;
    const char* e;
};
std::vector<Line> wrap(ImFont* f, const std::string& s, float width) {
    std::vector<Line> lines;
    const char* p = s.c_str();
    const char* end = p + s.size();
    float scale = 1.0f;   // fonts are used at their own size
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* segEnd = nl ? nl : end;
        const char* q = f->CalcWordWrapPositionA(scale, p, segEnd, width);
        if (q == p) q = p + 1;   // a word wider than the line: break it anyway
        const char* e = q;
        while (e > p && e[-1] == ' ') --e;
        lines.push_back({p, e});
        p = q;
        while (p < segEnd && *p == ' ') ++p;
        if (p == segEnd && nl) ++p;
    }
    return lines;
}
} // namespace

float Ui::textHeight(ImFont* f, const std::string& s, float width) const {
    return static_cast<float>(wrap(f, s, width).size()) * f->FontSize * 1.15f;
}

bool Ui::fits(ImFont* f, const std::string& s, float width, float height) const {
    std::vector<Line> lines = wrap(f, s, width);
    for (const Line& l : lines)
        if (f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, l.b, l.e).x > width + 0.5f) return false;
    return static_cast<float>(lines.size()) * f->FontSize * 1.15f <= height + 0.5f;
}

float Ui::text(ImFont* f, const std::string& s, ImVec2 at, float width, Rgb c, bool center) {
    if (textRecord) textRecord->push_back(s);
    float y = at.y;
    float lh = f->FontSize * 1.15f;
    Rect box{ImVec2(FLT_MAX, at.y), ImVec2(-FLT_MAX, at.y)};
    for (const Line& l : wrap(f, s, width)) {
        float x = at.x;
        const ImVec2 sz = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, l.b, l.e);
        if (center) x += std::max(0.0f, (width - sz.x) * 0.5f);
        dl->AddText(f, f->FontSize, ImVec2(std::floor(x), std::floor(y)), col(c), l.b, l.e);
        box.min.x = std::min(box.min.x, std::floor(x));
        box.max.x = std::max(box.max.x, std::floor(x) + sz.x);
        y += lh;
    }
    box.max.y = std::floor(at.y) + f->FontSize + (y - at.y - lh);   // to the last line's foot, not its spacing
    if (textBoxRecord && box.max.x > box.min.x) textBoxRecord->push_back(box);
    return y - at.y;
}

void Ui::textIn(ImFont* f, const std::string& s, Rect r, Rgb c) {
    float pad = px(2.0f);
    float w = r.w() - 2 * pad;
    // A label that does not fit steps down to the small size (in large text still ≥ 5,5 mm capital H)
    // rather than running into its border.
    if (!fits(f, s, w, r.h() - 2 * pad) && f != small()) f = small();
    float h = textHeight(f, s, w);
    if (!fits(f, s, w, r.h() - 2 * pad)) overflow = true;
    text(f, s, ImVec2(r.min.x + pad, r.min.y + std::max(0.0f, (r.h() - h) * 0.5f)), w, c, true);
}

bool Ui::hit(const std::string& key, const std::string& label, Rect r, bool enabled, bool selected) {
    if (record) record->push_back({key, label, r.min, r.max, enabled, selected, overflow});
    overflow = false;
    ImGui::SetCursorScreenPos(r.min);
    ImGui::PushID(key.c_str());
    bool clicked = ImGui::InvisibleButton("##t", ImVec2(std::max(1.0f, r.w()), std::max(1.0f, r.h())));
    ImGui::PopID();
    return clicked && enabled && !blocked;
}

void Ui::card(Rect r, bool selected, bool enabled) {
    float round = px(3.0f);
    Rgb fill = !enabled ? theme.disabled : selected ? theme.selectedCard : theme.card;
    panelFill(r.min, r.max, fill, round);
    if (selected) {
        float th = px(1.6f);   // a thick outline around the card: the selection is not colour alone
        crispOutline(*dl, ImVec2(r.min.x - th, r.min.y - th), ImVec2(r.max.x + th, r.max.y + th), col(theme.selectedOutline),
                     round + th, th);
    } else {
        crispOutline(*dl, r.min, r.max, col(theme.cardBorder), round, px(0.4f));
    }
}

// Every panel (card, key, box, notice, the idle card) lies on the page itself, cleared to the
// theme's background each frame: a panel of that colour (high contrast's black) is its outline
// alone, and its fill would shade the whole area to no effect.
void Ui::panelFill(ImVec2 min, ImVec2 max, Rgb fill, float rounding) {
    if (col(fill) != col(theme.background)) crispFill(*dl, min, max, col(fill), rounding);
}

void Ui::checkMark(ImVec2 c, float s, Rgb color) {
    ImVec2 pts[3] = {ImVec2(c.x - s * 0.45f, c.y), ImVec2(c.x - s * 0.12f, c.y + s * 0.33f), ImVec2(c.x + s * 0.48f, c.y - s * 0.35f)};
    dl->AddPolyline(pts, 3, col(color), 0, std::max(2.0f, s * 0.16f));
}

bool Ui::primaryButton(const std::string& key, const std::string& label, Rect r, bool enabled) {
    bool held = ImGui::IsMouseHoveringRect(r.min, r.max) && ImGui::IsMouseDown(0) && enabled && !blocked;
    crispFill(*dl, r.min, r.max, col(enabled ? theme.primary : theme.disabled, held ? 0.85f : 1.0f), px(3.0f));
    if (!enabled) crispOutline(*dl, r.min, r.max, col(theme.cardBorder), px(3.0f), px(0.4f));
    textIn(heading(), label, r, enabled ? theme.primaryText : theme.disabledText);
    return hit(key, label, r, enabled);
}

bool Ui::secondaryButton(const std::string& key, const std::string& label, Rect r, bool enabled) {
    card(r, false, enabled);
    textIn(body(), label, r, enabled ? theme.cardText : theme.disabledText);
    return hit(key, label, r, enabled);
}

bool Ui::optionButton(const std::string& key, const Choice& c, int number, Rect r) {
    card(r, c.selected);
    Rgb ink = c.selected ? theme.selectedText : theme.cardText;
    float pad = px(3.0f);
    // Keypad digit, for people using the tactile keypad; the mark starts right of it, never under it.
    std::string num = std::to_string(number);
    ImFont* sf = small();
    ImVec2 numAt(r.min.x + pad, r.min.y + px(1.5f));
    float numW = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, num.c_str()).x;
    dl->AddText(sf, sf->FontSize, numAt, col(ink), num.c_str());
    // Radio (single) or check box (multi), drawn so the state has a shape, not just a colour; a
    // way to another page has no state, so no mark (its label starts where the mark would).
    float box = std::min(px(9.0f), r.h() * 0.5f);
    ImVec2 bc(numAt.x + numW + px(1.5f) + box * 0.5f, (r.min.y + r.max.y) * 0.5f);
    if (bc.y - box * 0.5f < numAt.y + sf->FontSize && bc.x - box * 0.5f < numAt.x + numW) overflow = true;
    float lw = std::max(2.0f, px(0.6f));
    if (c.toggle) {
        dl->AddRect(ImVec2(bc.x - box * 0.5f, bc.y - box * 0.5f), ImVec2(bc.x + box * 0.5f, bc.y + box * 0.5f), col(ink), px(1.0f), 0, lw);
        if (c.selected) checkMark(bc, box * 0.8f, theme.selectedMark);
    } else if (!c.opens) {
        dl->AddCircle(bc, box * 0.5f, col(ink), 32, lw);
        if (c.selected) dl->AddCircleFilled(bc, box * 0.28f, col(theme.selectedMark), 32);
    }
    Rect label{ImVec2(c.opens ? bc.x - box * 0.5f : bc.x + box * 0.5f + pad, r.min.y), ImVec2(r.max.x - pad, r.max.y)};
    if (c.opens) {   // an arrow at the end, as on "Lanjut →": this leads somewhere
        const char* arrow = "\xe2\x86\x92";
        const ImVec2 as = body()->CalcTextSizeA(body()->FontSize, FLT_MAX, 0, arrow);
        label.max.x -= as.x + pad;
        dl->AddText(body(), body()->FontSize, ImVec2(label.max.x + pad, (r.min.y + r.max.y - as.y) * 0.5f), col(ink), arrow);
    }
    float w = label.w();
    ImFont* f = body();
    if (!fits(f, c.label, w, r.h() - px(2.0f))) f = small();   // as textIn: smaller, never over the border
    float h = textHeight(f, c.label, w);
    if (!fits(f, c.label, w, r.h() - px(2.0f))) overflow = true;
    text(f, c.label, ImVec2(label.min.x, r.min.y + std::max(0.0f, (r.h() - h) * 0.5f)), w, ink, false);
    return hit(key, c.label, r, true, c.selected);
}

void Ui::face(ImVec2 c, float rad, int value, bool onSelected) {
    Rgb fill = theme.faceFill[std::clamp(value, 1, 4) - 1];
    float edge = std::max(2.0f, rad * 0.07f);
    const ImU32 outline = col(onSelected ? theme.faceInk : theme.faceOutline);
    if (outline == col(fill)) {
        // High contrast: the outline is the face's own white, so one disc out to the outline's
        // outer edge draws both (its fringe is where the outline's outer fringe was).
        dl->AddCircleFilled(c, rad + edge * 0.5f, outline, 48);
    } else {
        // The outline's opaque middle (edge − 1 px ≥ 1 px wide) covers the disc's rim, so the disc
        // needs no anti-aliased fringe of its own: the same pixels, one blended ring fewer to shade.
        // ImGui strokes the circle along rad − 0.5 with an opaque middle edge − 1 wide: from
        // rad − edge/2 to rad + edge/2 − 1. A margin of 0.75 px on each side keeps to it past the
        // chords' sagitta.
        if (!discUnderRing(*dl, c, rad - edge * 0.5f + 0.75f, rad + edge * 0.5f - 1.75f, col(fill))) {
            DrawFlagsOff noFringe(*dl, ImDrawListFlags_AntiAliasedFill);
            dl->AddCircleFilled(c, rad, col(fill), 48);
        }
        dl->AddCircle(c, rad, outline, 48, edge);
    }
    if (theme.faceOutline.r != theme.faceInk.r) dl->AddCircle(c, rad - edge, col(theme.faceInk), 48, std::max(1.5f, edge * 0.5f));
    ImU32 ink = col(theme.faceInk);
    float eyeR = rad * 0.09f;
    dl->AddCircleFilled(ImVec2(c.x - rad * 0.33f, c.y - rad * 0.25f), eyeR, ink, 16);
    dl->AddCircleFilled(ImVec2(c.x + rad * 0.33f, c.y - rad * 0.25f), eyeR, ink, 16);
    // Mouth: a frown for 1, a flat-ish frown for 2, a smile for 3, a wide open smile for 4.
    float thick = std::max(2.5f, rad * 0.09f);
    float mw = rad * 0.5f;
    float my = c.y + rad * 0.35f;
    const float pi = 3.14159265f;
    switch (value) {
    case 1: dl->PathArcTo(ImVec2(c.x, my + rad * 0.32f), mw, pi * 1.2f, pi * 1.8f, 24); dl->PathStroke(ink, 0, thick); break;
    case 2: dl->PathArcTo(ImVec2(c.x, my + rad * 0.75f), mw * 1.6f, pi * 1.38f, pi * 1.62f, 24); dl->PathStroke(ink, 0, thick); break;
    case 3: dl->PathArcTo(ImVec2(c.x, my - rad * 0.3f), mw, pi * 0.2f, pi * 0.8f, 24); dl->PathStroke(ink, 0, thick); break;
    default:
        dl->PathArcTo(ImVec2(c.x, my - rad * 0.15f), mw, 0.0f, pi, 24);
        dl->PathFillConvex(ink);
        break;
    }
}

float Ui::optionWidth(const Choice& c) const {
    ImFont* sf = small();
    float numW = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, "9").x;
    float labelW = body()->CalcTextSizeA(body()->FontSize, FLT_MAX, 0, c.label.c_str()).x;
    return px(3.0f) * 3 + numW + px(1.5f) + px(9.0f) + labelW + px(1.0f);
}

float Ui::labelWidth(const std::string& s) const {
    return body()->CalcTextSizeA(body()->FontSize, FLT_MAX, 0, s.c_str()).x + px(6.0f);
}

bool Ui::faceButton(const std::string& key, const Choice& c, int number, Rect r) {
    card(r, c.selected);
    Rgb ink = c.selected ? theme.selectedText : theme.cardText;
    float pad = px(2.5f);
    ImFont* f = body();
    float labelH = textHeight(f, c.label, r.w() - 2 * pad);
    float rad = std::max(px(5.0f), std::min(r.w() * 0.36f, (r.h() - labelH - 3 * pad) * 0.5f));
    if (!fits(f, c.label, r.w() - 2 * pad, r.max.y - (r.min.y + pad + 2 * rad + px(1.0f) + pad))) overflow = true;
    ImVec2 center((r.min.x + r.max.x) * 0.5f, r.min.y + pad + rad + px(1.0f));
    face(center, rad, c.face, c.selected);
    text(f, c.label, ImVec2(r.min.x + pad, center.y + rad + pad), r.w() - 2 * pad, ink, true);
    std::string num = std::to_string(number);
    dl->AddText(small(), small()->FontSize, ImVec2(r.min.x + pad, r.min.y + px(1.0f)), col(ink), num.c_str());
    if (c.selected) {
        float s = px(8.0f);
        ImVec2 mc(r.max.x - pad - s * 0.5f, r.min.y + pad + s * 0.5f);
        dl->AddCircleFilled(mc, s * 0.6f, col(theme.selectedOutline), 24);
        checkMark(mc, s * 0.7f, theme.selectedCard);
    }
    return hit(key, c.label, r, true, c.selected);
}

std::vector<Rect> Ui::grid(Rect area, std::size_t n, int columns, float minHeightMm, float vAlign) const {
    std::vector<Rect> out;
    if (n == 0) return out;
    columns = std::max(1, std::min(columns, static_cast<int>(n)));
    int rows = static_cast<int>((n + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    float gap = px(m.gapMm);
    float w = (area.w() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float h = (area.h() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    h = std::max(h, px(minHeightMm));
    h = std::min(h, px(minHeightMm * 2.2f));   // not absurdly tall on a big screen
    // Never spill over what follows (the navigation bar): squeeze rather than overlap.
    if (h * static_cast<float>(rows) + gap * static_cast<float>(rows - 1) > area.h())
        h = std::max(1.0f, (area.h() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    float totalH = h * static_cast<float>(rows) + gap * static_cast<float>(rows - 1);
    float top = area.min.y + std::max(0.0f, (area.h() - totalH) * (vAlign >= 0 ? vAlign : flow.modes().seated ? 1.0f : 0.5f));
    for (std::size_t i = 0; i < n; ++i) {
        int row = static_cast<int>(i) / columns, c = static_cast<int>(i) % columns;
        ImVec2 a(area.min.x + static_cast<float>(c) * (w + gap), top + static_cast<float>(row) * (h + gap));
        out.push_back({a, ImVec2(a.x + w, a.y + h)});
    }
    return out;
}

Rect Ui::beginPage(float needed) {
    float margin = px(m.marginMm);
    float x0 = screen.min.x + margin, x1 = screen.max.x - margin;
    float y = screen.min.y + margin * 0.6f;
    // Header: section on the left, progress ("3 dari 9") on the right, speech controls when on.
    ImFont* sf = small();
    std::string sec = flow.sectionName();
    std::string prog = flow.progressText();
    float headerH = std::max(sf->FontSize * 1.3f, flow.modes().speech ? px(m.targetMm) : 0.0f);
    float right = x1;
    if (flow.modes().speech) {
        float bw = px(large() ? 52.0f : 38.0f), bh = px(m.targetMm), gap = px(m.gapMm);
        Rect rep{ImVec2(right - bw, y), ImVec2(right, y + bh)};
        if (secondaryButton("speech.repeat", t("speech.repeat"), rep)) flow.repeatSpeech();
        Rect up{ImVec2(rep.min.x - gap - bw, y), ImVec2(rep.min.x - gap, y + bh)};
        if (secondaryButton("speech.louder", t("speech.louder"), up)) flow.changeVolume(20, now);
        Rect dn{ImVec2(up.min.x - gap - bw, y), ImVec2(up.min.x - gap, y + bh)};
        if (secondaryButton("speech.softer", t("speech.softer"), dn)) flow.changeVolume(-20, now);
        right = dn.min.x - gap;
    }
    if (!prog.empty()) {
        ImVec2 sz = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, prog.c_str());
        // A progress bar beside the words, so the place in the section is visible at a glance.
        float barW = px(30.0f), barH = px(2.5f);
        float px0 = right - sz.x;
        dl->AddText(sf, sf->FontSize, ImVec2(px0, y), col(theme.text), prog.c_str());
        if (textRecord) textRecord->push_back(prog);
        int total = flow.progressTotal();
        float frac = total ? static_cast<float>(flow.progressIndex()) / static_cast<float>(total) : 0.0f;
        ImVec2 b0(px0 - px(4.0f) - barW, y + (sz.y - barH) * 0.5f);
        dl->AddRect(b0, ImVec2(b0.x + barW, b0.y + barH), col(theme.cardBorder), barH * 0.5f, 0, 1.5f);
        dl->AddRectFilled(b0, ImVec2(b0.x + barW * frac, b0.y + barH), col(theme.selectedOutline), barH * 0.5f);
        right = b0.x - px(4.0f);
    }
    if (!sec.empty()) text(sf, sec, ImVec2(x0, y), right - x0, theme.textMuted);
    y += headerH + px(3.0f);
    // Title (the question) and hint.
    float tw = x1 - x0;
    y += text(heading(), flow.title(), ImVec2(x0, y), tw, theme.text);
    y += px(1.5f);
    if (const std::string& n = flow.notice(); !n.empty()) {
        y += noticeBox(n, ImVec2(x0, y), tw);   // in the hint's place: why the last key did nothing
    } else if (std::string h = flow.hint(); !h.empty()) {
        y += text(small(), h, ImVec2(x0, y), tw, theme.textMuted);
    }
    y += px(4.0f);
    float bottom = screen.max.y - margin * 0.6f - navHeight() - px(m.gapMm);
    // Seated: reach from a wheelchair is 380–1220 mm (ADA 707, survey/RULES.md), so the targets go low on the screen.
    if (flow.modes().seated) y = std::max(y, std::min(screen.min.y + screen.h() * 0.42f, bottom - needed));
    return Rect{ImVec2(x0, y), ImVec2(x1, std::max(y + px(m.targetMm), bottom))};
}

float Ui::noticeBox(const std::string& s, ImVec2 at, float width) {
    ImFont* f = body();
    float pad = px(1.5f);
    float h = textHeight(f, s, width - 2 * pad) + 2 * pad;
    panelFill(at, ImVec2(at.x + width, at.y + h), theme.card, px(1.5f));
    crispOutline(*dl, at, ImVec2(at.x + width, at.y + h), col(theme.selectedOutline), px(1.5f), px(0.8f));
    text(f, s, ImVec2(at.x + pad, at.y + pad), width - 2 * pad, theme.cardText);
    return h;
}

// A button as wide as its label needs on one line (at least 75 mm), up to half the screen less a gap.
float Ui::navWidth(const std::string& label, ImFont* f) const {
    float need = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + px(8.0f);
    float most = (screen.w() - 2 * px(m.marginMm) - px(m.gapMm)) * 0.5f;
    return std::min(most, std::max(px(75.0f), need));
}

void Ui::navBar(const std::string& nextLabelKey) {
    float margin = px(m.marginMm);
    float h = navHeight();
    float y1 = screen.max.y - margin * 0.6f, y0 = y1 - h;
    if (flow.canBack()) {
        std::string label = "\xE2\x86\x90 " + t("nav.back");
        Rect b{ImVec2(screen.min.x + margin, y0), ImVec2(screen.min.x + margin + navWidth(label, body()), y1)};
        if (secondaryButton("back", label, b)) flow.back(now);
    }
    std::string key = nextLabelKey;
    bool nothing = true;
    for (const Choice& c : flow.choices()) nothing = nothing && !c.selected;
    if (flow.optionalPage() && nothing && flow.step() == Step::Profile) key = "nav.skip";
    if (flow.step() == Step::Comment) key = flow.draft().comment.empty() ? "nav.submit_empty" : "nav.submit";
    std::string label = t(key) + " \xE2\x86\x92";
    Rect n{ImVec2(screen.max.x - margin - navWidth(label, heading()), y0), ImVec2(screen.max.x - margin, y1)};
    // Drawn disabled until answered, yet still tapped: the tap gets "Pilih satu jawaban dulu".
    bool enabled = flow.canNext();
    bool tapped = primaryButton("next", label, n, enabled);
    if (!enabled && !blocked && ImGui::IsItemClicked(ImGuiMouseButton_Left)) tapped = true;
    if (tapped) flow.next(now);
}

} // namespace sw::kiosk
