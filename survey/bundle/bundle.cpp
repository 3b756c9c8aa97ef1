// Index of this file
//   [SECTION] Envelope helpers
//   [SECTION] Writing
//   [SECTION] Reading and verifying
#include "survey/bundle/bundle.hpp"

#include "survey/base/text_check.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/store/scan.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <map>
#include <mutex>
#include <fstream>
#include <set>
#include <sstream>

namespace sw {

using nlohmann::json;

// [SECTION] Envelope helpers

namespace {

constexpr char kMagic[8] = {'S', 'W', 'B', 'U', 'N', 'D', 'L', 'E'};
constexpr std::size_t kHeaderSize = 20;
constexpr std::size_t kTrailerSize = 32 + 64;
constexpr int kMaxDepth = 32; // the payload nests 4 deep; anything deeper is not ours

void putLe(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t getLe(const std::string& in, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)])) << (8 * i);
    return v;
}

std::string payloadId(std::string_view payload) {
    ensureSodium();
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), nullptr, 0);
    return toHex(h, sizeof h);
}

} // namespace

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

std::string sealBundle(const std::string& payload, const UnitKey& key, std::uint32_t formatVersion) {
    std::string bytes(kMagic, sizeof kMagic);
    putLe(bytes, formatVersion, 4);
    putLe(bytes, payload.size(), 8);
    bytes += payload;
    Signature sig = key.sign(bytes);
    bytes.append(reinterpret_cast<const char*>(key.publicKey().data()), key.publicKey().size());
    bytes.append(reinterpret_cast<const char*>(sig.data()), sig.size());
    return bytes;
}

std::string bundlePayload(const std::string& bytes) {
    if (bytes.size() < kHeaderSize + kTrailerSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return "";
    const std::uint64_t length = getLe(bytes, 12, 8);
    if (length != bytes.size() - kHeaderSize - kTrailerSize) return "";
    return bytes.substr(kHeaderSize, static_cast<std::size_t>(length));
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

// [SECTION] Reading and verifying

namespace {

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
    throw BundleError(BundleError::Kind::Malformed, "the bundle is signed but its content is not valid (" + where + ": " +
                                                        what + "); it cannot be merged");
}

// Nesting depth outside strings: refuse a pathological document before the parser sees it.
bool depthWithin(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > limit) return false;
        } else if (c == '}' || c == ']') --depth;
    }
    return true;
}

const json& member(const json& obj, const char* key, const std::string& where) {
    if (!obj.is_object()) malformed(where, "not an object");
    auto it = obj.find(key);
    if (it == obj.end()) malformed(where, std::string("\"") + key + "\" is missing");
    return *it;
}

std::string str(const json& obj, const char* key, const std::string& where) {
    const json& v = member(obj, key, where);
    if (!v.is_string()) malformed(where, std::string("\"") + key + "\" must be text");
    return v.get<std::string>();
}

std::int64_t integer(const json& v, const std::string& where, std::int64_t lo, std::int64_t hi) {
    if (!v.is_number_integer()) malformed(where, "must be a whole number");
    std::int64_t x = v.is_number_unsigned() ? (v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi) ? hi + 1 : static_cast<std::int64_t>(v.get<std::uint64_t>()))
                                            : v.get<std::int64_t>();
    if (x < lo || x > hi) malformed(where, "out of range (" + std::to_string(lo) + ".." + std::to_string(hi) + ")");
    return x;
}

std::optional<std::string> optDate(const json& v, const std::string& where) {
    if (v.is_null()) return std::nullopt;
    LocalDate d;
    if (!v.is_string() || !parseDate(v.get<std::string>(), d)) malformed(where, "must be a date YYYY-MM-DD or null");
    return v.get<std::string>();
}

std::map<std::string, int> answers(const json& v, const std::string& where, int lo, int hi) {
    if (!v.is_object()) malformed(where, "must be an object of code → value");
    std::map<std::string, int> out;
    for (auto it = v.begin(); it != v.end(); ++it)
        out[it.key()] = static_cast<int>(integer(it.value(), where + "/" + it.key(), lo, hi));
    return out;
}

