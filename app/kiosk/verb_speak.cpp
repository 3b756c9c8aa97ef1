// `suarawarga speak`: what the kiosk says on one screen, as a WAV file. The text is the flow's own
// speechText() (what the kiosk's spoken guidance says, README "The citizen kiosk" — Keypad and
// speech), synthesised with the kiosk's voice and rate.
#include "app/kiosk/kiosk.hpp"

#include "app/cli/args.hpp"
#include "app/kiosk/flow/kiosk_session.hpp"
#include "app/kiosk/flow/speech_file.hpp"
#include "app/kiosk/scratch_store.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/base/error.hpp"
#include "survey/base/safe_output.hpp"

#include <iostream>

namespace sw::kiosk {

namespace {

std::string stepNames() {
    std::string out;
    for (int s = 0; s <= static_cast<int>(Step::Thanks); ++s) out += std::string(out.empty() ? "" : " ") + stepName(static_cast<Step>(s));
    return out;
}

Step screenOption(const cli::Args& a) {
    const std::string name = a.get("screen", "");
    if (std::optional<Step> s = stepNamed(name)) return *s;
    throw UsageError("unknown --screen '" + name + "'; one of: " + stepNames());
}

// The flow on the page asked for: --index N is the Nth unsur, HAM item or profile field.
void placeFlow(CitizenFlow& flow, Step step, const cli::Args& a) {
    const int index = static_cast<int>(a.getInt("index", 1, 1, 99)) - 1;
    Modes modes;
    if (!parseModes(a.get("mode", "standard"), modes)) throw UsageError("--mode: standard|large|contrast|speech|seated, comma-separated");
    const std::string lang = a.get("lang", "id");
    if (!flow.instrument().hasLanguage(lang)) throw UsageError("--lang: the instrument has no language " + lang);
    flow.reset();
    flow.setLang(lang);
    flow.setModes(modes);
    flow.showPage(step, index);
    if (flow.step() != step || flow.page().index != index)
        throw UsageError("--index " + std::to_string(index + 1) + ": the " + stepName(step) + " screen has no such page");
}

void writeWav(const std::string& out, const Pcm& pcm) {
    AtomicOutput file(out);
    file.write(wavBytes(pcm));
    file.commit();
}

} // namespace

int speak(int argc, char** argv) {
    const cli::Args a(argc, argv, 2, {"screen", "lang", "mode", "index", "db", "out"}, {"demo"});
    if (!a.positional().empty()) throw UsageError("unknown option " + a.positional().front() + " (see --help)");
    const Step step = screenOption(a);
    const std::string out = a.get("out", "");
    if (out.empty()) throw UsageError("--out FILE.wav is required");
    const ScratchStore db(a.get("db", ""), "speak");
    refuseOutputOverInput(out, storeFiles(db.path()), "--out");
    KioskSession session(db.path(), FlowSettings{}, makeSilentSpeech(), a.has("demo") || db.throwAway());
    placeFlow(*session.flow, step, a);
    const std::string text = session.flow->speechText();
    const Pcm pcm = synthesize(text, session.flow->voice());
    writeWav(out, pcm);
    std::cout << out << ": " << stepName(step) << " (" << session.flow->lang() << "), "
              << pcm.samples.size() / static_cast<std::size_t>(pcm.sampleRate) << " s\n"
              << text << "\n";
    return 0;
}

} // namespace sw::kiosk
