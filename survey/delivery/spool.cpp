#include "survey/delivery/spool.hpp"

#include "survey/base/error.hpp"
#include "survey/bundle/signing.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace sw {

SpoolFile::SpoolFile(const std::string& dir) {
    std::filesystem::create_directories(dir);
    std::string tmpl = (std::filesystem::path(dir) / "received-XXXXXX.swb").string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    fd_ = mkstemps(name.data(), 4);
    if (fd_ < 0) throw StoreError(StoreError::Kind::Io, dir + ": cannot write a received bundle: " + std::strerror(errno));
    path_ = name.data();
    crypto_hash_sha256_init(&hash_);
}

SpoolFile::~SpoolFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
}

bool SpoolFile::append(std::string_view data) {
    crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    size_ += data.size();
    tail_.append(data);
    if (tail_.size() > kEnvelopeTrailerBytes) tail_.erase(0, tail_.size() - kEnvelopeTrailerBytes);
    while (!data.empty()) {
        const ssize_t n = ::write(fd_, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string SpoolFile::finish() {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&hash_, h);
    return toHex(h, sizeof h);
}

std::string SpoolFile::claimedKeyHex() const {
    if (tail_.size() < kEnvelopeTrailerBytes) return "";
    return toHex(reinterpret_cast<const unsigned char*>(tail_.data()), 32);
}

} // namespace sw
