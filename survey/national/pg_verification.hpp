// Verifications in the assessor's PostgreSQL store (table verification, pg_schema.cpp): what
// PgStore's verification section calls. Same rows and JSON as the file store's.
#pragma once
#include "survey/national/pg_connection.hpp"
#include "survey/national/verification.hpp"

namespace sw::pg {

std::optional<FacilityClaim> facilityClaim(Connection& c, const std::string& unitId);
void saveVerification(Connection& c, const Verification& v);
std::optional<Verification> loadVerification(Connection& c, const std::string& unitId);
std::vector<Verification> loadVerifications(Connection& c);

} // namespace sw::pg
