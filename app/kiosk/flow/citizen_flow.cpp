#include "app/kiosk/flow/citizen_flow.hpp"

#include "survey/base/log.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sw::kiosk {

namespace {
// The pages where several answers may be ticked (the kelompok rentan list, the facilities used).
bool multiSelect(Step s) { return s == Step::Rentan || s == Step::Facility; }
} // namespace

const char* stepName(Step s) {
    switch (s) {
    case Step::Welcome: return "welcome";
    case Step::Language: return "language";
    case Step::Service: return "service";
    case Step::Unsur: return "unsur";
    case Step::RentanGate: return "rentan_gate";
    case Step::Rentan: return "rentan";
    case Step::Facility: return "facility";
    case Step::Ham: return "ham";
    case Step::Adil: return "adil";
    case Step::Profile: return "profile";
    case Step::Comment: return "comment";
    case Step::Thanks: return "thanks";
    }
    return "?";
}

std::optional<Step> stepNamed(const std::string& name) {
    for (Step s = Step::Welcome;; s = static_cast<Step>(static_cast<int>(s) + 1)) {
        if (name == stepName(s)) return s;
        if (s == Step::Thanks) return std::nullopt;
    }
}

CitizenFlow::CitizenFlow(const Instrument& in, const Translations& tr, Submitter& submitter, SubmitContext ctx,
                         FlowSettings settings, Speech* speech)
    : in_(in), tr_(tr), submitter_(submitter), ctx_(std::move(ctx)), settings_(settings), speech_(speech) {
    buildPages();
    reset();
}

void CitizenFlow::rebuild() {
    pages_.clear();
    buildPages();
    reset();
}

void CitizenFlow::setOfferedLanguages(std::vector<std::string> codes) { offered_ = std::move(codes); }

std::vector<const Language*> CitizenFlow::offeredLanguages() const {
    std::vector<const Language*> out;
    for (const Language& l : in_.languages)
        if (offered_.empty() || std::find(offered_.begin(), offered_.end(), l.code) != offered_.end()) out.push_back(&l);
    if (out.empty())
        for (const Language& l : in_.languages) out.push_back(&l);   // a bad setting never leaves no language
    return out;
}

// On the welcome, the languages to choose from: none when the unit offers only one.
std::vector<const Language*> CitizenFlow::welcomeLanguages() const {
    std::vector<const Language*> langs = offeredLanguages();
    if (langs.size() < 2) langs.clear();
    return langs;
}

std::vector<std::string> CitizenFlow::offeredLanguageCodes() const {
    std::vector<std::string> out;
    for (const Language* l : offeredLanguages()) out.push_back(l->code);
    return out;
}

void CitizenFlow::buildPages() {
    facilities_.clear();
    for (const HamItem& h : in_.ham.items)
        if (h.criterion == "sarana_prasarana") facilities_.push_back(&h);
    pages_.push_back({Step::Welcome, 0});
    pages_.push_back({Step::Language, 0});
    if (!in_.services.empty()) pages_.push_back({Step::Service, 0});
    for (int i = 0; i < static_cast<int>(in_.unsur.size()); ++i) pages_.push_back({Step::Unsur, i});
    if (!in_.ham.rentan.empty()) {
        if (in_.ham.rentanGate) pages_.push_back({Step::RentanGate, 0});
        pages_.push_back({Step::Rentan, 0});
    }
    for (int i = 0; i < static_cast<int>(in_.ham.items.size()); ++i) {
        // "Which did you use?" once, before the first supporting facility.
        if (!facilities_.empty() && &in_.ham.items[static_cast<std::size_t>(i)] == facilities_.front()) pages_.push_back({Step::Facility, 0});
        pages_.push_back({Step::Ham, i});
    }
    if (!in_.ham.adilCode.empty()) pages_.push_back({Step::Adil, 0});
    for (int i = 0; i < static_cast<int>(in_.profile.size()); ++i) pages_.push_back({Step::Profile, i});
    pages_.push_back({Step::Comment, 0});
    pages_.push_back({Step::Thanks, 0});
}

int CitizenFlow::pageIndexOf(Step s, int index) const {
    for (int i = 0; i < static_cast<int>(pages_.size()); ++i)
        if (pages_[i].step == s && pages_[i].index == index) return i;
    return -1;
}

