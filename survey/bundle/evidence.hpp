// An assessor's merge keeps the evidence (data dukung) a bundle carries as files in the evidence
// table — one copy per SHA-256, however many bundles carry it — and the unit's facility report
// refers to each by its hash (survey/dashboard/unit_report.hpp shape, without the bytes).
#pragma once
#include <functional>
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

namespace sw {

// Stores the evidence files of a bundle's facility report and returns the report without their
// bytes. Every file must decode, match its SHA-256 and be evidence a unit could have imported
// (JPEG, PNG or PDF within the size limit); otherwise BundleError(Malformed) names the item and
// the file. Runs inside the caller's transaction or savepoint.
nlohmann::json storeBundleEvidence(Store& store, nlohmann::json facility);

// The walk behind it, for any store: each evidence file of the report, decoded and checked
// against its SHA-256, is handed to `keep` (which stores it; an EvidenceError it throws refuses
// the bundle, naming the item and file); returns the report without the bytes.
using EvidenceKeeper = std::function<void(const std::string& file, const std::string& bytes)>;
nlohmann::json takeBundleEvidence(nlohmann::json facility, const EvidenceKeeper& keep);

// A stored facility report as a view reads it: each evidence entry without its bytes ("data").
nlohmann::json withoutEvidenceBytes(nlohmann::json facility);

} // namespace sw
