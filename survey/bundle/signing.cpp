#include "survey/bundle/signing.hpp"

#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace sw {

namespace fs = std::filesystem;

namespace {
constexpr const char* kKeyHeader = "suarawarga-ed25519-secret-key 1";
} // namespace

// O_EXCL + 0600: never overwrite a key, never let other users read it; synced before it counts.
// A failed write leaves no file.
void writeSecretKeyFile(const std::string& path, const std::array<unsigned char, 64>& sk, const char* what) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw SigningError(path + ": cannot create " + what + ": " + std::strerror(errno));
    const std::string body = std::string(kKeyHeader) + "\n" + toHex(sk.data(), sk.size()) + "\n";
    const bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        throw SigningError(path + ": cannot write " + what + " (disk full?)");
    }
}

std::array<unsigned char, 64> readSecretKeyFile(const std::string& path) {
    std::ifstream f(path);
    std::string header, hex;
    std::getline(f, header);
    std::getline(f, hex);
    std::array<unsigned char, 64> sk{};
    if (header != kKeyHeader || !fromHex(hex, sk.data(), sk.size()))
        throw SigningError(path + ": not a SuaraWarga signing key (damaged?); restore it from the backup");
    return sk;
}

std::string toHex(const unsigned char* p, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        s += digits[p[i] >> 4];
        s += digits[p[i] & 15];
    }
    return s;
}

bool fromHex(std::string_view hex, unsigned char* out, std::size_t n) {
    if (hex.size() != n * 2) return false;
    auto val = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < n; ++i) {
        int hi = val(hex[2 * i]), lo = val(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return true;
}

std::string fingerprint(const PublicKey& pk) {
    ensureSodium();
    unsigned char h[16];
    crypto_generichash(h, sizeof h, pk.data(), pk.size(), nullptr, 0);
    std::string hex = toHex(h, sizeof h), out;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i && i % 4 == 0) out += ' ';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
    }
    return out;
}

std::string normalizeFingerprint(const std::string& typed) {
    std::string hex;
    for (char c : typed) {
        if (c == ' ' || c == ':' || c == '-') continue;
        if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
        hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (hex.size() != 32) return "";
    std::string out;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i && i % 4 == 0) out += ' ';
        out += hex[i];
    }
    return out;
}

bool verifySignature(const PublicKey& pk, const Signature& sig, std::string_view message) {
    ensureSodium();
    return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pk.data()) == 0;
}

std::string UnitKey::keyPathFor(const std::string& databasePath) { return databasePath + ".signing-key"; }

std::string UnitKey::fingerprint() const { return sw::fingerprint(pk_); }

Signature UnitKey::sign(std::string_view message) const {
    Signature sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         sk_.data());
    return sig;
}

Signature UnitKey::signPrehashed(std::string_view message) const {
    Signature sig{};
    crypto_sign_state st;
    crypto_sign_init(&st);
    crypto_sign_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_sign_final_create(&st, sig.data(), nullptr, sk_.data());
    return sig;
}

UnitKey UnitKey::loadOrCreate(Store& store) {
    ensureSodium();
    const std::string path = keyPathFor(store.path());
    const std::string recorded = store.setting("signing.public_key");
    UnitKey k;
    std::error_code ec;
    if (fs::exists(path, ec)) {
        k.sk_ = readSecretKeyFile(path);
        crypto_sign_ed25519_sk_to_pk(k.pk_.data(), k.sk_.data());
        const std::string pkHex = toHex(k.pk_.data(), k.pk_.size());
        if (!recorded.empty() && recorded != pkHex)
            throw SigningError(path + ": this key is not the one the unit's database recorded (fingerprint " +
                               k.fingerprint() + "); restore the right key file");
        if (recorded.empty()) {
            store.setSetting("signing.public_key", pkHex);
            store.setSetting("signing.fingerprint", k.fingerprint());
        }
        return k;
    }
    if (!recorded.empty())
        throw SigningError(path + ": the unit's signing key file is missing (the database recorded key " +
                           store.setting("signing.fingerprint") +
                           "); restore it from the backup — a new key would be refused by the Kanwil assessor");
    crypto_sign_keypair(k.pk_.data(), k.sk_.data());
    writeSecretKeyFile(path, k.sk_, "the signing key");
    store.setSetting("signing.public_key", toHex(k.pk_.data(), k.pk_.size()));
    store.setSetting("signing.fingerprint", k.fingerprint());
    store.logEvent("signing.key_created", k.fingerprint());
    return k;
}

