// What the assessor's window and `suarawarga evidence` read from the PostgreSQL store, with the
// meanings of the file store's (survey/bundle/rollup_period.hpp, survey/national/bundle_receipts.hpp,
// survey/facility/evidence.hpp). Evidence is kept one copy per unit and SHA-256 (pg_schema.cpp).
#pragma once
#include "survey/base/local_time.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/national/bundle_receipts.hpp"
#include "survey/national/pg_connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::pg {

std::optional<LocalDate> newestResponseDate(Connection& c);
std::vector<BundleReceipt> bundleReceipts(Connection& c);
std::optional<EvidenceInfo> evidenceInfo(Connection& c, const std::string& unitId, const std::string& sha256);
std::string evidenceData(Connection& c, const std::string& unitId, const std::string& sha256);
std::string evidenceThumbnailPng(Connection& c, const std::string& unitId, const std::string& sha256);

} // namespace sw::pg
