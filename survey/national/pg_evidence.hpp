// A merged bundle's evidence (data dukung) in the PostgreSQL store: the walk and the refusals of
// survey/bundle/evidence.hpp (each file decoded, matched against its SHA-256 and checked as
// evidence a unit could have imported), kept in the evidence table, one copy per unit and hash.
#pragma once
#include "survey/national/pg_connection.hpp"

#include <nlohmann/json.hpp>

namespace sw::pg {

// Stores the evidence files of the unit's facility report and returns the report without their
// bytes; BundleError(Malformed) names the item and file of a bad one. Inside the merge's transaction.
nlohmann::json storeBundleEvidence(Connection& c, const std::string& unitId, nlohmann::json facility);

} // namespace sw::pg
