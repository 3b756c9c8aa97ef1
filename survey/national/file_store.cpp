#include "survey/national/file_store.hpp"

#include "survey/bundle/rollup_period.hpp"
#include "survey/national/verification_sqlite.hpp"
#include "survey/store/daily_tally.hpp"

namespace sw {

namespace {

class FileStore final : public AssessorStore {
public:
    FileStore(const std::string& path, bool create) : store_(path, Store::Options{.create = create}) {}

    std::string name() const override { return store_.path(); }

    std::optional<EnrolledKey> enrolledKey(const std::string& unitId) override { return sw::enrolledKey(store_, unitId); }
    std::vector<EnrolledKey> enrolledKeys() override { return sw::enrolledKeys(store_); }
    EnrolledKey enroll(const std::string& unitId, const std::string& fingerprint, const std::string& unitName) override {
        return enrollKey(store_, unitId, fingerprint, unitName);
    }
    EnrolledKey revoke(const std::string& unitId) override { return revokeKey(store_, unitId); }
    void checkKey(const Bundle& b) override { checkEnrolledKey(store_, b); }

    // The merge commits once for the run, the tallies of the rows it added with them
    // (survey/store/daily_tally.hpp, TallyCounter).
    std::vector<MergeFileResult> mergeFiles(const std::vector<std::string>& files, KeyPolicy keys) override {
        return mergeBundleFiles(store_, files, std::nullopt, keys);
    }

    std::vector<UnitTally> unitTallies(const TallyPeriod& period) override { return sw::unitTallies(store_, period); }
    LayoutLookup layouts() override {
        return [this](const std::string& id, int version) { return store_.layout(id, version); };
    }
    std::optional<Instrument> latestInstrument() override { return store_.latestInstrument(); }
    std::int64_t responseCount() override { return store_.db().scalarInt("SELECT count(*) FROM response"); }
    void logEvent(const std::string& kind, const std::string& detail) override { store_.logEvent(kind, detail); }

    // [SECTION] Verification (survey/national/verification_sqlite.hpp)
    std::optional<FacilityClaim> facilityClaim(const std::string& unitId) override { return sw::facilityClaim(store_, unitId); }
    void saveVerification(const Verification& v) override { sw::saveVerification(store_, v); }
    std::optional<Verification> verification(const std::string& unitId) override { return loadVerification(store_, unitId); }
    std::vector<Verification> verifications() override { return loadVerifications(store_); }

    // [SECTION] The window and `evidence` (survey/bundle/rollup_period.hpp, survey/facility/evidence.hpp)
    std::optional<LocalDate> newestResponseDate() override { return sw::newestResponseDate(store_); }
    int utcOffsetMinutes() override { return store_.unit().value_or(UnitInfo{}).utcOffsetMinutes; }
    std::vector<BundleReceipt> bundleReceipts() override { return sw::bundleReceipts(store_); }
    // The file keeps one copy per SHA-256, whichever unit sent it.
    std::optional<EvidenceInfo> evidenceInfo(const std::string&, const std::string& sha256) override {
        return evidenceBySha256(store_, sha256);
    }
    std::string evidenceData(const std::string& unitId, const std::string& sha256) override {
        auto info = evidenceInfo(unitId, sha256);
        return info ? sw::evidenceData(store_, info->id) : std::string();
    }
    std::string evidenceThumbnailPng(const std::string& unitId, const std::string& sha256) override {
        auto info = evidenceInfo(unitId, sha256);
        return info ? sw::evidenceThumbnailPng(store_, info->id) : std::string();
    }

private:
    Store store_;
};

} // namespace

std::unique_ptr<AssessorStore> openFileStore(const std::string& path, bool create) {
    return std::make_unique<FileStore>(path, create);
}

} // namespace sw
