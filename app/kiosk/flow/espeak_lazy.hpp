// espeak-ng, loaded the first time something is said (survey/base/lazy_library.hpp): most citizens
// never ask for speech. The functions speech_espeak.cpp and speech_file.cpp call, each typed by
// espeak-ng's headers.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libespeakNg, SW_SONAME_ESPEAK_NG, "the speech synthesiser espeak-ng")

SW_LAZY_FORWARD(libespeakNg, espeak_ng_GetSampleRate)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_Initialize)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_InitializeOutput)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_InitializePath)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_SetParameter)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_SetVoiceByName)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_Synchronize)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_Synthesize)
SW_LAZY_FORWARD(libespeakNg, espeak_ng_Terminate)
SW_LAZY_FORWARD(libespeakNg, espeak_SetSynthCallback)

} // namespace sw::dyn
