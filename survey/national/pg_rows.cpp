#include "survey/national/pg_rows.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/national/pg_connection.hpp"

#include <cstring>
#include <unordered_map>

namespace sw::pg {

namespace {

// 10000-01-01T00:00 in seconds: a local time from here on has no four-digit year.
constexpr std::int64_t kYear10000 = 253402300800LL;

std::string_view badText(const PackedRow& r) {
    const std::pair<const char*, std::string_view> fields[] = {
        {"device_id", r.deviceId}, {"service", r.service}, {"source", r.source}, {"comment", r.comment},
        {"profile", r.profile},    {"rentan", r.rentan},   {"instrument", r.instrumentId}};
    for (const auto& [name, text] : fields)
        if (std::memchr(text.data(), 0, text.size()) || !isValidUtf8(text)) return name;
    return {};
}

void appendNumber(std::string& out, std::int64_t v) { out += std::to_string(v); }

void appendResponse(std::string& out, const std::string& unitId, const PackedRow& r, const std::string& day) {
    appendCopyText(out, unitId);
    out += '\t';
    out.append(r.uuid);
    out += '\t';
    appendCopyText(out, r.instrumentId);
    out += '\t';
    appendNumber(out, r.instrumentVersion);
    out += '\t';
    appendCopyText(out, r.deviceId);
    out += '\t';
    appendNumber(out, r.createdUtc);
    out += '\t';
    appendNumber(out, r.utcOffsetMinutes);
    out += '\t';
    out += day;
    out += '\t';
    if (r.service.empty()) out += "\\N"; // as the unit's store keeps it (bindResponseRow)
    else appendCopyText(out, r.service);
    out += '\t';
    appendCopyText(out, r.comment);
    out += '\t';
    out += r.adil ? (*r.adil ? "t" : "f") : "\\N";
    out += '\t';
    out += r.misuse ? 't' : 'f';
    out += '\t';
    appendCopyText(out, r.source);
    out += '\t';
    if (r.durationSeconds) appendNumber(out, *r.durationSeconds);
    else out += "\\N";
    out += '\t';
    appendCopyText(out, r.skm);
    out += '\t';
    appendCopyText(out, r.ham);
    out += '\t';
    appendCopyText(out, r.rentan);
    out += '\t';
    appendNumber(out, r.kelompok);
    out += '\t';
    appendCopyText(out, r.profile);
    out += '\n';
}

} // namespace

std::string localDay(const PackedRow& r) {
    char date[10];
    formatLocalDate(date, r.createdUtc, r.utcOffsetMinutes);
    return std::string(date, sizeof date);
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
        if (out.problemRow) return;
        out.problemRow = i;
        out.problem = BundleError(kind, why);
    };
    for (std::size_t i = 0; i < b.responses.size() && !out.problemRow; ++i) {
        const PackedRow& r = b.responses[i];
        const std::string uuid = printable(r.uuid);
        auto [it, isNew] = first.emplace(r.uuid, static_cast<std::int32_t>(i));
        if (!isNew) {
            out.repeat[i] = it->second;
            if (!sameContent(b.responses[static_cast<std::size_t>(it->second)], r))
                problem(i, BundleError::Kind::Ownership,
                        "response " + uuid + " of unit \"" + printable(b.unit.id) +
                            "\" arrives with other answers than its first copy; the bundle was refused whole");
            continue;
        }
        if (std::string_view field = badText(r); !field.empty())
            problem(i, BundleError::Kind::Malformed,
                    "response " + uuid + ": its " + std::string(field) +
                        " is not valid UTF-8 text (or holds NUL), which PostgreSQL cannot store; the bundle was refused whole");
        else if (r.createdUtc + r.utcOffsetMinutes * 60LL >= kYear10000)
            problem(i, BundleError::Kind::Malformed, "response " + uuid + ": its local date is after 9999-12-31; the bundle was refused whole");
    }
    return out;
}

RowPlan planRows(const Bundle& b, const std::vector<char>& skip) {
    RowPlan plan;
    plan.ownerCopy.reserve(b.responses.size() * (36 + b.unit.id.size() + 2));
    plan.responseCopy.reserve(b.responses.size() * 220);
    std::string unitText;
    appendCopyText(unitText, b.unit.id);
    for (std::size_t i = 0; i < b.responses.size(); ++i) {
        if (skip[i]) continue;
        const PackedRow& r = b.responses[i];
        const std::string day = localDay(r);
        plan.ownerCopy.append(r.uuid);
        plan.ownerCopy += '\t';
        plan.ownerCopy += unitText;
        plan.ownerCopy += '\n';
        appendResponse(plan.responseCopy, b.unit.id, r, day);
        countResponse(plan.tallies, day, r);
        plan.years.insert(std::stoi(day.substr(0, 4)));
        ++plan.added;
    }
    return plan;
}

} // namespace sw::pg
