// The Kanwil's registry of unit keys in the PostgreSQL store: the rules of
// survey/bundle/enrollment.hpp (enrolled by fingerprint, revoked for good, --enroll-new pins,
// a rotation statement signed by the enrolled key moves the unit), with the same refusals and
// messages, on the tables trusted_key and revoked_key.
#pragma once
#include "survey/bundle/enrollment.hpp"
#include "survey/national/pg_connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::pg {

std::optional<EnrolledKey> enrolledKey(Connection& c, const std::string& unitId);
std::vector<EnrolledKey> enrolledKeys(Connection& c);
EnrolledKey enrollKey(Connection& c, const std::string& unitId, const std::string& fingerprint, const std::string& name);
EnrolledKey revokeKey(Connection& c, const std::string& unitId);
// BundleError (Revoked, NotEnrolled, KeyMismatch) unless the bundle's key is enrolled. Reads only.
void checkEnrolledKey(Connection& c, const Bundle& b);
// Inside a merge's transaction, as admitBundleKey: true when this bundle pinned its key now.
bool admitBundleKey(Connection& c, const Bundle& b, bool enrollNew);

} // namespace sw::pg
