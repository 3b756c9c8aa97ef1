// Index of this file
//   [SECTION] Writing
//   [SECTION] Reading
#include "survey/bundle/bundle.hpp"

#include "survey/bundle/payload.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/scan.hpp"

#include <set>

namespace sw {

using nlohmann::json;

const char* bundleErrorName(BundleError::Kind k) {
    switch (k) {
    case BundleError::Kind::NotABundle: return "not-a-bundle";
    case BundleError::Kind::Truncated: return "truncated";
    case BundleError::Kind::NewerVersion: return "newer-version";
    case BundleError::Kind::SignatureMissing: return "signature-missing";
    case BundleError::Kind::BadSignature: return "bad-signature";
    case BundleError::Kind::KeyMismatch: return "key-mismatch";
    case BundleError::Kind::Malformed: return "malformed";
    case BundleError::Kind::NotEnrolled: return "not-enrolled";
    case BundleError::Kind::Revoked: return "revoked";
    case BundleError::Kind::Ownership: return "ownership";
    }
    return "unknown";
}

// [SECTION] Writing

std::string buildBundle(Store& store, const UnitKey& key, const BundleOptions& opt) {
    auto unit = store.unit();
    if (!unit) throw ExportError(ExportError::Kind::Format, store.path() + ": no unit set up, nothing to bundle");
    ResponseFilter f = opt.filter;
    f.includeMisuse = true; // the assessor gets everything; misuse stays flagged and out of scores
    f.unitId = unit->id;

    // The response lines are written straight from the scan, packed as stored (bundle_rows.hpp).
    std::string rows;
    std::set<std::pair<std::string, int>> used;
    std::int64_t count = 0;
    std::pair<std::string, int> last;
    scanResponses(store, f, [&](const ExportRow& r) {
        if (r.rid <= opt.afterRid) return true;
        if (r.rid > opt.throughRid) return false;
        ++count;
        appendBundleRow(rows, r);
        if (r.instrumentVersion != last.second || r.instrumentId != last.first) {
            last = {std::string(r.instrumentId), r.instrumentVersion};
            used.insert(last);
        }
        return true;
    });

    json instruments = json::array();
    for (const auto& [id, version] : used) {
        sql::Statement st(store.db(), "SELECT body FROM instrument WHERE id=? AND version=?");
        st.bind(1, id).bind(2, version);
        if (st.step()) instruments.push_back({{"id", id}, {"version", version}, {"body", st.getText(0)}});
    }
    json head;
    head["format"] = "suarawarga-bundle";
    head["format_version"] = kBundleFormatVersion;
    head["created_utc"] = nowUtc();
    head["public_key"] = toHex(key.publicKey().data(), key.publicKey().size());
    head["fingerprint"] = key.fingerprint();
    head["unit"] = {{"id", unit->id},         {"name", unit->name},           {"instansi", unit->instansi},
                    {"address", unit->address}, {"kabupaten", unit->kabupaten}, {"province", unit->province},
                    {"kode_wilayah", unit->kodeWilayah}, {"utc_offset_min", unit->utcOffsetMinutes}, {"demo", unit->demo}};
    head["period"] = {{"from", opt.filter.from ? json(*opt.filter.from) : json(nullptr)},
                      {"to", opt.filter.to ? json(*opt.filter.to) : json(nullptr)}};
    head["counts"] = {{"responses", count}};
    head["columns"] = bundleColumns();
    head["instruments"] = std::move(instruments);
    head["facility"] = opt.facility;
    if (auto rotation = latestRotation(store)) head["key_rotation"] = rotationToJson(*rotation);
    head["extra"] = opt.extra.is_object() ? opt.extra : json::object();
    std::string payload = head.dump(); // one line: dump() escapes every newline inside strings
    payload.reserve(payload.size() + 1 + rows.size());
    payload += '\n';
    payload += rows;

    return sealBundle(payload, key);
}

std::int64_t exportBundle(Store& store, const UnitKey& key, const std::string& path, const BundleOptions& opt) {
    std::string bytes = buildBundle(store, key, opt);
    AtomicOutput out(path);
    out.write(bytes);
    out.commit();
    // Count from what was written, not a second query (the store may be receiving new responses).
    Bundle check = readBundle(bytes);
    return static_cast<std::int64_t>(check.responses.size());
}

// [SECTION] Reading

namespace {

// Everything after the envelope: the payload of `bytes`, whose signature held (`v`), read into a
// Bundle. The response views point into `bytes`, which the Bundle keeps.
Bundle parseVerified(std::string bytes, const VerifiedEnvelope& v) {
    Bundle b = bundleFromEnvelope(v);
    const std::size_t end = bytes.size() - kEnvelopeTrailerBytes;
    const std::string_view payload(bytes.data() + kEnvelopeHeaderBytes, end - kEnvelopeHeaderBytes);
    const std::string_view headText = bundleHeadText(payload, b.formatVersion);
    const json head = parseBundleHead(headText);
    const std::int64_t announced = readBundleHead(head, b);
    const std::size_t rowsBegin = kEnvelopeHeaderBytes + headText.size() + 1;
    readBundleResponses(head, b, std::move(bytes), rowsBegin, end);
    checkResponseCount(announced, b.responses.size());
    return b;
}

} // namespace

Bundle readBundle(std::string bytes) {
    // The signature first (a security property): nothing below reads an unverified byte.
    const VerifiedEnvelope v = verifyEnvelope(bytes);
    return parseVerified(std::move(bytes), v);
}

Bundle readBundle(VerifiedFile file) {
    const VerifiedEnvelope v = file.envelope();
    return parseVerified(std::move(file.bytes()), v);
}

Bundle readBundleFile(const std::string& path) {
    VerifiedFile file = readVerifiedFile(path); // names the file itself
    return namingFile(path, [&] { return readBundle(std::move(file)); });
}

} // namespace sw
