#include "survey/national/verification_followup.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/store.hpp"

namespace sw {

namespace {

std::string periodField(const ReceivedVerification& r, const char* key) {
    const auto& p = r.payload.value("period", nlohmann::json::object());
    return p.is_object() ? p.value(key, std::string()) : std::string();
}

std::optional<Period> verifiedPeriod(const ReceivedVerification& r) {
    LocalDate from, to;
    if (!parseDate(periodField(r, "from"), from) || !parseDate(periodField(r, "to"), to))
        if (!parseDate(r.visitDate, from) || !parseDate(r.visitDate, to)) return std::nullopt; // as followUpFor

    return customPeriod(from, to);
}

} // namespace

TindakLanjut followUpFor(Store& unit, const ReceivedVerification& r, const VerificationFinding& f, const std::string& owner, int days) {
    const int offset = unit.unit() ? unit.unit()->utcOffsetMinutes : 420;
    TindakLanjut t;
    t.periodFrom = periodField(r, "from");
    t.periodTo = periodField(r, "to");
    if (t.periodFrom.empty() || t.periodTo.empty()) t.periodFrom = t.periodTo = r.visitDate;
    t.targetKind = "facility";
    t.targetCode = f.item;
    t.targetLabel = f.itemName;
    t.action = "Temuan verifikasi Kanwil " + r.visitDate + (f.note.empty() ? std::string(": perbaiki butir ini") : ": " + f.note);
    t.owner = owner.empty() ? "Kepala unit" : owner;
    t.dueDate = localDate(nowUtc() + static_cast<std::int64_t>(days) * 86400, offset);
    return t;
}

std::int64_t addFollowUp(Store& unit, const ReceivedVerification& r, const VerificationFinding& f, const std::string& owner, int days) {
    const TindakLanjut t = followUpFor(unit, r, f, owner, days);
    validateTindakLanjut(t);
    const std::int64_t id = addTindakLanjut(unit, t);
    unit.logEvent("verification.tindak_lanjut", f.item + " from " + r.id);
    return id;
}

bool hasFollowUp(Store& unit, const ReceivedVerification& r, const std::string& item) {
    const auto p = verifiedPeriod(r);
    if (!p) return false;
    for (const TindakLanjut& t : tindakLanjutFor(unit, *p))
        if (t.targetKind == "facility" && t.targetCode == item) return true;
    return false;
}

} // namespace sw
