// libFuzzer target: the bundle reader/verifier (sw::readBundle) on arbitrary bytes — what an
// assessor receives on a USB stick or by e-mail. It must refuse with a BundleError, never crash.
#include "survey/bundle/bundle.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        sw::Bundle b = sw::readBundle(bytes);
        // Anything that verifies carries a key and a content id.
        if (b.fingerprint.empty() || b.id.empty()) __builtin_trap();
    } catch (const sw::BundleError&) {
    }
    return 0;
}
