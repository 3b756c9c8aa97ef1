// The Kanwil assessor's view over a merged store: the roll-up table (ranked by IKM unit), a unit's
// figures per unsur with its accessibility, kelompok-rentan gap and facility self-assessment, and
// units side by side, all over one reporting period (period_picker.hpp; all time on request).
// Every figure comes from libsurvey (the daily tallies: sw::unitTallies, rankUnits, rollupByArea);
// provinces and kabupaten/kota above the units (area_table.hpp); strings from
// assets/i18n/assessor.json, unsur names from the store's instrument, both in host.lang; sizes in
// millimetres (host.pxPerMm).
//
// Index of this file
//   [SECTION] Model and helpers
//   [SECTION] Roll-up table
//   [SECTION] One unit
//   [SECTION] Compare
#include "app/assessor/assessor_view.hpp"

#include "app/assessor/area_table.hpp"
#include "app/assessor/follow_up.hpp"
#include "app/assessor/verification_panel.hpp"

#include "app/widgets/wrap_words.hpp"
#include "app/widgets/period_picker.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/national/assessor_evidence.hpp"
#include "survey/base/number.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/rollup_period.hpp"
#include "survey/base/translations.hpp"

#include "app/widgets/demo_badge.hpp"
#include "app/widgets/fold_columns.hpp"
#include "app/widgets/mutu_colours.hpp"
#include "app/widgets/same_line.hpp"
#include "app/widgets/stack_panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace sw::assessor {

// [SECTION] Model and helpers

namespace {

using admin::ui::widestWord;

enum class Page { Rollup, Unit, Compare };
// What the roll-up page lists: provinces, kabupaten/kota (of the chosen province), or units (of
// the chosen area). Nation → province → kabupaten/kota → unit → the unit's page.
enum class Level { Kanwil, Province, KabKota, Unit, Delivery };

ImU32 mutuColor(Mutu m) { return widgets::mutuColour(m); }

// Cell text that wraps at the column's edge (table cells set the wrap edge per column).
void wrapped(const std::string& s) { ImGui::TextWrapped("%s", s.c_str()); }

// A paragraph wrapped at spaces only, to the width left on the line (admin/wrap_words.hpp).
void paragraph(const std::string& text, const ImVec4* color = nullptr) {
    const std::string out = admin::ui::wrapWords(text, ImGui::GetContentRegionAvail().x);
    if (color) ImGui::TextColored(*color, "%s", out.c_str());
    else ImGui::TextUnformatted(out.c_str());
}

// A table's header row drawn by hand, each name wrapped in its column: ImGui's TableHeadersRow()
// cuts a long name with "..." (at 1280 px most of them).
void headerRow(const std::vector<std::string>& names) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const auto& n : names) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        wrapped(n);
    }
}

// Secondary cell text (the region folded under a unit's name).
void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    wrapped(text);
    ImGui::PopStyleColor();
}

std::string unitName(const UnitRollup& u) { return u.unit.name.empty() ? u.unit.id : u.unit.name; }

// The roll-up table's columns (string keys of their headers), in order.
constexpr int kRollupColumns = 13;
const char* const kRollupHeads[kRollupColumns] = {"assessor.col.rank", "assessor.col.unit", "assessor.col.region", "assessor.col.respondents",
                                                  "assessor.col.ikm", "assessor.col.mutu", "assessor.col.sample", "assessor.col.akses",
                                                  "assessor.col.rentan", "assessor.col.facility", "assessor.col.gaps", "assessor.col.compare",
                                                  "assessor.col.open"};
constexpr int kRegionColumn = 2, kOpenColumn = 12;

// How the roll-up table is laid out at the width it has (app/widgets/fold_columns.hpp): the
// region, then "Open", fold under the unit's name.
using RollupLayout = widgets::ColumnFold;
constexpr int kNameColumn = 1;

} // namespace

struct AssessorView::Impl {
    AssessorHost& host;
    Translations tr;
    std::vector<UnitTally> tallies;      // every unit over the period, read once per reload
    std::vector<UnitRollup> units;       // those of the chosen area, ranked within it
    Level level = Level::Unit;
    std::string kanwilCode, provinceCode, kabCode;   // the chosen area ("" = all)
    std::optional<KanwilMap> kanwilMap;  // which Kanwil covers which province (none: no Kanwil level)
    std::vector<UnitDelivery> deliveries;  // per unit the last bundle received (README "Delivery")
    std::optional<Period> period;        // the figures' reporting period; nullopt = all time
    LocalDate newest;                    // the newest response's day: where a preset starts
    std::optional<Instrument> instrument;  // the one the roll-up scored with: unsur names per language
    std::set<std::string> compare;       // unit ids ticked for comparison
    std::string open;                    // the unit being looked at
    nlohmann::json facility;             // its latest facility report
    std::vector<EvidenceFile> evidence;  // the files that report refers to (read once, on opening)
    std::map<std::string, void*> thumbs; // evidence SHA-256 → texture (host-made; null: none)
    Page page = Page::Rollup;
    std::string error;
    VerificationPanel verify;            // the unit page's verification (verification_panel.cpp)
    bool verifying = false;

    explicit Impl(AssessorHost& h) : host(h), tr(Translations::loadArea("assessor")) {
        try {
            kanwilMap = KanwilMap::load(defaultKanwilMapPath());
        } catch (const std::exception& e) {
            error = e.what();   // the view still works, without the Kanwil level
        }
        try {
            if (host.store) period = defaultRollupPeriod(host.store->newestResponseDate());
        } catch (const std::exception& e) {
            error = e.what();
        }
        reload();
    }