void CitizenFlow::reset() {
    if (speech_) {
        speech_->stop();
        speech_->setVolume(settings_.defaultVolume);
    }
    draft_.clear();
    lang_ = in_.defaultLanguage.empty() ? "id" : in_.defaultLanguage;
    modes_ = Modes{};
    current_ = 0;
    thanksSince_ = 0;
    facilitiesUsed_.clear();
    noFacility_ = false;
    displayAsked_ = false;
    inGroup_.reset();
    notice_.clear();
    advanceAt_ = -1;
    lastTarget_.clear();
    promptSaid_ = PromptSaid::Nothing;
    lastOutcome_ = Submitter::Outcome::Stored;
}

void CitizenFlow::showPage(Step s, int index) {
    if (s == Step::Rentan && in_.ham.rentanGate && inGroup_ != true) answerGate(true);
    int i = pageIndexOf(s, index);
    if (i >= 0) current_ = i;
    notice_.clear();
    advanceAt_ = -1;
}

bool CitizenFlow::facilityUsed(const std::string& code) const {
    return std::find(facilitiesUsed_.begin(), facilitiesUsed_.end(), code) != facilitiesUsed_.end();
}

// A citizen who said "bukan kelompok rentan" (the exclusive option).
bool CitizenFlow::saidNotRentan() const {
    for (const RentanOption& o : in_.ham.rentan)
        if (o.exclusive && draft_.hasRentan(o.code)) return true;
    return false;
}

// The groups on the list page: behind the gate the citizen has said yes, so "bukan kelompok rentan"
// is not among them.
std::vector<std::size_t> CitizenFlow::rentanShown() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < in_.ham.rentan.size(); ++i)
        if (!in_.ham.rentanGate || !in_.ham.rentan[i].exclusive) out.push_back(i);
    return out;
}

// No stores the exclusive "bukan kelompok rentan", as ticking it on the list would; yes takes it
// away and keeps any group already ticked (the citizen came back to the gate).
void CitizenFlow::answerGate(bool inGroup) {
    inGroup_ = inGroup;
    for (const RentanOption& o : in_.ham.rentan)
        if (o.exclusive && draft_.hasRentan(o.code) == inGroup) draft_.toggleRentan(in_, o.code);
}

// Whether this citizen is asked this HAM item: a supporting facility only when used, a rentan-only
// item (priority service) not of someone who said they are in no kelompok rentan.
bool CitizenFlow::askedOf(const HamItem& h) const {
    if (h.rentanOnly && saidNotRentan()) return false;
    return h.criterion != "sarana_prasarana" || facilityUsed(h.code);
}

// The language-and-display page is shown to whoever asks for it on the welcome screen; everyone
// else starts the survey with one tap, in the language chosen there.
bool CitizenFlow::applicable(int pageIndex) const {
    const Page& p = pages_[static_cast<std::size_t>(pageIndex)];
    if (p.step == Step::Language) return displayAsked_;
    if (p.step == Step::Rentan && in_.ham.rentanGate) return inGroup_.value_or(false);
    return p.step != Step::Ham || askedOf(in_.ham.items[static_cast<std::size_t>(p.index)]);
}

int CitizenFlow::nextApplicable(int from, int step) const {
    int i = from + step;
    while (i > 0 && i < static_cast<int>(pages_.size()) - 1 && !applicable(i)) i += step;
    return i;
}

// ---------------------------------------------------------------- what to show

std::string CitizenFlow::title() const {
    const Page p = page();
    switch (p.step) {
    case Step::Welcome: return t("welcome.title");
    case Step::Language: return t("language.title");
    case Step::Service: return t("service.title");
    case Step::Unsur: return in_.unsur[p.index].question.in(lang_);
    case Step::RentanGate: return in_.ham.rentanGate ? in_.ham.rentanGate->in(lang_) : std::string();
    case Step::Rentan: return in_.ham.rentanQuestion.in(lang_);
    case Step::Facility: return t("facility.title");
    case Step::Ham: return in_.ham.items[p.index].question.in(lang_);
    case Step::Adil: return in_.ham.adilQuestion.in(lang_);
    case Step::Profile: return in_.profile[p.index].label.in(lang_);
    case Step::Comment: return t("comment.title");
    case Step::Thanks: return t("thanks.title");
    }
    return {};
}

