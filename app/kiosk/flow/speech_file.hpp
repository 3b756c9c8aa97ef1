// What the kiosk says, into a file instead of the loudspeaker (`suarawarga speak`): espeak-ng with
// the kiosk's voice and rate (speech.hpp), so a unit can listen to a page before a blind citizen does.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sw::kiosk {

struct Pcm {
    std::vector<std::int16_t> samples;   // mono, signed 16 bit
    int sampleRate = 0;
};

// Synthesises `text` with `voice` ("id", "en"). Throws std::runtime_error when espeak-ng or the
// voice cannot start. Not to be used while the kiosk's own speech thread runs (one global engine).
Pcm synthesize(const std::string& text, const std::string& voice);

// A RIFF/WAVE file (PCM, 16 bit, mono) of `pcm`.
std::string wavBytes(const Pcm& pcm);

} // namespace sw::kiosk