    const std::string& t(const char* key) const { return tr.get(key, host.lang); }
    std::string num(double v, int d) const { return formatNumber(v, d, host.lang); }
    // "Kemiringan ramp dalam 7,5 ° (batas ≤ 6)": which measurement failed, as the unit sent it.
    std::string failedMeasure(const nlohmann::json& item, const std::string& code) const {
        auto ms = item.find("measures");
        if (ms == item.end() || !ms->is_array()) return code;
        for (const auto& m : *ms) {
            if (!m.is_object() || m.value("code", std::string()) != code) continue;
            const std::string name = m.contains("name") && m["name"].is_object() ? m["name"].value(host.lang, m["name"].value("id", code)) : code;
            const auto v = m.find("value");
            const std::string unit = m.value("unit", std::string());
            const std::string value = v != m.end() && v->is_number() ? num(v->get<double>(), 1) + " " + unit : "–";
            const std::string rule = m.value("rule", std::string()) == "min" ? "≥ " : "≤ ";
            return name + " " + value + " (" + t("assessor.gap.limit") + " " + rule + num(m.value("limit", 0.0), 1) + " " + unit + ")";
        }
        return code;
    }
    // "64,5", or "64,5 (belum lengkap 3/5)" when the score stands on fewer criteria.
    std::string facilityText(const UnitRollup& u) const {
        if (!u.facilityScore) return "–";
        if (u.facilityCoverage.complete()) return num(*u.facilityScore, 1);
        return format(t("assessor.facility_incomplete"), {num(*u.facilityScore, 1), std::to_string(u.facilityCoverage.assessed),
                                                          std::to_string(u.facilityCoverage.total)});
    }
    // "1 unit" / "3 units": the key's ".one" or ".other" form. One/other is all id and en need
    // (Indonesian gives both the same words).
    std::string count(const std::string& key, std::int64_t n) const {
        return format(tr.get(key + (n == 1 ? ".one" : ".other"), host.lang), {std::to_string(n)});
    }
    // "U1 Requirements": the score carries the name the store's tally had (Indonesian); the
    // instrument has it in every language, as the unit head's dashboard shows it.
    std::string unsurLabel(const UnsurScore& s) const {
        const Unsur* u = instrument ? instrument->findUnsur(s.code) : nullptr;
        return s.code + " " + (u ? u->name.in(host.lang) : s.name);
    }
    float mm(float v) const { return v * host.pxPerMm; }

    void reload() {
        error.clear();
        try {
            instrument = host.store ? host.store->latestInstrument() : std::nullopt;
            const ResponseFilter f = periodFilter(period);
            tallies = host.store && instrument ? host.store->unitTallies(TallyPeriod{f.from, f.to}) : std::vector<UnitTally>{};
            rankChosen();
            deliveries = host.store ? unitDeliveries(*host.store, nowUtc(), kDefaultSilentDays) : std::vector<UnitDelivery>{};
            // No data yet: presets start from today in the Kanwil's zone (WIB unless set).
            auto day = host.store ? host.store->newestResponseDate() : std::nullopt;
            if (!day) parseDate(localDate(nowUtc(), zone()), newest);
            else newest = *day;
        } catch (const std::exception& e) {
            error = e.what();
            units.clear();
            instrument.reset();
        }
    }
    LayoutLookup layouts() const { return host.store ? host.store->layouts() : LayoutLookup(); }
    // The Kanwil's own zone: "today" and delivery times (WIB unless the store says otherwise).
    int zone() const { return host.store ? host.store->utcOffsetMinutes() : UnitInfo{}.utcOffsetMinutes; }
    const KanwilMap* kanwil() const { return kanwilMap ? &*kanwilMap : nullptr; }
    // What the unit's latest bundle carried beside its figures (population, tindak lanjut).
    nlohmann::json extraOf(const std::string& unitId) const {
        for (const auto& t : tallies)
            if (t.unit.id == unitId) return t.extra;
        return nullptr;
    }
    bool inChosenArea(const UnitInfo& u) const {
        if (!kabCode.empty()) return areaCode(u, AreaLevel::KabKota) == kabCode;
        if (!provinceCode.empty()) return areaCode(u, AreaLevel::Province) == provinceCode;
        return kanwilCode.empty() || areaCode(u, AreaLevel::Kanwil, kanwil()) == kanwilCode;
    }
    std::vector<UnitTally> chosenTallies() const {
        std::vector<UnitTally> out;
        for (const auto& t : tallies)
            if (inChosenArea(t.unit)) out.push_back(t);
        return out;
    }
    void rankChosen() {
        const ResponseFilter f = periodFilter(period);
        units = instrument ? rankUnits(chosenTallies(), layouts(), *instrument, TallyPeriod{f.from, f.to}) : std::vector<UnitRollup>{};
    }
    void chooseArea(const std::string& code) {
        if (level == Level::Kanwil) {
            kanwilCode = code;
            provinceCode.clear();
            kabCode.clear();
            level = Level::Province;
        } else if (level == Level::Province) {
            provinceCode = code;
            kabCode.clear();
            level = Level::KabKota;
        } else {
            kabCode = code;
            level = Level::Unit;
        }
        rankChosen();
    }
    void drawLevels();
    void drawAreas();
    const UnitRollup* find(const std::string& id) const {
        for (const auto& u : units)
            if (u.unit.id == id) return &u;
        return nullptr;
    }
    ~Impl() { releaseThumbs(); }
    void releaseThumbs() {
        if (host.releaseTexture)
            for (auto& [sha, tex] : thumbs)
                if (tex) host.releaseTexture(tex);
        thumbs.clear();
    }
    void* thumbnail(const EvidenceInfo& e) {
        auto it = thumbs.find(e.sha256);
        if (it != thumbs.end()) return it->second;
        void* tex = nullptr;
        if (host.uploadTexture && host.store)
            if (auto img = decodePng(host.store->evidenceThumbnailPng(open, e.sha256)))
                tex = host.uploadTexture(img->width, img->height, img->pixels.data());
        return thumbs[e.sha256] = tex;
    }
    void openUnit(const std::string& id) {
        if (id != open) releaseThumbs();
        open = id;
        const auto claim = host.store ? host.store->facilityClaim(id) : std::nullopt;
        facility = claim ? claim->report : nlohmann::json();
        evidence = host.store ? unitEvidence(*host.store, id) : std::vector<EvidenceFile>{};
        page = Page::Unit;
    }
    std::string kinerja(Mutu m) const {
        return host.lang == "en" ? kinerjaNameEn(m) : kinerjaName(m);
    }