std::string CitizenFlow::hint() const {
    switch (step()) {
    case Step::Welcome: return t("welcome.subtitle");
    case Step::Language: return t("language.hint");
    case Step::Rentan: return t("hint.many");
    case Step::Facility: return t("facility.hint");
    case Step::Profile: return t("profile.hint");
    case Step::Comment: return t("comment.hint");
    case Step::Thanks: return t("thanks.body");
    default: {
        // Where the way to answer changes only: on the first question, and on a single-answer page
        // after a multi-select one. The pages between look and work alike, and a line repeated on
        // every page is more to read for whoever reads every word.
        const Step before = pages_[static_cast<std::size_t>(nextApplicable(current_, -1))].step;
        const bool changes = before == Step::Welcome || before == Step::Language || multiSelect(before);
        return changes ? t("hint.one") : std::string();
    }
    }
}

std::vector<Choice> CitizenFlow::choices() const {
    std::vector<Choice> out;
    const Page p = page();
    switch (p.step) {
    case Step::Welcome:   // the languages (when there is a choice), spoken guidance, the way to the display options
        for (const Language* l : welcomeLanguages()) out.push_back({l->name, l->code == lang_, 0, false});
        out.push_back({t("welcome.speech"), modes_.speech, 0, true});
        out.push_back({t("welcome.display"), false, 0, false, true});
        break;
    case Step::Language:
        for (const Language* l : offeredLanguages()) out.push_back({l->name, l->code == lang_, 0, false});
        out.push_back({t("mode.large"), modes_.large, 0, true});
        out.push_back({t("mode.contrast"), modes_.contrast, 0, true});
        out.push_back({t("mode.speech"), modes_.speech, 0, true});
        out.push_back({t("mode.seated"), modes_.seated, 0, true});
        break;
    case Step::Service:
        for (const Option& o : in_.services) out.push_back({o.label.in(lang_), draft_.service == o.code, 0, false});
        break;
    case Step::Unsur: {
        const Unsur& u = in_.unsur[p.index];
        auto it = draft_.unsur.find(u.code);
        for (int v = 1; v <= 4; ++v) out.push_back({u.labels[v - 1].in(lang_), it != draft_.unsur.end() && it->second == v, v, false});
        break;
    }
    case Step::RentanGate:
        out.push_back({in_.ham.yes.in(lang_), inGroup_ == true, 0, false});
        out.push_back({in_.ham.no.in(lang_), inGroup_ == false, 0, false});
        break;
    case Step::Rentan:
        for (std::size_t i : rentanShown()) {
            const RentanOption& o = in_.ham.rentan[i];
            out.push_back({o.label.in(lang_), draft_.hasRentan(o.code), 0, true});
        }
        break;
    case Step::Facility:
        for (const HamItem* h : facilities_) out.push_back({h->name.in(lang_), facilityUsed(h->code), 0, true});
        out.push_back({t("facility.none"), noFacility_, 0, true});
        break;
    case Step::Ham: {
        const HamItem& h = in_.ham.items[p.index];
        auto it = draft_.ham.find(h.code);
        for (int v = 1; v <= 4; ++v) out.push_back({h.labels[v - 1].in(lang_), it != draft_.ham.end() && it->second == v, v, false});
        out.push_back({in_.ham.notApplicable.in(lang_), it != draft_.ham.end() && it->second == kTidakTahu, 0, false});
        break;
    }
    case Step::Adil:
        out.push_back({in_.ham.yes.in(lang_), draft_.adil == true, 0, false});
        out.push_back({in_.ham.no.in(lang_), draft_.adil == false, 0, false});
        break;
    case Step::Profile: {
        const ProfileField& f = in_.profile[p.index];
        auto it = draft_.profile.find(f.code);
        for (const Option& o : f.options) out.push_back({o.label.in(lang_), it != draft_.profile.end() && it->second == o.code, 0, false});
        break;
    }
    default: break;
    }
    return out;
}

// One count over the whole survey (service to comment), not one per section: a citizen sees how
// much is left of what they are asked, with the facilities they did not use left out.
namespace {
bool counted(Step s) { return s != Step::Welcome && s != Step::Language && s != Step::Thanks; }
} // namespace

