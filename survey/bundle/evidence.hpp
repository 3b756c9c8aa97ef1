// An assessor's merge keeps the evidence (data dukung) a bundle carries as files in the evidence
// table — one copy per SHA-256, however many bundles carry it — and the unit's facility report
// refers to each by its hash (survey/dashboard/unit_report.hpp shape, without the bytes).
#pragma once
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

namespace sw {

// Stores the evidence files of a bundle's facility report and returns the report without their
// bytes. Every file must decode, match its SHA-256 and be evidence a unit could have imported
// (JPEG, PNG or PDF within the size limit); otherwise BundleError(Malformed) names the item and
// the file. Runs inside the caller's transaction or savepoint.
nlohmann::json storeBundleEvidence(Store& store, nlohmann::json facility);

} // namespace sw