    std::string sampleText(const UnitRollup& u) const {
        if (!u.population) return t("assessor.sample.unknown");
        if (u.sampleSufficient) return format(t("assessor.sample.ok"), {std::to_string(u.minimumSample)});
        return format(t("assessor.sample.short"), {std::to_string(u.minimumSample - u.skm.respondents)});
    }

    void drawRollup();
    void drawCompareButton();
    RollupLayout rollupLayout() const;
    void drawRollupHeader(const RollupLayout& layout);
    void drawRollupRow(const UnitRollup& u, const RollupLayout& layout);
    void openButton(const UnitRollup& u);   // "Open": the unit's page
    void drawUnit();
    void drawUnsurFigures(const UnitRollup& u);
    void drawFacility();
    void drawEvidence();
    void drawCompare();
    void bars(const std::vector<UnsurScore>& scores, float width);
};

AssessorView::AssessorView(AssessorHost& host) : impl_(std::make_unique<Impl>(host)) {}
AssessorView::~AssessorView() = default;

void AssessorView::showRollup() { impl_->page = Page::Rollup; }
void AssessorView::openUnit(const std::string& unitId) {
    impl_->openUnit(unitId);
    impl_->verifying = false;
}
void AssessorView::openVerification(const std::string& unitId) {
    impl_->openUnit(unitId);
    impl_->verifying = impl_->host.store != nullptr;
    if (impl_->verifying) impl_->verify.open(*impl_->host.store, unitId);
}
void AssessorView::compareUnits(const std::vector<std::string>& unitIds) {
    impl_->compare = std::set<std::string>(unitIds.begin(), unitIds.end());
    impl_->page = Page::Compare;
}
std::string AssessorView::pageName() const {
    switch (impl_->page) {
    case Page::Rollup: return "rollup";
    case Page::Unit: return impl_->verifying ? "verify" : "unit";
    case Page::Compare: return "compare";
    }
    return "";
}
std::size_t AssessorView::unitCount() const { return impl_->units.size(); }
void AssessorView::showLevel(const std::string& level, const std::string& area) {
    Impl& m = *impl_;
    m.page = Page::Rollup;
    m.level = level == "kanwil"     ? Level::Kanwil
              : level == "province" ? Level::Province
              : level == "kabkota"  ? Level::KabKota
              : level == "delivery" ? Level::Delivery
                                    : Level::Unit;
    // "kanwil-36" names a Kanwil, "36.04" a kabupaten/kota, "36" a province.
    const bool isKanwil = m.kanwilMap && m.kanwilMap->byCode(area);
    const bool kab = !isKanwil && area.size() > 2;
    m.kanwilCode = isKanwil ? area : "";
    m.provinceCode = isKanwil ? "" : area.substr(0, 2);
    m.kabCode = kab ? area : "";
    m.rankChosen();
}
void AssessorView::setPeriod(const std::optional<Period>& p) {
    impl_->period = p;
    impl_->reload();
}
const std::optional<Period>& AssessorView::period() const { return impl_->period; }
const std::vector<UnitRollup>& AssessorView::rollup() const { return impl_->units; }

