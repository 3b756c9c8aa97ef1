// The assessor's store, whatever holds it: an SQLite file (a Kanwil with a few hundred units) or a
// PostgreSQL database (the ministry, a large Kanwil; README "The national store"). Everything an
// assessor does goes through this one interface — enroll, merge, verify --trusted, the roll-ups —
// with the same rules and the same figures in both (tests/survey/national run one suite on both).
//
// Roll-ups read daily tallies, not responses: per unit, local day, instrument version and kelompok
// mask, the Σ and n of every unsur and HAM position, respondents, rows, adil answers, and the
// misuse rows apart (survey/store/totals.hpp ResponseTotals is one such cell). A period's figures
// are the sum of its days' tallies; the SKM arithmetic then runs once, in survey/skm.
#pragma once
#include "survey/base/local_time.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/rollup.hpp"   // TallyPeriod, UnitTally
#include "survey/facility/evidence.hpp"
#include "survey/national/bundle_receipts.hpp"
#include "survey/national/verification.hpp"
#include "survey/store/totals.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw {

class AssessorStore {
public:
    virtual ~AssessorStore() = default;
    // The file's path, or the URL without its password: what messages name.
    virtual std::string name() const = 0;

    // Enrollment, with the rules of survey/bundle/enrollment.hpp.
    virtual std::optional<EnrolledKey> enrolledKey(const std::string& unitId) = 0;
    virtual std::vector<EnrolledKey> enrolledKeys() = 0;
    virtual EnrolledKey enroll(const std::string& unitId, const std::string& fingerprint, const std::string& unitName) = 0;
    virtual EnrolledKey revoke(const std::string& unitId) = 0;
    // Throws BundleError (NotEnrolled, Revoked, KeyMismatch) unless the bundle's key is enrolled. Reads only.
    virtual void checkKey(const Bundle& b) = 0;

    // Merge, with the rules of survey/bundle/merge.hpp: each bundle verified and admitted (key,
    // UUID ownership, identical content for a repeated UUID) in its own transaction; a refused
    // bundle leaves nothing; idempotent by (unit_id, uuid). The daily tallies are kept in the same
    // transaction. Results in file order. Throws StoreError only when the store itself fails.
    virtual std::vector<MergeFileResult> mergeFiles(const std::vector<std::string>& files, KeyPolicy keys) = 0;

    // Every unit with responses or a merged bundle, with its tallies summed over the period.
    virtual std::vector<UnitTally> unitTallies(const TallyPeriod& period) = 0;
    // The instrument versions tallies refer to, and the newest one (the roll-up's unsur names).
    virtual LayoutLookup layouts() = 0;
    virtual std::optional<Instrument> latestInstrument() = 0;
    // Rows in the store (misuse included): tests compare the two kinds of store with it.
    virtual std::int64_t responseCount() = 0;
    // The store's own event log (what was merged, enrolled, revoked; never citizen data).
    virtual void logEvent(const std::string& kind, const std::string& detail) = 0;

    // [SECTION] Verification of a unit's facility self-assessment (survey/national/verification.hpp)
    // The claim: the latest facility report the unit sent (no evidence bytes), its unit and the
    // period of the bundle that carried it; nullopt when the unit sent none.
    virtual std::optional<FacilityClaim> facilityClaim(const std::string& unitId) = 0;
    // Stores the unit's verdicts and visit record, replacing the unit's earlier ones, in one
    // transaction (and logs it). Read back whole by verification(); every verified unit by verifications().
    virtual void saveVerification(const Verification& v) = 0;
    virtual std::optional<Verification> verification(const std::string& unitId) = 0;
    virtual std::vector<Verification> verifications() = 0;

    // [SECTION] What the assessor's window and `suarawarga evidence` read (README "The national store")
    // The local date of the newest merged response; none when the store is empty.
    virtual std::optional<LocalDate> newestResponseDate() = 0;
    // The Kanwil's own time zone (minutes east of UTC) for "today" and delivery times: the file
    // store's own unit when it has one; WIB otherwise (a PostgreSQL store keeps no unit of its own).
    virtual int utcOffsetMinutes() = 0;
    virtual std::vector<BundleReceipt> bundleReceipts() = 0;
    // An evidence file a unit's report lists, by its SHA-256: its info (id 0 where the store has
    // none), its bytes as stored (the caller checks them against the SHA-256) and its PNG
    // thumbnail ("" for a PDF); nullopt / "" when the store does not hold it.
    virtual std::optional<EvidenceInfo> evidenceInfo(const std::string& unitId, const std::string& sha256) = 0;
    virtual std::string evidenceData(const std::string& unitId, const std::string& sha256) = 0;
    virtual std::string evidenceThumbnailPng(const std::string& unitId, const std::string& sha256) = 0;
};

// "postgresql://…" or "postgres://…" (libpq's URI form); anything else is a file path.
bool isPostgresUrl(const std::string& db);
// Opens an assessor's store. `create`: merge and enroll may create a new one (a file, or the schema
// in an empty PostgreSQL database); read-only commands never create anything (StoreError naming it).
std::unique_ptr<AssessorStore> openAssessorStore(const std::string& db, bool create);

} // namespace sw
