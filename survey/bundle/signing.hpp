// The unit's Ed25519 signing key (libsodium). Generated on first use; the secret key lives in a
// file readable only by the owner (0600) beside the database; the public key and its
// fingerprint are also kept in the store's settings so the unit head can read them out to the
// Kanwil assessor, and the PDF report prints the fingerprint.
#pragma once
#include "survey/base/error.hpp"
#include "survey/store/store.hpp"

#include <array>
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

std::string toHex(const unsigned char* p, std::size_t n);
bool fromHex(std::string_view hex, unsigned char* out, std::size_t n);

} // namespace sw