void AssessorView::draw() {
    Impl& m = *impl_;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.mm(4), m.mm(3)));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(m.mm(2.5f), m.mm(1.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.mm(2), m.mm(1.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(m.mm(1.0f), m.mm(1.2f)));   // 13 columns fit 1280 px
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(240, 243, 246, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(26, 31, 41, 255));
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, IM_COL32(222, 230, 238, 255));
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, IM_COL32(232, 236, 241, 255));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(13, 84, 140, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(25, 105, 170, 255));
    ImGui::PushStyleColor(ImGuiCol_CheckMark, IM_COL32(13, 84, 140, 255));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 255));
    ImGui::Begin("##assessor", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);

    // The heading names the period: a picture or printout of any page says what it covers.
    // Reload and close at the right edge, as wide as their labels; the heading wraps between words
    // in the room left of them (1280×800 at 6,2 px/mm: "Triwulan IV 2026" ran under "Muat ulang").
    const std::string periodText = m.period ? periodLabel(*m.period, m.host.lang) : m.t("assessor.period.all");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float buttonsW = ImGui::CalcTextSize(m.t("assessor.reload").c_str()).x + ImGui::CalcTextSize(m.t("assessor.close").c_str()).x +
                           st.FramePadding.x * 4 + st.ItemSpacing.x;
    const float buttonsX = ImGui::GetWindowContentRegionMax().x - buttonsW;
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(admin::ui::wrapWords(format(m.t("assessor.heading"), {m.t("assessor.title"), periodText}),
                                                buttonsX - ImGui::GetCursorPosX() - st.ItemSpacing.x).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::SameLine(buttonsX);
    if (ImGui::Button(m.t("assessor.reload").c_str())) {
        m.reload();
        if (m.page == Page::Unit) m.openUnit(m.open);
    }
    ImGui::SameLine();
    if (ImGui::Button(m.t("assessor.close").c_str())) m.host.requestClose = true;
    ImGui::PopStyleColor();
    if (!m.error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", m.error.c_str());
    if (drawPeriodPicker(m.period, m.newest, m.tr, m.host.lang)) m.reload();
    ImGui::Separator();

    switch (m.page) {
    case Page::Rollup: m.drawRollup(); break;
    case Page::Unit: m.drawUnit(); break;
    case Page::Compare: m.drawCompare(); break;
    }
    ImGui::End();
    ImGui::PopStyleColor(8);
    ImGui::PopStyleVar(4);
}

// [SECTION] Roll-up table

// "Per provinsi | Per kabupaten/kota | Per unit" and the chosen area, which a click clears.
void AssessorView::Impl::drawLevels() {
    const std::pair<Level, const char*> levels[] = {{Level::Kanwil, "assessor.level.kanwil"},
                                                    {Level::Province, "assessor.level.province"},
                                                    {Level::KabKota, "assessor.level.kabkota"},
                                                    {Level::Unit, "assessor.level.unit"},
                                                    {Level::Delivery, "assessor.level.delivery"}};
    // The row wraps where it is full (1366×768 at 4,5 px/mm): the chosen area goes under the
    // buttons rather than past the window's edge.
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    bool first = true;
    for (const auto& [l, key] : levels) {
        if (l == Level::Kanwil && !kanwilMap) continue;
        if (!first) widgets::sameLineIfFits(ImGui::CalcTextSize(t(key).c_str()).x + pad);
        first = false;
        const bool on = level == l;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? IM_COL32(13, 84, 140, 255) : IM_COL32(222, 230, 238, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32(255, 255, 255, 255) : IM_COL32(26, 31, 41, 255));
        if (ImGui::Button(t(key).c_str())) level = l;
        ImGui::PopStyleColor(2);
    }
    std::string where = t("assessor.area.all");
    // ">" rather than "›": the fonts' glyph ranges hold no U+203A.
    if (!kanwilCode.empty()) where += " > " + (kanwil()->byCode(kanwilCode) ? kanwil()->byCode(kanwilCode)->name : kanwilCode);
    if (!provinceCode.empty()) where += " > " + provinceCode;
    if (!kabCode.empty()) where += " > " + kabCode;
    const bool chosen = !kanwilCode.empty() || !provinceCode.empty() || !kabCode.empty();
    const float clearW = chosen ? ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("×").x + pad : 0;
    if (!widgets::sameLineIfFits(ImGui::CalcTextSize(where.c_str()).x + clearW)) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(where.c_str());
    if (chosen) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        if (ImGui::SmallButton("×")) {
            kanwilCode.clear();
            provinceCode.clear();
            kabCode.clear();
            rankChosen();
        }
        ImGui::PopStyleColor();
    }
}

void AssessorView::Impl::drawAreas() {
    const AreaLevel al = level == Level::Kanwil ? AreaLevel::Kanwil : level == Level::Province ? AreaLevel::Province : AreaLevel::KabKota;
    std::vector<UnitTally> in;   // the chosen area's parts: every Kanwil, a Kanwil's provinces, a province's kabupaten/kota
    for (const auto& u : tallies) {
        const bool inKanwil = kanwilCode.empty() || areaCode(u.unit, AreaLevel::Kanwil, kanwil()) == kanwilCode;
        const bool inProvince = provinceCode.empty() || areaCode(u.unit, AreaLevel::Province) == provinceCode;
        if (level == Level::Kanwil || (level == Level::Province && inKanwil) || (inKanwil && inProvince)) in.push_back(u);
    }
    const auto areas = instrument ? rollupByArea(in, layouts(), *instrument, al, Weights::Exact, kanwil()) : std::vector<AreaRollup>{};
    if (auto code = drawAreaTable(areas, tr, host.lang, host.pxPerMm)) chooseArea(*code);
}

