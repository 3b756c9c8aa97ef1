// The database a display verb (screenshot, speak) reads: the one given with --db, else a
// throw-away store removed afterwards, so showing a screen never touches the kiosk's data.
#pragma once
#include <filesystem>
#include <string>

namespace sw::kiosk {

class ScratchStore {
public:
    ScratchStore(const std::string& given, const std::string& tag);   // tag: "shot", "speak"
    ~ScratchStore();
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;

    const std::string& path() const { return db_; }
    bool throwAway() const { return !dir_.empty(); }

private:
    std::filesystem::path dir_;
    std::string db_;
};

} // namespace sw::kiosk
