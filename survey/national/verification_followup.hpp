// A finding of the Kanwil's verification turned into rencana tindak lanjut in one step (README
// "The assessor verifies"): the item, the Kanwil's note as the action, for the period verified.
#pragma once
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/national/verification_file.hpp"

namespace sw {

// The plan a finding becomes: kind "facility", the item and its name, the action from the
// Kanwil's note, `owner` ("Kepala unit" when empty), due `days` after today (local).
TindakLanjut followUpFor(Store& unit, const ReceivedVerification& r, const VerificationFinding& f, const std::string& owner = "",
                         int days = 30);
// Stores it (validateTindakLanjut's checks) and returns its id.
std::int64_t addFollowUp(Store& unit, const ReceivedVerification& r, const VerificationFinding& f, const std::string& owner = "",
                         int days = 30);
// Whether the period verified already has a plan for the item.
bool hasFollowUp(Store& unit, const ReceivedVerification& r, const std::string& item);

} // namespace sw
