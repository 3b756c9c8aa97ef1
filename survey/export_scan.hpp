// Streaming read of stored responses for exports and bundles: one pass over the response table
// merge-joined with its answer, rentan and profile rows by rid, so a million responses are read
// without a query per response. Rows are visited in the order they were recorded (rid).
#pragma once
#include "survey/response.hpp"
#include "survey/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sw {

// One stored response, flat and reused between rows (no allocation per row once warm).
struct ExportRow {
    std::int64_t rid = 0;
    std::string uuid;
    std::string instrumentId;
    int instrumentVersion = 0;
    std::string unitId;
    std::string deviceId;
    std::int64_t createdUtc = 0;
    int utcOffsetMinutes = 420;
    std::string service;
    std::string comment;
    std::optional<bool> adil;
    bool misuse = false;
    std::string source;
    std::optional<int> durationSeconds;
    std::vector<std::pair<std::string, int>> unsur;           // code → 1..4
    std::vector<std::pair<std::string, int>> ham;             // code → 0..4
    std::vector<std::string> rentan;                          // option codes
    std::vector<std::pair<std::string, std::string>> profile; // field → option code

    int unsurValue(const std::string& code) const;            // 0 when not answered
    int hamValue(const std::string& code) const;              // -1 when not answered
    const std::string* profileValue(const std::string& field) const;
    Response toResponse() const;
};

// Visits every response the filter selects; return false from `visit` to stop.
void scanResponses(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit);

} // namespace sw
