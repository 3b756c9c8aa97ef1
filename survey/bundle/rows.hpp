// The response table of a format-2 bundle: after the JSON header line, one line per response,
// fields separated by tabs, in the order of bundleColumns(). The answers travel packed exactly as
// the store keeps them (response_packing.hpp), positioned by the bundle's own instrument
// versions, so a merge binds them without re-encoding. Text fields escape \ tab CR LF as
// \\ \t \r \n; codes and numbers never need it.
#pragma once
#include "survey/response/response.hpp"
#include "survey/response/packing.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

// One response as a bundle carries it: a PackedRow whose views point into the Bundle's own copy
// of the payload.
using BundleResponse = PackedRow;

const std::vector<std::string>& bundleColumns();

// One response's line (a stored ExportRow, or packedRow() of a format-1 bundle's response).
void appendBundleRow(std::string& out, const PackedRow& r);

// Splits and checks the rows in text[begin, end) (modified in place: escapes are undone),
// resolving each response's instrument among `layouts`. Throws BundleError(Malformed) naming the
// row (counted from `firstRow`: a streamed reader parses the rows a chunk at a time) and field.
std::vector<BundleResponse> parseBundleRows(std::string& text, std::size_t begin, std::size_t end,
                                            const std::vector<std::shared_ptr<const PackedLayout>>& layouts,
                                            std::size_t firstRow = 1);

} // namespace sw
