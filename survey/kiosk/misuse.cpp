#include "survey/kiosk/misuse.hpp"

#include "survey/store/store.hpp"

namespace sw {

MisuseRule misuseRuleFrom(Store& store) {
    MisuseRule r;
    try {
        r.minSurveySeconds = std::stoi(store.setting("misuse.min_survey_seconds", std::to_string(r.minSurveySeconds)));
        r.repeatWindowSeconds = std::stoi(store.setting("misuse.repeat_window_seconds", std::to_string(r.repeatWindowSeconds)));
    } catch (const std::logic_error&) {
        return MisuseRule{}; // a mangled setting falls back to the documented defaults
    }
    return r;
}

bool suspectMisuse(const MisuseRule& rule, std::optional<int> durationSeconds, std::optional<std::int64_t> previousSubmitUtc,
                   std::int64_t submitUtc) {
    if (durationSeconds && *durationSeconds < rule.minSurveySeconds) return true;
    if (previousSubmitUtc && submitUtc - *previousSubmitUtc < rule.repeatWindowSeconds) return true;
    return false;
}

std::optional<std::int64_t> lastSubmitUtc(Store& store, const std::string& deviceId) {
    // The repeat window is seconds long, so only the newest rows matter: looking back over the last
    // 1,000 responses (more than a busy unit records in a day) costs the same at any store size,
    // without an index that every insert and every merge would have to maintain.
    sql::Statement st(store.db(), "SELECT max(created_utc) FROM (SELECT device_id, created_utc FROM response "
                                  "ORDER BY rid DESC LIMIT 1000) WHERE device_id=?");
    st.bind(1, deviceId);
    if (st.step() && !st.isNull(0)) return st.getInt(0);
    return std::nullopt;
}

} // namespace sw
