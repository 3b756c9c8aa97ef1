// The signed bundle a unit sends to its Kanwil assessor: ONE file with the unit's responses
// (with their UUIDs), the instrument versions they were answered with, the unit's identity,
// the period and (when the unit has them) its facility self-assessment with evidence; signed
// with the unit's Ed25519 key over the exact bytes.
//
// Layout (little-endian):
//   0   8  magic "SWBUNDLE"
//   8   4  format version (kBundleFormatVersion)
//   12  8  payload length N
//   20  N  payload (format 2): one line of UTF-8 JSON {"format":"suarawarga-bundle", unit, period,
//          instruments, counts, columns, facility…}, a newline, then the responses, one per line
//          (bundle_rows.hpp). Format 1 (read, no longer written) had the responses inside the JSON.
//   +   32 Ed25519 public key
//   +   64 Ed25519 signature (crypto_sign_detached) over bytes [0, 20+N)
// The header is inside the signed bytes, so the version cannot be changed either.
#pragma once
#include "survey/base/error.hpp"
#include "survey/bundle/rows.hpp"
#include "survey/response/response.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sw {

constexpr std::uint32_t kBundleFormatVersion = 2;

const char* bundleErrorName(BundleError::Kind k);   // "bad-signature", …

struct BundleInstrument {
    std::string id;
    int version = 0;
    std::string body;                 // canonical JSON, as the unit stored it
};

struct Bundle {
    std::uint32_t formatVersion = kBundleFormatVersion;
    PublicKey publicKey{};
    std::string fingerprint;
    std::string id;                   // BLAKE2b-256 of the payload: the same bundle merges once
    UnitInfo unit;
    std::optional<std::string> from;  // the period, local dates inclusive
    std::optional<std::string> to;
    std::int64_t createdUtc = 0;
    std::vector<BundleInstrument> instruments;
    std::vector<std::shared_ptr<const PackedLayout>> layouts; // the instruments, parsed (same order)
    std::shared_ptr<std::string> rows;                       // the bytes the response views point into
    std::vector<BundleResponse> responses;
    nlohmann::json facility;          // the unit's facility self-assessment (null when none)
    nlohmann::json extra;             // other unit data (population…) for the roll-up
    std::optional<KeyRotation> keyRotation; // the unit moved to the key that signed this (signing.hpp)
};

struct BundleOptions {
    ResponseFilter filter;            // period (from/to); misuse rows are always included, flagged
    nlohmann::json facility;          // null: none
    nlohmann::json extra = nlohmann::json::object();
};

// Builds and signs the bundle bytes for the store's current unit.
std::string buildBundle(Store& store, const UnitKey& key, const BundleOptions& opt);
// Wraps a payload in the envelope and signs it (header + payload). buildBundle uses it; tests,
// benchmarks and fuzz seeds use it to make valid bundles from edited payloads.
std::string sealBundle(const std::string& payload, const UnitKey& key, std::uint32_t formatVersion = kBundleFormatVersion);
// The payload bytes of an envelope (no verification): "" when the envelope is not whole.
std::string bundlePayload(const std::string& bytes);
// Writes it atomically (temp, fsync, rename). Returns the number of responses.
std::int64_t exportBundle(Store& store, const UnitKey& key, const std::string& path, const BundleOptions& opt);

// Parses and verifies. Safe on arbitrary bytes (fuzzed): throws BundleError, never crashes.
// The id (BLAKE2b-256 of the payload) of an envelope that is whole, without verifying anything;
// "" otherwise. A merge skips a file whose id it merged before without reading it again.
std::string bundleIdOf(const std::string& bytes);
// The file's bytes; BundleError(NotABundle/Truncated) naming the file when it cannot be read.
// The largest bundle read (2 GiB: a year of a very busy unit is ~1 GiB); SUARAWARGA_MAX_BUNDLE_BYTES
// overrides it. A larger file, a folder or a device is refused before anything is read.
constexpr std::uint64_t kDefaultMaxBundleBytes = 2ull << 30;
std::uint64_t maxBundleBytes();
std::string readBundleBytes(const std::string& path);
// Takes the bytes: the response views point into them, so nothing is copied.
Bundle readBundle(std::string bytes);
Bundle readBundleFile(const std::string& path);      // BundleError names the file

} // namespace sw
