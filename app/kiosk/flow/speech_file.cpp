// espeak-ng in synchronous mode without audio: the synthesis callback collects the samples.
#include "app/kiosk/flow/speech_file.hpp"

#include "app/kiosk/flow/speech.hpp"

#include "app/kiosk/flow/espeak_lazy.hpp"

#include <stdexcept>

namespace sw::kiosk {

namespace {

std::vector<std::int16_t>* gCollect = nullptr;   // espeak-ng has one global engine, so one sink

int collect(short* wav, int n, espeak_EVENT*) {
    if (wav && n > 0 && gCollect) gCollect->insert(gCollect->end(), wav, wav + n);
    return 0;
}

// Started once per process and ended at exit: espeak-ng does not start again after it was
// terminated in the same process (a second initialisation hangs).
struct Engine {
    Engine() {
        dyn::espeak_ng_InitializePath(nullptr);
        if (dyn::espeak_ng_Initialize(nullptr) != ENS_OK) throw std::runtime_error("espeak-ng could not start (espeak-ng-data installed?)");
        if (dyn::espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) {
            dyn::espeak_ng_Terminate();
            throw std::runtime_error("espeak-ng could not start its output");
        }
        dyn::espeak_SetSynthCallback(collect);
    }
    ~Engine() { dyn::espeak_ng_Terminate(); }
};

// Points the callback at `out` while one text is synthesised.
struct Collecting {
    explicit Collecting(std::vector<std::int16_t>& out) { gCollect = &out; }
    ~Collecting() { gCollect = nullptr; }
};

void putLe(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

} // namespace

Pcm synthesize(const std::string& text, const std::string& voice) {
    static Engine engine;
    if (dyn::espeak_ng_SetVoiceByName(voice.c_str()) != ENS_OK) throw std::runtime_error("espeak-ng has no voice " + voice);
    Pcm pcm;
    pcm.sampleRate = dyn::espeak_ng_GetSampleRate();
    const Collecting into(pcm.samples);
    dyn::espeak_ng_SetParameter(espeakRATE, kSpeechRate, 0);
    dyn::espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    dyn::espeak_ng_Synchronize();
    return pcm;
}

std::string wavBytes(const Pcm& pcm) {
    const auto data = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    const auto rate = static_cast<std::uint32_t>(pcm.sampleRate);
    std::string out = "RIFF";
    putLe(out, 36 + data, 4);
    out += "WAVEfmt ";
    putLe(out, 16, 4);          // the fmt chunk's size
    putLe(out, 1, 2);           // PCM
    putLe(out, 1, 2);           // mono
    putLe(out, rate, 4);
    putLe(out, rate * 2, 4);    // bytes a second
    putLe(out, 2, 2);           // bytes a frame
    putLe(out, 16, 2);          // bits a sample
    out += "data";
    putLe(out, data, 4);
    for (std::int16_t s : pcm.samples) putLe(out, static_cast<std::uint16_t>(s), 2);
    return out;
}

} // namespace sw::kiosk
