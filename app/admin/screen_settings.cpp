// Settings: unit identity (id, names, Kemendagri code) and time zone, service types, idle timeout, languages offered,
// how citizens answer (one tap or choose-then-Next), the PIN,
// question wording (a new instrument version), the dashboard's alert, and the signing key's
// fingerprint to read out to the Kanwil assessor.
#include "app/admin/screens.hpp"

#include "survey/store/instrument_edit.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/kiosk/answer_mode.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/unit_setup.hpp"

#include <algorithm>

namespace sw::admin {

namespace {
constexpr const char* kZones[3] = {"WIB", "WITA", "WIT"};

// Publishes the instrument `edit` returns as a new version and says which. `edit` runs inside the
// try: an edit that is refused is said as an error, like a publish that fails.
template <class Edit> void publishEdited(AdminContext& c, Edit&& edit) {
    try {
        Instrument edited = edit();
        c.host.instrument = publishInstrumentVersion(c.store(), edited);
        c.host.instrumentChanged = true;
        c.colsLoaded = false;
        c.say(c.tf("settings.published", {std::to_string(c.host.instrument.version)}));
    } catch (const std::exception& e) {
        c.say(e.what(), true);
    }
}
} // namespace

void SettingsScreen::load(AdminContext& c) {
    unit = c.store().unit().value_or(UnitInfo{});
    headName = c.store().setting("unit.head_name");
    headNip = c.store().setting("unit.head_nip");
    if (!c.store().unit()) unit.id.clear();   // first run: the unit's own id, never a made-up one
    unitDemo = unit.demo;
    zone = unit.utcOffsetMinutes == 480 ? 1 : unit.utcOffsetMinutes == 540 ? 2 : 0;
    idleSeconds = c.store().setting("kiosk.idle_seconds", "45");
    const std::string offered = c.store().setting("kiosk.languages", "");
    languages.clear();
    for (const auto& l : c.instrument().languages)
        languages[l.code] = offered.empty() || ("," + offered + ",").find("," + l.code + ",") != std::string::npos;
    const Unsur* u = c.instrument().findUnsur(editUnsur);
    if (!u && !c.instrument().unsur.empty()) u = &c.instrument().unsur.front();
    if (u) {
        editUnsur = u->code;
        questionId = u->question.in("id");
        questionEn = u->question.in("en");
    }
    services = c.instrument().services;
    // The unit's key pair for signed exports is made on first use (survey/bundle/signing.hpp); its
    // fingerprint is what the head reads out to the Kanwil assessor.
    try {
        fingerprint = UnitKey::loadOrCreate(c.store()).fingerprint();
    } catch (const std::exception& e) {
        keyError = e.what();
    }
    popFrom = formatDate(c.period.from);
    popTo = formatDate(c.period.to);
    rollingCount = std::to_string(c.rollingCount);
    rollingThreshold = c.num(c.rollingThreshold);
    loaded = true;
}

void SettingsScreen::draw(AdminContext& c) {
    if (!loaded) load(c);
    // Two panels side by side where each gets ~190 mm (1920 px at 96 dpi); narrower (1280 px) one
    // column that scrolls, so fields, question texts and service names keep their width.
    const float W = ImGui::GetContentRegionAvail().x;
    if (W >= c.mm(380)) {
        ImGui::BeginChild("##left", ImVec2(W * 0.5f, 0), true);
        drawUnitSide(c);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##right", ImVec2(0, 0), true);
        drawInstrumentSide(c);
        ImGui::EndChild();
    } else {
        drawUnitSide(c);
        ImGui::Separator();
        drawInstrumentSide(c);
    }
}

// A NIP (Nomor Induk Pegawai) is 18 digits; empty leaves a line to write it on in the report.
static bool isNip(const std::string& nip) {
    return nip.empty() || (nip.size() == 18 && std::all_of(nip.begin(), nip.end(), [](char ch) { return ch >= '0' && ch <= '9'; }));
}

// The unit side's two columns: labels as wide as the longest (at most 45 % of the panel, longer
// ones wrap), fields up to 160 mm (a unit's full name) but never past the panel's edge. When the
// field left beside the labels is narrower than the widest value needs (at least 100 mm: an official
// name such as "Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta"), each label goes above its
// field instead and the field takes the panel's width: the head reads the unit's name in full (a
// one-line field cannot wrap). This is the half panel of a wide screen at a low pixel density.
struct SettingsColumns {
    AdminContext& c;
    float sp = 0, x0 = 0, label = 0, field = 0;
    bool stacked = false;   // labels above their fields; `label` is then the panel's left edge

