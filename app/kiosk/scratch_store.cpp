#include "app/kiosk/scratch_store.hpp"

#include <unistd.h>

namespace sw::kiosk {

namespace fs = std::filesystem;

ScratchStore::ScratchStore(const std::string& given, const std::string& tag) : db_(given) {
    if (!db_.empty()) return;
    dir_ = fs::temp_directory_path() / ("sw-" + tag + "-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / (tag + ".db")).string();
}

ScratchStore::~ScratchStore() {
    if (dir_.empty()) return;
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

} // namespace sw::kiosk
