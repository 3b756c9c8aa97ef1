// Spoken guidance (survey/RULES.md "The kiosk itself is accessible" — "Speech: everything shown can be spoken, repeated and interrupted;
// volume adjustable"). Behind an interface so tests record what would be said.
#pragma once
#include <memory>
#include <string>

namespace sw::kiosk {

// espeak-ng's words a minute for every spoken page: a little slower than its default (175), for
// elderly listeners. The kiosk and `suarawarga speak` both use it.
inline constexpr int kSpeechRate = 150;

class Speech {
public:
    virtual ~Speech() = default;
    // Replaces whatever is being said (a new screen interrupts the old one). Never blocks.
    virtual void say(const std::string& text, const std::string& voice) = 0;
    virtual void stop() = 0;
    virtual void setVolume(int percent) = 0;   // 10..200, espeak-ng's scale (100 = normal)
    virtual int volume() const = 0;
    virtual bool speaking() const = 0;         // drives the "speaking" highlight (render while true)
};

// espeak-ng on a worker thread. With no audio device (or no espeak-ng data) it stays silent:
// the text is still produced by the flow and the kiosk works the same.
std::unique_ptr<Speech> makeEspeakSpeech();
// Says nothing (tests, screenshots).
std::unique_ptr<Speech> makeSilentSpeech();

} // namespace sw::kiosk
