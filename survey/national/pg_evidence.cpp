#include "survey/national/pg_evidence.hpp"

#include "survey/base/local_time.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/facility/evidence.hpp"


namespace sw::pg {

namespace {

std::string textOf(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// bytea in its hex input form ("\x0a1b…"), passed as a text parameter.
std::string byteaHex(const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

void insertEvidence(Connection& c, const std::string& unitId, const std::string& file, const std::string& bytes) {
    std::string thumb;
    const EvidenceInfo info = checkEvidenceBytes(file, bytes, thumb);
    const bool image = !thumb.empty();
    const std::string w = std::to_string(info.width), h = std::to_string(info.height), size = std::to_string(info.size);
    const std::string data = byteaHex(bytes), thumbHex = byteaHex(thumb), now = std::to_string(nowUtc());
    c.query("INSERT INTO evidence(unit_id, sha256, file_name, mime, size, width, height, data, thumb_png, imported_utc) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bytea, $9::bytea, $10) ON CONFLICT (unit_id, sha256) DO NOTHING",
            {unitId, info.sha256, info.fileName, info.mime, size, image ? Param(w) : Param(), image ? Param(h) : Param(),
             data, image ? Param(thumbHex) : Param(), now});
}

} // namespace

nlohmann::json storeBundleEvidence(Connection& c, const std::string& unitId, nlohmann::json facility) {
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
                insertEvidence(c, unitId, file, *bytes);
            } catch (const EvidenceError& x) {
                refuse(x.what());
            }
            e.erase("data");
        }
    }
    return facility;
}

} // namespace sw::pg
