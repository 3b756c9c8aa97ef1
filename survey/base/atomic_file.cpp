#include "survey/base/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace sw {

namespace fs = std::filesystem;

namespace {
constexpr std::size_t kFlushAt = 1 << 20;
constexpr std::string_view kTempTag = ".sw-tmp-";

// The pid in a name holding ".sw-tmp-<pid>", or 0.
pid_t tempOwner(std::string_view name) {
    const std::size_t at = name.find(kTempTag);
    if (at == std::string_view::npos) return 0;
    pid_t pid = 0;
    for (std::size_t i = at + kTempTag.size(); i < name.size() && name[i] >= '0' && name[i] <= '9'; ++i)
        pid = pid * 10 + (name[i] - '0');
    return pid;
}
} // namespace

std::string tempMarker() { return std::string(kTempTag) + std::to_string(::getpid()); }

void removeStaleTemps(const std::string& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const pid_t owner = tempOwner(name);
        if (owner <= 0 || owner == ::getpid()) continue;
        if (::kill(owner, 0) == 0 || errno != ESRCH) continue; // alive (or not ours to judge)
        std::error_code rm;
        fs::remove(it->path(), rm);
    }
}

AtomicOutput::AtomicOutput(std::string finalPath) : final_(std::move(finalPath)) {
    fs::path p(final_);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    removeStaleTemps(dir.string());
    std::string pattern = (dir / ("." + p.filename().string() + tempMarker() + ".XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    fd_ = ::mkstemp(buf.data());
    if (fd_ < 0) {
        int err = errno;
        throw ExportError(err == ENOSPC ? ExportError::Kind::Full : ExportError::Kind::Io,
                          final_ + ": cannot create the export in " + dir.string() + ": " + std::strerror(err));
    }
    temp_ = buf.data();
    ::fchmod(fd_, 0644);
    buffer_.reserve(kFlushAt + 4096);
}

AtomicOutput::~AtomicOutput() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicOutput::fail(int err, const std::string& doing) const {
    if (err == ENOSPC || err == EDQUOT)
        throw ExportError(ExportError::Kind::Full, final_ + ": the disk is full (" + doing +
                                                       "); nothing was written — free some space and export again");
    throw ExportError(ExportError::Kind::Io, final_ + ": " + doing + " failed: " + std::strerror(err) +
                                                 "; nothing was written");
}

void AtomicOutput::flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno, "writing");
        }
        done += static_cast<std::size_t>(n);
    }
    // Start the disk writing now, without waiting for it: by commit() most of a large export is
    // already on disk, so its fsync no longer adds the whole write time at the end.
    ::sync_file_range(fd_, static_cast<off_t>(written_), static_cast<off_t>(done), SYNC_FILE_RANGE_WRITE);
    written_ += done;
    buffer_.clear();
}

void AtomicOutput::write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kFlushAt) flush();
}

void AtomicOutput::commit() {
    flush();
    // Writers that wrote by name went through their own descriptor: fsync through a fresh one.
    int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd < 0) fail(errno, "reopening the temporary file");
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail(err, "syncing to disk");
    }
    ::close(fd);
    if (::fsync(fd_) != 0) fail(errno, "syncing to disk");
    ::close(fd_);
    fd_ = -1;
    if (::rename(temp_.c_str(), final_.c_str()) != 0) fail(errno, "renaming into place");
    committed_ = true;
    fs::path dir = fs::path(final_).parent_path();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd); // best effort: the file itself is already durable
        ::close(dfd);
    }
}

} // namespace sw
