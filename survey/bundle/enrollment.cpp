#include "survey/bundle/enrollment.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/store/unit_setup.hpp"

namespace sw {

namespace {

EnrolledKey rowToKey(sql::Statement& st) {
    EnrolledKey k;
    k.unitId = st.getText(0);
    k.fingerprint = st.getText(1);
    k.publicKeyHex = st.getText(2);
    k.source = st.getText(3);
    k.enrolledUtc = st.getInt(4);
    return k;
}

constexpr const char* kSelectKey = "SELECT unit_id, fingerprint, public_key, source, pinned_utc FROM trusted_key";

std::string quoted(const std::string& s) { return "\"" + printable(s) + "\""; }

} // namespace

std::optional<EnrolledKey> enrolledKey(Store& assessor, const std::string& unitId) {
    sql::Statement st(assessor.db(), std::string(kSelectKey) + " WHERE unit_id=?");
    st.bind(1, unitId);
    if (!st.step()) return std::nullopt;
    return rowToKey(st);
}

std::vector<EnrolledKey> enrolledKeys(Store& assessor) {
    sql::Statement st(assessor.db(), std::string(kSelectKey) + " ORDER BY unit_id");
    std::vector<EnrolledKey> out;
    while (st.step()) out.push_back(rowToKey(st));
    return out;
}

bool isRevoked(Store& assessor, const std::string& unitId, const std::string& fingerprint) {
    sql::Statement st(assessor.db(), "SELECT 1 FROM revoked_key WHERE unit_id=? AND fingerprint=?");
    st.bind(1, unitId).bind(2, fingerprint);
    return st.step();
}

EnrolledKey enrollKey(Store& assessor, const std::string& unitId, const std::string& typed, const std::string& name) {
    checkUnitId(unitId, "--unit");
    const std::string fp = normalizeFingerprint(typed);
    if (fp.empty()) throw UsageError("--key must be a fingerprint of 32 hex digits (spaces allowed), e.g. from `suarawarga key`");
    if (isRevoked(assessor, unitId, fp))
        throw UsageError("key " + fp + " was revoked for unit " + quoted(unitId) + "; a revoked key is not enrolled again");
    sql::Transaction tx(assessor.db());
    if (auto have = enrolledKey(assessor, unitId)) {
        if (have->fingerprint == fp) return *have; // the same key again: nothing to do
        throw UsageError("unit " + quoted(unitId) + " is enrolled with key " + have->fingerprint +
                         "; revoke it first (suarawarga enroll --revoke --unit " + printable(unitId) + ")");
    }
    sql::Statement ins(assessor.db(), "INSERT INTO trusted_key(unit_id,public_key,fingerprint,first_bundle,pinned_utc,source) "
                                      "VALUES(?,'',?,'',?,'enroll')");
    ins.bind(1, unitId).bind(2, fp).bind(3, nowUtc()).run();
    if (!name.empty()) {
        checkText(name, "--name", kMaxNameLength);
        sql::Statement unit(assessor.db(), "INSERT INTO unit(id,name) VALUES(?,?) ON CONFLICT(id) DO NOTHING");
        unit.bind(1, unitId).bind(2, name).run();
    }
    tx.commit();
    return *enrolledKey(assessor, unitId);
}

EnrolledKey revokeKey(Store& assessor, const std::string& unitId) {
    sql::Transaction tx(assessor.db());
    auto have = enrolledKey(assessor, unitId);
    if (!have) throw UsageError("unit " + quoted(unitId) + " has no enrolled key to revoke");
    sql::Statement rev(assessor.db(), "INSERT OR IGNORE INTO revoked_key(unit_id,fingerprint,revoked_utc) VALUES(?,?,?)");
    rev.bind(1, unitId).bind(2, have->fingerprint).bind(3, nowUtc()).run();
    sql::Statement del(assessor.db(), "DELETE FROM trusted_key WHERE unit_id=?");
    del.bind(1, unitId).run();
    tx.commit();
    return *have;
}

namespace {


} // namespace

// The bundle's statement that its unit moved from the enrolled key to the key that signed it:
// valid only when signed by the enrolled key itself.
bool rotatesFromEnrolled(const EnrolledKey& have, const Bundle& b) {
    if (!b.keyRotation) return false;
    const KeyRotation& r = *b.keyRotation;
    const std::string oldHex = toHex(r.oldKey.data(), r.oldKey.size());
    return r.unitId == b.unit.id && r.newKey == b.publicKey && fingerprint(r.oldKey) == have.fingerprint &&
           (have.publicKeyHex.empty() || have.publicKeyHex == oldHex) && verifyRotation(r);
}

void checkEnrolledKey(Store& assessor, const Bundle& b) {
    const std::string unit = quoted(b.unit.id);
    if (isRevoked(assessor, b.unit.id, b.fingerprint))
        throw BundleError(BundleError::Kind::Revoked,
                          "unit " + unit + ": key " + b.fingerprint + " was revoked; refused");
    auto have = enrolledKey(assessor, b.unit.id);
    if (!have)
        throw BundleError(BundleError::Kind::NotEnrolled,
                          "unit " + unit + " is not enrolled (key " + b.fingerprint +
                              "); check the fingerprint with the unit, then: suarawarga enroll --db " +
                              printable(assessor.path()) + " --unit " +
                              printable(b.unit.id) + " --key \"" + b.fingerprint + "\" (or merge --enroll-new)");
    const std::string pk = toHex(b.publicKey.data(), b.publicKey.size());
    const bool same = have->fingerprint == b.fingerprint && (have->publicKeyHex.empty() || have->publicKeyHex == pk);
    if (!same && !rotatesFromEnrolled(*have, b))
        throw BundleError(BundleError::Kind::KeyMismatch,
                          "unit " + unit + " is enrolled with key " + have->fingerprint +
                              ", but this bundle is signed by " + b.fingerprint +
                              "; refused — confirm the new key with the unit before trusting it");
}

bool admitBundleKey(Store& assessor, const Bundle& b, bool enrollNew) {
    const std::string pk = toHex(b.publicKey.data(), b.publicKey.size());
    if (enrollNew && !enrolledKey(assessor, b.unit.id) && !isRevoked(assessor, b.unit.id, b.fingerprint)) {
        sql::Statement pin(assessor.db(), "INSERT INTO trusted_key(unit_id,public_key,fingerprint,first_bundle,pinned_utc,source) "
                                          "VALUES(?,?,?,?,?,'merge --enroll-new')");
        pin.bind(1, b.unit.id).bind(2, pk).bind(3, b.fingerprint).bind(4, b.id).bind(5, nowUtc()).run();
        return true;
    }
    checkEnrolledKey(assessor, b);
    auto have = enrolledKey(assessor, b.unit.id);
    if (have && have->fingerprint != b.fingerprint) {
        // A valid rotation (checkEnrolledKey accepted it): the unit moves to the new key and the
        // old one is retired for good, so a stolen old key cannot follow it.
        sql::Statement rev(assessor.db(), "INSERT OR IGNORE INTO revoked_key(unit_id,fingerprint,revoked_utc) VALUES(?,?,?)");
        rev.bind(1, b.unit.id).bind(2, have->fingerprint).bind(3, nowUtc()).run();
        sql::Statement move(assessor.db(), "UPDATE trusted_key SET public_key=?, fingerprint=?, first_bundle=?, pinned_utc=?, "
                                           "source='rotation' WHERE unit_id=?");
        move.bind(1, pk).bind(2, b.fingerprint).bind(3, b.id).bind(4, nowUtc()).bind(5, b.unit.id).run();
        return false;
    }
    sql::Statement fill(assessor.db(), "UPDATE trusted_key SET public_key=?, first_bundle=? WHERE unit_id=? AND public_key=''");
    fill.bind(1, pk).bind(2, b.id).bind(3, b.unit.id).run();
    return false;
}

} // namespace sw
