#include "survey/national/pg_evidence.hpp"

#include "survey/base/local_time.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/bundle/evidence.hpp"
#include "survey/facility/evidence.hpp"


namespace sw::pg {

namespace {

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
    return takeBundleEvidence(std::move(facility), [&](const std::string& file, const std::string& bytes) {
        insertEvidence(c, unitId, file, bytes);
    });
}

} // namespace sw::pg
