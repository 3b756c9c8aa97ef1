#include "survey/bundle/evidence_files.hpp"

#include "survey/base/error.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/store/store.hpp"

#include "survey/base/safe_output.hpp"
#include "survey/base/text_check.hpp"

#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace sw {

namespace {

void writeOne(const EvidenceReader& read, const std::string& storeName, int dirFd, const std::string& folder, EvidenceFile& f) {
    const std::string bytes = checkedEvidenceBytes(read(f), f.info, storeName);
    const std::string name = evidenceFileName(f.item, f.info.sha256, f.info.fileName);
    f.path = (std::filesystem::path(folder) / name).string();
    writeNewFileIn(dirFd, folder, name, bytes);
}

} // namespace

std::string checkedEvidenceBytes(std::string bytes, const EvidenceInfo& info, const std::string& storeName) {
    if (sha256Hex(bytes) != info.sha256)
        throw StoreError(StoreError::Kind::Corrupt, storeName + ": evidence \"" + printable(info.fileName) +
                                                        "\" no longer matches its SHA-256 " + info.sha256 +
                                                        "; the database is damaged — restore a backup");
    return bytes;
}

std::string evidenceFileName(const std::string& item, const std::string& sha256, const std::string& fileName) {
    std::string name = safeFileName(sha256.substr(0, 12), 12) + "-" + safeFileName(fileName, 80);
    return item.empty() ? name : safeFileName(item, 40) + "-" + name;
}

std::vector<EvidenceFile> reportEvidence(const nlohmann::json& report, const EvidenceLookup& find) {
    std::vector<EvidenceFile> files;
    if (!report.is_object() || !report.contains("items") || !report["items"].is_array()) return files;
    for (const auto& item : report["items"]) {
        if (!item.is_object() || !item.contains("evidence") || !item["evidence"].is_array()) continue;
        const std::string code = item.contains("code") && item["code"].is_string() ? item["code"].get<std::string>() : "";
        for (const auto& e : item["evidence"])
            if (e.is_object() && e.contains("sha256") && e["sha256"].is_string())
                if (auto info = find(e["sha256"].get<std::string>())) files.push_back({code, *info, ""});
    }
    return files;
}

std::vector<EvidenceFile> unitEvidence(Store& store, const std::string& unitId) {
    return reportEvidence(unitFacilityReport(store, unitId), [&](const std::string& sha256) { return evidenceBySha256(store, sha256); });
}

void writeEvidenceFilesTo(std::vector<EvidenceFile>& files, const std::string& folder, const EvidenceReader& read,
                          const std::string& storeName) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0) throw ExportError(ExportError::Kind::Io, folder + ": cannot open the output folder");
    try {
        for (auto& f : files) writeOne(read, storeName, dirFd, folder, f);
    } catch (...) {
        ::close(dirFd);
        throw;
    }
    ::close(dirFd);
}

std::vector<EvidenceFile> writeEvidenceFiles(Store& store, const std::string& unitId, const std::string& folder) {
    std::vector<EvidenceFile> files;
    if (unitId.empty()) {
        sql::Statement st(store.db(), "SELECT id FROM evidence ORDER BY id");
        while (st.step())
            if (auto info = evidenceInfo(store, st.getInt(0))) files.push_back({"", *info, ""});
    } else {
        files = unitEvidence(store, unitId);
    }
    writeEvidenceFilesTo(files, folder, [&](const EvidenceFile& f) { return evidenceData(store, f.info.id); }, store.db().path());
    return files;
}

} // namespace sw