Response parseResponse(const json& j, const std::string& where, const std::string& unitId) {
    Response r;
    r.uuid = str(j, "uuid", where);
    if (!isUuid(r.uuid)) malformed(where, "\"uuid\" is not a UUID");
    const json& in = member(j, "instrument", where);
    if (!in.is_array() || in.size() != 2 || !in[0].is_string()) malformed(where, "\"instrument\" must be [id, version]");
    r.instrumentId = in[0].get<std::string>();
    r.instrumentVersion = static_cast<int>(integer(in[1], where + "/instrument", 1, 1000000));
    r.unitId = unitId;
    r.deviceId = str(j, "device", where);
    r.createdUtc = integer(member(j, "utc", where), where + "/utc", 0, 253402300799LL);
    r.utcOffsetMinutes = static_cast<int>(integer(member(j, "offset_min", where), where + "/offset_min", -720, 840));
    r.service = str(j, "service", where);
    r.unsur = answers(member(j, "unsur", where), where + "/unsur", 1, 4);
    r.ham = answers(member(j, "ham", where), where + "/ham", 0, 4);
    const json& ren = member(j, "rentan", where);
    if (!ren.is_array()) malformed(where, "\"rentan\" must be a list");
    for (const auto& x : ren) {
        if (!x.is_string()) malformed(where, "\"rentan\" must list codes");
        r.rentan.push_back(x.get<std::string>());
    }
    const json& adil = member(j, "adil", where);
    if (adil.is_boolean()) r.adil = adil.get<bool>();
    else if (!adil.is_null()) malformed(where, "\"adil\" must be true, false or null");
    const json& prof = member(j, "profile", where);
    if (!prof.is_object()) malformed(where, "\"profile\" must be an object");
    for (auto it = prof.begin(); it != prof.end(); ++it) {
        if (!it.value().is_string()) malformed(where, "profile values must be codes");
        r.profile[it.key()] = it.value().get<std::string>();
    }
    r.comment = str(j, "comment", where);
    const json& mis = member(j, "misuse", where);
    if (!mis.is_boolean()) malformed(where, "\"misuse\" must be true or false");
    r.misuse = mis.get<bool>();
    const json& dur = member(j, "duration_s", where);
    if (!dur.is_null()) r.durationSeconds = static_cast<int>(integer(dur, where + "/duration_s", 0, 100000000));
    r.source = str(j, "source", where);
    return r;
}

// Format 1 carried the responses as JSON objects: they are checked as before, then packed into
// format-2 lines so one code path merges both.
std::string formatOneRows(const json& j, const Bundle& b) {
    const json& rs = member(j, "responses", "payload");
    if (!rs.is_array()) malformed("responses", "must be a list");
    std::string rows;
    for (std::size_t i = 0; i < rs.size(); ++i) {
        const std::string where = "responses/" + std::to_string(i + 1);
        Response r = parseResponse(rs[i], where, b.unit.id);
        const PackedLayout* layout = nullptr;
        for (const auto& l : b.layouts)
            if (l->instrument().id == r.instrumentId && l->instrument().version == r.instrumentVersion) layout = l.get();
        if (!layout) malformed("responses", "response " + r.uuid + " names an instrument the bundle does not carry");
        try {
            const PackedAnswers packed = layout->pack(r);
            appendBundleRow(rows, packedRow(r, packed, layout));
        } catch (const StoreError& e) {
            malformed(where, e.what());
        }
    }
    return rows;
}

// Instruments repeat across the bundles of one merge: parse each distinct body once.
std::shared_ptr<const Instrument> parsedInstrument(const std::string& body, const std::string& where) {
    static std::mutex lock;
    static std::map<std::string, std::shared_ptr<const Instrument>> cache;
    std::lock_guard<std::mutex> hold(lock);
    auto it = cache.find(body);
    if (it != cache.end()) return it->second;
    auto in = std::make_shared<const Instrument>(parseInstrument(body, where));
    if (cache.size() > 64) cache.clear();
    cache.emplace(body, in);
    return in;
}

} // namespace

