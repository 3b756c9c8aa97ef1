#include "survey/delivery/receipt.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace sw {

using nlohmann::json;

const char* receiptStatusName(Receipt::Status s) {
    switch (s) {
    case Receipt::Status::Merged: return "merged";
    case Receipt::Status::AlreadyThere: return "already-there";
    case Receipt::Status::Refused: return "refused";
    }
    return "refused";
}

namespace {

Receipt::Status statusFromName(const std::string& s) {
    if (s == "merged") return Receipt::Status::Merged;
    if (s == "already-there") return Receipt::Status::AlreadyThere;
    if (s == "refused") return Receipt::Status::Refused;
    throw ReceiptError("receipt: unknown status '" + s + "'");
}

std::string signedMessage(std::string_view text) {
    std::string m(kReceiptDomain);
    m += text;
    return m;
}

json receiptJson(const Receipt& r) {
    return {{"format", "suarawarga-receipt"},
            {"version", 1},
            {"status", receiptStatusName(r.status)},
            {"bundle_sha256", r.bundleSha256},
            {"bundle_id", r.bundleId},
            {"unit", r.unitId},
            {"key", r.keyFingerprint},
            {"responses", r.responses},
            {"added", r.added},
            {"already_there", r.alreadyThere},
            {"refusal", r.refusalKind},
            {"reason", r.reason},
            {"received_utc", r.receivedUtc},
            {"kanwil_key", r.kanwilFingerprint}};
}

Receipt receiptFromJson(const json& j) {
    if (!j.is_object() || j.value("format", "") != "suarawarga-receipt" || j.value("version", 0) != 1)
        throw ReceiptError("receipt: not a SuaraWarga receipt of version 1");
    Receipt r;
    r.status = statusFromName(j.at("status").get<std::string>());
    r.bundleSha256 = j.at("bundle_sha256").get<std::string>();
    r.bundleId = j.at("bundle_id").get<std::string>();
    r.unitId = j.at("unit").get<std::string>();
    r.keyFingerprint = j.at("key").get<std::string>();
    r.responses = j.at("responses").get<std::int64_t>();
    r.added = j.at("added").get<std::int64_t>();
    r.alreadyThere = j.at("already_there").get<std::int64_t>();
    r.refusalKind = j.at("refusal").get<std::string>();
    r.reason = j.at("reason").get<std::string>();
    r.receivedUtc = j.at("received_utc").get<std::int64_t>();
    r.kanwilFingerprint = j.at("kanwil_key").get<std::string>();
    return r;
}

} // namespace

std::string signReceipt(const KanwilKey& key, const Receipt& r) {
    Receipt signedBy = r;
    signedBy.kanwilFingerprint = key.fingerprint();
    const std::string text = receiptJson(signedBy).dump();
    const Signature sig = key.sign(signedMessage(text));
    return json{{"receipt", text}, {"signature", toHex(sig.data(), sig.size())}}.dump();
}

Receipt verifyReceipt(std::string_view wire, const PublicKey& kanwil, const std::string& expectedSha256,
                      const std::string& expectedUnit) {
    // The outer JSON is read only for its two strings; nothing in the receipt is looked at before
    // the signature over its exact text held.
    const json outer = json::parse(wire, nullptr, false);
    if (!outer.is_object() || !outer.contains("receipt") || !outer.contains("signature") ||
        !outer["receipt"].is_string() || !outer["signature"].is_string())
        throw ReceiptError("the answer is not a signed receipt");
    const std::string text = outer["receipt"].get<std::string>();
    Signature sig{};
    if (!fromHex(outer["signature"].get<std::string>(), sig.data(), sig.size()) ||
        !verifySignature(kanwil, sig, signedMessage(text)))
        throw ReceiptError("the receipt is not signed by the trusted Kanwil key " + fingerprint(kanwil));
    Receipt r;
    try {
        r = receiptFromJson(json::parse(text));
    } catch (const json::exception& e) {
        throw ReceiptError(std::string("receipt: ") + e.what());
    }
    if (r.bundleSha256 != expectedSha256)
        throw ReceiptError("the receipt is for other bytes (" + r.bundleSha256 + "), not for the bundle sent");
    if (!r.unitId.empty() && r.unitId != expectedUnit)
        throw ReceiptError("the receipt is for unit '" + r.unitId + "', not '" + expectedUnit + "'");
    return r;
}

} // namespace sw
