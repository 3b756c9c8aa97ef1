#include "survey/national/verification_file.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/uuid.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_text.hpp"

#include <fstream>
#include <sstream>

namespace sw {

namespace {

using nlohmann::json;

constexpr const char* kMagic = "suarawarga-verification 1 ";
constexpr std::size_t kMaxFileBytes = 4u * 1024u * 1024u; // verdicts and notes, no evidence: far below this

json scoreJson(const FacilityScore& s, const VerificationCoverage& cov) {
    json criteria = json::array();
    for (const CriterionScore& cs : s.criteria)
        criteria.push_back({{"code", cs.code}, {"weight", cs.weight}, {"score", cs.score}, {"has_data", cs.hasData}});
    return {{"total", s.total},
            {"criteria", criteria},
            {"coverage", {{"criteria_with_data", cov.criteriaWithData}, {"criteria", cov.criteria},
                          {"items_verified", cov.itemsVerified}, {"items", cov.items}, {"complete", cov.complete()}}}};
}

// Every checklist item (and petugas siaga) with its claim and verdict, as the unit head reads it.
json itemsJson(const FacilityChecklist& c, const FacilityAssessment& claim, const Verification& v) {
    json out = json::array();
    auto add = [&](const std::string& code, FacilityStatus claimed) {
        const ItemVerdict* iv = v.find(code);
        json j = {{"item", code}, {"name", itemNameOf(c, code)}, {"claimed", facilityStatusCode(claimed)},
                  {"verdict", iv ? verdictCode(iv->verdict) : ""}, {"note", iv ? iv->note : ""}};
        if (iv && iv->found != FacilityStatus::Unset) j["found"] = facilityStatusCode(iv->found);
        if (iv) j["measured"] = iv->measured;
        out.push_back(std::move(j));
    };
    for (const FacilityItem& item : c.items) {
        auto it = claim.items.find(item.code);
        add(item.code, it == claim.items.end() ? FacilityStatus::Unset : it->second.status);
    }
    add(kPetugasItem, claim.petugas);
    return out;
}

[[noreturn]] void refuse(BundleError::Kind k, const std::string& file, const std::string& why) {
    throw BundleError(k, file + ": " + why);
}

std::string readBounded(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw ImportError(path, 0, 0, "cannot open the verification file");
    std::string bytes;
    bytes.resize(kMaxFileBytes + 1);
    f.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(f.gcount()));
    if (bytes.size() > kMaxFileBytes) refuse(BundleError::Kind::Malformed, path, "larger than a verification result can be");
    return bytes;
}

} // namespace

// [SECTION] The Kanwil's side

json verificationPayload(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v,
                         const std::string& kanwilFingerprint) {
    const VerifiedScore s = scoreVerification(c, claim.report, v);
    json findings = json::array();
    for (const ItemDifference& d : s.differing) {
        if (!d.hasVerdict) continue; // not verified yet: no finding for the unit to act on
        findings.push_back({{"item", d.item}, {"name", itemNameOf(c, d.item)},
                            {"verdict", d.hasVerdict ? verdictCode(d.verdict) : "belum_diverifikasi"}, {"note", d.note},
                            {"claimed", facilityStatusCode(d.claimed)}, {"verified", facilityStatusCode(d.verified)},
                            {"failing_measures", d.failingMeasures}});
    }
    json p = verificationToJson(v);
    p["id"] = newUuid();
    p["created_utc"] = nowUtc();
    p["kanwil_fingerprint"] = kanwilFingerprint;
    p["unit_name"] = claim.unit.name;
    p["items"] = itemsJson(c, claimFromReport(claim.report), v);
    p["self_score"] = scoreJson(s.self, s.selfCoverage);
    p["verified_score"] = scoreJson(s.verified, s.coverage);
    p["difference"] = s.difference;
    p["findings"] = findings;
    return p;
}

std::string signVerificationResult(const KanwilKey& key, const json& payload) {
    const std::string head = kMagic + key.fingerprint();
    const std::string body = payload.dump();
    const Signature sig = key.sign(head + "\n" + body);
    return head + "\n" + toHex(sig.data(), sig.size()) + "\n" + body;
}

void writeVerificationResult(const KanwilKey& key, const json& payload, const std::string& path) {
    AtomicOutput out(path);
    out.write(signVerificationResult(key, payload));
    out.commit();
}

// [SECTION] The unit's side