// Why a bundle whose signature did not verify is wrong, in words a person can act on. Only the
// untrusted header is read here, to explain; nothing from it is used.
[[noreturn]] static void refuseUnsigned(const std::string& bytes) {
    using K = BundleError::Kind;
    const std::uint64_t length = getLe(bytes, 12, 8);
    const std::size_t room = bytes.size() - kHeaderSize;
    if (length > room)
        throw BundleError(K::Truncated, "the bundle is truncated: its header announces " + std::to_string(length) +
                                            " bytes of data but only " + std::to_string(room) +
                                            " follow (copy the file again)");
    const std::size_t rest = room - static_cast<std::size_t>(length);
    if (rest == 0)
        throw BundleError(K::SignatureMissing, "the bundle has no signature (the file ends where the signature starts)");
    if (rest < kTrailerSize)
        throw BundleError(K::Truncated, "the bundle is truncated: the signature is cut short (" + std::to_string(rest) +
                                            " of " + std::to_string(kTrailerSize) + " bytes)");
    if (rest > kTrailerSize)
        throw BundleError(K::Malformed, "the bundle has " + std::to_string(rest - kTrailerSize) +
                                            " unexpected bytes after its signature");
    throw BundleError(K::BadSignature, "the signature does not match the content: the bundle was changed after "
                                       "it was signed (or damaged in transit); refused");
}

namespace {

// Magic, header size and signature, in that order. The signature comes before any header field
// is read: it covers everything before the trailer (the file's last 96 bytes), the header
// included, so no field (not even the format version) is trusted before it verifies. Fills the
// key and fingerprint; returns where the signed bytes end (the trailer's start).
std::size_t verifiedSignedEnd(const std::string& bytes, Bundle& b) {
    using K = BundleError::Kind;
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw BundleError(K::NotABundle, "not a SuaraWarga bundle (the file does not start with \"SWBUNDLE\")");
    if (bytes.size() < kHeaderSize)
        throw BundleError(K::Truncated, "the bundle is truncated (the header is incomplete: " +
                                            std::to_string(bytes.size()) + " bytes)");
    if (bytes.size() < kHeaderSize + kTrailerSize) refuseUnsigned(bytes);
    const std::size_t end = bytes.size() - kTrailerSize;
    std::memcpy(b.publicKey.data(), bytes.data() + end, 32);
    Signature sig;
    std::memcpy(sig.data(), bytes.data() + end + 32, 64);
    if (!verifySignature(b.publicKey, sig, std::string_view(bytes.data(), end))) refuseUnsigned(bytes);
    b.fingerprint = fingerprint(b.publicKey);
    return end;
}

// The binary header, read only once verifiedSignedEnd passed: format version and payload length.
// Sets b.formatVersion; returns the payload.
std::string_view signedPayload(const std::string& bytes, std::size_t end, Bundle& b) {
    using K = BundleError::Kind;
    const auto version = static_cast<std::uint32_t>(getLe(bytes, 8, 4));
    if (version > kBundleFormatVersion)
        throw BundleError(K::NewerVersion, "the bundle was written by a newer SuaraWarga (bundle format " +
                                               std::to_string(version) + ", this program reads up to " +
                                               std::to_string(kBundleFormatVersion) + "); update the program");
    if (version == 0) throw BundleError(K::Malformed, "the bundle header names format version 0, which does not exist");
    const std::uint64_t length = getLe(bytes, 12, 8);
    if (length != end - kHeaderSize) malformed("header", "the announced length disagrees with the signed data");
    b.formatVersion = version;
    return std::string_view(bytes.data() + kHeaderSize, static_cast<std::size_t>(length));
}

json parseHead(std::string_view headText) {
    if (!depthWithin(headText, kMaxDepth)) malformed("payload", "nested too deeply");
    json j = json::parse(headText.begin(), headText.end(), nullptr, false);
    if (j.is_discarded()) malformed("payload", "not valid JSON");
    return j;
}

// The head's own fields: format, its version (must match the signed header's), the key it names
// (must be the signing key), when it was written.
void readHeadFormat(const json& j, Bundle& b) {
    if (str(j, "format", "payload") != "suarawarga-bundle") malformed("payload", "\"format\" is not suarawarga-bundle");
    if (integer(member(j, "format_version", "payload"), "payload/format_version", 0, 0xffffffffLL) != b.formatVersion)
        malformed("payload", "format_version differs from the header");
    PublicKey inner{};
    if (!fromHex(str(j, "public_key", "payload"), inner.data(), inner.size()) || inner != b.publicKey)
        throw BundleError(BundleError::Kind::KeyMismatch, "the bundle names public key inside its data that is not the key it was "
                                                          "signed with; refused");
    b.createdUtc = integer(member(j, "created_utc", "payload"), "payload/created_utc", 0, 253402300799LL);
}

void readUnit(const json& j, Bundle& b) {
    const json& u = member(j, "unit", "payload");
    b.unit.id = str(u, "id", "unit");
    if (b.unit.id.empty()) malformed("unit", "\"id\" is empty");
    b.unit.name = str(u, "name", "unit");
    b.unit.instansi = str(u, "instansi", "unit");
    b.unit.address = str(u, "address", "unit");
    b.unit.kabupaten = str(u, "kabupaten", "unit");
    b.unit.province = str(u, "province", "unit");
    if (u.contains("kode_wilayah")) b.unit.kodeWilayah = str(u, "kode_wilayah", "unit"); // format 2 since schema 7
    // Names from a bundle are shown, printed and rolled up: text only, bounded (survey/base/text_check.hpp).
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"id", &b.unit.id}, {"name", &b.unit.name},
                                       {"instansi", &b.unit.instansi}, {"address", &b.unit.address},
                                       {"kabupaten", &b.unit.kabupaten}, {"province", &b.unit.province},
                                       {"kode_wilayah", &b.unit.kodeWilayah}}) {
        const std::string why = textProblem(*value, kMaxNameLength);
        if (!why.empty()) malformed(std::string("unit/") + field, why);
    }
    b.unit.utcOffsetMinutes = static_cast<int>(integer(member(u, "utc_offset_min", "unit"), "unit/utc_offset_min", -720, 840));
    // Optional: a bundle written before schema 8 does not say; its unit was a real one or the demo
    // unit under its fixed id, as the 7 → 8 migration assumes for a store.
    if (auto d = u.find("demo"); d != u.end()) {
        if (!d->is_boolean()) malformed("unit/demo", "must be true or false");
        b.unit.demo = d->get<bool>();
    } else {
        b.unit.demo = b.unit.id == kDemoUnitId;
    }
}

