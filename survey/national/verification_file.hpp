// The verification result sent back to the unit, signed with the Kanwil's own Ed25519 key
// (survey/national/kanwil_key.hpp; README "The assessor verifies"). The file is three parts:
//
//   suarawarga-verification 1 <kanwil key fingerprint>\n
//   <Ed25519 signature, 128 hex digits>\n
//   <payload: one JSON object>
//
// signed over the first line and the payload, so any changed byte — header, fingerprint, signature
// or payload — is refused. The payload is the verification (verdicts_json.hpp form) with what the
// unit head is shown: each item's name, claim and verdict, the self-assessed and verified scores
// with their coverage, and the findings to fix.
//
// The unit imports it only when it is for this unit and signed by the Kanwil key the unit trusts
// (trust-kanwil); otherwise BundleError with nothing stored. An import of the same result twice
// stores it once.
#pragma once
#include "survey/national/kanwil_key.hpp"
#include "survey/national/verification.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

// [SECTION] The Kanwil's side

// The payload for `claim` as verified by `v` (scored with the checklist `c`).
nlohmann::json verificationPayload(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v,
                                   const std::string& kanwilFingerprint);
// The signed file's bytes, and the same written atomically to `path`.
std::string signVerificationResult(const KanwilKey& key, const nlohmann::json& payload);
void writeVerificationResult(const KanwilKey& key, const nlohmann::json& payload, const std::string& path);

// [SECTION] The unit's side

struct ReceivedVerification {
    std::string id;                   // the result's own id (payload "id")
    std::string kanwilFingerprint;
    std::string visitDate;
    nlohmann::json payload;
    std::int64_t importedUtc = 0;
    bool duplicate = false;           // importVerificationResult: this result was already stored
};

// Checks the bytes (format, Kanwil key, signature, unit) and returns the payload; BundleError
// (NotABundle, KeyMismatch, BadSignature, Malformed) naming the problem otherwise. Reads only.
ReceivedVerification checkVerificationResult(Store& unit, const std::string& bytes, const std::string& fileName);
// checkVerificationResult, then stores it in one transaction (and logs it).
ReceivedVerification importVerificationResult(Store& unit, const std::string& path);
std::vector<ReceivedVerification> receivedVerifications(Store& unit);   // newest first

// A finding of a received result: an item the unit must fix or explain.
struct VerificationFinding {
    std::string item;
    std::string itemName;             // Indonesian, as the checklist names it
    std::string verdict;              // verdict code
    std::string note;
    std::vector<std::string> failingMeasures;
};
std::vector<VerificationFinding> findingsOf(const nlohmann::json& payload);

} // namespace sw
