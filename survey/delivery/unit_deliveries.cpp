#include "survey/delivery/unit_deliveries.hpp"

#include <algorithm>

namespace sw {

namespace {

std::vector<UnitDelivery> classify(std::vector<BundleReceipt> receipts, std::int64_t now, int silentDays) {
    std::vector<UnitDelivery> out;
    const std::int64_t limit = static_cast<std::int64_t>(silentDays) * 86400;
    for (BundleReceipt& r : receipts) {
        UnitDelivery d;
        static_cast<BundleReceipt&>(d) = std::move(r);
        d.silent = !d.lastBundleUtc || now - *d.lastBundleUtc > limit;
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const UnitDelivery& a, const UnitDelivery& b) {
        if (a.silent != b.silent) return a.silent;
        if (a.silent && a.lastBundleUtc != b.lastBundleUtc) return a.lastBundleUtc.value_or(0) < b.lastBundleUtc.value_or(0);
        return a.unitId < b.unitId;
    });
    return out;
}

} // namespace

std::vector<UnitDelivery> unitDeliveries(Store& kanwil, std::int64_t now, int silentDays) {
    return classify(bundleReceipts(kanwil), now, silentDays);
}

std::vector<UnitDelivery> unitDeliveries(AssessorStore& kanwil, std::int64_t now, int silentDays) {
    return classify(kanwil.bundleReceipts(), now, silentDays);
}

} // namespace sw
