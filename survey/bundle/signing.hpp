// The unit's Ed25519 signing key (libsodium). Generated on first use; the secret key lives in a
// file readable only by the owner (0600) beside the database; the public key and its
// fingerprint are also kept in the store's settings so the unit head can read them out to the
// Kanwil assessor, and the PDF report prints the fingerprint.
#pragma once
#include "survey/base/error.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sw {

using PublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

class UnitKey {
public:
    // Loads the key beside the store's database, creating it on first use. Refuses (SigningError)
    // when the store already recorded a public key and the file is gone or different: a silently
    // replaced key would make every assessor refuse the unit's bundles.
    static UnitKey loadOrCreate(Store& store);
    static std::string keyPathFor(const std::string& databasePath);   // "<db>.signing-key"

    const PublicKey& publicKey() const { return pk_; }
    std::string fingerprint() const;
    Signature sign(std::string_view message) const;
    // Ed25519ph (bundle format 3 on): the verifier can hash the message as it reads it.
    Signature signPrehashed(std::string_view message) const;

private:
    PublicKey pk_{};
    std::array<unsigned char, 64> sk_{};
};

// "9F3A 01C2 …": BLAKE2b-128 of the public key as eight groups of four hex digits, short
// enough to read over the phone and compare with the one printed on the PDF.
std::string fingerprint(const PublicKey& pk);
// Accepts a fingerprint typed with or without spaces, any case; "" when it is not one.
std::string normalizeFingerprint(const std::string& typed);
bool verifySignature(const PublicKey& pk, const Signature& sig, std::string_view message);

// [SECTION] Key rotation
// A unit moves to a new key with a statement its old key signs: "unit U moves from key A to key
// B". The store keeps the newest statement and every bundle carries it, so a
// Kanwil that enrolled A accepts B (and retires A) without a phone call. A statement signed by
// any other key moves nothing.
struct KeyRotation {
    std::string unitId;
    PublicKey oldKey{};
    PublicKey newKey{};
    std::int64_t createdUtc = 0;
    Signature signature{};                 // by oldKey over rotationMessage()
};
std::string rotationMessage(const KeyRotation& r);
bool verifyRotation(const KeyRotation& r);
nlohmann::json rotationToJson(const KeyRotation& r);
// Throws BundleError(Malformed) naming the field when `j` is not a rotation statement.
KeyRotation rotationFromJson(const nlohmann::json& j);
// Makes the unit a new key: the old key signs the statement, the old key file is kept beside the
// new one as "<key>.retired-<fingerprint without spaces>", the store records the new key and the
// statement. Throws SigningError with nothing changed when a step fails.
KeyRotation rotateUnitKey(Store& store);
// The statement bundles carry (the newest rotation), if the unit ever rotated.
std::optional<KeyRotation> latestRotation(Store& store);

// [SECTION] Secret key files
// "suarawarga-ed25519-secret-key 1" and the hex key; created O_EXCL, mode 0600, synced. The
// reader throws SigningError naming the file when it is not one.
void writeSecretKeyFile(const std::string& path, const std::array<unsigned char, 64>& sk, const char* what);
std::array<unsigned char, 64> readSecretKeyFile(const std::string& path);

std::string toHex(const unsigned char* p, std::size_t n);
bool fromHex(std::string_view hex, unsigned char* out, std::size_t n);

} // namespace sw
