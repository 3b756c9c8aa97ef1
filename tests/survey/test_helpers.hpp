// Shared by the survey suites: temporary folders and the default instrument.
#pragma once
#include "survey/instrument/instrument.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace swtest {

// A fresh folder under the system temp dir, removed when the test ends.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("sw-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

inline std::string readFile(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline void writeFile(const std::string& p, const std::string& content) {
    std::ofstream f(p, std::ios::binary);
    f << content;
}

inline const sw::Instrument& defaultInstrument() {
    static const sw::Instrument in = sw::loadInstrument(std::string(SW_SOURCE_ASSET_DIR) + "/instruments/skm-permenpanrb-14-2017.json");
    return in;
}

} // namespace swtest