    SettingsColumns(AdminContext& ctx, float widestValue) : c(ctx) {
        static const char* const kLabels[] = {"settings.id",        "settings.name",          "settings.instansi",
                                              "settings.address",   "settings.kabupaten",     "settings.kode_wilayah",
                                              "settings.province",  "settings.head_name",    "settings.head_nip",    "settings.zone",          "settings.idle",
                                              "settings.languages", "settings.answer_mode",   "settings.pin_new",       "settings.pin_again",
                                              "settings.rolling_count", "settings.rolling_threshold"};
        sp = ImGui::GetStyle().ItemSpacing.x;
        float labelsW = 0;
        for (const char* k : kLabels) labelsW = std::max(labelsW, ImGui::CalcTextSize(c.t(k)).x);
        x0 = ImGui::GetCursorPosX();   // the panel's padding: columns are measured from here
        const float avail = ImGui::GetContentRegionAvail().x;
        label = x0 + std::min(labelsW + sp * 2, avail * 0.45f);
        field = std::min(c.mm(160), avail - (label - x0));
        const float needed = std::max(c.mm(100), widestValue + ImGui::GetStyle().FramePadding.x * 2 + sp);
        stacked = field < std::min(needed, c.mm(160));
        if (stacked) {
            label = x0;
            field = std::min(c.mm(160), avail);
        }
    }
    void labelText(const char* key) const {
        if (stacked) {
            ImGui::TextWrapped("%s", c.t(key));
            return;
        }
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(label - sp);
        ImGui::TextUnformatted(c.t(key));
        ImGui::PopTextWrapPos();
        ImGui::SameLine(label);
    }
    void row(const char* key, const char* id, std::string& value) const {
        labelText(key);
        ui::inputText(id, value, field);
    }
};

void SettingsScreen::drawUnitSide(AdminContext& c) {
    float widest = 0;   // the identity's values, as typed
    for (const std::string* v : {&unit.id, &unit.name, &unit.instansi, &unit.address, &unit.kabupaten, &unit.kodeWilayah, &unit.province,
                                 &headName, &headNip})
        widest = std::max(widest, ImGui::CalcTextSize(v->c_str()).x);
    const SettingsColumns cols(c, widest);
    drawIdentity(c, cols);
    ImGui::Separator();
    drawKiosk(c, cols);
    ImGui::Separator();
    drawPin(c, cols);
    ImGui::Separator();
    drawKey(c);
    ImGui::Separator();
    drawAlert(c, cols);
    ImGui::Separator();
    drawPopulation(c);
}

void SettingsScreen::drawIdentity(AdminContext& c, const SettingsColumns& cols) {
    ui::heading(c, c.t("settings.unit"));
    if (unitDemo) { // what the head must do to stop being the demo unit, where it is done
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.61f, 0.11f, 0.11f, 1), "%s", c.t("settings.demo_hint"));
        ImGui::PopTextWrapPos();
    }
    cols.row("settings.id", "##id", unit.id);
    cols.row("settings.name", "##name", unit.name);
    cols.row("settings.instansi", "##instansi", unit.instansi);
    cols.row("settings.address", "##address", unit.address);
    cols.row("settings.kabupaten", "##kab", unit.kabupaten);
    cols.row("settings.kode_wilayah", "##kode", unit.kodeWilayah);
    cols.row("settings.province", "##prov", unit.province);
    cols.row("settings.head_name", "##head", headName);
    cols.row("settings.head_nip", "##nip", headNip);
    cols.labelText("settings.zone");
    for (int z = 0; z < 3; ++z) {
        if (ui::button(c, kZones[z], zone == z, 20)) zone = z;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (ui::button(c, c.t("settings.save_unit"), true)) saveUnit(c);
}