// Each instrument the responses name, with its body parsed and checked against its id/version.
void readInstruments(const json& j, Bundle& b) {
    const json& ins = member(j, "instruments", "payload");
    if (!ins.is_array()) malformed("instruments", "must be a list");
    for (std::size_t i = 0; i < ins.size(); ++i) {
        std::string where = "instruments/" + std::to_string(i);
        BundleInstrument bi;
        bi.id = str(ins[i], "id", where);
        bi.version = static_cast<int>(integer(member(ins[i], "version", where), where + "/version", 1, 1000000));
        bi.body = str(ins[i], "body", where);
        std::shared_ptr<const Instrument> in;
        try {
            in = parsedInstrument(bi.body, "bundle " + b.unit.id + "#instrument/" + bi.id + "/v" + std::to_string(bi.version));
        } catch (const InstrumentError& e) {
            malformed(where, std::string("its instrument is not valid: ") + e.what());
        }
        if (in->id != bi.id || in->version != bi.version)
            malformed(where, "the body is instrument " + in->id + " v" + std::to_string(in->version) + ", not " + bi.id + " v" +
                                 std::to_string(bi.version));
        b.layouts.push_back(std::make_shared<const PackedLayout>(in));
        b.instruments.push_back(std::move(bi));
    }
}

// The responses, checked against the count the head announces. Format 2 keeps `bytes` (moved
// from: the rows are read where they are, from rowsBegin to end); format 1 repacks its JSON.
void readResponses(const json& j, Bundle& b, std::string& bytes, std::size_t rowsBegin, std::size_t end) {
    const std::int64_t announced = integer(member(member(j, "counts", "payload"), "responses", "counts"), "counts/responses", 0,
                                           1LL << 40);
    if (b.formatVersion >= 2) {
        if (member(j, "columns", "payload") != json(bundleColumns()))
            malformed("columns", "the response columns are not those of bundle format " + std::to_string(b.formatVersion));
        b.rows = std::make_shared<std::string>(std::move(bytes)); // the payload stays where it is
        b.responses = parseBundleRows(*b.rows, rowsBegin, end, b.layouts);
    } else {
        b.rows = std::make_shared<std::string>(formatOneRows(j, b));
        b.responses = parseBundleRows(*b.rows, 0, b.rows->size(), b.layouts);
    }
    if (announced != static_cast<std::int64_t>(b.responses.size()))
        malformed("counts", "announces " + std::to_string(announced) + " responses, holds " + std::to_string(b.responses.size()));
}

} // namespace

