// The citizen's path through the kiosk as a small state machine, with no ImGui in it
// (survey/RULES.md "How data flows" 2): welcome → language/mode → service → nine unsur → HAM module
// (kelompok rentan, ratings — the supporting facilities only when used —, adil) → profile
// (optional) → comment (optional) → thanks → reset.
// Touch, keypad and tests all act through the same calls; screens only draw what this says.
//
// Index of this file
//   [SECTION] Pages and choices
//   [SECTION] Settings (idle, debounce) and the submit context
//   [SECTION] CitizenFlow
#pragma once
#include "app/shell/metrics.hpp"
#include "app/kiosk/flow/speech.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/kiosk/misuse.hpp"
#include "survey/response/draft.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/base/translations.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sw::kiosk {

// [SECTION] Pages and choices

// Facility: which supporting facilities (the HAM items of criterion "sarana_prasarana": disability
// toilet, lactation room, children's area) the citizen used; only those are asked.
// RentanGate: "are you in one of these groups?", yes or no, when the instrument has it; Rentan, the
// list of groups, then follows only a yes.
enum class Step { Welcome, Language, Service, Unsur, RentanGate, Rentan, Facility, Ham, Adil, Profile, Comment, Thanks };   // Thanks last (stepNamed)
const char* stepName(Step s);
std::optional<Step> stepNamed(const std::string& name);   // stepName's inverse

struct Page {
    Step step = Step::Welcome;
    int index = 0;   // which unsur / HAM item / profile field
};

// One option of the current page, in keypad order (digit n = choices()[n-1]).
struct Choice {
    std::string label;
    bool selected = false;
    int face = 0;          // 1..4: drawn as a face (answer value); 0: a plain option
    bool toggle = false;   // multi-select (check box) rather than single (radio)
    bool opens = false;    // not an answer but a way to another page: drawn with no mark
};

// [SECTION] Settings and submit context

struct FlowSettings {
    double idleSeconds = 45;         // without a touch before "Butuh waktu lagi?"
    double accessibleIdleFactor = 2; // any accessibility mode lengthens the limit (WCAG 2.2.1)
    double promptSeconds = 30;       // the prompt's countdown; ≥ 20 s (WCAG 2.2.1; survey/RULES.md "The kiosk itself is accessible")
    double promptReminderSeconds = 10; // spoken guidance: the prompt is said again this long before the reset
    double thanksSeconds = 10;       // thanks stays this long, then the kiosk is fresh again
    double debounceSeconds = 0.35;   // the same target or key again within this lands nowhere (touch bounce, double taps)
    int defaultVolume = 100;
    // One tap per question (README "The citizen kiosk"): a touched answer shows as chosen for
    // advanceSeconds, then the next question follows. false: answer, then "Lanjut".
    bool oneTap = true;
    double advanceSeconds = 0.7;
};

struct SubmitContext {
    std::string unitId;
    std::string deviceId;
    int utcOffsetMinutes = 420;
    MisuseRule misuse;
    std::function<std::int64_t()> utcNow;                            // wall clock for the stored row
    std::function<std::optional<std::int64_t>()> lastStoredSubmit;   // from the store; may be empty
};

// [SECTION] CitizenFlow

class CitizenFlow {
public:
    CitizenFlow(const Instrument& in, const Translations& tr, Submitter& submitter, SubmitContext ctx,
                FlowSettings settings = {}, Speech* speech = nullptr);

    // --- what to show
    Page page() const { return pages_[current_]; }
    Step step() const { return pages_[current_].step; }
    const std::string& lang() const { return lang_; }
    const Modes& modes() const { return modes_; }
    const ResponseDraft& draft() const { return draft_; }
    const Instrument& instrument() const { return in_; }
    const Translations& translations() const { return tr_; }
    const std::string& t(const std::string& key) const { return tr_.get(key, lang_); }
    std::string title() const;                 // the page's question / heading
    std::string hint() const;                  // a short line under it ("Pilih satu jawaban" on a section's first question)
    std::vector<Choice> choices() const;
    std::string progressText() const;          // "5 dari 22" over the whole survey; empty on welcome, language, thanks
    int progressIndex() const;                 // 1-based place among the questions asked (0: none)
    int progressTotal() const;                 // questions asked of this citizen (the facilities used count)
    std::string sectionName() const;           // "Unsur 3: Waktu Penyelesaian"
    bool canNext() const;                      // answered, or an optional page
    bool optionalPage() const;                 // profile and comment may be skipped
    bool canBack() const;                      // before submit only
    std::string speechText() const;            // the page read aloud: question, options, selection
    const std::string& voice() const;          // espeak-ng's voice for the citizen's language
    Submitter::Outcome lastOutcome() const { return lastOutcome_; }
    // Why the last key or tap did nothing ("Pilih 1 sampai 4"); empty after any action that worked.
    const std::string& notice() const { return notice_; }
    // A touched answer waiting its visible moment before the next question (one tap per question).
    bool advancePending() const { return advanceAt_ >= 0; }
    // The supporting facilities (HAM items of criterion "sarana_prasarana"), asked only when used.
    const std::vector<const HamItem*>& facilities() const { return facilities_; }
    bool facilityUsed(const std::string& code) const;

