// A test whose tool or display is missing reports *skipped*, never passed: it ends its process
// with kSkipExitCode, which every suite registers as ctest's SKIP_RETURN_CODE (tests/CMakeLists.txt).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace swtest {

constexpr int kSkipExitCode = 77;

[[noreturn]] inline void skipTest(const std::string& why) {
    std::cout << "SKIPPED: " << why << std::endl;
    std::exit(kSkipExitCode);
}

// True when a program is on PATH (a tool a test drives, e.g. pdftotext).
inline bool haveTool(const std::string& name) {
    return std::system(("command -v " + name + " > /dev/null 2>&1").c_str()) == 0;
}

// What a command a test drives printed, stdout and stderr together (sox stat, report --format json).
inline std::string toolOutput(const std::string& cmd) {
    std::string out;
    if (FILE* p = ::popen((cmd + " 2>&1").c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    return out;
}

} // namespace swtest
