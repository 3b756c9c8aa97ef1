// A received upload on its way to the merge: written to a file in the spool folder as it arrives
// (created O_EXCL, mode 0600, removed when done), hashed with SHA-256 on the way (the receipt's
// binding), its last 96 bytes kept (the envelope's trailer: the key that claims to have signed it,
// for the rate limit before anything is verified).
#pragma once
#include "survey/bundle/envelope.hpp"

#include <sodium.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace sw {

class SpoolFile {
public:
    explicit SpoolFile(const std::string& dir);
    ~SpoolFile();
    SpoolFile(const SpoolFile&) = delete;
    SpoolFile& operator=(const SpoolFile&) = delete;

    bool append(std::string_view data);   // false when the disk refuses
    // Flushes; returns the SHA-256 (hex) of everything appended.
    std::string finish();
    const std::string& path() const { return path_; }
    std::uint64_t size() const { return size_; }
    // The public key in the trailer as hex ("" when shorter than a trailer): only a claim.
    std::string claimedKeyHex() const;

private:
    std::string path_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    crypto_hash_sha256_state hash_{};
    std::string tail_;
};

} // namespace sw