int CitizenFlow::progressIndex() const {
    if (!counted(step())) return 0;
    int n = 0;
    for (int i = 0; i <= current_; ++i) n += counted(pages_[static_cast<std::size_t>(i)].step) && applicable(i) ? 1 : 0;
    return n;
}

int CitizenFlow::progressTotal() const {
    int n = 0;
    for (int i = 0; i < static_cast<int>(pages_.size()); ++i) n += counted(pages_[static_cast<std::size_t>(i)].step) && applicable(i) ? 1 : 0;
    return n;
}

std::string CitizenFlow::progressText() const {
    if (progressIndex() == 0) return {};
    return format(t("progress"), {std::to_string(progressIndex()), std::to_string(progressTotal())});
}

std::string CitizenFlow::sectionName() const {
    const Page p = page();
    switch (p.step) {
    case Step::Language: return t("section.language");
    case Step::Service: return t("section.service");
    case Step::Unsur: return format(t("section.unsur"), {in_.unsur[p.index].name.in(lang_)});
    case Step::RentanGate:
    case Step::Rentan:
    case Step::Facility:
    case Step::Adil: return t("section.ham");
    case Step::Ham: return format(t("section.ham_item"), {in_.ham.items[p.index].name.in(lang_)});
    case Step::Profile: return t("section.profile");
    case Step::Comment: return t("section.comment");
    default: return {};
    }
}

bool CitizenFlow::optionalPage() const { return step() == Step::Profile || step() == Step::Comment; }

bool CitizenFlow::canNext() const {
    const Page p = page();
    switch (p.step) {
    case Step::Service: return !draft_.service.empty();
    case Step::Unsur: return draft_.unsur.count(in_.unsur[p.index].code) != 0;
    case Step::RentanGate: return inGroup_.has_value();
    case Step::Rentan: return !draft_.rentan.empty();
    case Step::Facility: return noFacility_ || !facilitiesUsed_.empty();
    case Step::Ham: return draft_.ham.count(in_.ham.items[p.index].code) != 0;
    case Step::Adil: return draft_.adil.has_value();
    default: return true;
    }
}

bool CitizenFlow::canBack() const { return step() != Step::Welcome && step() != Step::Thanks; }

const std::string& CitizenFlow::voice() const {
    for (const Language& l : in_.languages)
        if (l.code == lang_) return l.voice;
    return lang_;
}

std::string CitizenFlow::speechText() const {
    std::string s;
    if (std::string sec = sectionName(); !sec.empty()) s += sec + ". ";
    if (std::string pr = progressText(); !pr.empty()) s += pr + ". ";
    s += title() + " ";
    if (step() == Step::Welcome || step() == Step::Thanks || step() == Step::Comment) s += hint() + " ";
    if (step() == Step::Welcome) s += t("welcome.keys") + " ";
    if (step() == Step::Comment) s += t("comment.keys") + " ";
    std::vector<Choice> cs = choices();
    std::string chosen;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        s += format(t("speech.option"), {std::to_string(i + 1), cs[i].label}) + ". ";
        if (cs[i].selected) chosen += (chosen.empty() ? "" : ", ") + cs[i].label;
    }
    if (step() == Step::Profile) s += format(t("speech.option"), {"0", t("profile.skip_all")}) + ". ";
    if (!chosen.empty()) s += format(t("speech.selected"), {chosen}) + ". ";
    if (!cs.empty() || step() == Step::Welcome) s += t("speech.keys");
    return s;
}

// ---------------------------------------------------------------- actions

// A bounce or a double tap repeats the same target (or key); two different ones in quick
// succession — a digit, then Enter — are two deliberate actions and both land.
bool CitizenFlow::debounced(const std::string& target, double now) {
    if (target == lastTarget_ && now - lastAction_ < settings_.debounceSeconds) return true;
    lastTarget_ = target;
    lastAction_ = now;
    lastTouch_ = now;
    return false;
}

// Shown under the question and said in spoken guidance: a key or tap never does nothing silently.
void CitizenFlow::setNotice(const std::string& text) {
    notice_ = text;
    if (speech_ && modes_.speech) speech_->say(text, voice());
}

