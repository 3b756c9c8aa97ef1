// The content of a bundle whose signature held, read into a Bundle: the JSON head (identity,
// period, instruments, facility…) and the responses. Called only on verified bytes (bundle.cpp,
// verify_file.cpp); every refusal here is BundleError(Malformed) naming the field.
#pragma once
#include "survey/bundle/bundle.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace sw {

// A Bundle holding what the verified envelope vouches for: format version, key, fingerprint, id.
Bundle bundleFromEnvelope(const VerifiedEnvelope& v);
// The head's text: from format 2 on the payload's first line (refused without a newline after
// it), in format 1 the whole payload.
std::string_view bundleHeadText(std::string_view payload, std::uint32_t formatVersion);
// The head (format 2 on: the payload's first line; format 1: the whole payload), its nesting
// bounded before the parser sees it.
nlohmann::json parseBundleHead(std::string_view text);
// Fills `b` from the head: format (it must repeat the envelope's version and key, which `b`
// already holds), unit, period, instruments, facility, key rotation, extra; from format 2 on it
// also checks the response columns. Returns the number of responses the head announces.
std::int64_t readBundleHead(const nlohmann::json& head, Bundle& b);
// The responses: format 2 on, the lines in bytes[rowsBegin, rowsEnd), read in place (`bytes` is
// kept in b.rows); format 1, the JSON list inside the head, packed into such lines.
void readBundleResponses(const nlohmann::json& head, Bundle& b, std::string bytes, std::size_t rowsBegin, std::size_t rowsEnd);
// Refuses a bundle whose head announces another number of responses than it holds.
void checkResponseCount(std::int64_t announced, std::size_t held);

} // namespace sw
