// The signed bundle a unit sends to its Kanwil assessor: ONE file with the unit's responses
// (with their UUIDs), the instrument versions they were answered with, the unit's identity,
// the period and (when the unit has them) its facility self-assessment with evidence; signed
// with the unit's Ed25519 key over the exact bytes.
//
// Layout (little-endian; the envelope is read and verified in envelope.hpp):
//   0   8  magic "SWBUNDLE"
//   8   4  format version (kBundleFormatVersion)
//   12  8  payload length N
//   20  N  payload (format 2 on): one line of UTF-8 JSON {"format":"suarawarga-bundle", unit,
//          period, instruments, counts, columns, facility…}, a newline, then the responses, one
//          per line (rows.hpp). Format 1 (read, no longer written) had the responses in the JSON.
//   +   32 Ed25519 public key
//   +   64 signature over bytes [0, 20+N): format 3 on, Ed25519ph (crypto_sign_init/update/
//          final_create), so a reader verifies while streaming the file in bounded memory;
//          formats 1 and 2 (still read), plain Ed25519 (crypto_sign_detached).
// The header is inside the signed bytes, so the version cannot be changed either: a reader takes
// it only as a claim that picks the signature check, and trusts it once the signature holds.
// The payload's BLAKE2b-256 is the bundle's id, computed in the same pass.
#pragma once
#include "survey/base/error.hpp"
#include "survey/bundle/envelope.hpp"
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
    // Only responses with afterRid < rid <= throughRid (delivery's incremental bundles,
    // survey/delivery/outbox.hpp); rows are scanned in rid order, so the scan stops at throughRid.
    std::int64_t afterRid = 0;
    std::int64_t throughRid = INT64_MAX;
};

// Builds and signs the bundle bytes for the store's current unit (sealBundle, envelope.hpp).
std::string buildBundle(Store& store, const UnitKey& key, const BundleOptions& opt);
// Writes it atomically (temp, fsync, rename). Returns the number of responses.
std::int64_t exportBundle(Store& store, const UnitKey& key, const std::string& path, const BundleOptions& opt);

// Verifies, then parses. Safe on arbitrary bytes (fuzzed): throws BundleError, never crashes.
// Takes the bytes: the response views point into them, so nothing is copied.
Bundle readBundle(std::string bytes);
// Parses a file readVerifiedFile read and verified (a merge looks at its id first).
Bundle readBundle(VerifiedFile file);
// Reads the file once (within the cap), hashing as it reads, and parses only once the signature
// held: the bytes parsed are the bytes verified. BundleError names the file.
Bundle readBundleFile(const std::string& path);

} // namespace sw
