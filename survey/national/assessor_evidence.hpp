// A unit's evidence (data dukung) out of an assessor's store, whichever kind: the files its latest
// facility report lists, item by item, and those files written out after their SHA-256 is checked
// — the walk and the writing of survey/bundle/evidence_files.hpp, the bytes from AssessorStore.
#pragma once
#include "survey/bundle/evidence_files.hpp"
#include "survey/national/assessor_store.hpp"

#include <string>
#include <vector>

namespace sw {

std::vector<EvidenceFile> unitEvidence(AssessorStore& store, const std::string& unitId);
std::vector<EvidenceFile> writeEvidenceFiles(AssessorStore& store, const std::string& unitId, const std::string& folder);

} // namespace sw
