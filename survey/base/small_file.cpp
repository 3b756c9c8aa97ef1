#include "survey/base/small_file.hpp"

#include "survey/base/error.hpp"

#include <fstream>

namespace sw {

std::string readSmallFile(const std::string& path, std::size_t maxBytes, const std::string& what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InstrumentError(path, 0, 0, "cannot read " + what);
    std::string text(maxBytes + 1, '\0');
    f.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (f.bad()) throw InstrumentError(path, 0, 0, "cannot read " + what);
    text.resize(static_cast<std::size_t>(f.gcount()));
    if (text.size() > maxBytes)
        throw InstrumentError(path, 0, 0, "larger than " + std::to_string(maxBytes / 1024) + " KiB: not " + what);
    return text;
}

} // namespace sw
