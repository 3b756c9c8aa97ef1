#include "survey/base/safe_output.hpp"

#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace sw {

namespace fs = std::filesystem;

std::string safeFileName(std::string_view untrusted, std::size_t maxBytes) {
    std::string out;
    for (unsigned char c : untrusted) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        out += plain ? static_cast<char>(c) : '_';
    }
    while (!out.empty() && (out[0] == '.' || out[0] == '-')) out.erase(0, 1); // no hidden files, no options
    for (std::size_t p; (p = out.find("..")) != std::string::npos;) out.replace(p, 2, "_");
    if (out.size() > maxBytes) out.resize(maxBytes);
    return out.empty() ? std::string("file") : out;
}

std::vector<std::string> storeFiles(const std::string& db) {
    return {db, db + "-wal", db + "-shm", db + "-journal", db + ".signing-key"};
}

void refuseOutputOverInput(const std::string& output, const std::vector<std::string>& inputs, const std::string& option) {
    struct stat out{};
    const bool outExists = ::stat(output.c_str(), &out) == 0;
    std::error_code outEc;
    const fs::path outCanon = fs::weakly_canonical(output, outEc);
    for (const auto& in : inputs) {
        struct stat st{};
        if (::stat(in.c_str(), &st) != 0) continue;
        const bool sameInode = outExists && st.st_dev == out.st_dev && st.st_ino == out.st_ino;
        std::error_code inEc;
        const fs::path inCanon = fs::weakly_canonical(in, inEc);
        const bool samePath = !outEc && !inEc && inCanon == outCanon;
        if (sameInode || samePath)
            throw UsageError(option + " " + printable(output) + " is " + printable(in) +
                             ", an input of this command; refused, nothing was written");
    }
}

void writeNewFileIn(int dirFd, const std::string& folder, const std::string& name, std::string_view bytes) {
    const int fd = ::openat(dirFd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    const std::string where = folder + "/" + name;
    if (fd < 0)
        throw ExportError(ExportError::Kind::Io, where + ": " + std::strerror(errno) +
                                                     (errno == EEXIST ? " (it is there already; nothing was replaced)" : ""));
    std::size_t done = 0;
    int err = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    ::close(fd);
    if (err != 0) {
        ::unlinkat(dirFd, name.c_str(), 0);
        throw ExportError(err == ENOSPC ? ExportError::Kind::Full : ExportError::Kind::Io, where + ": " + std::strerror(err));
    }
}

} // namespace sw
