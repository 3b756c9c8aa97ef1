// The evidence (data dukung) as files again, for an assessor to open: the photos and PDFs a
// unit's latest facility report refers to, or every evidence file of a store.
#pragma once
#include "survey/facility/evidence.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct EvidenceFile {
    std::string item;          // the checklist item it supports ("" when written without a unit)
    EvidenceInfo info;
    std::string path;          // where it was written
};

// The evidence a unit's latest facility report (an assessor's store) refers to, item by item;
// path is empty. Files the store does not hold are left out.
std::vector<EvidenceFile> unitEvidence(Store& store, const std::string& unitId);

// The walk and the writing apart from where the files are kept, so an assessor's PostgreSQL store
// (survey/national/assessor_evidence.hpp) writes them by the same rules. `find`: a file by its SHA-256.
using EvidenceLookup = std::function<std::optional<EvidenceInfo>(const std::string& sha256)>;
std::vector<EvidenceFile> reportEvidence(const nlohmann::json& report, const EvidenceLookup& find);
// `read`: the file's bytes as stored; `storeName` names the store when they no longer match.
using EvidenceReader = std::function<std::string(const EvidenceFile&)>;
void writeEvidenceFilesTo(std::vector<EvidenceFile>& files, const std::string& folder, const EvidenceReader& read,
                          const std::string& storeName);

// `bytes` when they hash to the SHA-256 the file was stored under; otherwise StoreError(Corrupt)
// naming the store and the file: the store is damaged and nothing should be written from it.
std::string checkedEvidenceBytes(std::string bytes, const EvidenceInfo& info, const std::string& storeName);

// The name a file gets in the output folder: "<item>-<first 12 of its SHA-256>-<file name>". The
// item code and the file name come from a unit's bundle, so both are reduced to plain names
// (safeFileName): never a separator, "..", a leading dot or a control character.
std::string evidenceFileName(const std::string& item, const std::string& sha256, const std::string& fileName);

// Writes each file into `folder` under evidenceFileName, after checking its bytes against the
// SHA-256 it was stored under (StoreError Corrupt names it otherwise). Each file is created new
// inside the folder (O_EXCL, no links followed) and written whole or removed. unitId: a unit of an assessor's store, whose
// latest report lists the files; empty: every evidence file in the store.
std::vector<EvidenceFile> writeEvidenceFiles(Store& store, const std::string& unitId, const std::string& folder);

} // namespace sw