// Through initUnit, as `suarawarga init` does: every field checked (checkUnit), an id that would
// orphan the store's responses refused, and the unit real from then on (no longer DEMO).
void SettingsScreen::saveUnit(AdminContext& c) {
    if (unit.name.empty()) {
        c.say(c.t("settings.name_required"), true);
        return;
    }
    unit.utcOffsetMinutes = zoneOffsetMinutes(kZones[zone]);
    try {
        checkUnit(unit);
        checkText(headName, c.t("settings.head_name"), kMaxNameLength);
        if (!isNip(headNip)) throw UsageError(c.t("settings.nip_invalid"));
        initUnit(c.store(), unit);
        c.store().setSetting("unit.head_name", headName);
        c.store().setSetting("unit.head_nip", headNip);
    } catch (const UsageError& e) {
        c.say(c.tf("settings.unit_refused", {e.what()}), true);
        return;
    }
    unit = c.store().unit().value_or(unit);
    unitDemo = unit.demo;
    c.say(c.t("settings.saved"));
}

void SettingsScreen::drawKiosk(AdminContext& c, const SettingsColumns& cols) {
    ui::heading(c, c.t("settings.kiosk"));
    cols.row("settings.idle", "##idle", idleSeconds);
    cols.labelText("settings.languages");
    bool firstLanguage = true;
    for (const auto& l : c.instrument().languages) {
        const float boxW = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(l.name.c_str()).x;
        if (!firstLanguage && !ui::sameLineIfFits(boxW)) ImGui::SetCursorPosX(cols.label);   // wrapped: under the first
        firstLanguage = false;
        bool on = languages[l.code];
        if (ImGui::Checkbox(l.name.c_str(), &on)) languages[l.code] = on;
    }
    drawAnswerMode(c, cols);
    if (ui::button(c, c.t("settings.save_kiosk"), true)) {
        std::string list;
        for (const auto& [code, on] : languages)
            if (on) list += (list.empty() ? "" : ",") + code;
        int idle = 0;
        try {
            idle = std::stoi(idleSeconds);
        } catch (const std::exception&) {
        }
        if (idle < 20 || idle > 600) c.say(c.t("settings.idle_bad"), true); // ≥ 20 s to answer the warning (WCAG 2.2.1)
        else if (list.empty()) c.say(c.t("settings.languages_bad"), true);
        else {
            c.store().setSetting("kiosk.idle_seconds", std::to_string(idle));
            c.store().setSetting("kiosk.languages", list);
            c.say(c.t("settings.saved"));
        }
    }
}

// One tap per question or choose-then-Next (survey/kiosk/answer_mode.hpp), saved on the tap like the
// welcome line's switch: the kiosk applies it from the next citizen.
void SettingsScreen::drawAnswerMode(AdminContext& c, const SettingsColumns& cols) {
    cols.labelText("settings.answer_mode");
    const AnswerMode now = answerMode(c.store());
    for (const AnswerMode mode : {AnswerMode::OneTap, AnswerMode::Confirm}) {
        const char* label = c.t(mode == AnswerMode::OneTap ? "settings.answer_one_tap" : "settings.answer_confirm");
        if (mode == AnswerMode::Confirm && !ui::sameLineIfFits(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2))
            ImGui::SetCursorPosX(cols.label);
        if (ui::button(c, label, mode == now) && mode != now) {
            setAnswerMode(c.store(), mode);
            c.say(c.t("settings.answer_saved"));
        }
    }
}

