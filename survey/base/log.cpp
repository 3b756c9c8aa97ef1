#include "survey/base/log.hpp"

#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace sw {

void logLine(const std::string& event, const std::string& detail) {
    static std::mutex m;
    std::lock_guard<std::mutex> lock(m);
    std::fprintf(stderr, "suarawarga[%d]: %s: %s\n", static_cast<int>(getpid()), event.c_str(), detail.c_str());
    std::fflush(stderr);
}

} // namespace sw
