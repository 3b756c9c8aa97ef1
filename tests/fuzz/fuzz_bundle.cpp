// libFuzzer target: the bundle readers on arbitrary bytes — what an assessor receives on a USB
// stick or by e-mail. In memory, from a file and by verify's streamed check (fuzz_readers.hpp),
// each must refuse with a BundleError, never crash, and all three must agree.
#include "fuzz_readers.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    swfuzz::readersAgree(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
