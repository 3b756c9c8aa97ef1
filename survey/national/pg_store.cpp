#include "survey/national/pg_store.hpp"

#include "survey/base/local_time.hpp"
#include "survey/national/pg_enrollment.hpp"
#include "survey/national/pg_merge_run.hpp"
#include "survey/national/pg_schema.hpp"
#include "survey/national/pg_tally.hpp"
#include "survey/national/pg_verification.hpp"
#include "survey/national/pg_window.hpp"

#include <cstdlib>
#include <map>
#include <set>

namespace sw {

namespace {

// Bundles of different units are written over this many connections at once (README "The national
// store": two on a two-core server); SUARAWARGA_PG_MERGE_CONNECTIONS (1–16) sets another number.
int mergeConnections() {
    const char* env = std::getenv("SUARAWARGA_PG_MERGE_CONNECTIONS");
    const int n = env ? std::atoi(env) : 2;
    return n >= 1 && n <= 16 ? n : 2;
}

using LayoutMap = std::map<std::pair<std::string, int>, std::shared_ptr<const PackedLayout>>;

nlohmann::json jsonOrNull(const pg::Result& r, int row, int col) {
    if (r.isNull(row, col)) return nullptr;
    auto j = nlohmann::json::parse(r.text(row, col), nullptr, false);
    return j.is_discarded() ? nlohmann::json() : j;
}

class PgStore final : public AssessorStore {
public:
    PgStore(const std::string& url, bool create) : url_(url), c_(url, pg::urlWithoutPassword(url)) {
        pg::ensureSchema(c_, create);
        partitions_.add(pg::responsePartitions(c_));
    }

    std::string name() const override { return c_.name(); }

    std::optional<EnrolledKey> enrolledKey(const std::string& unitId) override { return pg::enrolledKey(c_, unitId); }
    std::vector<EnrolledKey> enrolledKeys() override { return pg::enrolledKeys(c_); }
    EnrolledKey enroll(const std::string& unitId, const std::string& fingerprint, const std::string& unitName) override {
        return pg::enrollKey(c_, unitId, fingerprint, unitName);
    }
    EnrolledKey revoke(const std::string& unitId) override { return pg::revokeKey(c_, unitId); }
    void checkKey(const Bundle& b) override { pg::checkEnrolledKey(c_, b); }

    std::vector<MergeFileResult> mergeFiles(const std::vector<std::string>& files, KeyPolicy keys) override {
        auto connect = [this] { return std::make_unique<pg::Connection>(url_, c_.name()); };
        return pg::mergeRun(c_, connect, mergeConnections(), partitions_, files, keys);
    }

    std::vector<UnitTally> unitTallies(const TallyPeriod& period) override;

    LayoutLookup layouts() override {
        refreshLayouts();
        auto snapshot = std::make_shared<const LayoutMap>(layouts_);
        return [snapshot](const std::string& id, int version) -> std::shared_ptr<const PackedLayout> {
            auto it = snapshot->find({id, version});
            return it == snapshot->end() ? nullptr : it->second;
        };
    }

    std::optional<Instrument> latestInstrument() override {
        pg::Result r = c_.query("SELECT id, version, body FROM instrument ORDER BY registered DESC LIMIT 1");
        if (r.rows() == 0) return std::nullopt;
        return parseInstrument(r.str(0, 2), name() + "#instrument/" + r.str(0, 0) + "/v" + r.str(0, 1));
    }

    std::int64_t responseCount() override { return std::stoll(c_.scalar("SELECT count(*) FROM response").value_or("0")); }

    void logEvent(const std::string& kind, const std::string& detail) override {
        c_.query("INSERT INTO event(at_utc, kind, detail) VALUES ($1, $2, $3)", {std::to_string(nowUtc()), kind, detail});
    }

    // [SECTION] Verification (survey/national/pg_verification.hpp)
    std::optional<FacilityClaim> facilityClaim(const std::string& unitId) override { return pg::facilityClaim(c_, unitId); }
    void saveVerification(const Verification& v) override { pg::saveVerification(c_, v); }
    std::optional<Verification> verification(const std::string& unitId) override { return pg::loadVerification(c_, unitId); }
    std::vector<Verification> verifications() override { return pg::loadVerifications(c_); }

