// The welcome screen's line about the last triwulan's result ("Hasil survei triwulan lalu: 82,3
// (Baik)"), when the unit head switched it on (survey/export/public_summary.hpp welcomeLine). The
// kiosk waits on its welcome screen for hours, so the line is kept, and made again when the unit
// head leaves the area, or when the local day or the switch changed (checked once a minute: the
// switch may be set from the office PC's `suarawarga admin`).
#pragma once
#include <map>
#include <string>

namespace sw {
class Store;
}

namespace sw::kiosk {

class WelcomeResult {
public:
    // The line in `lang`, "" when switched off, when that triwulan has no result, or without a store.
    // `now`: the kiosk's monotonic clock in seconds.
    const std::string& line(Store* store, const std::string& lang, double now);
    void invalidate() {
        lines_.clear();
        day_.clear();
    }

private:
    std::map<std::string, std::string> lines_;   // lang → line, for day_
    std::string day_;                            // the local date the lines were made on
    bool on_ = false;                            // the switch when they were made
    double checkedAt_ = -1e9;
};

} // namespace sw::kiosk
