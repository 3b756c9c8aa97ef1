// Verifications in an assessor's SQLite file (table verification, survey/store/migrations.cpp):
// what FileStore's verification section calls.
#pragma once
#include "survey/national/verification.hpp"

namespace sw {

std::optional<FacilityClaim> facilityClaim(Store& store, const std::string& unitId);
void saveVerification(Store& store, const Verification& v);
std::optional<Verification> loadVerification(Store& store, const std::string& unitId);
std::vector<Verification> loadVerifications(Store& store);

} // namespace sw
