// `suarawarga verify FILE`: a bundle file checked in memory that does not grow with its responses.
#pragma once
#include "survey/bundle/bundle.hpp"

#include <cstdint>
#include <string>

namespace sw {

struct BundleSummary {
    Bundle bundle;                 // all but the responses, which format 3 only counts
    std::int64_t responses = 0;
    std::int64_t misuse = 0;       // of them, flagged as suspected misuse
};

// Format 3: two passes over the one open file. The first is the signature check alone
// (verifyEnvelopeFile, 1 MiB at a time): a changed file is refused before anything is parsed.
// The second reads the head, then the response lines a chunk at a time, each checked as
// readBundle checks it, and hashes what it reads; unless that hash is the verified id, what was
// read is not what was signed and the file is refused. Memory: the head (identity, instruments,
// facility with its evidence) and a chunk, however many responses there are.
// Formats 1 and 2: readBundleFile (read whole, within the cap). BundleError names the file.
BundleSummary verifyBundleFile(const std::string& path);

} // namespace sw
