#include "survey/national/assessor_evidence.hpp"

namespace sw {

std::vector<EvidenceFile> unitEvidence(AssessorStore& store, const std::string& unitId) {
    const auto claim = store.facilityClaim(unitId);
    if (!claim) return {};
    return reportEvidence(claim->report, [&](const std::string& sha256) { return store.evidenceInfo(unitId, sha256); });
}

std::vector<EvidenceFile> writeEvidenceFiles(AssessorStore& store, const std::string& unitId, const std::string& folder) {
    std::vector<EvidenceFile> files = unitEvidence(store, unitId);
    writeEvidenceFilesTo(files, folder, [&](const EvidenceFile& f) { return store.evidenceData(unitId, f.info.sha256); }, store.name());
    return files;
}

} // namespace sw
