// A small input file read whole (a form, a map, a list of verdicts): at most `maxBytes` are ever
// read, so a huge or endless file (/dev/zero) is refused without filling memory.
#pragma once
#include <cstddef>
#include <string>

namespace sw {

// Throws InstrumentError(path, 0, 0, …) naming `what` ("the Kanwil map") when the file cannot be
// read or holds more than `maxBytes`.
std::string readSmallFile(const std::string& path, std::size_t maxBytes, const std::string& what);

} // namespace sw