void CitizenFlow::announce() {
    if (speech_ && modes_.speech) speech_->say(speechText(), voice());
}

void CitizenFlow::announceSelection() {
    if (!speech_ || !modes_.speech) return;
    std::string chosen;
    for (const Choice& c : choices())
        if (c.selected) chosen += (chosen.empty() ? "" : ", ") + c.label;
    speech_->say(chosen.empty() ? t("speech.nothing") : format(t("speech.selected"), {chosen}), voice());
}

void CitizenFlow::repeatSpeech() {
    if (speech_ && modes_.speech) speech_->say(speechText(), voice());
}

void CitizenFlow::setSpeechMode(bool on, double now) {
    lastTouch_ = now;
    modes_.speech = on;
    if (on) announce();
    else if (speech_) speech_->stop();
}

bool CitizenFlow::changeVolume(int delta, double now) {
    if (!speech_ || debounced(delta > 0 ? "volume.up" : "volume.down", now)) return false;
    speech_->setVolume(speech_->volume() + delta);
    announce();
    return true;
}

void CitizenFlow::digitKey(int digit, double now) {
    if (digit == 0 && step() == Step::Profile) {
        skipProfile(now);
        return;
    }
    std::vector<Choice> cs = choices();
    if (digit >= 1 && static_cast<std::size_t>(digit) <= cs.size()) {
        choose(static_cast<std::size_t>(digit - 1), now);
        return;
    }
    lastTouch_ = now;
    switch (step()) {
    case Step::Welcome: setNotice(t("notice.welcome")); break;
    case Step::Comment: setNotice(t("notice.comment")); break;
    case Step::Thanks: break;   // nothing left to answer; it resets by itself
    default: setNotice(format(t("notice.range"), {std::to_string(cs.size())})); break;
    }
}

void CitizenFlow::toggleFacility(std::size_t i) {
    if (i >= facilities_.size()) {   // "none of these": exclusive
        noFacility_ = !noFacility_;
        if (noFacility_) facilitiesUsed_.clear();
        return;
    }
    noFacility_ = false;
    const std::string& code = facilities_[i]->code;
    auto it = std::find(facilitiesUsed_.begin(), facilitiesUsed_.end(), code);
    if (it != facilitiesUsed_.end()) facilitiesUsed_.erase(it);
    else facilitiesUsed_.push_back(code);
}

// In one-tap mode a touched answer that ends its question moves on by itself: a single answer, or
// an exclusive "none" on a multi-select page. Everything else waits for "Lanjut".
bool CitizenFlow::singleAnswerDone(std::size_t i) const {
    switch (step()) {
    case Step::Service:
    case Step::Unsur:
    case Step::RentanGate:
    case Step::Ham:
    case Step::Adil: return true;
    case Step::Profile: return choices()[i].selected;   // tapping it again un-chooses: stay
    case Step::Rentan: {
        const RentanOption& o = in_.ham.rentan[rentanShown()[i]];
        return o.exclusive && draft_.hasRentan(o.code);
    }
    case Step::Facility: return i >= facilities_.size() && noFacility_;
    default: return false;
    }
}

// Welcome: a language (the page at once in it), spoken guidance on or off, or the display page.
bool CitizenFlow::chooseOnWelcome(std::size_t i, double now) {
    std::vector<const Language*> langs = welcomeLanguages();
    if (i < langs.size()) {
        lang_ = langs[i]->code;
        announce();
    } else if (i == langs.size()) {
        setSpeechMode(!modes_.speech, now);
    } else {
        displayAsked_ = true;
        go(pageIndexOf(Step::Language, 0), now);
    }
    return true;
}

