#include "survey/bundle/evidence.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/evidence.hpp"

namespace sw {

namespace {

std::string textOf(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

nlohmann::json withoutEvidenceBytes(nlohmann::json facility) {
    if (auto items = facility.find("items"); items != facility.end() && items->is_array())
        for (auto& item : *items)
            if (auto ev = item.find("evidence"); ev != item.end() && ev->is_array())
                for (auto& e : *ev)
                    if (e.is_object()) e.erase("data");
    return facility;
}

nlohmann::json takeBundleEvidence(nlohmann::json facility, const EvidenceKeeper& keep) {
    if (!facility.is_object()) return facility;
    auto items = facility.find("items");
    if (items == facility.end() || !items->is_array()) return facility;
    for (auto& item : *items) {
        if (!item.is_object()) continue;
        auto list = item.find("evidence");
        if (list == item.end() || !list->is_array()) continue;
        for (auto& e : *list) {
            if (!e.is_object() || !e.contains("data")) continue;
            const std::string file = textOf(e, "file"), sha = textOf(e, "sha256");
            auto refuse = [&](const std::string& why) {
                throw BundleError(BundleError::Kind::Malformed,
                                  "facility item " + textOf(item, "code") + ", evidence \"" + file + "\": " + why);
            };
            std::optional<std::string> bytes;
            if (e["data"].is_string()) bytes = unbase64(e["data"].get<std::string>());
            if (!bytes) refuse("the file is not valid base64");
            // The signature says the unit sent these bytes; the hash says they are the file it listed.
            if (sha256Hex(*bytes) != sha) refuse("the file does not match its SHA-256 " + sha);
            try {
                keep(file, *bytes);
            } catch (const EvidenceError& x) {
                refuse(x.what());
            }
            e.erase("data");
        }
    }
    return facility;
}

nlohmann::json storeBundleEvidence(Store& store, nlohmann::json facility) {
    return takeBundleEvidence(std::move(facility),
                              [&store](const std::string& file, const std::string& bytes) { storeEvidenceBytes(store, file, bytes); });
}

} // namespace sw
