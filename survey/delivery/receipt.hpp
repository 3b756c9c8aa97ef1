// The Kanwil's receipt for one delivered bundle: what was merged, what was already there, what was
// refused and why, bound to the SHA-256 of the exact bytes received and to the unit, and signed with
// the Kanwil's own key (survey/national/kanwil_key.hpp). A unit marks a bundle delivered only on a
// receipt whose signature holds under the Kanwil key it trusted at set-up and whose hash is the
// hash of the bundle it sent: a receipt for other bytes, or signed by anyone else, changes nothing.
// README "Delivery".
#pragma once
#include "survey/bundle/signing.hpp"
#include "survey/facility/evidence.hpp" // sha256Hex, the receipt's binding
#include "survey/national/kanwil_key.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sw {

struct Receipt {
    enum class Status { Merged, AlreadyThere, Refused };
    Status status = Status::Refused;
    std::string bundleSha256;       // hex, of the bytes the Kanwil received
    std::string bundleId;           // BLAKE2b-256 of the payload when the envelope was whole
    std::string unitId;             // the unit the bundle names ("" when it could not be read)
    std::string keyFingerprint;     // of the key that signed the bundle ("" when unknown)
    std::int64_t responses = 0;     // in the bundle
    std::int64_t added = 0;         // new to the Kanwil's store
    std::int64_t alreadyThere = 0;  // responses it held already (never counted twice)
    std::string refusalKind;        // bundleErrorName(), "rate-limited"… ("" unless refused)
    std::string reason;             // why, in the merge's words
    std::int64_t receivedUtc = 0;
    std::string kanwilFingerprint;  // of the key that signed the receipt
};

const char* receiptStatusName(Receipt::Status s);   // "merged", "already-there", "refused"

// The wire form: {"receipt": "<the receipt's JSON text>", "signature": "<hex>"}; the signature is
// Ed25519 over kReceiptDomain followed by that exact text, so no re-serialisation is trusted.
inline constexpr std::string_view kReceiptDomain = "suarawarga-receipt-v1\n";
std::string signReceipt(const KanwilKey& key, const Receipt& r);

// Why a receipt is not taken. The sender then keeps the bundle pending and sends it again.
struct ReceiptError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Checks the signature against `kanwil`, then that the receipt is for `expectedSha256` (and for
// `expectedUnit`, when the receipt names a unit). Throws ReceiptError naming what does not hold.
Receipt verifyReceipt(std::string_view wire, const PublicKey& kanwil, const std::string& expectedSha256,
                      const std::string& expectedUnit);

} // namespace sw