bool CitizenFlow::choose(std::size_t i, double now, Input by) {
    std::vector<Choice> cs = choices();
    if (i >= cs.size()) {
        lastTouch_ = now;
        if (!cs.empty()) setNotice(format(t("notice.range"), {std::to_string(cs.size())}));
        return false;
    }
    if (debounced("choice." + std::to_string(i), now)) return false;
    notice_.clear();
    advanceAt_ = -1;
    const Page p = page();
    switch (p.step) {
    case Step::Welcome: return chooseOnWelcome(i, now);
    case Step::Language: {
        std::vector<const Language*> langs = offeredLanguages();
        std::size_t nLang = langs.size();
        if (i < nLang) {
            lang_ = langs[i]->code;
        } else {
            switch (i - nLang) {
            case 0: modes_.large = !modes_.large; break;
            case 1: modes_.contrast = !modes_.contrast; break;
            case 2: modes_.speech = !modes_.speech; if (!modes_.speech && speech_) speech_->stop(); break;
            default: modes_.seated = !modes_.seated; break;
            }
        }
        announce();   // in the new language / with speech just switched on
        return true;
    }
    case Step::Service: draft_.service = in_.services[i].code; break;
    case Step::Unsur: draft_.unsur[in_.unsur[p.index].code] = static_cast<int>(i) + 1; break;
    case Step::RentanGate: answerGate(i == 0); break;
    case Step::Rentan: draft_.toggleRentan(in_, in_.ham.rentan[rentanShown()[i]].code); break;
    case Step::Facility: toggleFacility(i); break;
    case Step::Ham: draft_.ham[in_.ham.items[p.index].code] = i < 4 ? static_cast<int>(i) + 1 : kTidakTahu; break;
    case Step::Adil: draft_.adil = (i == 0); break;
    case Step::Profile: {
        const ProfileField& f = in_.profile[p.index];
        auto it = draft_.profile.find(f.code);
        if (it != draft_.profile.end() && it->second == f.options[i].code) draft_.profile.erase(it);   // tap again: un-choose
        else draft_.profile[f.code] = f.options[i].code;
        break;
    }
    default: return false;
    }
    announceSelection();
    if (by == Input::Touch && settings_.oneTap && singleAnswerDone(i)) advanceAt_ = now + settings_.advanceSeconds;
    return true;
}

void CitizenFlow::go(int pageIndex, double now) {
    pageIndex = std::clamp(pageIndex, 0, static_cast<int>(pages_.size()) - 1);
    if (step() == Step::Welcome && pageIndex != current_) draft_.startedUtc = ctx_.utcNow ? ctx_.utcNow() : 0;   // the survey starts
    current_ = pageIndex;
    lastTouch_ = now;
    notice_.clear();
    advanceAt_ = -1;
    if (step() == Step::Thanks) thanksSince_ = now;
    announce();
}

bool CitizenFlow::next(double now) {
    if (!canNext()) {
        lastTouch_ = now;
        setNotice(t(multiSelect(step()) ? "notice.choose_many" : "notice.choose_first"));
        return false;
    }
    if (debounced("next", now)) return false;
    switch (step()) {
    case Step::Comment:
        submit(now);
        return true;
    case Step::Thanks:
        reset();
        return true;
    default: break;
    }
    go(nextApplicable(current_, +1), now);
    return true;
}

bool CitizenFlow::back(double now) {
    if (!canBack() || debounced("back", now)) return false;
    go(nextApplicable(current_, -1), now);
    return true;
}

bool CitizenFlow::skipProfile(double now) {
    if (step() != Step::Profile || debounced("profile.skip_all", now)) return false;
    draft_.profile.clear();   // "skippable as a whole": nothing of it is kept
    go(pageIndexOf(Step::Comment, 0), now);
    return true;
}

bool CitizenFlow::typeComment(const std::string& utf8, double now) {
    if (step() != Step::Comment) return false;
    lastTouch_ = now;
    return draft_.appendComment(utf8);
}

bool CitizenFlow::eraseComment(double now) {
    if (step() != Step::Comment) return false;
    lastTouch_ = now;
    draft_.backspaceComment();
    return true;
}

void CitizenFlow::submit(double now) {
    // An item not asked of this citizen (a facility not used, priority service for someone in no
    // kelompok rentan) is "tidak tahu / tidak menggunakan" (kTidakTahu: in no score), whatever was
    // answered before a Back changed it.
    for (const HamItem& h : in_.ham.items)
        if (!askedOf(h)) draft_.ham[h.code] = kTidakTahu;
    std::int64_t utc = ctx_.utcNow ? ctx_.utcNow() : 0;
    Response r = draft_.toResponse(in_, ctx_.unitId, ctx_.deviceId, utc, ctx_.utcOffsetMinutes);
    std::optional<std::int64_t> prev = submitter_.lastSubmitUtc();
    if (ctx_.lastStoredSubmit) {
        try {
            if (auto s = ctx_.lastStoredSubmit(); s && (!prev || *s > *prev)) prev = s;
        } catch (const std::exception&) {
            // the store may be failing right now; the submitter's memory still covers this device
        }
    }
    r.misuse = suspectMisuse(ctx_.misuse, r.durationSeconds, prev, utc);
    lastOutcome_ = submitter_.submit(std::move(r), now);   // durable (or queued) before thanks shows
    draft_.clear();                                       // the answers leave the screen now
    go(pageIndexOf(Step::Thanks, 0), now);
}