void SettingsScreen::drawPin(AdminContext& c, const SettingsColumns& cols) {
    ui::heading(c, c.t("settings.pin"));
    cols.labelText("settings.pin_new");
    ui::inputText("##pin1", pin1, c.mm(40), ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    cols.labelText("settings.pin_again");
    ui::inputText("##pin2", pin2, c.mm(40), ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    if (!ui::sameLineIfFits(ImGui::CalcTextSize(c.t("settings.pin_change")).x + ImGui::GetStyle().FramePadding.x * 2))
        ImGui::SetCursorPosX(cols.label);
    if (ui::button(c, c.t("settings.pin_change"), true)) {
        if (pin1 != pin2) c.say(c.t("settings.pin_mismatch"), true);
        else if (const std::string why = pinProblem(pin1); !why.empty())
            c.say(c.t(why == "pin.trivial_repeat" ? "settings.pin_trivial_repeat"
                      : why == "pin.trivial_run"  ? "settings.pin_trivial_run"
                                                  : "settings.pin_invalid"),
                  true);
        else {
            PinLock(c.store()).setPin(pin1);
            c.host.pinChanged = true;
            c.say(c.t("settings.pin_changed"));
        }
        pin1.clear();
        pin2.clear();
    }
}

void SettingsScreen::drawKey(AdminContext& c) {
    ui::heading(c, c.t("settings.key"));
    if (fingerprint.empty()) {
        ImGui::TextWrapped("%s", c.t("settings.key_none"));
        if (!keyError.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", keyError.c_str());
    } else {
        ImGui::TextWrapped("%s", c.t("settings.key_hint"));
        ImGui::SetWindowFontScale(1.3f);
        ImGui::TextWrapped("%s", fingerprint.c_str());   // groups of four: wraps between them
        ImGui::SetWindowFontScale(1.0f);
    }
}

void SettingsScreen::drawAlert(AdminContext& c, const SettingsColumns& cols) {
    ui::heading(c, c.t("settings.alert"));
    cols.row("settings.rolling_count", "##rc", rollingCount);
    cols.row("settings.rolling_threshold", "##rt", rollingThreshold);
    if (ui::button(c, c.t("settings.save_alert"), true)) {
        try {
            std::string t = rollingThreshold;
            for (char& ch : t)
                if (ch == ',') ch = '.';
            const int n = std::stoi(rollingCount);
            const double th = std::stod(t);
            if (n < 5 || th < 25 || th > 100) throw std::invalid_argument("range");
            c.rollingCount = n;
            c.rollingThreshold = th;
            c.store().setSetting("dashboard.rolling_count", std::to_string(n));
            c.store().setSetting("dashboard.rolling_threshold", std::to_string(th));
            c.dirty = true;
            c.say(c.t("settings.saved"));
        } catch (const std::exception&) {
            c.say(c.t("settings.alert_bad"), true);
        }
    }
}

void SettingsScreen::drawPopulation(AdminContext& c) {
    ui::heading(c, c.t("settings.population"));
    // Dates as wide as a date; the row wraps before the count and the button when narrow.
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float dateW = ImGui::CalcTextSize("2026-12-31").x + c.mm(5);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.t("period.from"));
    ImGui::SameLine();
    ui::inputText("##popfrom", popFrom, dateW);
    ImGui::SameLine();
    ImGui::TextUnformatted(c.t("period.to"));
    ImGui::SameLine();
    ui::inputText("##popto", popTo, dateW);
    ui::sameLineIfFits(c.mm(25) + sp + ImGui::CalcTextSize(c.t("common.save")).x + ImGui::GetStyle().FramePadding.x * 2);
    ui::inputText("##popcount", popCount, c.mm(25), ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (ui::button(c, c.t("common.save"))) {
        LocalDate a, b;
        try {
            if (!parseDate(popFrom, a) || !parseDate(popTo, b)) throw UsageError("date");
            setPopulation(c.store(), customPeriod(a, b), std::stoll(popCount));
            c.dirty = true;
            c.say(c.t("dash.population_saved"));
        } catch (const std::exception&) {
            c.say(c.t("settings.population_bad"), true);
        }
    }
    for (const PopulationEntry& e : listPopulations(c.store()))
        ImGui::BulletText("%s – %s: %s", e.from.c_str(), e.to.c_str(), std::to_string(e.population).c_str());
}

void SettingsScreen::drawInstrumentSide(AdminContext& c) {
    ui::heading(c, c.t("settings.questions"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", c.tf("settings.instrument_version", {c.instrument().id, std::to_string(c.instrument().version)}).c_str());
    ImGui::PopStyleColor();
    ImGui::SetNextItemWidth(std::min(c.mm(100), ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##unsur", (editUnsur + " " + c.unsurName(editUnsur)).c_str())) {
        for (const auto& u : c.instrument().unsur)
            if (ImGui::Selectable((u.code + " " + u.name.in(c.host.lang)).c_str(), u.code == editUnsur)) {
                editUnsur = u.code;
                questionId = u.question.in("id");
                questionEn = u.question.in("en");
            }
        ImGui::EndCombo();
    }
    const float qw = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted("Bahasa Indonesia");
    ui::inputMultiline("##qid", questionId, ImVec2(qw, c.mm(16)));
    ImGui::TextUnformatted("English");
    ui::inputMultiline("##qen", questionEn, ImVec2(qw, c.mm(16)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", c.t("settings.questions_hint"));
    ImGui::PopStyleColor();
    if (ui::button(c, c.t("settings.publish_question"), true))
        publishEdited(c, [&] { return withQuestionEdits(c.instrument(), {{editUnsur, "id", questionId}, {editUnsur, "en", questionEn}}); });
    ImGui::Separator();
    ui::heading(c, c.t("settings.services"));
    // Code | Indonesian | English | remove: the code column as wide as the longest code (35 mm at
    // least), the two names share what is left up to 75 mm each. When that leaves a name too little
    // room (a half panel at a low pixel density), the code goes on a line of its own and the names
    // share the whole width under it: a one-line field cannot wrap.
    const float sp = ImGui::GetStyle().ItemSpacing.x, pad = ImGui::GetStyle().FramePadding.x * 2;
    const float x0 = ImGui::GetCursorPosX(), avail = ImGui::GetContentRegionAvail().x;
    float codeW = c.mm(35), namesNeed = 0;
    for (const auto& sv : services) {
        codeW = std::max(codeW, ImGui::CalcTextSize(sv.code.c_str()).x + sp * 2);
        for (const auto& [lang, name] : sv.label.byLang) namesNeed = std::max(namesNeed, ImGui::CalcTextSize(name.c_str()).x + pad + sp);
    }
    const float buttonW = std::max(ImGui::CalcTextSize(c.t("settings.remove")).x, ImGui::CalcTextSize(c.t("settings.add")).x) + pad;
    float nameW = std::clamp((avail - codeW - buttonW - sp * 3) / 2, c.mm(30), c.mm(75));
    const bool codeAbove = nameW < namesNeed;
    if (codeAbove) nameW = std::max(c.mm(30), (avail - buttonW - sp * 2) / 2);
    const float codeCol = codeAbove ? x0 : x0 + codeW;
    std::size_t removeAt = services.size();
    for (std::size_t i = 0; i < services.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s", services[i].code.c_str());
        if (!codeAbove) ImGui::SameLine(codeCol);
        ui::inputText("##sid", services[i].label.byLang["id"], nameW);
        ImGui::SameLine();
        ui::inputText("##sen", services[i].label.byLang["en"], nameW);
        ImGui::SameLine();
        if (ui::button(c, c.t("settings.remove"))) removeAt = i;
        ImGui::PopID();
    }
    if (removeAt < services.size()) services.erase(services.begin() + static_cast<std::ptrdiff_t>(removeAt));
    ImGui::AlignTextToFramePadding();
    ui::inputText("##ncode", newServiceCode, codeW - sp);
    if (!codeAbove) ImGui::SameLine(codeCol);
    ui::inputText("##nid", newServiceId, nameW);
    ImGui::SameLine();
    ui::inputText("##nen", newServiceEn, nameW);
    ImGui::SameLine();
    if (ui::button(c, c.t("settings.add"))) {
        if (newServiceCode.empty() || newServiceId.empty() || newServiceEn.empty()) c.say(c.t("settings.service_incomplete"), true);
        else {
            services.push_back({newServiceCode, {{{"id", newServiceId}, {"en", newServiceEn}}}});
            newServiceCode.clear();
            newServiceId.clear();
            newServiceEn.clear();
        }
    }
    if (ui::button(c, c.t("settings.publish_services"), true)) publishEdited(c, [&] { return withServices(c.instrument(), services); });
}

} // namespace sw::admin
