#include "survey/store/writer_lock.hpp"

#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace sw {

namespace {

std::string holderOf(int fd) {
    char buf[256] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string s = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("another process");
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return printable(s);
}

} // namespace

WriterLock::WriterLock(const std::string& dbPath, const std::string& who) {
    const std::string path = lockPathFor(dbPath);
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0) throw StoreError(StoreError::Kind::Io, path + ": cannot open the lock file: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const std::string holder = holderOf(fd_);
        ::close(fd_);
        fd_ = -1;
        throw StoreError(StoreError::Kind::Busy, dbPath + " is in use by " + holder +
                                                     "; stop it first (sudo systemctl stop suarawarga-kiosk)");
    }
    const std::string text = who + ", pid " + std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0) {
        const ssize_t w = ::pwrite(fd_, text.data(), text.size(), 0);
        (void)w; // the name is for messages only; the lock is what counts
    }
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the flock
}

} // namespace sw
