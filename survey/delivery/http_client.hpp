// One HTTP POST of a bundle to the Kanwil's receiver, through libcurl (HTTPS with the system's
// certificate store, or plain HTTP on a trusted network; the receipt's signature is checked either
// way, so an answer from anyone else is never taken for a receipt).
#pragma once
#include <cstdint>
#include <string>

namespace sw {

struct PostResult {
    bool transferred = false;      // an HTTP answer arrived (any status)
    long status = 0;               // HTTP status
    std::string body;              // at most kMaxAnswerBytes
    std::int64_t retryAfter = 0;   // seconds, from Retry-After (0: none)
    std::string error;             // when !transferred: libcurl's words
};

// A receipt is a few hundred bytes; a longer answer is no receipt.
inline constexpr std::size_t kMaxAnswerBytes = 64 * 1024;

struct PostOptions {
    long connectTimeoutSeconds = 10;
    // Aborted when slower than 1 KiB/s for this long (a stalled link), and never longer than
    // totalTimeoutSeconds (0: no total limit).
    long lowSpeedSeconds = 30;
    long totalTimeoutSeconds = 600;
    std::string caFile;            // a Kanwil's own CA (SUARAWARGA_CA_FILE); "" = the system's
};

// POSTs `body` to `url` as application/octet-stream. Never throws for network trouble: the
// result says what happened.
PostResult postBundle(const std::string& url, const std::string& body, const PostOptions& opt = {});

} // namespace sw
