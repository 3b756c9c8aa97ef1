#include "survey/national/kanwil_key.hpp"

#include "survey/base/sqlite.hpp"
#include "survey/base/uuid.hpp"
#include "survey/national/assessor_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <filesystem>

namespace sw {

std::string KanwilKey::keyPathFor(const std::string& store, const std::string& explicitPath) {
    if (!explicitPath.empty()) return explicitPath;
    if (isPostgresUrl(store))
        throw UsageError("a PostgreSQL store keeps no files: name the Kanwil key file with --kanwil-key FILE");
    return store + ".kanwil-key";
}

bool KanwilKey::exists(const std::string& keyPath) {
    std::error_code ec;
    return std::filesystem::exists(keyPath, ec);
}

KanwilKey KanwilKey::load(const std::string& keyPath) {
    ensureSodium();
    if (!exists(keyPath))
        throw SigningError(keyPath + ": no Kanwil key here (suarawarga kanwil-key --new makes one)");
    KanwilKey k;
    k.sk_ = readSecretKeyFile(keyPath);
    crypto_sign_ed25519_sk_to_pk(k.pk_.data(), k.sk_.data());
    return k;
}

KanwilKey KanwilKey::create(const std::string& keyPath) {
    ensureSodium();
    if (exists(keyPath)) throw SigningError(keyPath + ": a Kanwil key is already there; it is never replaced");
    KanwilKey k;
    crypto_sign_keypair(k.pk_.data(), k.sk_.data());
    writeSecretKeyFile(keyPath, k.sk_, "the Kanwil key");
    return k;
}

Signature KanwilKey::sign(std::string_view message) const {
    Signature sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         sk_.data());
    return sig;
}

std::optional<PublicKey> publicKeyFromHex(std::string_view hex) {
    PublicKey pk{};
    if (!fromHex(hex, pk.data(), pk.size())) return std::nullopt;
    return pk;
}

std::optional<PublicKey> trustedKanwilKey(Store& unitStore) {
    return publicKeyFromHex(unitStore.setting("kanwil.public_key"));
}

std::string kanwilUrl(Store& unitStore) { return unitStore.setting("kanwil.url"); }

bool isKanwilUrl(const std::string& url) {
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
    return scheme && clean && url.size() <= 2048;
}

void trustKanwil(Store& unitStore, const PublicKey& key, const std::string& url, bool replace) {
    if (!url.empty() && !isKanwilUrl(url))
        throw UsageError("the Kanwil address must be an http:// or https:// URL without spaces: " + url.substr(0, 80));
    const auto current = trustedKanwilKey(unitStore);
    if (current && *current != key && !replace)
        throw SigningError(unitStore.path() + ": this unit already trusts Kanwil key " + fingerprint(*current) +
                           "; replacing it needs --replace (confirm the new fingerprint with the Kanwil first)");
    sql::Transaction tx(unitStore.db());
    unitStore.setSetting("kanwil.public_key", toHex(key.data(), key.size()));
    unitStore.setSetting("kanwil.fingerprint", fingerprint(key));
    if (!url.empty()) unitStore.setSetting("kanwil.url", url);
    if (!current || *current != key) unitStore.logEvent("kanwil.key_trusted", fingerprint(key));
    tx.commit();
}

} // namespace sw
