#include "survey/base/uuid.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

namespace sw {

void ensureSodium() {
    static const int rc = sodium_init();
    if (rc < 0) throw std::runtime_error("libsodium could not initialise");
}

namespace {

// The 16 bytes with their version and the RFC 9562 variant set, printed in the canonical form.
std::string formatUuid(unsigned char (&b)[16], int version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

} // namespace

std::string newUuid() {
    ensureSodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    return formatUuid(b, 4);
}

std::string newResponseUuid(std::int64_t createdUtc) {
    ensureSodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    // unix_ts_ms, 48 bits big-endian; a time before 1970 (never a real response) counts as 0.
    const std::uint64_t ms = static_cast<std::uint64_t>(createdUtc < 0 ? 0 : createdUtc) * 1000u;
    for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>((ms >> (8 * (5 - i))) & 0xff);
    return formatUuid(b, 7);
}

bool isUuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < 36; ++i) {
        char c = s[i];
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

} // namespace sw