// ---------------------------------------------------------------- time

void CitizenFlow::touched(double now) {
    const bool extends = idlePromptSecondsLeft(now).has_value();
    lastTouch_ = now;
    if (step() == Step::Thanks) thanksSince_ = now;   // a touch on thanks keeps it a moment longer
    // Back on the page: in spoken guidance it is read again, which also cuts the warning off and
    // tells a blind citizen the tap or key worked.
    if (extends) announce();
}

double CitizenFlow::idleLimitSeconds() const {
    return modes_.any() ? settings_.idleSeconds * settings_.accessibleIdleFactor : settings_.idleSeconds;
}

std::optional<double> CitizenFlow::idlePromptSecondsLeft(double now) const {
    if (step() == Step::Welcome || step() == Step::Thanks) return std::nullopt;
    double idle = now - lastTouch_;
    if (idle < idleLimitSeconds()) return std::nullopt;
    return std::max(0.0, idleLimitSeconds() + settings_.promptSeconds - idle);
}

bool CitizenFlow::tick(double now) {
    if (advanceAt_ >= 0 && now >= advanceAt_) {   // the chosen answer was visible long enough
        advanceAt_ = -1;
        if (canNext()) {
            go(nextApplicable(current_, +1), now);
        }
    }
    if (step() == Step::Thanks && now - thanksSince_ >= settings_.thanksSeconds) {
        reset();
        return true;
    }
    if (auto left = idlePromptSecondsLeft(now); left && *left <= 0) {
        logLine("idle_reset", std::string("after ") + stepName(step()));   // no answers in the log
        reset();
        return true;
    }
    announceIdlePrompt(idlePromptSecondsLeft(now));
    return false;
}

// Spoken guidance for the prompt ("everything shown can be spoken", survey/RULES.md): said once when it
// appears (what, how long, how to extend) and once more, short, near the end. The warning takes
// about 10 s at espeak's rate 150, so a prompt that appeared with less than twice the reminder's
// lead gets no reminder: it would cut the warning off.
void CitizenFlow::announceIdlePrompt(std::optional<double> secondsLeft) {
    if (!secondsLeft) {
        promptSaid_ = PromptSaid::Nothing;   // gone (extended): the next prompt is said again
        return;
    }
    if (!speech_ || !modes_.speech) return;
    const std::string secs = std::to_string(static_cast<int>(std::ceil(*secondsLeft)));   // as the ring shows it
    if (promptSaid_ == PromptSaid::Nothing) {
        speech_->say(t("idle.title") + " " + format(t("idle.body"), {secs}) + " " + t("idle.speech_extend"), voice());
        promptSaid_ = *secondsLeft > 2 * settings_.promptReminderSeconds ? PromptSaid::Warning : PromptSaid::Reminder;
    } else if (promptSaid_ == PromptSaid::Warning && *secondsLeft <= settings_.promptReminderSeconds) {
        speech_->say(format(t("idle.speech_reminder"), {secs}), voice());
        promptSaid_ = PromptSaid::Reminder;
    }
}

double CitizenFlow::secondsUntilDue(double now) const {
    if (advanceAt_ >= 0) return std::max(0.0, advanceAt_ - now);
    if (step() == Step::Welcome) return 1e9;
    if (step() == Step::Thanks) return std::max(0.0, thanksSince_ + settings_.thanksSeconds - now);
    if (auto left = idlePromptSecondsLeft(now)) return std::min(*left, 1.0);   // the countdown ticks each second
    return std::max(0.0, lastTouch_ + idleLimitSeconds() - now);
}

} // namespace sw::kiosk
