// Index of this file
//   [SECTION] Claims: what the header and trailer say, and whether the file is whole
//   [SECTION] Signature checks
//   [SECTION] Writing and peeking
//   [SECTION] Files
#include "survey/bundle/envelope.hpp"

#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace sw {

namespace {

using K = BundleError::Kind;

constexpr char kMagic[8] = {'S', 'W', 'B', 'U', 'N', 'D', 'L', 'E'};
// Large enough that a read costs nothing next to hashing it, small enough to stay in the cache
// between the read and the two hashes.
constexpr std::size_t kChunk = std::size_t{1} << 20;

void putLe(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t getLe(const char* in, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return v;
}

// Calls each(at, n) for the payload's chunks in order.
template <class Each>
void forChunks(std::uint64_t length, Each&& each) {
    for (std::uint64_t at = 0; at < length;) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, length - at));
        each(at, n);
        at += n;
    }
}

std::string hexDigest(crypto_generichash_state& st) {
    unsigned char h[32];
    crypto_generichash_final(&st, h, sizeof h);
    return toHex(h, sizeof h);
}

std::string payloadId(std::string_view payload) {
    ensureSodium();
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), nullptr, 0);
    return toHex(h, sizeof h);
}

// [SECTION] Claims: what the header and trailer say, and whether the file is whole

// The size the header announces against the size there is, in words a person can act on. Only
// the announced length is read here, and only to explain.
void requireWhole(std::uint64_t length, std::uint64_t size) {
    const std::uint64_t room = size - kEnvelopeHeaderBytes;
    if (length > room)
        throw BundleError(K::Truncated, "the bundle is truncated: its header announces " + std::to_string(length) +
                                            " bytes of data but only " + std::to_string(room) + " follow (copy the file again)");
    const std::uint64_t rest = room - length;
    if (rest == 0) throw BundleError(K::SignatureMissing, "the bundle has no signature (the file ends where the signature starts)");
    if (rest < kEnvelopeTrailerBytes)
        throw BundleError(K::Truncated, "the bundle is truncated: the signature is cut short (" + std::to_string(rest) + " of " +
                                            std::to_string(kEnvelopeTrailerBytes) + " bytes)");
    if (rest > kEnvelopeTrailerBytes)
        throw BundleError(K::Malformed, "the bundle has " + std::to_string(rest - kEnvelopeTrailerBytes) +
                                            " unexpected bytes after its signature");
}

// `head` is the file's first min(size, 20) bytes. Refuses what is not a bundle or not whole.
EnvelopeClaims headerClaims(std::string_view head, std::uint64_t size) {
    if (head.size() < sizeof kMagic || std::memcmp(head.data(), kMagic, sizeof kMagic) != 0)
        throw BundleError(K::NotABundle, "not a SuaraWarga bundle (the file does not start with \"SWBUNDLE\")");
    if (size < kEnvelopeHeaderBytes)
        throw BundleError(K::Truncated, "the bundle is truncated (the header is incomplete: " + std::to_string(size) + " bytes)");
    EnvelopeClaims c;
    std::memcpy(c.header.data(), head.data(), kEnvelopeHeaderBytes);
    c.version = static_cast<std::uint32_t>(getLe(head.data() + 8, 4));
    c.payloadLength = getLe(head.data() + 12, 8);
    requireWhole(c.payloadLength, size);
    return c;
}

void trailerClaims(const char* trailer, EnvelopeClaims& c) {
    std::memcpy(c.publicKey.data(), trailer, c.publicKey.size());
    std::memcpy(c.signature.data(), trailer + c.publicKey.size(), c.signature.size());
}

EnvelopeClaims claimsInMemory(std::string_view bytes) {
    EnvelopeClaims c = headerClaims(bytes.substr(0, kEnvelopeHeaderBytes), bytes.size());
    trailerClaims(bytes.data() + bytes.size() - kEnvelopeTrailerBytes, c);
    return c;
}

// [SECTION] Signature checks

[[noreturn]] void refuseBadSignature() {
    throw BundleError(K::BadSignature, "the signature does not match the content: the bundle was changed after it was "
                                       "signed (or damaged in transit); refused");
}

// Once the signature held, the version is the unit's word: it must be one this program reads.
VerifiedEnvelope accepted(const EnvelopeClaims& c, std::string id) {
    if (c.version > kBundleFormatVersion)
        throw BundleError(K::NewerVersion, "the bundle was written by a newer SuaraWarga (bundle format " + std::to_string(c.version) +
                                               ", this program reads up to " + std::to_string(kBundleFormatVersion) +
                                               "); update the program");
    if (c.version == 0) throw BundleError(K::Malformed, "the bundle header names format version 0, which does not exist");
    return VerifiedEnvelope{c.version, c.publicKey, std::move(id)};
}