// [SECTION] Key rotation

std::string rotationMessage(const KeyRotation& r) {
    return "suarawarga-key-rotation 1\n" + r.unitId + "\n" + toHex(r.oldKey.data(), r.oldKey.size()) + "\n" +
           toHex(r.newKey.data(), r.newKey.size()) + "\n" + std::to_string(r.createdUtc) + "\n";
}

bool verifyRotation(const KeyRotation& r) { return verifySignature(r.oldKey, r.signature, rotationMessage(r)); }

nlohmann::json rotationToJson(const KeyRotation& r) {
    return {{"unit", r.unitId},
            {"old_public_key", toHex(r.oldKey.data(), r.oldKey.size())},
            {"new_public_key", toHex(r.newKey.data(), r.newKey.size())},
            {"created_utc", r.createdUtc},
            {"signature", toHex(r.signature.data(), r.signature.size())}};
}

KeyRotation rotationFromJson(const nlohmann::json& j) {
    auto bad = [](const std::string& what) -> KeyRotation {
        throw BundleError(BundleError::Kind::Malformed, "signed, but key_rotation " + what);
    };
    if (!j.is_object()) return bad("is not an object");
    auto text = [&](const char* k) {
        if (!j.contains(k) || !j[k].is_string()) bad(std::string("has no \"") + k + "\"");
        return j[k].get<std::string>();
    };
    KeyRotation r;
    r.unitId = text("unit");
    if (!fromHex(text("old_public_key"), r.oldKey.data(), r.oldKey.size())) bad("old_public_key is not 32 bytes of hex");
    if (!fromHex(text("new_public_key"), r.newKey.data(), r.newKey.size())) bad("new_public_key is not 32 bytes of hex");
    if (!fromHex(text("signature"), r.signature.data(), r.signature.size())) bad("signature is not 64 bytes of hex");
    if (!j.contains("created_utc") || !j["created_utc"].is_number_integer()) bad("has no created_utc");
    r.createdUtc = j["created_utc"].get<std::int64_t>();
    return r;
}

std::optional<KeyRotation> latestRotation(Store& store) {
    const std::string text = store.setting("signing.rotation");
    if (text.empty()) return std::nullopt;
    return rotationFromJson(nlohmann::json::parse(text));
}

KeyRotation rotateUnitKey(Store& store) {
    const UnitKey old = UnitKey::loadOrCreate(store);
    const auto unit = store.unit();
    if (!unit) throw SigningError(store.path() + ": no unit set up; nothing to rotate");
    KeyRotation r;
    r.unitId = unit->id;
    r.oldKey = old.publicKey();
    std::array<unsigned char, 64> sk{};
    crypto_sign_keypair(r.newKey.data(), sk.data());
    r.createdUtc = static_cast<std::int64_t>(std::time(nullptr));
    r.signature = old.sign(rotationMessage(r));

    const std::string path = UnitKey::keyPathFor(store.path());
    std::string fp = old.fingerprint();
    fp.erase(std::remove(fp.begin(), fp.end(), ' '), fp.end());
    const std::string retired = path + ".retired-" + fp;
    const std::string fresh = path + ".new";
    ::unlink(fresh.c_str());
    writeSecretKeyFile(fresh, sk, "the new key");
    // The store and the files change together: the settings in one transaction that commits only
    // after both renames, and the renames undone if it cannot.
    sql::Transaction tx(store.db());
    store.setSetting("signing.public_key", toHex(r.newKey.data(), r.newKey.size()));
    store.setSetting("signing.fingerprint", fingerprint(r.newKey));
    store.setSetting("signing.rotation", rotationToJson(r).dump());
    if (::link(path.c_str(), retired.c_str()) != 0 && errno != EEXIST)
        throw SigningError(retired + ": cannot keep the old key: " + std::strerror(errno));
    if (::rename(fresh.c_str(), path.c_str()) != 0) throw SigningError(path + ": cannot put the new key in place: " + std::strerror(errno));
    try {
        store.logEvent("signing.key_rotated", old.fingerprint() + " -> " + fingerprint(r.newKey));
        tx.commit();
    } catch (...) {
        ::rename(retired.c_str(), path.c_str());
        throw;
    }
    return r;
}

} // namespace sw
