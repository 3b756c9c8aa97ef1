// espeak-ng in synchronous playback mode on its own thread: the render thread only hands over text.
// Interrupting = raising a flag the synthesis callback sees (it returns 1 to abort).
#include "app/kiosk/flow/speech.hpp"

#include "survey/base/log.hpp"

#include "app/kiosk/flow/espeak_lazy.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace sw::kiosk {

namespace {

std::atomic<bool> gCancel{false};   // espeak-ng has one global engine, so one flag

int onSamples(short*, int, espeak_EVENT*) { return gCancel.load() ? 1 : 0; }

class EspeakSpeech final : public Speech {
public:
    EspeakSpeech() : worker_([this] { run(); }) {}
    ~EspeakSpeech() override {
        {
            std::lock_guard<std::mutex> l(m_);
            quit_ = true;
            gCancel = true;
        }
        cv_.notify_all();
        worker_.join();
    }
    void say(const std::string& text, const std::string& voice) override {
        {
            std::lock_guard<std::mutex> l(m_);
            text_ = text;
            voice_ = voice;
            pending_ = true;
            gCancel = true;   // interrupt the current sentence; the worker clears it before the next
        }
        cv_.notify_all();
    }
    void stop() override {
        std::lock_guard<std::mutex> l(m_);
        pending_ = false;
        gCancel = true;
    }
    void setVolume(int percent) override { volume_ = std::clamp(percent, 10, 200); }
    int volume() const override { return volume_; }
    bool speaking() const override { return speaking_; }

private:
    void run() {
        // espeak-ng and the audio device start on first use: most citizens never ask for speech,
        // and the kiosk's start-up should not pay for loading voices and probing sound cards.
        bool tried = false, ready = false;
        std::unique_lock<std::mutex> l(m_);
        while (true) {
            cv_.wait(l, [this] { return quit_ || pending_; });
            if (quit_) break;
            std::string text = text_, voice = voice_;
            pending_ = false;
            gCancel = false;
            l.unlock();
            if (!tried) {
                tried = true;
                ready = start();
            }
            if (ready && !gCancel) speak(text, voice);
            l.lock();
        }
        l.unlock();
        if (ready) dyn::espeak_ng_Terminate();
    }
    bool start() {
        try {
            return startEngine();
        } catch (const std::exception& e) {   // espeak-ng not installed (survey/base/lazy_library.hpp)
            logLine("speech", std::string(e.what()) + "; spoken guidance is silent");
            return false;
        }
    }
    bool startEngine() {
        dyn::espeak_ng_InitializePath(nullptr);
        if (dyn::espeak_ng_Initialize(nullptr) != ENS_OK) {
            logLine("speech", "espeak-ng could not start; spoken guidance is silent");
            return false;
        }
        auto mode = static_cast<espeak_ng_OUTPUT_MODE>(ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO);
        if (dyn::espeak_ng_InitializeOutput(mode, 0, nullptr) != ENS_OK) {
            // No sound device: synthesise into nothing so the flow behaves the same.
            logLine("speech", "no audio device; spoken guidance is silent");
            if (dyn::espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) return false;
        }
        dyn::espeak_SetSynthCallback(onSamples);
        return true;
    }
    void speak(const std::string& text, const std::string& voice) {
        if (voice != currentVoice_) {
            if (dyn::espeak_ng_SetVoiceByName(voice.c_str()) == ENS_OK) currentVoice_ = voice;
        }
        dyn::espeak_ng_SetParameter(espeakVOLUME, volume_.load(), 0);
        dyn::espeak_ng_SetParameter(espeakRATE, kSpeechRate, 0);
        speaking_ = true;
        dyn::espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        dyn::espeak_ng_Synchronize();
        speaking_ = false;
    }

    std::mutex m_;
    std::condition_variable cv_;
    std::string text_, voice_, currentVoice_;
    bool pending_ = false;
    bool quit_ = false;
    std::atomic<int> volume_{100};
    std::atomic<bool> speaking_{false};
    std::thread worker_;
};

class SilentSpeech final : public Speech {
public:
    void say(const std::string&, const std::string&) override {}
    void stop() override {}
    void setVolume(int percent) override { volume_ = std::clamp(percent, 10, 200); }
    int volume() const override { return volume_; }
    bool speaking() const override { return false; }

private:
    int volume_ = 100;
};

} // namespace

std::unique_ptr<Speech> makeEspeakSpeech() { return std::make_unique<EspeakSpeech>(); }
std::unique_ptr<Speech> makeSilentSpeech() { return std::make_unique<SilentSpeech>(); }

} // namespace sw::kiosk
