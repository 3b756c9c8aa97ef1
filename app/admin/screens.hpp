// The unit head's screens: each a struct that holds UI state only and draws figures computed by
// libsurvey (a screen is a struct that draws a model). One file per screen.
#pragma once
#include "app/admin/admin_context.hpp"

#include "survey/dashboard/comments.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/export/public_summary.hpp"

#include <map>
#include <string>
#include <vector>

namespace sw::admin {

struct DashboardScreen {
    std::string populationText;            // the head's entry for the period
    std::string customFrom, customTo;      // custom period dates being typed
    void draw(AdminContext& c);
    void drawPeriodPicker(AdminContext& c);
    void drawAlerts(AdminContext& c);

private:
    // The steps of drawPeriodPicker() and draw() that touch the screen's state; the rest are
    // helpers in screen_dashboard.cpp.
    void drawPeriodKinds(AdminContext& c);     // month … custom
    void drawPeriodStepper(AdminContext& c);   // < period label >
    void drawCustomRange(AdminContext& c);     // from, to, apply
    void drawPopulationRow(AdminContext& c);   // population served, save, the weighting rule
};

struct CommentsScreen {
    std::string search;
    bool misuseOnly = false;
    int page = 0;
    std::vector<CommentRow> rows;
    std::int64_t total = 0;
    std::string loadedKey;                 // what `rows` was loaded for (period|search|page|mode)
    void draw(AdminContext& c);
};

struct FacilityScreen {
    FacilityAssessment draft;              // being edited; saved as a new dated assessment
    bool draftReady = false;
    std::int64_t viewing = 0;              // an earlier assessment shown read-only (0 = the draft)
    std::int64_t savedAs = 0;              // the draft was saved as this assessment (0: not yet)
    std::optional<FacilityAssessment> viewed;
    std::vector<AssessmentSummary> history;
    std::string folder = "/media";         // where evidence is imported from (USB stick)
    std::string evidenceItem;              // the item the import dialog attaches to
    std::vector<std::string> candidates;
    std::map<std::string, std::string> measureText; // "item/measure" → typed value
    std::map<std::int64_t, void*> textures;         // evidence id → texture (host-made)
    std::map<std::int64_t, EvidenceInfo> evidence;  // cache
    void draw(AdminContext& c);
    void startDraft(AdminContext& c);
    void releaseTextures(AdminContext& c);

private:
    // The steps of draw(); `readOnly` is decided once per frame, before the history combo.
    void drawHeader(AdminContext& c, bool readOnly);
    void drawDraftFields(AdminContext& c);     // date, assessor, save
    void saveDraft(AdminContext& c);
    void drawItem(AdminContext& c, const FacilityItem& item, FacilityAnswer& ans, bool readOnly);
    void drawMeasures(AdminContext& c, const FacilityItem& item, FacilityAnswer& ans, bool readOnly);
    void drawEvidence(AdminContext& c, const FacilityAnswer& ans);
    void drawEvidenceImport(AdminContext& c, FacilityAnswer& ans);
    void importFile(AdminContext& c, const std::string& path, FacilityAnswer& ans);
};

struct TindakLanjutScreen {
    TindakLanjut form;
    int target = 0;                        // index into the suggestions
    std::vector<TindakLanjut> list;
    std::string loadedFor;
    void draw(AdminContext& c);

private:
    // The steps of draw().
    void loadForPeriod(AdminContext& c);       // the list, when the period changed
    void drawFields(AdminContext& c);          // action, owner, due date
    void addEntry(AdminContext& c, const TindakLanjut& t);
    void drawPlan(AdminContext& c);            // the stored list, status and remove
};

// Results for the public: the page for the dashboard's period, the board, the welcome line.
struct PublishScreen {                     // screen_publish.cpp
    std::string folder;                    // where the page is written ("" = the home folder)
    std::string lang = "id";               // the page's language
    PublicSummary preview;                 // what the page will say, for the head to read first
    std::string previewFor;                // the period, language and count it was made for
    void draw(AdminContext& c);

private:
    void drawPage(AdminContext& c);            // folder, language, "make the public page"
    void exportPage(AdminContext& c);
    void drawPreview(AdminContext& c);
    void drawWelcomeLine(AdminContext& c);     // the switch, and the line as the kiosk shows it
    void drawBoard(AdminContext& c);           // the command that starts it
};

struct SettingsColumns;   // screen_settings.cpp: the unit side's label and field columns

struct SettingsScreen {
    bool loaded = false;
    UnitInfo unit;                         // as being edited
    std::string headName, headNip;         // who signs the PDF report (settings unit.head_name, unit.head_nip)
    bool unitDemo = false;                 // the stored unit is the demo unit (until saved for real)
    int zone = 0;                          // 0 WIB, 1 WITA, 2 WIT
    std::string idleSeconds;
    std::map<std::string, bool> languages;
    std::string pin1, pin2;
    std::string editUnsur = "U1";
    std::string questionId, questionEn;
    std::vector<Option> services;
    std::string newServiceCode, newServiceId, newServiceEn;
    std::string rollingCount, rollingThreshold;
    std::string popFrom, popTo, popCount;  // population served per period
    std::string fingerprint, keyError;
    void load(AdminContext& c);
    void draw(AdminContext& c);
    void drawUnitSide(AdminContext& c);        // identity, kiosk, PIN, key, alert, population
    void drawIdentity(AdminContext& c, const SettingsColumns& cols);
    void saveUnit(AdminContext& c);            // through sw::initUnit; its refusal is said
    void drawKiosk(AdminContext& c, const SettingsColumns& cols);
    void drawAnswerMode(AdminContext& c, const SettingsColumns& cols);   // kiosk.answer_mode
    void drawPin(AdminContext& c, const SettingsColumns& cols);
    void drawKey(AdminContext& c);
    void drawAlert(AdminContext& c, const SettingsColumns& cols);
    void drawPopulation(AdminContext& c);
    void drawInstrumentSide(AdminContext& c);  // question wording, service types
};

} // namespace sw::admin
