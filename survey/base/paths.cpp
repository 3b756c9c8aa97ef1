#include "survey/base/paths.hpp"

#include <cstdlib>
#include <filesystem>

#ifndef SW_SOURCE_ASSET_DIR
#define SW_SOURCE_ASSET_DIR ""
#endif
#ifndef SW_INSTALL_ASSET_DIR
#define SW_INSTALL_ASSET_DIR "/usr/share/suarawarga"
#endif

namespace sw {

std::string dataDirectory() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/suarawarga";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/suarawarga";
}

std::string defaultDatabasePath() { return dataDirectory() + "/suarawarga.db"; }

std::string assetDirectory() {
    namespace fs = std::filesystem;
    if (const char* x = std::getenv("SUARAWARGA_ASSETS"); x && *x) return x;
    std::error_code ec;
    if (fs::exists(SW_INSTALL_ASSET_DIR "/instruments", ec) && !fs::exists(SW_SOURCE_ASSET_DIR "/instruments", ec))
        return SW_INSTALL_ASSET_DIR;
    if (fs::exists(SW_SOURCE_ASSET_DIR "/instruments", ec)) return SW_SOURCE_ASSET_DIR;
    return SW_INSTALL_ASSET_DIR;
}

std::string defaultInstrumentPath() { return assetDirectory() + "/instruments/skm-permenpanrb-14-2017.json"; }

} // namespace sw
