// The Kanwil's own Ed25519 key, and the unit's trust in it. The Kanwil signs what it sends back to
// its units (delivery receipts, verification results); a unit is given the Kanwil's public key at
// set-up (read out and compared by its fingerprint, as the Kanwil compares the unit's) and accepts
// nothing signed by any other key. README "Trust between a unit and its Kanwil".
#pragma once
#include "survey/bundle/signing.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sw {

class KanwilKey {
public:
    // The secret key file for an assessor's store: "<db>.kanwil-key" beside a file store; a
    // PostgreSQL store has no file of its own, so `explicitPath` must name one (UsageError).
    static std::string keyPathFor(const std::string& store, const std::string& explicitPath = "");
    static bool exists(const std::string& keyPath);
    // Reads the key; SigningError naming the file when it is missing or damaged.
    static KanwilKey load(const std::string& keyPath);
    // Makes a new key (O_EXCL, 0600); refuses to replace one that exists.
    static KanwilKey create(const std::string& keyPath);

    const PublicKey& publicKey() const { return pk_; }
    std::string fingerprint() const { return sw::fingerprint(pk_); }
    std::string publicKeyHex() const { return toHex(pk_.data(), pk_.size()); }
    Signature sign(std::string_view message) const;

private:
    PublicKey pk_{};
    std::array<unsigned char, 64> sk_{};
};

// [SECTION] The unit's side
// Settings "kanwil.public_key" (hex), "kanwil.fingerprint", "kanwil.url".
std::optional<PublicKey> trustedKanwilKey(Store& unitStore);
std::string kanwilUrl(Store& unitStore);
// Records the Kanwil key (and its address when not empty). Replacing a different key needs
// `replace`: a unit that silently took a new key would accept results signed by anyone.
// Throws SigningError with nothing changed when refused.
void trustKanwil(Store& unitStore, const PublicKey& key, const std::string& url, bool replace);
// http:// or https://, no spaces or control characters, at most 2048 characters.
bool isKanwilUrl(const std::string& url);
// Parses 64 hex digits; nullopt when it is not a key.
std::optional<PublicKey> publicKeyFromHex(std::string_view hex);

} // namespace sw
