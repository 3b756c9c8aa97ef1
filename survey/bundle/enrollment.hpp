// The Kanwil's registry of unit keys. A unit's key is trusted because an assessor enrolled its
// fingerprint (read from the unit head's settings, the PDF footer or `suarawarga key`), not
// because its bundle came first. A key can be revoked; a revoked key is never trusted again for
// that unit. `merge --enroll-new` pins the key of a unit not yet enrolled and says so.
// README "Security model" says who trusts whom.
#pragma once
#include "survey/bundle/bundle.hpp"
#include "survey/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct EnrolledKey {
    std::string unitId;
    std::string fingerprint;      // "9F3A 01C2 …"
    std::string publicKeyHex;     // empty until the unit's first bundle arrives
    std::string source;           // "enroll", "merge --enroll-new", "first-bundle" (before enrollment existed)
    std::int64_t enrolledUtc = 0;
};

std::optional<EnrolledKey> enrolledKey(Store& assessor, const std::string& unitId);
std::vector<EnrolledKey> enrolledKeys(Store& assessor);
bool isRevoked(Store& assessor, const std::string& unitId, const std::string& fingerprint);

// Enrolls `fingerprint` for the unit (typed with or without spaces). Refuses (UsageError) a
// malformed fingerprint or unit id, a revoked key, and a unit that already has another key
// (revoke it first: a key is replaced on purpose, never by accident). Enrolling the same key
// again changes nothing.
EnrolledKey enrollKey(Store& assessor, const std::string& unitId, const std::string& fingerprint,
                      const std::string& name = "");
// Revokes the unit's enrolled key; its bundles are refused from now on. Returns the revoked key.
EnrolledKey revokeKey(Store& assessor, const std::string& unitId);

// The bundle's statement that its unit moved from the enrolled key `have` to the key that signed
// it: valid only when signed by that enrolled key itself. Both kinds of assessor's store ask it.
bool rotatesFromEnrolled(const EnrolledKey& have, const Bundle& b);
// Throws BundleError (NotEnrolled, Revoked, KeyMismatch) unless the bundle's key is the one
// enrolled for its unit. Reads only.
void checkEnrolledKey(Store& assessor, const Bundle& b);
// As checkEnrolledKey, inside a merge: with `enrollNew`, a unit with no key gets the bundle's
// (returns true: pinned now); the public key of a key enrolled by fingerprint is recorded.
bool admitBundleKey(Store& assessor, const Bundle& b, bool enrollNew);

} // namespace sw
