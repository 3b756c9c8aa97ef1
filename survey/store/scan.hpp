// Streaming read of stored responses for exports and bundles: one pass over the response table,
// whose rows carry their answers packed (response_packing.hpp), so a million responses are one
// sequential scan. Rows are visited in the order they were recorded (rid).
#pragma once
#include "survey/response/response.hpp"
#include "survey/response/packing.hpp"
#include "survey/store/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sw {

// One stored response as it sits in the store. The views point into SQLite's row and are valid
// only during the visit: copy what you keep.
struct ExportRow : PackedRow {             // the row's columns, packed as stored
    std::int64_t rid = 0;
    std::string_view unitId;

    int unsurValue(std::string_view code) const;              // 0 when not answered
    int hamValue(std::string_view code) const;                // -1 when not answered
    std::optional<std::string_view> profileValue(std::string_view field) const;
    Response toResponse() const;
};

// Visits every response the filter selects; return false from `visit` to stop.
void scanResponses(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit);

// Full responses in storage order (rid), for tests and small tools; return false to stop.
void forEachResponse(Store& store, const ResponseFilter& f, const std::function<bool(const Response&)>& visit);

// The same scan on a second thread: rows are copied out of SQLite in batches and visited on the
// caller's thread, so formatting (CSV, XLSX) overlaps the reading. The caller must not use the
// Store until it returns. Exceptions from either side reach the caller.
void scanResponsesInParallel(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit);

// Formats rows as text on two worker threads, each with its own read-only connection and its own
// formatter (makeFormatter() is called once per worker), over chunks of the rid range; the chunks
// reach `emit` in rid order on the caller's thread, each row's text passed separately (so the
// caller can number the rows). Responses are append-only, so chunks read by different connections
// still form one consistent set: everything up to the highest rid seen at the start.
using RowFormatter = std::function<void(const ExportRow&, std::string& out)>;
void formatResponsesInParallel(Store& store, const ResponseFilter& f, const std::function<RowFormatter()>& makeFormatter,
                               const std::function<void(std::string_view row)>& emit);

// Maps one version's packed positions onto a fixed list of codes (an export's columns): for
// column j, the position in that version's skm/ham string, or -1. Cached per version.
class ColumnMap {
public:
    ColumnMap(std::vector<std::string> unsurCodes, std::vector<std::string> hamCodes);
    // Call per row; cheap when the version did not change.
    void use(const PackedLayout& layout);
    // '1'..'4' (unsur) / '0'..'4' (HAM) of column j, or 0 when not answered.
    char unsur(const ExportRow& r, std::size_t j) const { return pick(r.skm, unsurAt_[j]); }
    char ham(const ExportRow& r, std::size_t j) const { return pick(r.ham, hamAt_[j]); }

private:
    static char pick(std::string_view s, int at) {
        return at >= 0 && static_cast<std::size_t>(at) < s.size() && s[static_cast<std::size_t>(at)] != '-' ? s[static_cast<std::size_t>(at)] : 0;
    }
    std::vector<std::string> unsurCodes_, hamCodes_;
    const PackedLayout* current_ = nullptr;
    std::vector<int> unsurAt_, hamAt_;
};

} // namespace sw