Bundle readBundle(std::string bytes) {
    Bundle b;
    // The signature first (a security property): nothing below reads an unverified byte.
    const std::size_t end = verifiedSignedEnd(bytes, b);
    const std::string_view payload = signedPayload(bytes, end, b);
    b.id = payloadId(payload);
    // Format 2: the JSON header is the first line, the response lines follow. Format 1: all JSON.
    const std::size_t headEnd = b.formatVersion >= 2 ? payload.find('\n') : payload.size();
    if (headEnd == std::string_view::npos) malformed("payload", "no newline after the header");
    const json j = parseHead(payload.substr(0, headEnd));
    readHeadFormat(j, b);
    readUnit(j, b);
    const json& period = member(j, "period", "payload");
    b.from = optDate(member(period, "from", "period"), "period/from");
    b.to = optDate(member(period, "to", "period"), "period/to");
    readInstruments(j, b);
    readResponses(j, b, bytes, kHeaderSize + headEnd + 1, end);
    if (auto it = j.find("facility"); it != j.end()) b.facility = *it;
    if (auto it = j.find("key_rotation"); it != j.end()) b.keyRotation = rotationFromJson(*it);
    if (auto it = j.find("extra"); it != j.end() && it->is_object()) b.extra = *it;
    return b;
}

std::string bundleIdOf(const std::string& bytes) {
    if (bytes.size() < kHeaderSize + kTrailerSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return "";
    const std::uint64_t length = getLe(bytes, 12, 8);
    if (length != bytes.size() - kHeaderSize - kTrailerSize) return "";
    return payloadId(std::string_view(bytes.data() + kHeaderSize, static_cast<std::size_t>(length)));
}

std::uint64_t maxBundleBytes() {
    if (const char* v = std::getenv("SUARAWARGA_MAX_BUNDLE_BYTES")) {
        char* endp = nullptr;
        const unsigned long long n = std::strtoull(v, &endp, 10);
        if (endp && *endp == '\0' && n > 0) return n;
    }
    return kDefaultMaxBundleBytes;
}

std::string readBundleBytes(const std::string& path) {
    // Checked before a byte is read: a directory, a device or a file over the cap is refused
    // plainly instead of being read into memory.
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) throw BundleError(BundleError::Kind::NotABundle, path + ": cannot open the file");
    if (S_ISDIR(st.st_mode)) throw BundleError(BundleError::Kind::NotABundle, path + ": is a folder, not a bundle file");
    if (!S_ISREG(st.st_mode)) throw BundleError(BundleError::Kind::NotABundle, path + ": is not a regular file");
    const std::uint64_t cap = maxBundleBytes();
    if (static_cast<std::uint64_t>(st.st_size) > cap)
        throw BundleError(BundleError::Kind::Malformed, path + ": " + std::to_string(st.st_size) + " bytes, more than the " +
                                                            std::to_string(cap) + " a bundle may have (SUARAWARGA_MAX_BUNDLE_BYTES); refused unread");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw BundleError(BundleError::Kind::NotABundle, path + ": cannot open the file");
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    if (!f.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
        throw BundleError(BundleError::Kind::Truncated, path + ": the file could not be read whole");
    return bytes;
}

Bundle readBundleFile(const std::string& path) {
    std::string bytes = readBundleBytes(path);
    try {
        return readBundle(std::move(bytes));
    } catch (const BundleError& e) {
        throw BundleError(e.kind, path + ": " + e.what());
    }
}

} // namespace sw
