// Shared by the bundle tests and tests/bench/bundle: older formats' payloads, a bundle grown to a
// given size, and the peak memory of `suarawarga verify` on it.
#pragma once
#include "survey/bundle/bundle.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

namespace swtest {

// The response objects of bundle format 1 (JSON inside the payload), from a newer bundle.
inline nlohmann::json formatOneResponses(const sw::Bundle& b) {
    nlohmann::json rs = nlohmann::json::array();
    for (const auto& r : b.responses) {
        sw::Response x;
        r.layout->unpack(r.skm, r.ham, r.rentan, r.profile, x);
        nlohmann::json j;
        j["uuid"] = std::string(r.uuid);
        j["instrument"] = {std::string(r.instrumentId), r.instrumentVersion};
        j["device"] = std::string(r.deviceId);
        j["utc"] = r.createdUtc;
        j["offset_min"] = r.utcOffsetMinutes;
        j["service"] = std::string(r.service);
        j["unsur"] = x.unsur;
        j["ham"] = x.ham;
        j["rentan"] = x.rentan;
        j["adil"] = r.adil ? nlohmann::json(*r.adil) : nlohmann::json(nullptr);
        j["profile"] = x.profile;
        j["comment"] = std::string(r.comment);
        j["misuse"] = r.misuse;
        j["duration_s"] = r.durationSeconds ? nlohmann::json(*r.durationSeconds) : nlohmann::json(nullptr);
        j["source"] = std::string(r.source);
        rs.push_back(j);
    }
    return rs;
}

// `bundle`'s payload as an older SuaraWarga wrote it, sealed in that format: 2 (the same lines,
// plain Ed25519) or 1 (the responses inside the JSON).
inline std::string resealed(const std::string& bundle, const sw::UnitKey& key, std::uint32_t version) {
    const std::string payload = sw::bundlePayload(bundle);
    const std::size_t nl = payload.find('\n');
    nlohmann::json head = nlohmann::json::parse(payload.substr(0, nl));
    head["format_version"] = version;
    if (version >= 2) return sw::sealBundle(head.dump() + payload.substr(nl), key, version);
    head.erase("columns");
    head["responses"] = formatOneResponses(sw::readBundle(bundle));
    return sw::sealBundle(head.dump(), key, version);
}

// `small`'s response lines repeated until the payload has about `bytes` bytes, its head saying so,
// sealed again in `version` (2 or 3). The UUIDs repeat: verify does not look for repeats.
inline std::string grownBundle(const std::string& small, std::size_t bytes, const sw::UnitKey& key, std::uint32_t version) {
    const std::string payload = sw::bundlePayload(small);
    const std::size_t nl = payload.find('\n');
    nlohmann::json head = nlohmann::json::parse(payload.substr(0, nl));
    const std::string rows = payload.substr(nl + 1);
    const std::size_t copies = std::max<std::size_t>(1, bytes / std::max<std::size_t>(1, rows.size()));
    head["format_version"] = version;
    head["counts"]["responses"] = static_cast<std::int64_t>(copies * static_cast<std::size_t>(std::count(rows.begin(), rows.end(), '\n')));
    std::string grown = head.dump() + "\n";
    grown.reserve(grown.size() + copies * rows.size());
    for (std::size_t i = 0; i < copies; ++i) grown += rows;
    return sw::sealBundle(grown, key, version);
}

struct PeakRun {
    int status = -1;
    long peakKb = 0;
};

// Runs `cli verify file` under tests/tools/peak_rss (`peakRss`, a small process of its own: a
// child of this large one would report this one's peak) and reports its exit status and peak RSS.
inline PeakRun verifyPeak(const std::string& peakRss, const std::string& cli, const std::string& file) {
    PeakRun run;
    std::FILE* p = ::popen((peakRss + " " + cli + " verify '" + file + "'").c_str(), "r");
    if (!p) return run;
    if (std::fscanf(p, "exit %d peak_kb %ld", &run.status, &run.peakKb) != 2) run.status = -1;
    ::pclose(p);
    return run;
}

} // namespace swtest