void AssessorView::Impl::drawRollup() {
    drawLevels();
    if (level == Level::Delivery) {
        drawUnitDeliveries(deliveries, kDefaultSilentDays, zone(), host.lang);
        return;
    }
    if (level != Level::Unit) {
        drawAreas();
        return;
    }
    std::int64_t respondents = 0;
    for (const auto& u : units) respondents += u.skm.respondents;
    paragraph(format(t("assessor.subtitle"), {count("assessor.count.units", static_cast<std::int64_t>(units.size())),
                                              count("assessor.count.respondents", respondents)}));
    if (units.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", t("assessor.empty").c_str());
        return;
    }
    drawCompareButton();
    const RollupLayout layout = rollupLayout();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  (layout.sideways ? ImGuiTableFlags_ScrollX : 0);
    // Another id for another set of columns: ImGui keeps a table's column widths by its id.
    const char* id = layout.folded[kOpenColumn] ? "rollup-narrowest" : layout.folded[kRegionColumn] ? "rollup-narrow" : "rollup";
    if (!ImGui::BeginTable(id, static_cast<int>(layout.shown.size()), flags,
                           ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(layout.sideways ? 2 : 0, 1);
    for (int i : layout.shown) ImGui::TableSetupColumn(t(kRollupHeads[i]).c_str(), ImGuiTableColumnFlags_WidthFixed, layout.width[i]);
    drawRollupHeader(layout);
    for (const auto& u : units) drawRollupRow(u, layout);
    ImGui::EndTable();
}

// "Compare (n)": dimmed, with a hint beside it, until two units are ticked.
void AssessorView::Impl::drawCompareButton() {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    const bool canCompare = compare.size() >= 2;
    if (!canCompare) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
    if (ImGui::Button(format(t("assessor.compare"), {std::to_string(compare.size())}).c_str()) && canCompare) page = Page::Compare;
    if (!canCompare) ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (!canCompare) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", t("assessor.compare.hint").c_str());
        ImGui::PopStyleColor();
    }
}

// Column widths: each column at least its widest value or word (headers and the three text
// columns wrap between words, never inside one); unit, region and the sample note share what
// is left. Narrower (1280 px), the region goes under the unit's name in its cell, and narrower
// still (1366×768 at 4,5 px/mm) "Open" too, so the button is on screen without scrolling; only
// when even that does not fit does the table scroll sideways, # and unit frozen.
RollupLayout AssessorView::Impl::rollupLayout() const {
    const float lineH = ImGui::GetTextLineHeight();
    std::int64_t mostRespondents = 0;
    for (const auto& u : units) mostRespondents = std::max(mostRespondents, u.skm.respondents);
    auto textW = [](const char* s) { return ImGui::CalcTextSize(s).x; };
    const float least[kRollupColumns] = {textW("000"), 0, 0, textW(std::to_string(mostRespondents).c_str()), textW("100,00"), lineH * 1.4f, 0,
                                         textW("100,00"), textW("-100,00"), textW("100,0"), textW("00"), ImGui::GetFrameHeight(),
                                         textW(t("assessor.open").c_str()) + ImGui::GetStyle().FramePadding.x * 2};
    float width[kRollupColumns];
    std::copy(std::begin(least), std::end(least), width);
    for (const auto& u : units) {
        width[kNameColumn] = std::max(width[kNameColumn], widestWord(unitName(u)));
        width[kRegionColumn] = std::max(width[kRegionColumn], widestWord(u.unit.kabupaten));
        width[6] = std::max(width[6], widestWord(sampleText(u)));
        width[9] = std::max(width[9], widestWord(facilityText(u)));   // "93,8 (belum lengkap 3/5)" wraps
    }
    const float weights[kRollupColumns] = {0, 2.6f, 1.7f, 0, 0, 0, 1.3f, 0, 0, 0, 0, 0, 0};
    std::vector<widgets::FoldColumn> columns;
    for (int i = 0; i < kRollupColumns; ++i)   // +2: a word exactly as wide as its column wraps
        columns.push_back({std::max(width[i], widestWord(t(kRollupHeads[i]))) + 2, weights[i],
                           i == kRegionColumn ? 1 : i == kOpenColumn ? 2 : 0});
    return widgets::foldColumns(columns, kNameColumn, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize);
}

// The header row by hand: ImGui's TableHeadersRow() cuts a long header with "...".
void AssessorView::Impl::drawRollupHeader(const RollupLayout& layout) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i : layout.shown) {
        ImGui::TableNextColumn();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        wrapped(t(kRollupHeads[i]));
        if (i == kNameColumn && layout.folded[kRegionColumn]) muted(t(kRollupHeads[kRegionColumn]));
    }
}

void AssessorView::Impl::drawRollupRow(const UnitRollup& u, const RollupLayout& layout) {
    ImGui::PushID(u.unit.id.c_str());
    ImGui::TableNextRow(0, mm(9));
    ImGui::TableNextColumn();
    ImGui::Text("%d", u.rank);
    ImGui::TableNextColumn();
    wrapped(unitName(u));
    if (u.unit.demo) widgets::demoBadge(t("assessor.demo_short").c_str());   // its figures are examples, not a unit's
    if (layout.folded[kRegionColumn]) {
        muted(u.unit.kabupaten);
    } else {
        ImGui::TableNextColumn();
        wrapped(u.unit.kabupaten);
    }
    if (layout.folded[kOpenColumn]) {
        openButton(u);
        ImGui::Dummy(ImVec2(0, 0));   // a cell ending in a button would lower the row's other texts by its frame padding
    }
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(u.skm.respondents));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(u.skm.complete ? num(u.skm.ikmUnit, 2).c_str() : "–");
    ImGui::TableNextColumn();
    if (u.skm.complete) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 1.4f, p.y + h), mutuColor(u.skm.mutu), h * 0.2f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + h * 0.45f, p.y));
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", mutuLetter(u.skm.mutu));
    } else {
        ImGui::TextUnformatted("–");
    }
    ImGui::TableNextColumn();
    const ImVec4 sampleCol = !u.population        ? ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]
                             : u.sampleSufficient ? ImGui::GetStyle().Colors[ImGuiCol_Text]
                                                  : ImVec4(0.8f, 0.2f, 0.2f, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, sampleCol);
    wrapped(sampleText(u));
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(u.akses.any ? num(u.akses.index, 2).c_str() : "–");
    ImGui::TableNextColumn();
    if (u.rentanComparable) {
        const std::string gap = (u.rentanGap > 0 ? "+" : "") + num(u.rentanGap, 2);
        if (u.rentanGap < -2.0) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "%s", gap.c_str());
        else ImGui::TextUnformatted(gap.c_str());
    } else {
        ImGui::TextUnformatted("–");
    }
    ImGui::TableNextColumn();
    wrapped(facilityText(u));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(u.facilityScore ? std::to_string(u.gapCount).c_str() : "–");
    ImGui::TableNextColumn();
    bool ticked = compare.count(u.unit.id) > 0;
    // A drawn border: on the light table a borderless white box cannot be seen as a box to tick.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(90, 100, 115, 255));
    if (ImGui::Checkbox("##cmp", &ticked)) {
        if (ticked) compare.insert(u.unit.id);
        else compare.erase(u.unit.id);
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (!layout.folded[kOpenColumn]) {
        ImGui::TableNextColumn();
        openButton(u);
    }
    ImGui::PopID();
}