    // [SECTION] The window and `evidence` (survey/national/pg_window.hpp)
    std::optional<LocalDate> newestResponseDate() override { return pg::newestResponseDate(c_); }
    int utcOffsetMinutes() override { return UnitInfo{}.utcOffsetMinutes; }
    std::vector<BundleReceipt> bundleReceipts() override { return pg::bundleReceipts(c_); }
    std::optional<EvidenceInfo> evidenceInfo(const std::string& unitId, const std::string& sha256) override {
        return pg::evidenceInfo(c_, unitId, sha256);
    }
    std::string evidenceData(const std::string& unitId, const std::string& sha256) override { return pg::evidenceData(c_, unitId, sha256); }
    std::string evidenceThumbnailPng(const std::string& unitId, const std::string& sha256) override {
        return pg::evidenceThumbnailPng(c_, unitId, sha256);
    }

private:
    // Instrument versions are immutable: each is parsed once per store object.
    void refreshLayouts() {
        pg::Result r = c_.query("SELECT id, version FROM instrument");
        for (int i = 0; i < r.rows(); ++i) {
            std::pair<std::string, int> key{r.str(i, 0), static_cast<int>(r.integer(i, 1))};
            if (layouts_.count(key)) continue;
            auto body = c_.scalar("SELECT body FROM instrument WHERE id = $1 AND version = $2", {key.first, r.text(i, 1)});
            if (!body) continue;
            auto in = std::make_shared<const Instrument>(
                parseInstrument(*body, name() + "#instrument/" + key.first + "/v" + std::to_string(key.second)));
            layouts_.emplace(std::move(key), std::make_shared<const PackedLayout>(in));
        }
    }

    std::string url_;
    pg::Connection c_;
    pg::Partitions partitions_;
    LayoutMap layouts_;
};

// Every unit that sent a bundle (only a merge writes responses, so that is every unit with
// responses too), its registry entries, and its tallies over the period.
std::vector<UnitTally> PgStore::unitTallies(const TallyPeriod& period) {
    std::map<std::string, pg::UnitSums> sums = pg::periodTallies(c_, period);
    pg::Result r = c_.query(
        "SELECT m.unit_id, m.bundles, u.name, u.instansi, u.address, u.kabupaten, u.province, u.utc_offset_min, "
        "u.kode_wilayah, u.demo, k.fingerprint, rep.facility, rep.extra, rep.unit_id IS NOT NULL, b.period_from, b.period_to "
        "FROM (SELECT unit_id, count(*) AS bundles FROM merged_bundle GROUP BY unit_id) m "
        "LEFT JOIN unit u ON u.id = m.unit_id "
        "LEFT JOIN trusted_key k ON k.unit_id = m.unit_id "
        "LEFT JOIN unit_report rep ON rep.unit_id = m.unit_id "
        "LEFT JOIN merged_bundle b ON b.unit_id = rep.unit_id AND b.id = rep.bundle_id "
        "ORDER BY m.unit_id COLLATE \"C\"");
    std::vector<UnitTally> out;
    for (int i = 0; i < r.rows(); ++i) {
        UnitTally t;
        t.unit.id = r.str(i, 0);
        t.bundles = r.integer(i, 1);
        if (!r.isNull(i, 2)) {
            t.unit.name = r.str(i, 2);
            t.unit.instansi = r.str(i, 3);
            t.unit.address = r.str(i, 4);
            t.unit.kabupaten = r.str(i, 5);
            t.unit.province = r.str(i, 6);
            t.unit.utcOffsetMinutes = static_cast<int>(r.integer(i, 7));
            t.unit.kodeWilayah = r.str(i, 8);
            t.unit.demo = r.text(i, 9) == "t";
        }
        if (!r.isNull(i, 10)) t.fingerprint = r.str(i, 10);
        if (r.text(i, 13) == "t") {
            t.facility = jsonOrNull(r, i, 11);
            t.extra = jsonOrNull(r, i, 12);
            if (!r.isNull(i, 14)) t.reportFrom = r.str(i, 14);
            if (!r.isNull(i, 15)) t.reportTo = r.str(i, 15);
        }
        if (auto it = sums.find(t.unit.id); it != sums.end()) {
            t.totals = std::move(it->second.totals);
            t.misuse = it->second.misuse;
        }
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

std::unique_ptr<AssessorStore> openPgStore(const std::string& url, bool create) { return std::make_unique<PgStore>(url, create); }

} // namespace sw
