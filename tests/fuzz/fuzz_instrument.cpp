// libFuzzer target: the instrument parser (sw::parseInstrument) on arbitrary bytes. A unit edits
// these JSON files by hand; any input must end in an Instrument or an InstrumentError naming
// file:line:column — never a crash, a hang, or another exception type.
#include "survey/base/error.hpp"
#include "survey/instrument/instrument.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        sw::Instrument in = sw::parseInstrument(text, "fuzz.json");
        // A parsed instrument is usable: every unsur has a code and a name in the default language.
        for (const auto& u : in.unsur)
            if (u.code.empty()) __builtin_trap();
    } catch (const sw::InstrumentError&) {
        // the documented refusal
    }
    return 0;
}
