// Index of this file
//   [SECTION] Field readers
//   [SECTION] Format 1 responses
//   [SECTION] The head
#include "survey/bundle/payload.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/uuid.hpp"

#include <map>
#include <mutex>

namespace sw {

using nlohmann::json;

namespace {

constexpr int kMaxDepth = 32; // the payload nests 4 deep; anything deeper is not ours

// [SECTION] Field readers

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

// [SECTION] Format 1 responses

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

// [SECTION] The head

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

void readPeriod(const json& j, Bundle& b) {
    const json& period = member(j, "period", "payload");
    b.from = optDate(member(period, "from", "period"), "period/from");
    b.to = optDate(member(period, "to", "period"), "period/to");
}

} // namespace

Bundle bundleFromEnvelope(const VerifiedEnvelope& v) {
    Bundle b;
    b.formatVersion = v.formatVersion;
    b.publicKey = v.publicKey;
    b.fingerprint = fingerprint(v.publicKey);
    b.id = v.id;
    return b;
}

std::string_view bundleHeadText(std::string_view payload, std::uint32_t formatVersion) {
    if (formatVersion < 2) return payload;
    const std::size_t end = payload.find('\n');
    if (end == std::string_view::npos) malformed("payload", "no newline after the header");
    return payload.substr(0, end);
}

json parseBundleHead(std::string_view text) {
    if (!depthWithin(text, kMaxDepth)) malformed("payload", "nested too deeply");
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) malformed("payload", "not valid JSON");
    return j;
}

std::int64_t readBundleHead(const json& j, Bundle& b) {
    readHeadFormat(j, b);
    readUnit(j, b);
    readPeriod(j, b);
    readInstruments(j, b);
    if (b.formatVersion >= 2 && member(j, "columns", "payload") != json(bundleColumns()))
        malformed("columns", "the response columns are not those of bundle format " + std::to_string(b.formatVersion));
    if (auto it = j.find("facility"); it != j.end()) b.facility = *it;
    if (auto it = j.find("key_rotation"); it != j.end()) b.keyRotation = rotationFromJson(*it);
    if (auto it = j.find("extra"); it != j.end() && it->is_object()) b.extra = *it;
    return integer(member(member(j, "counts", "payload"), "responses", "counts"), "counts/responses", 0, 1LL << 40);
}

void readBundleResponses(const json& head, Bundle& b, std::string bytes, std::size_t rowsBegin, std::size_t rowsEnd) {
    if (b.formatVersion >= 2) {
        b.rows = std::make_shared<std::string>(std::move(bytes)); // the payload stays where it is
        b.responses = parseBundleRows(*b.rows, rowsBegin, rowsEnd, b.layouts);
    } else {
        b.rows = std::make_shared<std::string>(formatOneRows(head, b));
        b.responses = parseBundleRows(*b.rows, 0, b.rows->size(), b.layouts);
    }
}

void checkResponseCount(std::int64_t announced, std::size_t held) {
    if (announced != static_cast<std::int64_t>(held))
        malformed("counts", "announces " + std::to_string(announced) + " responses, holds " + std::to_string(held));
}

} // namespace sw
