#include "survey/national/pg_enrollment.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/store/unit_setup.hpp"

namespace sw::pg {

namespace {

constexpr const char* kSelectKey = "SELECT unit_id, fingerprint, public_key, source, pinned_utc FROM trusted_key";

EnrolledKey rowToKey(const Result& r, int i) {
    EnrolledKey k;
    k.unitId = r.str(i, 0);
    k.fingerprint = r.str(i, 1);
    k.publicKeyHex = r.str(i, 2);
    k.source = r.str(i, 3);
    k.enrolledUtc = r.integer(i, 4);
    return k;
}

std::string quoted(const std::string& s) { return "\"" + printable(s) + "\""; }

bool isRevoked(Connection& c, const std::string& unitId, const std::string& fingerprint) {
    return c.query("SELECT 1 FROM revoked_key WHERE unit_id = $1 AND fingerprint = $2", {unitId, fingerprint}).rows() > 0;
}

void retire(Connection& c, const std::string& unitId, const std::string& fingerprint) {
    c.query("INSERT INTO revoked_key(unit_id, fingerprint, revoked_utc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            {unitId, fingerprint, std::to_string(nowUtc())});
}

} // namespace

std::optional<EnrolledKey> enrolledKey(Connection& c, const std::string& unitId) {
    Result r = c.query(std::string(kSelectKey) + " WHERE unit_id = $1", {unitId});
    if (r.rows() == 0) return std::nullopt;
    return rowToKey(r, 0);
}

std::vector<EnrolledKey> enrolledKeys(Connection& c) {
    Result r = c.query(std::string(kSelectKey) + " ORDER BY unit_id COLLATE \"C\"");
    std::vector<EnrolledKey> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(rowToKey(r, i));
    return out;
}

EnrolledKey enrollKey(Connection& c, const std::string& unitId, const std::string& typed, const std::string& name) {
    checkUnitId(unitId, "--unit");
    const std::string fp = normalizeFingerprint(typed);
    if (fp.empty()) throw UsageError("--key must be a fingerprint of 32 hex digits (spaces allowed), e.g. from `suarawarga key`");
    if (isRevoked(c, unitId, fp))
        throw UsageError("key " + fp + " was revoked for unit " + quoted(unitId) + "; a revoked key is not enrolled again");
    Transaction tx(c);
    if (auto have = enrolledKey(c, unitId)) {
        if (have->fingerprint == fp) return *have; // the same key again: nothing to do
        throw UsageError("unit " + quoted(unitId) + " is enrolled with key " + have->fingerprint +
                         "; revoke it first (suarawarga enroll --revoke --unit " + printable(unitId) + ")");
    }
    c.query("INSERT INTO trusted_key(unit_id, public_key, fingerprint, first_bundle, pinned_utc, source) "
            "VALUES ($1, '', $2, '', $3, 'enroll')",
            {unitId, fp, std::to_string(nowUtc())});
    if (!name.empty()) {
        checkText(name, "--name", kMaxNameLength);
        c.query("INSERT INTO unit(id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", {unitId, name});
    }
    tx.commit();
    return *enrolledKey(c, unitId);
}

EnrolledKey revokeKey(Connection& c, const std::string& unitId) {
    Transaction tx(c);
    auto have = enrolledKey(c, unitId);
    if (!have) throw UsageError("unit " + quoted(unitId) + " has no enrolled key to revoke");
    retire(c, unitId, have->fingerprint);
    c.query("DELETE FROM trusted_key WHERE unit_id = $1", {unitId});
    tx.commit();
    return *have;
}

// The hint names the store as a command line takes it: a URL's '?' and '&' quoted for the shell.
void checkEnrolledKey(Connection& c, const Bundle& b) {
    const std::string unit = quoted(b.unit.id);
    if (isRevoked(c, b.unit.id, b.fingerprint))
        throw BundleError(BundleError::Kind::Revoked, "unit " + unit + ": key " + b.fingerprint + " was revoked; refused");
    auto have = enrolledKey(c, b.unit.id);
    if (!have)
        throw BundleError(BundleError::Kind::NotEnrolled,
                          "unit " + unit + " is not enrolled (key " + b.fingerprint +
                              "); check the fingerprint with the unit, then: suarawarga enroll --db \"" + printable(c.name()) +
                              "\" --unit " + printable(b.unit.id) + " --key \"" + b.fingerprint + "\" (or merge --enroll-new)");
    const std::string pk = toHex(b.publicKey.data(), b.publicKey.size());
    const bool same = have->fingerprint == b.fingerprint && (have->publicKeyHex.empty() || have->publicKeyHex == pk);
    if (!same && !rotatesFromEnrolled(*have, b))
        throw BundleError(BundleError::Kind::KeyMismatch,
                          "unit " + unit + " is enrolled with key " + have->fingerprint + ", but this bundle is signed by " +
                              b.fingerprint + "; refused — confirm the new key with the unit before trusting it");
}

bool admitBundleKey(Connection& c, const Bundle& b, bool enrollNew) {
    const std::string pk = toHex(b.publicKey.data(), b.publicKey.size());
    const std::string now = std::to_string(nowUtc());
    if (enrollNew && !enrolledKey(c, b.unit.id) && !isRevoked(c, b.unit.id, b.fingerprint)) {
        c.query("INSERT INTO trusted_key(unit_id, public_key, fingerprint, first_bundle, pinned_utc, source) "
                "VALUES ($1, $2, $3, $4, $5, 'merge --enroll-new')",
                {b.unit.id, pk, b.fingerprint, b.id, now});
        return true;
    }
    checkEnrolledKey(c, b);
    auto have = enrolledKey(c, b.unit.id);
    if (have && have->fingerprint != b.fingerprint) {
        // A valid rotation (checkEnrolledKey accepted it): the unit moves to the new key and the
        // old one is retired for good, so a stolen old key cannot follow it.
        retire(c, b.unit.id, have->fingerprint);
        c.query("UPDATE trusted_key SET public_key = $1, fingerprint = $2, first_bundle = $3, pinned_utc = $4, "
                "source = 'rotation' WHERE unit_id = $5",
                {pk, b.fingerprint, b.id, now, b.unit.id});
        return false;
    }
    c.query("UPDATE trusted_key SET public_key = $1, first_bundle = $2 WHERE unit_id = $3 AND public_key = ''",
            {pk, b.id, b.unit.id});
    return false;
}

} // namespace sw::pg