void AssessorView::Impl::openButton(const UnitRollup& u) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(t("assessor.open").c_str())) openUnit(u.unit.id);
    ImGui::PopStyleColor();
}

// [SECTION] One unit

// Horizontal bars per unsur on 25–100 with the mutu bounds dashed. Names on the left as wide as
// they need up to 45 % of the width; a longer name wraps and its row grows (never cut).
void AssessorView::Impl::bars(const std::vector<UnsurScore>& scores, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float valueW = mm(22), barH = mm(5.5f), gap = mm(1.8f), labelGap = mm(2);
    float namesW = 0;
    for (const auto& s : scores) namesW = std::max(namesW, ImGui::CalcTextSize(unsurLabel(s).c_str()).x);
    const float labelW = std::min(namesW + labelGap + 2, width * 0.45f);   // +2: a name exactly as wide as its room wraps
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float plotX = origin.x + labelW, plotW = width - labelW - valueW;
    auto xOf = [&](double v) { return plotX + static_cast<float>((std::clamp(v, 25.0, 100.0) - 25.0) / 75.0) * plotW; };
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    float y = origin.y;
    for (const auto& s : scores) {
        const std::string label = unsurLabel(s);
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, labelW - labelGap, label.c_str());
        const float rowH = std::max(barH, ts.y);
        const float barY = y + (rowH - barH) / 2;
        dl->AddText(font, fs, ImVec2(origin.x, y + (rowH - ts.y) / 2), IM_COL32(26, 31, 41, 255), label.c_str(), nullptr, labelW - labelGap);
        if (s.n > 0) {
            dl->AddRectFilled(ImVec2(plotX, barY), ImVec2(xOf(s.nrrUnit), barY + barH), mutuColor(s.mutu));
            std::string v = num(s.nrrUnit, 2) + " " + mutuLetter(s.mutu);
            dl->AddText(ImVec2(xOf(s.nrrUnit) + mm(1.5f), barY + (barH - fs) / 2), IM_COL32(26, 31, 41, 255), v.c_str());
        }
        y += rowH + gap;
    }
    const float bottom = y;
    for (double bound : kMutuLowerBounds)
        for (float dash = origin.y; dash < bottom; dash += mm(2))
            dl->AddLine(ImVec2(xOf(bound), dash), ImVec2(xOf(bound), std::min(dash + mm(1), bottom)), IM_COL32(90, 90, 90, 200), 1.0f);
    dl->AddLine(ImVec2(plotX, origin.y), ImVec2(plotX, bottom), IM_COL32(90, 90, 90, 255), 1.0f);
    ImGui::Dummy(ImVec2(width, bottom - origin.y + mm(1)));
    paragraph(t("assessor.legend"), &ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
}

void AssessorView::Impl::drawUnit() {
    const UnitRollup* u = find(open);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(t("assessor.back").c_str())) page = Page::Rollup;
    ImGui::PopStyleColor();
    if (!u) return;
    ImGui::SameLine();
    ImGui::SetWindowFontScale(1.15f);
    paragraph(u->unit.name + "  (" + u->unit.id + ")");
    ImGui::SetWindowFontScale(1.0f);
    if (u->unit.demo) widgets::demoBadge(t("assessor.demo").c_str());
    paragraph(u->unit.instansi + " · " + u->unit.kabupaten + " · " + u->unit.province, &ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    paragraph(format(t("assessor.unit.key"), {u->fingerprint.empty() ? "–" : u->fingerprint, count("assessor.count.bundles", u->bundles)}));
    // Verification of the facility self-assessment: a panel of its own in place of the figures.
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (host.store && ImGui::Button(verify.title(host.lang, verifying))) {
        verifying = !verifying;
        if (verifying) verify.open(*host.store, open);
    }
    ImGui::PopStyleColor();
    ImGui::Separator();
    if (verifying && host.store) {
        verify.draw(*host.store, host.lang, host.pxPerMm);
        return;
    }
    ImGui::SetWindowFontScale(1.15f);
    if (u->skm.respondents == 0)   // a unit merged but silent in this period: no IKM 0,00 "D"
        paragraph(t("assessor.unit.none_in_period"));
    else
        paragraph(format(t("assessor.unit.headline"), {num(u->skm.ikmUnit, 2), mutuLetter(u->skm.mutu), kinerja(u->skm.mutu),
                                                        count("assessor.count.respondents", u->skm.respondents)}));
    ImGui::SetWindowFontScale(1.0f);
    if (!u->skm.complete && u->skm.respondents > 0) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "%s", t("assessor.unit.incomplete").c_str());

    // The unsur figures and the rest side by side, each scrolling, or stacked on a page that scrolls
    // as one where that would leave two strips (app/widgets/stack_panels.hpp).
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (widgets::stackPanels(host.pxPerMm)) {
        ImGui::BeginChild("unit-page", ImVec2(0, 0), false);
        drawUnsurFigures(*u);
        ImGui::Separator();
    } else {
        ImGui::BeginChild("left", ImVec2(avail.x * 0.58f, 0), false);
        drawUnsurFigures(*u);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(0, 0), false);
    }
    paragraph(format(t("assessor.unit.akses"), {u->akses.any ? num(u->akses.index, 2) : "–"}));
    paragraph(format(t("assessor.unit.rentan"), {u->rentanComparable ? num(u->rentanGap, 2) : "–"}));
    ImGui::Separator();
    drawFacility();
    ImGui::Separator();
    drawFollowUpPlan(extraOf(u->unit.id), tr, host.lang);
    ImGui::EndChild();
}