// Format 3 on: Ed25519ph over header and payload and BLAKE2b over the payload, fed in one pass.
class SignedDigest {
public:
    explicit SignedDigest(const EnvelopeClaims& c) {
        ensureSodium();
        crypto_sign_init(&sign_);
        crypto_sign_update(&sign_, reinterpret_cast<const unsigned char*>(c.header.data()), c.header.size());
        crypto_generichash_init(&id_, nullptr, 0, 32);
    }
    void payload(const char* p, std::size_t n) {
        crypto_sign_update(&sign_, reinterpret_cast<const unsigned char*>(p), n);
        crypto_generichash_update(&id_, reinterpret_cast<const unsigned char*>(p), n);
    }
    VerifiedEnvelope verdict(const EnvelopeClaims& c) {
        if (crypto_sign_final_verify(&sign_, c.signature.data(), c.publicKey.data()) != 0) refuseBadSignature();
        return accepted(c, hexDigest(id_));
    }

private:
    crypto_sign_state sign_;
    crypto_generichash_state id_;
};

// Formats 1 and 2: plain Ed25519 hashes the whole message inside the check, so it needs it whole.
VerifiedEnvelope verifyWhole(const EnvelopeClaims& c, std::string_view bytes) {
    const auto length = static_cast<std::size_t>(c.payloadLength);
    if (!verifySignature(c.publicKey, c.signature, bytes.substr(0, kEnvelopeHeaderBytes + length))) refuseBadSignature();
    return accepted(c, payloadId(bytes.substr(kEnvelopeHeaderBytes, length)));
}

// The payload's length when `bytes` is a whole envelope (nothing verified).
std::optional<std::uint64_t> wholeLength(const std::string& bytes) {
    if (bytes.size() < kEnvelopeHeaderBytes + kEnvelopeTrailerBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    const std::uint64_t length = getLe(bytes.data() + 12, 8);
    if (length != bytes.size() - kEnvelopeHeaderBytes - kEnvelopeTrailerBytes) return std::nullopt;
    return length;
}

} // namespace

bool prehashedFormat(std::uint32_t claimedVersion) { return claimedVersion != 1 && claimedVersion != 2; }

VerifiedEnvelope verifyEnvelope(std::string_view bytes) {
    const EnvelopeClaims c = claimsInMemory(bytes);
    if (!prehashedFormat(c.version)) return verifyWhole(c, bytes);
    SignedDigest digest(c);
    forChunks(c.payloadLength, [&](std::uint64_t at, std::size_t n) { digest.payload(bytes.data() + kEnvelopeHeaderBytes + at, n); });
    return digest.verdict(c);
}

// [SECTION] Writing and peeking

std::string sealBundle(const std::string& payload, const UnitKey& key, std::uint32_t formatVersion) {
    std::string bytes(kMagic, sizeof kMagic);
    putLe(bytes, formatVersion, 4);
    putLe(bytes, payload.size(), 8);
    bytes += payload;
    const Signature sig = prehashedFormat(formatVersion) ? key.signPrehashed(bytes) : key.sign(bytes);
    bytes.append(reinterpret_cast<const char*>(key.publicKey().data()), key.publicKey().size());
    bytes.append(reinterpret_cast<const char*>(sig.data()), sig.size());
    return bytes;
}

std::string bundlePayload(const std::string& bytes) {
    const auto length = wholeLength(bytes);
    return length ? bytes.substr(kEnvelopeHeaderBytes, static_cast<std::size_t>(*length)) : std::string();
}

std::string bundleIdOf(const std::string& bytes) {
    const auto length = wholeLength(bytes);
    return length ? payloadId(std::string_view(bytes).substr(kEnvelopeHeaderBytes, static_cast<std::size_t>(*length))) : std::string();
}

// [SECTION] Files

std::uint64_t maxBundleBytes() {
    if (const char* v = std::getenv("SUARAWARGA_MAX_BUNDLE_BYTES")) {
        char* endp = nullptr;
        const unsigned long long n = std::strtoull(v, &endp, 10);
        if (endp && *endp == '\0' && n > 0) return n;
    }
    return kDefaultMaxBundleBytes;
}

namespace {

void refuseUnlessRegular(const struct stat& st) {
    if (S_ISDIR(st.st_mode)) throw BundleError(K::NotABundle, "is a folder, not a bundle file");
    if (!S_ISREG(st.st_mode)) throw BundleError(K::NotABundle, "is not a regular file");
}

[[noreturn]] void refuseUnopened(const char* what) { throw BundleError(K::NotABundle, std::string(what) + std::strerror(errno)); }

// Looked at before it is opened: opening a device or a pipe can block or have effects.
void requireRegularFile(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) refuseUnopened("cannot open the file: ");
    refuseUnlessRegular(st);
}

// The size of the file actually opened (the name may have been switched meanwhile), within the cap.
std::uint64_t checkedSize(int fd) {
    struct stat st{};
    if (::fstat(fd, &st) != 0) refuseUnopened("cannot read the file: ");
    refuseUnlessRegular(st);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const std::uint64_t cap = maxBundleBytes();
    if (size > cap)
        throw BundleError(K::Malformed, std::to_string(size) + " bytes, more than the " + std::to_string(cap) +
                                            " a bundle may have (SUARAWARGA_MAX_BUNDLE_BYTES); refused unread");
    return size;
}

} // namespace

