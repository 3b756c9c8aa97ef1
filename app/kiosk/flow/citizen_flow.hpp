// The citizen's path through the kiosk as a small state machine, with no ImGui in it
// (survey/RULES.md "How data flows" 2): welcome → language/mode → service → nine unsur → HAM module
// (kelompok rentan, ratings, adil) → profile (optional) → comment (optional) → thanks → reset.
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

enum class Step { Welcome, Language, Service, Unsur, Rentan, Ham, Adil, Profile, Comment, Thanks };
const char* stepName(Step s);

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
};

// [SECTION] Settings and submit context

struct FlowSettings {
    double idleSeconds = 45;         // without a touch before "Butuh waktu lagi?"
    double accessibleIdleFactor = 2; // any accessibility mode lengthens the limit (WCAG 2.2.1)
    double promptSeconds = 30;       // the prompt's countdown; ≥ 20 s (WCAG 2.2.1; survey/RULES.md "The kiosk itself is accessible")
    double promptReminderSeconds = 10; // spoken guidance: the prompt is said again this long before the reset
    double thanksSeconds = 10;       // thanks stays this long, then the kiosk is fresh again
    double debounceSeconds = 0.35;   // a second tap within this lands nowhere (touch bounce, double taps)
    int defaultVolume = 100;
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
    std::string hint() const;                  // a short line under it ("Pilih satu jawaban")
    std::vector<Choice> choices() const;
    std::string progressText() const;          // "3 dari 9" / "3 of 9", empty outside a section
    std::string sectionName() const;           // "Unsur 3: Waktu Penyelesaian"
    bool canNext() const;                      // answered, or an optional page
    bool optionalPage() const;                 // profile and comment may be skipped
    bool canBack() const;                      // before submit only
    std::string speechText() const;            // the page read aloud: question, options, selection
    Submitter::Outcome lastOutcome() const { return lastOutcome_; }

    // --- actions (each returns false when ignored: debounced, not allowed here)
    bool choose(std::size_t index, double now);     // 0-based
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

    // Screenshots and tests: jump straight to a page with the current draft.
    void showPage(Step s, int index = 0);
    void setModes(const Modes& m) { modes_ = m; }

    // The unit head's settings ("kiosk.idle_seconds", "kiosk.languages"), applied between respondents.
    void setIdleSeconds(double s) { settings_.idleSeconds = s; }
    void setOfferedLanguages(std::vector<std::string> codes);   // empty: every language of the instrument
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
    int pageIndexOf(Step s, int index) const;
    bool debounced(double now);
    void go(int pageIndex, double now);
    void announce();
    void announceSelection();
    void announceIdlePrompt(std::optional<double> secondsLeft);
    void submit(double now);
    const std::string& voice() const;

    const Instrument& in_;
    const Translations& tr_;
    Submitter& submitter_;
    SubmitContext ctx_;
    FlowSettings settings_;
    Speech* speech_;

    std::vector<Page> pages_;
    std::vector<std::string> offered_;
    int current_ = 0;
    // Everything below belongs to one respondent and is cleared by reset().
    ResponseDraft draft_;
    std::string lang_;
    Modes modes_;
    double lastAction_ = -1e9;
    double lastTouch_ = 0;
    double thanksSince_ = 0;
    enum class PromptSaid { Nothing, Warning, Reminder };
    PromptSaid promptSaid_ = PromptSaid::Nothing;   // spoken guidance, of the prompt showing now
    Submitter::Outcome lastOutcome_ = Submitter::Outcome::Stored;
};

} // namespace sw::kiosk