// The unit's unsur: bars, then Σ, n, NRR, NRR unit and mutu per unsur in a table.
void AssessorView::Impl::drawUnsurFigures(const UnitRollup& u) {
    ImGui::TextUnformatted(t("assessor.unit.unsur").c_str());
    bars(u.skm.unsur, ImGui::GetContentRegionAvail().x);
    ImGui::Spacing();
    if (!ImGui::BeginTable("unsur", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    std::vector<std::string> names;
    for (const char* h : {"assessor.tbl.code", "assessor.tbl.sum", "assessor.tbl.n", "assessor.tbl.nrr", "assessor.tbl.unit", "assessor.tbl.mutu"}) {
        ImGui::TableSetupColumn(t(h).c_str());
        names.push_back(t(h));
    }
    headerRow(names);
    for (const auto& s : u.skm.unsur) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.code.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(s.sum));
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(s.n));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(num(s.nrr, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(num(s.nrrUnit, 2).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.n ? mutuLetter(s.mutu) : "–");
    }
    ImGui::EndTable();
}

// The unit's latest facility report: score, the first 20 answered gaps, its evidence.
void AssessorView::Impl::drawFacility() {
    if (!facility.is_object()) {
        paragraph(t("assessor.unit.no_facility"));
        return;
    }
    paragraph(format(t("assessor.unit.facility"), {facility.value("assessed_on", std::string("?")), num(facility.value("score", 0.0), 1),
                                                    count("assessor.count.gaps", facility.value("gap_count", 0))}));
    if (facility.value("gap_count", 0) > 0) paragraph(t("assessor.unit.gap_list"));
    if (auto gaps = facility.find("gaps"); gaps != facility.end() && gaps->is_array()) {
        int shown = 0;
        for (const auto& g : *gaps) {
            if (!g.is_object()) continue;
            const std::string kind = g.value("kind", std::string());
            if (kind == "unanswered") continue;
            const std::string code = g.value("item", std::string());
            std::string item = code, what = t(("assessor.gap." + kind).c_str());
            if (auto items = facility.find("items"); items != facility.end() && items->is_array())
                for (const auto& it : *items) {
                    if (!it.is_object() || it.value("code", std::string()) != code) continue;
                    if (it.contains("name") && it["name"].is_object()) item += " " + it["name"].value(host.lang, it["name"].value("id", std::string()));
                    if (kind == "measure_fails") what += ": " + failedMeasure(it, g.value("measure", std::string()));
                }
            ImGui::Bullet();   // a bullet whose text wraps under itself (BulletText runs off the panel)
            ImGui::SameLine();
            ImGui::TextWrapped("%s — %s", item.c_str(), what.c_str());
            if (++shown >= 20) break;
        }
    }
    drawEvidence();
}

// The evidence the unit's report lists, per checklist item: a thumbnail (or a labelled box for a
// PDF), its name, size and hash, so the assessor can match it with `suarawarga evidence`.
void AssessorView::Impl::drawEvidence() {
    if (!facility.is_object()) return;
    ImGui::Separator();
    paragraph(count("assessor.count.evidence", static_cast<std::int64_t>(evidence.size())));
    const float th = mm(14);
    for (const auto& l : evidence) {
        ImGui::PushID(l.info.sha256.c_str());
        if (void* tex = thumbnail(l.info)) {
            const float aspect = l.info.height > 0 ? static_cast<float>(l.info.width) / static_cast<float>(l.info.height) : 1.0f;
            ImGui::Image(tex, ImVec2(th * aspect, th));
        } else {
            ImGui::Button(l.info.mime == "application/pdf" ? "PDF" : "?", ImVec2(th, th));
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(0);   // the panel's edge: the right half of a 1366 px screen is narrow
        ImGui::TextUnformatted((l.item + "  " + l.info.fileName).c_str());
        ImGui::TextDisabled("%s KiB · SHA-256 %s…", std::to_string((l.info.size + 1023) / 1024).c_str(), // as the CLI rounds
                            l.info.sha256.substr(0, 16).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (!evidence.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", format(t("assessor.unit.evidence_hint"), {open}).c_str());
        ImGui::PopTextWrapPos();
    }
}

// [SECTION] Compare

void AssessorView::Impl::drawCompare() {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (ImGui::Button(t("assessor.back").c_str())) page = Page::Rollup;
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("assessor.compare.title").c_str());
    std::vector<const UnitRollup*> sel;
    for (const auto& u : units)
        if (compare.count(u.unit.id)) sel.push_back(&u);
    if (sel.size() < 2) {
        ImGui::TextUnformatted(t("assessor.compare.hint").c_str());
        return;
    }
    // One row per figure: its name, its value per unit (to find the best) and its text.
    using Opt = std::optional<double>;
    struct Figure {
        std::string label;
        std::function<Opt(const UnitRollup&)> value;
        std::function<std::string(const UnitRollup&)> text;
        bool higherBetter = true;
    };
    std::vector<Figure> figures{
        {t("assessor.row.ikm"), [](const UnitRollup& u) { return u.skm.complete ? Opt(u.skm.ikmUnit) : Opt(); },
         [&](const UnitRollup& u) { return u.skm.complete ? num(u.skm.ikmUnit, 2) : std::string("–"); }},
        {t("assessor.row.mutu"), [](const UnitRollup&) { return Opt(); },
         [&](const UnitRollup& u) {
             return u.skm.complete ? std::string(mutuLetter(u.skm.mutu)) + " (" + kinerja(u.skm.mutu) + ")" : std::string("–");
         }},
        {t("assessor.row.respondents"), [](const UnitRollup& u) { return Opt(static_cast<double>(u.skm.respondents)); },
         [](const UnitRollup& u) { return std::to_string(u.skm.respondents); }}};
    for (std::size_t i = 0; i < sel.front()->skm.unsur.size(); ++i)
        figures.push_back({unsurLabel(sel.front()->skm.unsur[i]),
                           [i](const UnitRollup& u) { return i < u.skm.unsur.size() && u.skm.unsur[i].n ? Opt(u.skm.unsur[i].nrrUnit) : Opt(); },
                           [&, i](const UnitRollup& u) {
                               if (i >= u.skm.unsur.size() || !u.skm.unsur[i].n) return std::string("–");
                               return num(u.skm.unsur[i].nrrUnit, 2) + " " + mutuLetter(u.skm.unsur[i].mutu);
                           }});
    figures.push_back({t("assessor.row.akses"), [](const UnitRollup& u) { return u.akses.any ? Opt(u.akses.index) : Opt(); },
                       [&](const UnitRollup& u) { return u.akses.any ? num(u.akses.index, 2) : std::string("–"); }});
    figures.push_back({t("assessor.col.rentan"), [](const UnitRollup& u) { return u.rentanComparable ? Opt(u.rentanGap) : Opt(); },
                       [&](const UnitRollup& u) { return u.rentanComparable ? num(u.rentanGap, 2) : std::string("–"); }});
    // An incomplete score is never coloured best (survey/RULES.md "Facility score").
    figures.push_back({t("assessor.row.facility"), [](const UnitRollup& u) { return u.facilityCoverage.complete() ? u.facilityScore : Opt(); },
                       [&](const UnitRollup& u) { return facilityText(u); }});
    figures.push_back({t("assessor.row.gaps"), [](const UnitRollup& u) { return u.facilityScore ? Opt(u.gapCount) : Opt(); },
                       [&](const UnitRollup& u) { return u.facilityScore ? std::to_string(u.gapCount) : std::string("–"); }, false});

    // The figures' names take 2.2 shares, each unit one; but no column is narrower than its longest
    // word — a unit's name or facility score ("Pemasyarakatan" on a 1280 or 1366 px laptop at
    // 4,5 px/mm), a figure's name ("Penyelesaian" at 6,2 px/mm). When even that is too wide (four
    // units on a 1280×800 touchscreen at 6,2 px/mm), the table scrolls sideways, the figures'
    // names frozen at the left.
    const int cols = static_cast<int>(sel.size()) + 1;
    std::vector<std::string> names{""};
    std::vector<float> least{0};   // +2: a word exactly as wide as its column wraps
    for (const Figure& f : figures) least[0] = std::max(least[0], widestWord(f.label) + 2);
    for (const auto* u : sel) {
        names.push_back((u->unit.name.empty() ? u->unit.id : u->unit.name) + (u->unit.demo ? " (" + t("assessor.demo_short") + ")" : ""));
        least.push_back(std::max(widestWord(names.back()), widestWord(facilityText(*u))) + 2);
    }
    const float cellPad = ImGui::GetStyle().CellPadding.x * 2 + 1;
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize - cellPad * static_cast<float>(cols);
    const float share = room / (2.2f + static_cast<float>(sel.size()));
    float total = std::max(least[0], share * 2.2f);
    for (std::size_t i = 1; i < least.size(); ++i) total += std::max(least[i], share);
    const bool sideways = total > room;
    if (!ImGui::BeginTable("compare", cols, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                                (sideways ? ImGuiTableFlags_ScrollX : 0)))
        return;
    ImGui::TableSetupScrollFreeze(sideways ? 1 : 0, 1);
    if (sideways) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, least[0]);
    else ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    for (std::size_t i = 1; i < names.size(); ++i)
        ImGui::TableSetupColumn(names[i].c_str(), ImGuiTableColumnFlags_WidthFixed, std::max(least[i], share));
    headerRow(names);
    // The best value in a row is drawn coloured.
    for (const Figure& f : figures) {
        ImGui::TableNextRow(0, mm(7));
        ImGui::TableNextColumn();
        wrapped(f.label);   // English unsur names are longer ("U8 Handling of Complaints, …")
        double best = f.higherBetter ? -1e18 : 1e18;
        for (const auto* u : sel)
            if (auto v = f.value(*u)) best = f.higherBetter ? std::max(best, *v) : std::min(best, *v);
        for (const auto* u : sel) {
            ImGui::TableNextColumn();
            const Opt v = f.value(*u);
            // Wrapped: a column per unit leaves "93,8 (belum lengkap 3/5)" too little room at 1280 px.
            const bool isBest = v && *v == best && sel.size() > 1;
            if (isBest) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.45f, 0.25f, 1));
            wrapped(f.text(*u));
            if (isBest) ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

} // namespace sw::assessor