EnvelopeFile::Descriptor::~Descriptor() {
    if (fd >= 0) ::close(fd);
}

EnvelopeFile::EnvelopeFile(const std::string& path) {
    requireRegularFile(path);
    fd_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd_.fd < 0) refuseUnopened("cannot open the file: ");
    size_ = checkedSize(fd_.fd);
    // The header first (magic, sizes), then the trailer: only a file that is whole gets that far.
    char head[kEnvelopeHeaderBytes];
    const auto headBytes = static_cast<std::size_t>(std::min<std::uint64_t>(size_, sizeof head));
    read(0, head, headBytes);
    claims_ = headerClaims(std::string_view(head, headBytes), size_);
    char trailer[kEnvelopeTrailerBytes];
    read(size_ - sizeof trailer, trailer, sizeof trailer);
    trailerClaims(trailer, claims_);
}

EnvelopeFile::~EnvelopeFile() = default;

void EnvelopeFile::read(std::uint64_t at, char* out, std::size_t n) const {
    while (n > 0) {
        const ssize_t got = ::pread(fd_.fd, out, n, static_cast<off_t>(at));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw BundleError(K::Truncated, std::string("the file could not be read: ") + std::strerror(errno));
        if (got == 0) throw BundleError(K::Truncated, "the file got shorter while it was read (copy it again)");
        out += got;
        at += static_cast<std::uint64_t>(got);
        n -= static_cast<std::size_t>(got);
    }
}

namespace {

// Formats 1 and 2: the whole file read, then checked from those very bytes (claims included).
VerifiedEnvelope verifyWholeFile(const EnvelopeFile& file, std::string* keep) {
    std::string whole(static_cast<std::size_t>(file.size()), '\0');
    file.read(0, whole.data(), whole.size());
    VerifiedEnvelope v = verifyEnvelope(whole);
    if (keep) *keep = std::move(whole);
    return v;
}

// The kept copy framed with the header and trailer as they were read when the file was opened,
// the payload left to fill: the bytes verified are the bytes kept, even if the file changes.
void frameKept(const EnvelopeFile& file, std::string& keep) {
    const EnvelopeClaims& c = file.claims();
    keep.assign(static_cast<std::size_t>(file.size()), '\0');
    std::memcpy(keep.data(), c.header.data(), c.header.size());
    char* trailer = keep.data() + keep.size() - kEnvelopeTrailerBytes;
    std::memcpy(trailer, c.publicKey.data(), c.publicKey.size());
    std::memcpy(trailer + c.publicKey.size(), c.signature.data(), c.signature.size());
}

// `keep`: where the file's bytes go as they are hashed (nullptr: nowhere, one chunk at a time).
VerifiedEnvelope verifyOpenFile(const EnvelopeFile& file, std::string* keep) {
    const EnvelopeClaims& c = file.claims();
    if (!prehashedFormat(c.version)) return verifyWholeFile(file, keep);
    std::string chunk;
    if (keep) frameKept(file, *keep);
    else chunk.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, c.payloadLength)));
    SignedDigest digest(c);
    forChunks(c.payloadLength, [&](std::uint64_t at, std::size_t n) {
        char* to = keep ? keep->data() + kEnvelopeHeaderBytes + at : chunk.data();
        file.read(kEnvelopeHeaderBytes + at, to, n);
        digest.payload(to, n);
    });
    return digest.verdict(c);
}

} // namespace

VerifiedEnvelope verifyEnvelopeFile(const EnvelopeFile& file) { return verifyOpenFile(file, nullptr); }

VerifiedFile readVerifiedFile(const EnvelopeFile& file) {
    VerifiedFile v;
    v.envelope_ = verifyOpenFile(file, &v.bytes_);
    return v;
}

VerifiedFile readVerifiedFile(const std::string& path) {
    return namingFile(path, [&] {
        const EnvelopeFile file(path);
        return readVerifiedFile(file);
    });
}

struct PayloadReader::Hash {
    crypto_generichash_state state;
};

PayloadReader::PayloadReader(const EnvelopeFile& file) : file_(file), hash_(std::make_unique<Hash>()) {
    ensureSodium();
    crypto_generichash_init(&hash_->state, nullptr, 0, 32);
}

PayloadReader::~PayloadReader() = default;

bool PayloadReader::readInto(std::string& out) {
    const std::uint64_t length = file_.claims().payloadLength;
    if (at_ >= length) return false;
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, length - at_));
    const std::size_t from = out.size();
    out.resize(from + n);
    file_.read(kEnvelopeHeaderBytes + at_, out.data() + from, n);
    crypto_generichash_update(&hash_->state, reinterpret_cast<const unsigned char*>(out.data() + from), n);
    at_ += n;
    return true;
}

std::string PayloadReader::finish() {
    std::string rest;
    while (readInto(rest)) rest.clear();
    return hexDigest(hash_->state);
}

} // namespace sw