    // --- actions (each returns false when ignored: debounced, not allowed here). What a key or tap
    // could not do is said in notice(), shown and spoken.
    enum class Input { Key, Touch };
    bool choose(std::size_t index, double now, Input by = Input::Key);   // 0-based; Touch may advance by itself
    void digitKey(int digit, double now);            // the keypad's 0–9 on any page ('0': skip the whole profile)
    bool next(double now);                          // on the comment page: submit
    bool back(double now);
    bool skipProfile(double now);                   // the whole profile, in one tap
    bool typeComment(const std::string& utf8, double now);   // keyboard keys are not debounced across keys
    bool eraseComment(double now);
    void repeatSpeech();
    bool changeVolume(int delta, double now);
    void setSpeechMode(bool on, double now);        // welcome's "spoken guidance" button / `*` on welcome

    // --- time
    void touched(double now);                       // any input: resets the idle timer (extends the prompt)
    // Seconds left on the "Butuh waktu lagi?" prompt, when it shows.
    std::optional<double> idlePromptSecondsLeft(double now) const;
    double idleLimitSeconds() const;
    // Call every frame: resets after the prompt runs out or after thanks, says the prompt in spoken
    // guidance. True when it reset.
    bool tick(double now);
    // Seconds until tick() has something to do (for the idle loop's wait).
    double secondsUntilDue(double now) const;

    // Back to the welcome screen with nothing of the last person left (answers, language, modes,
    // text, volume). Called on timeout, after thanks and by the unit head.
    void reset();

    // Screenshots and tests: jump straight to a page with the current draft. The list of groups
    // behind the kelompok rentan gate is reached only by a yes there, so it is taken as said.
    void showPage(Step s, int index = 0);
    void setModes(const Modes& m) { modes_ = m; }

    // The unit head's settings ("kiosk.idle_seconds", "kiosk.languages"), applied between respondents.
    void setIdleSeconds(double s) { settings_.idleSeconds = s; }
    void setOneTap(bool on) { settings_.oneTap = on; }
    void setOfferedLanguages(std::vector<std::string> codes);   // empty: every language of the instrument
    std::vector<std::string> offeredLanguageCodes() const;
    // The unit's identity as the unit head saved it (id, time zone): the next response is stored under it.
    void setUnit(const std::string& unitId, int utcOffsetMinutes) {
        ctx_.unitId = unitId;
        ctx_.utcOffsetMinutes = utcOffsetMinutes;
    }
    // After the instrument changed in place (a new version published): rebuild the pages, reset.
    void rebuild();
    const FlowSettings& settings() const { return settings_; }
    void setLang(const std::string& l) { lang_ = l; }

private:
    void buildPages();
    std::vector<const Language*> offeredLanguages() const;
    std::vector<const Language*> welcomeLanguages() const;
    int pageIndexOf(Step s, int index) const;
    bool debounced(const std::string& target, double now);
    bool saidNotRentan() const;
    std::vector<std::size_t> rentanShown() const;   // the groups listed, as indices into the instrument's
    void answerGate(bool inGroup);
    bool askedOf(const HamItem& h) const;
    bool applicable(int pageIndex) const;      // askedOf, for a HAM page; every other page is asked
    int nextApplicable(int from, int step) const;
    void setNotice(const std::string& text);
    void go(int pageIndex, double now);
    void toggleFacility(std::size_t i);
    bool chooseOnWelcome(std::size_t i, double now);
    bool singleAnswerDone(std::size_t chosen) const;   // a touched answer that ends the question
    void announce();
    void announceSelection();
    void announceIdlePrompt(std::optional<double> secondsLeft);
    void submit(double now);

    const Instrument& in_;
    const Translations& tr_;
    Submitter& submitter_;
    SubmitContext ctx_;
    FlowSettings settings_;
    Speech* speech_;

    std::vector<Page> pages_;
    std::vector<const HamItem*> facilities_;
    std::vector<std::string> offered_;
    int current_ = 0;
    // Everything below belongs to one respondent and is cleared by reset().
    ResponseDraft draft_;
    std::string lang_;
    Modes modes_;
    std::string lastTarget_;     // debounce: the last target or key and when it landed
    double lastAction_ = -1e9;
    std::vector<std::string> facilitiesUsed_;
    bool noFacility_ = false;    // "none of these" on the facility page
    bool displayAsked_ = false;  // the welcome's "large text and other display options" was touched
    std::optional<bool> inGroup_;  // the answer to the kelompok rentan gate, when asked
    std::string notice_;
    double advanceAt_ = -1;
    double lastTouch_ = 0;
    double thanksSince_ = 0;
    enum class PromptSaid { Nothing, Warning, Reminder };
    PromptSaid promptSaid_ = PromptSaid::Nothing;   // spoken guidance, of the prompt showing now
    Submitter::Outcome lastOutcome_ = Submitter::Outcome::Stored;
};

} // namespace sw::kiosk
