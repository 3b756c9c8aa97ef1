// Copies of one unit's bundle payload for the merge benchmarks. Each copy needs UUIDs of its own —
// and which UUIDs decides where the store's UUID index takes them, a large part of a merge's cost
// (README "The national store") — and its rows in the order a kiosk's store holds them.
#pragma once
#include "survey/base/uuid.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace swbench {

enum class UuidKind {
    Kiosk,   // version 7 from each response's created_utc, as the kiosk makes them
    Random,  // version 4, as kiosks made them before (a unit's older data, another vendor's CSV)
    Prefixed // random, the first 8 hex digits the bundle's number: these benchmarks before v7
};

// `--uuids NAME`; false (a usage error) for any other name.
inline bool parseUuidKind(const std::string& name, UuidKind& kind) {
    if (name == "kiosk") kind = UuidKind::Kiosk;
    else if (name == "random") kind = UuidKind::Random;
    else if (name == "prefixed") kind = UuidKind::Prefixed;
    else return false;
    return true;
}

// Bundle payload format 2: a header line, then one line a response that starts with its UUID,
// created_utc its 5th tab-separated field.
inline std::int64_t createdUtcOf(std::string_view line) {
    std::size_t f = 0;
    for (int tab = 0; tab < 4; ++tab) f = line.find('\t', f) + 1;
    return std::stoll(std::string(line.substr(f, 20)));
}

// The response lines in the order they were created, as a kiosk's store appends them (the
// simulator draws its respondents' times at random).
inline std::string inTimeOrder(const std::string& payload) {
    const std::size_t rowsBegin = payload.find('\n') + 1;
    std::vector<std::pair<std::int64_t, std::string_view>> lines;
    for (std::size_t at = rowsBegin; at < payload.size();) {
        const std::size_t end = std::min(payload.find('\n', at), payload.size());
        const std::string_view line(payload.data() + at, end + 1 - at);
        lines.emplace_back(createdUtcOf(line), line);
        at = end + 1;
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = payload.substr(0, rowsBegin);
    for (const auto& l : lines) out.append(l.second);
    return out;
}

// A new UUID of that kind for a response of bundle `bundle` created at `createdUtc`.
inline std::string newUuidOf(UuidKind kind, long long bundle, std::int64_t createdUtc) {
    if (kind == UuidKind::Kiosk) return sw::newResponseUuid(createdUtc);
    std::string uuid = sw::newUuid();
    if (kind == UuidKind::Prefixed) {
        char prefix[9];
        std::snprintf(prefix, sizeof prefix, "%08llx", bundle & 0xffffffffLL);
        std::memcpy(uuid.data(), prefix, 8);
    }
    return uuid;
}

// Every response line of `payload` gets a new UUID of that kind.
inline void renewUuids(std::string& payload, UuidKind kind, long long bundle) {
    for (std::size_t at = payload.find('\n'); at != std::string::npos && at + 37 < payload.size(); at = payload.find('\n', at + 1)) {
        char* line = &payload[at + 1];
        const std::int64_t created = kind == UuidKind::Kiosk ? createdUtcOf(std::string_view(line, payload.size() - at - 1)) : 0;
        std::memcpy(line, newUuidOf(kind, bundle, created).data(), 36);
    }
}

} // namespace swbench
