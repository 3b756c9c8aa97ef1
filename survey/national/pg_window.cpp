#include "survey/national/pg_window.hpp"

namespace sw::pg {

namespace {

// One bytea column of the unit's evidence file; "" when there is none (or it is NULL).
std::string evidenceColumn(Connection& c, const char* sql, const std::string& unitId, const std::string& sha256) {
    Result r = c.query(sql, {unitId, sha256});
    return r.rows() == 0 || r.isNull(0, 0) ? std::string() : r.bytes(0, 0);
}

} // namespace

// Every response is counted into its local day's tally, misuse included (pg_tally.hpp), so the
// newest tally day is the newest response's, read from daily_tally_by_day, not the response table.
std::optional<LocalDate> newestResponseDate(Connection& c) {
    auto day = c.scalar("SELECT max(day)::text FROM daily_tally");
    LocalDate d;
    if (!day || !parseDate(*day, d)) return std::nullopt;
    return d;
}

std::vector<BundleReceipt> bundleReceipts(Connection& c) {
    Result r = c.query("WITH ids(unit_id) AS (SELECT unit_id FROM merged_bundle UNION SELECT unit_id FROM trusted_key) "
                       "SELECT ids.unit_id, coalesce(u.name, ''), max(b.merged_utc), count(b.id), coalesce(sum(b.added), 0) "
                       "FROM ids LEFT JOIN unit u ON u.id = ids.unit_id LEFT JOIN merged_bundle b ON b.unit_id = ids.unit_id "
                       "GROUP BY ids.unit_id, u.name");
    std::vector<BundleReceipt> out;
    for (int i = 0; i < r.rows(); ++i) {
        BundleReceipt b;
        b.unitId = r.str(i, 0);
        b.name = r.str(i, 1);
        if (!r.isNull(i, 2)) b.lastBundleUtc = r.integer(i, 2);
        b.bundles = r.integer(i, 3);
        b.responses = r.integer(i, 4);
        out.push_back(std::move(b));
    }
    return out;
}

std::optional<EvidenceInfo> evidenceInfo(Connection& c, const std::string& unitId, const std::string& sha256) {
    Result r = c.query("SELECT file_name, mime, size, width, height, imported_utc FROM evidence WHERE unit_id = $1 AND sha256 = $2",
                       {unitId, sha256});
    if (r.rows() == 0) return std::nullopt;
    EvidenceInfo i;
    i.sha256 = sha256;
    i.fileName = r.str(0, 0);
    i.mime = r.str(0, 1);
    i.size = r.integer(0, 2);
    i.width = static_cast<int>(r.integer(0, 3));    // NULL (a PDF) reads as 0, as in the file store
    i.height = static_cast<int>(r.integer(0, 4));
    i.importedUtc = r.integer(0, 5);
    return i;
}

std::string evidenceData(Connection& c, const std::string& unitId, const std::string& sha256) {
    return evidenceColumn(c, "SELECT data FROM evidence WHERE unit_id = $1 AND sha256 = $2", unitId, sha256);
}

std::string evidenceThumbnailPng(Connection& c, const std::string& unitId, const std::string& sha256) {
    return evidenceColumn(c, "SELECT thumb_png FROM evidence WHERE unit_id = $1 AND sha256 = $2", unitId, sha256);
}

} // namespace sw::pg
