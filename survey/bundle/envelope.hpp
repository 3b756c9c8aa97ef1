// The envelope every bundle travels in (layout: bundle.hpp): written here, and read and verified
// here from memory or from a file in bounded steps. Nothing in a header or trailer is trusted
// before the signature holds: the announced length only says whether the file is whole, the
// format version only which signature check applies.
#pragma once
#include "survey/base/error.hpp"
#include "survey/bundle/signing.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sw {

constexpr std::uint32_t kBundleFormatVersion = 3;
// From format 3 on the signature is Ed25519ph over header and payload (verifiable while
// streaming), and later formats must keep it: then an older program can tell a newer bundle (its
// signature holds) from a damaged one. Formats 1 and 2 were signed with plain Ed25519.
constexpr std::uint32_t kFirstPrehashedFormat = 3;
constexpr std::size_t kEnvelopeHeaderBytes = 20;
constexpr std::size_t kEnvelopeTrailerBytes = 32 + 64;

// Wraps a payload in the envelope and signs it (header + payload). buildBundle uses it; tests,
// benchmarks and fuzz seeds use it to make valid bundles from edited payloads, in any format.
std::string sealBundle(const std::string& payload, const UnitKey& key, std::uint32_t formatVersion = kBundleFormatVersion);
// The payload bytes of an envelope (no verification): "" when the envelope is not whole.
std::string bundlePayload(const std::string& bytes);
// The id (BLAKE2b-256 of the payload) of an envelope that is whole, without verifying anything;
// "" otherwise.
std::string bundleIdOf(const std::string& bytes);

// The largest bundle read (2 GiB: a year of a very busy unit is ~1 GiB); SUARAWARGA_MAX_BUNDLE_BYTES
// overrides it. A larger file, a folder or a device is refused before anything is read.
constexpr std::uint64_t kDefaultMaxBundleBytes = 2ull << 30;
std::uint64_t maxBundleBytes();

// What the first 20 and the last 96 bytes say, before anything is verified.
struct EnvelopeClaims {
    std::array<char, kEnvelopeHeaderBytes> header{};  // the signed header bytes, as read
    std::uint32_t version = 0;
    std::uint64_t payloadLength = 0;
    PublicKey publicKey{};
    Signature signature{};
};

// An envelope whose signature held, and the format version it vouches for (one this program reads).
struct VerifiedEnvelope {
    std::uint32_t formatVersion = 0;
    PublicKey publicKey{};
    std::string id;                   // BLAKE2b-256 of the payload (hex): the same bundle merges once
};

// A bundle file opened for reading. The constructor refuses a folder, a device or a file over the
// cap before reading a byte, then reads the header and trailer and refuses a file whose size is
// not 20 + N + 96 (truncated, unsigned, trailing bytes) before anything else is looked at.
// Errors do not name the file: namingFile() adds it once, at the top.
class EnvelopeFile {
public:
    explicit EnvelopeFile(const std::string& path);
    ~EnvelopeFile();
    EnvelopeFile(const EnvelopeFile&) = delete;
    EnvelopeFile& operator=(const EnvelopeFile&) = delete;

    const EnvelopeClaims& claims() const { return claims_; }
    std::uint64_t size() const { return size_; }
    // Bytes [at, at + n) of the file; BundleError(Truncated) when the file got shorter meanwhile.
    void read(std::uint64_t at, char* out, std::size_t n) const;

private:
    struct Descriptor {                 // closed however the constructor ends
        int fd = -1;
        ~Descriptor();
    } fd_;
    std::uint64_t size_ = 0;
    EnvelopeClaims claims_;
};

// True when the claimed version is checked with Ed25519ph: every version but 1 and 2, so that an
// unknown version is judged by its signature like any other (see kFirstPrehashedFormat).
bool prehashedFormat(std::uint32_t claimedVersion);

// Checks an envelope in memory: BundleError (NotABundle, Truncated, SignatureMissing,
// BadSignature, NewerVersion, Malformed) when it does not hold.
VerifiedEnvelope verifyEnvelope(std::string_view bytes);
// Checks an open file in memory that does not grow with it: format 3 on streams header and payload
// through Ed25519ph and BLAKE2b 1 MiB at a time. Formats 1 and 2 are read whole (bounded by the
// cap) and verified as before.
VerifiedEnvelope verifyEnvelopeFile(const EnvelopeFile& file);

// A bundle file read once and verified, its bytes kept for parsing: they are collected as they are
// hashed, so what was verified is exactly what is parsed, even if the file changes meanwhile. Only
// readVerifiedFile makes one, so whatever is parsed from it was parsed from bytes whose signature held.
class VerifiedFile {
public:
    const VerifiedEnvelope& envelope() const { return envelope_; }
    std::string& bytes() { return bytes_; }

private:
    friend VerifiedFile readVerifiedFile(const EnvelopeFile& file);
    VerifiedFile() = default;
    std::string bytes_;
    VerifiedEnvelope envelope_;
};
VerifiedFile readVerifiedFile(const EnvelopeFile& file);
VerifiedFile readVerifiedFile(const std::string& path); // BundleError names the file

// The payload of an open envelope read again in chunks and hashed as it goes, so that a second
// pass can prove (id() equal to the verified id) that it read the bytes that were verified.
class PayloadReader {
public:
    explicit PayloadReader(const EnvelopeFile& file);
    ~PayloadReader();
    PayloadReader(const PayloadReader&) = delete;
    PayloadReader& operator=(const PayloadReader&) = delete;
    // Appends the next chunk (≤ 1 MiB) to `out`; false once the payload is all read.
    bool readInto(std::string& out);
    // Reads what is left and returns the BLAKE2b-256 of the whole payload (hex).
    std::string finish();

private:
    const EnvelopeFile& file_;
    std::uint64_t at_ = 0;
    struct Hash;
    std::unique_ptr<Hash> hash_;
};

// Runs `read` and prefixes any BundleError it throws with the file's name.
template <class Read>
auto namingFile(const std::string& path, Read&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const BundleError& e) {
        throw BundleError(e.kind, path + ": " + e.what());
    }
}

} // namespace sw
