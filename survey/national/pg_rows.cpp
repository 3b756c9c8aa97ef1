#include "survey/national/pg_rows.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/uuid.hpp"
#include "survey/national/pg_copy.hpp"

#include <sodium.h>

#include <cstring>
#include <limits>
#include <unordered_map>

namespace sw::pg {

namespace {

// 10000-01-01T00:00 in seconds: a local time from here on has no four-digit year.
constexpr std::int64_t kYear10000 = 253402300800LL;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string_view badText(const PackedRow& r) {
    const std::pair<const char*, std::string_view> fields[] = {
        {"device_id", r.deviceId}, {"service", r.service}, {"source", r.source}, {"comment", r.comment},
        {"profile", r.profile},    {"rentan", r.rentan},   {"instrument", r.instrumentId}};
    for (const auto& [name, text] : fields)
        if (std::memchr(text.data(), 0, text.size()) || !isValidUtf8(text)) return name;
    return {};
}

void appendResponse(BinaryCopy& out, const std::string& unitId, const PackedRow& r, std::int64_t day) {
    out.row(19);
    out.text(unitId);
    out.uuid(r.uuid);
    out.text(r.instrumentId);
    out.int4(r.instrumentVersion);
    out.text(r.deviceId);
    out.int8(r.createdUtc);
    out.int4(r.utcOffsetMinutes);
    out.date(day);
    if (r.service.empty()) out.null(); // as the unit's store keeps it (bindResponseRow)
    else out.text(r.service);
    out.text(r.comment);
    if (r.adil) out.boolean(*r.adil);
    else out.null();
    out.boolean(r.misuse);
    out.text(r.source);
    if (r.durationSeconds) out.int4(*r.durationSeconds);
    else out.null();
    out.text(r.skm);
    out.text(r.ham);
    out.text(r.rentan);
    out.int2(static_cast<std::int16_t>(r.kelompok));
    out.text(r.profile);
}

} // namespace

std::int64_t localDay(const PackedRow& r) { return floorDiv(r.createdUtc + r.utcOffsetMinutes * 60LL, 86400); }

std::string contentHash(const PackedRow& r) {
    // Each field with its length first, so no two different rows hash the same bytes; one call to
    // BLAKE2b over them (a merge hashes every response).
    thread_local std::string buf;
    buf.clear();
    auto field = [](std::string_view s) {
        const auto n = static_cast<std::uint32_t>(s.size());
        buf.append(reinterpret_cast<const char*>(&n), sizeof n);
        buf.append(s);
    };
    const std::string version = std::to_string(r.instrumentVersion), created = std::to_string(r.createdUtc);
    for (std::string_view f : {r.instrumentId, std::string_view(version), std::string_view(created), r.skm, r.ham, r.rentan,
                               r.profile, r.comment})
        field(f);
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(buf.data()), buf.size(), nullptr, 0);
    return std::string(reinterpret_cast<const char*>(h), sizeof h);
}

bool sameContent(const PackedRow& a, const PackedRow& b) {
    return a.instrumentId == b.instrumentId && a.instrumentVersion == b.instrumentVersion && a.createdUtc == b.createdUtc &&
           a.skm == b.skm && a.ham == b.ham && a.rentan == b.rentan && a.profile == b.profile && a.comment == b.comment;
}

RowCheck checkRows(const Bundle& b) {
    RowCheck out;
    out.repeat.assign(b.responses.size(), -1);
    std::unordered_map<std::string_view, std::int32_t> first;
    first.reserve(b.responses.size());
    auto problem = [&](std::size_t i, BundleError::Kind kind, const std::string& why) {
        out.problemRow = i;
        out.problem = BundleError(kind, why);
    };
    for (std::size_t i = 0; i < b.responses.size() && !out.problemRow; ++i) {
        const PackedRow& r = b.responses[i];
        auto [it, isNew] = first.emplace(r.uuid, static_cast<std::int32_t>(i));
        if (!isNew) {
            out.repeat[i] = it->second;
            if (!sameContent(b.responses[static_cast<std::size_t>(it->second)], r))
                problem(i, BundleError::Kind::Ownership,
                        "response " + printable(r.uuid) + " of unit \"" + printable(b.unit.id) +
                            "\" arrives with other answers than its first copy; the bundle was refused whole");
            continue;
        }
        const std::string_view field = badText(r);
        if (!isUuid(r.uuid)) problem(i, BundleError::Kind::Malformed, "response " + printable(r.uuid) + ": not a UUID");
        else if (!field.empty())
            problem(i, BundleError::Kind::Malformed,
                    "response " + printable(r.uuid) + ": its " + std::string(field) +
                        " is not valid UTF-8 text (or holds NUL), which PostgreSQL cannot store; the bundle was refused whole");
        else if (r.createdUtc + r.utcOffsetMinutes * 60LL >= kYear10000)
            problem(i, BundleError::Kind::Malformed,
                    "response " + printable(r.uuid) + ": its local date is after 9999-12-31; the bundle was refused whole");
    }
    return out;
}

std::string responseCopySql(int year) {
    return "COPY response_y" + std::to_string(year) +
           "(unit_id, uuid, instrument_id, instrument_version, device_id, created_utc, utc_offset_min, local_date, service, "
           "comment, adil, misuse, source, duration_s, skm, ham, rentan, kelompok, profile) FROM STDIN (FORMAT binary)";
}

RowPlan planRows(const Bundle& b, const std::vector<char>& skip) {
    RowPlan plan;
    BinaryCopy owners;
    std::map<int, BinaryCopy> years;
    BinaryCopy* responses = nullptr;
    std::int64_t lastDay = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < b.responses.size(); ++i) {
        if (skip[i]) continue;
        const PackedRow& r = b.responses[i];
        const std::int64_t day = localDay(r);
        if (day != lastDay) { // rows come in runs of one day
            lastDay = day;
            responses = &years[civilFromDays(day).year];
        }
        owners.row(3);
        owners.uuid(r.uuid);
        owners.text(b.unit.id);
        owners.text(contentHash(r));
        appendResponse(*responses, b.unit.id, r, day);
        countResponse(plan.tallies, day, r);
        ++plan.added;
    }
    plan.ownerCopy = owners.finish();
    for (auto& [year, copy] : years) plan.responseCopy.emplace(year, copy.finish());
    return plan;
}

} // namespace sw::pg
