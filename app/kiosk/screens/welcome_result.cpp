#include "app/kiosk/screens/welcome_result.hpp"

#include "survey/base/local_time.hpp"
#include "survey/export/public_summary.hpp"
#include "survey/store/store.hpp"

namespace sw::kiosk {

const std::string& WelcomeResult::line(Store* store, const std::string& lang, double now) {
    static const std::string none;
    if (!store) return none;
    try {
        if (now - checkedAt_ >= 60 || day_.empty()) {
            checkedAt_ = now;
            // A new day may be a new triwulan; the switch may have been set from the office PC.
            const std::string today = localDate(nowUtc(), store->unit().value_or(UnitInfo{}).utcOffsetMinutes);
            const bool on = welcomeLineEnabled(*store);
            if (today != day_ || on != on_) {
                lines_.clear();
                day_ = today;
                on_ = on;
            }
        }
        auto it = lines_.find(lang);
        if (it == lines_.end()) it = lines_.emplace(lang, welcomeLine(*store, nowUtc(), lang)).first;
        return it->second;
    } catch (const std::exception&) {
        // A failed read shows no line: the welcome screen never waits on it or breaks for it.
        return none;
    }
}

} // namespace sw::kiosk