ReceivedVerification checkVerificationResult(Store& unit, const std::string& bytes, const std::string& fileName) {
    const std::size_t nl1 = bytes.find('\n');
    if (bytes.rfind(kMagic, 0) != 0 || nl1 == std::string::npos)
        refuse(BundleError::Kind::NotABundle, fileName, "not a SuaraWarga verification result");
    const std::size_t nl2 = bytes.find('\n', nl1 + 1);
    if (nl2 == std::string::npos || nl2 - nl1 - 1 != 128)
        refuse(BundleError::Kind::SignatureMissing, fileName, "the signature line is missing or cut");
    const std::string head = bytes.substr(0, nl1);
    const std::string signer = head.substr(std::string(kMagic).size());
    const auto trusted = trustedKanwilKey(unit);
    if (!trusted)
        refuse(BundleError::Kind::KeyMismatch, fileName,
               "this unit trusts no Kanwil key yet (suarawarga trust-kanwil --key HEX, as your Kanwil reads it out)");
    if (signer != fingerprint(*trusted))
        refuse(BundleError::Kind::KeyMismatch, fileName,
               "signed by Kanwil key " + printable(signer) + ", but this unit trusts " + fingerprint(*trusted));
    Signature sig{};
    if (!fromHex(std::string_view(bytes).substr(nl1 + 1, 128), sig.data(), sig.size()))
        refuse(BundleError::Kind::BadSignature, fileName, "the signature is not hex");
    const std::string_view body = std::string_view(bytes).substr(nl2 + 1);
    if (!verifySignature(*trusted, sig, head + "\n" + std::string(body)))
        refuse(BundleError::Kind::BadSignature, fileName, "the signature does not match: the file was changed after the Kanwil signed it");
    ReceivedVerification r;
    r.payload = json::parse(body, nullptr, false);
    if (!r.payload.is_object() || !r.payload.contains("id") || !r.payload["id"].is_string())
        refuse(BundleError::Kind::Malformed, fileName, "signed, but not a verification result");
    const Verification v = verificationFromJson(r.payload);
    const auto me = unit.unit();
    if (!me || v.unitId != me->id)
        refuse(BundleError::Kind::Malformed, fileName,
               "this verification is for unit \"" + printable(v.unitId) + "\", not this unit (" + (me ? me->id : std::string("none")) + ")");
    r.id = r.payload["id"].get<std::string>();
    r.kanwilFingerprint = signer;
    r.visitDate = v.visit.date;
    return r;
}

ReceivedVerification importVerificationResult(Store& unit, const std::string& path) {
    ReceivedVerification r = checkVerificationResult(unit, readBounded(path), path);
    sql::Transaction tx(unit.db());
    sql::Statement have(unit.db(), "SELECT imported_utc FROM kanwil_verification WHERE id=?");
    have.bind(1, r.id);
    if (have.step()) {
        r.duplicate = true;
        r.importedUtc = have.getInt(0);
        return r;
    }
    r.importedUtc = nowUtc();
    sql::Statement st(unit.db(), "INSERT INTO kanwil_verification(id, kanwil_fingerprint, visit_date, body, imported_utc) "
                                 "VALUES(?,?,?,?,?)");
    st.bind(1, r.id).bind(2, r.kanwilFingerprint).bind(3, r.visitDate).bind(4, r.payload.dump()).bind(5, r.importedUtc);
    st.run();
    unit.logEvent("verification.imported", r.id + " visit " + r.visitDate + " by " + r.kanwilFingerprint);
    tx.commit();
    return r;
}

std::vector<ReceivedVerification> receivedVerifications(Store& unit) {
    sql::Statement st(unit.db(), "SELECT id, kanwil_fingerprint, visit_date, body, imported_utc FROM kanwil_verification "
                                 "ORDER BY imported_utc DESC, rowid DESC");
    std::vector<ReceivedVerification> out;
    while (st.step()) {
        ReceivedVerification r;
        r.id = st.getText(0);
        r.kanwilFingerprint = st.getText(1);
        r.visitDate = st.getText(2);
        r.payload = json::parse(st.getText(3), nullptr, false);
        r.importedUtc = st.getInt(4);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<VerificationFinding> findingsOf(const json& payload) {
    std::vector<VerificationFinding> out;
    if (!payload.is_object() || !payload.contains("findings") || !payload["findings"].is_array()) return out;
    for (const auto& f : payload["findings"]) {
        if (!f.is_object()) continue;
        VerificationFinding x;
        x.item = f.value("item", "");
        x.itemName = f.value("name", "");
        x.verdict = f.value("verdict", "");
        x.note = f.value("note", "");
        for (const auto& m : f.value("failing_measures", json::array()))
            if (m.is_string()) x.failingMeasures.push_back(m.get<std::string>());
        out.push_back(std::move(x));
    }
    return out;
}

} // namespace sw
