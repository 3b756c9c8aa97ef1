// Shared by the bundle fuzz targets: the same bytes read three ways — in memory (sw::readBundle),
// from a file (sw::readBundleFile: read once, hashed as it is read) and by verify's streamed check
// (sw::verifyBundleFile: format 3 in two bounded passes), the file an in-memory memfd. All three
// must agree: the same kind of refusal, or the same bundle id and number of responses.
#pragma once
#include "survey/bundle/bundle.hpp"
#include "survey/bundle/verify_file.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <optional>
#include <string>

namespace swfuzz {

struct Verdict {
    std::optional<sw::BundleError::Kind> refused;
    std::string id;
    std::size_t responses = 0;
    bool operator==(const Verdict& o) const { return refused == o.refused && id == o.id && responses == o.responses; }
};

template <class Read>
Verdict verdictOf(Read&& read) {
    Verdict v;
    try {
        read(v);
        if (v.id.empty()) __builtin_trap(); // anything that verifies carries a content id
    } catch (const sw::BundleError& e) {
        v = Verdict{e.kind, "", 0};
    }
    return v;
}

// The bytes as a file without touching the disk, named by its /proc path ("" if memfd fails).
struct MemFile {
    int fd = -1;
    std::string path;
    explicit MemFile(const std::string& bytes) {
        fd = ::memfd_create("fuzz.swb", MFD_CLOEXEC);
        if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) return;
        path = "/proc/self/fd/" + std::to_string(fd);
    }
    ~MemFile() {
        if (fd >= 0) ::close(fd);
    }
};

// Traps unless the three readers agree; returns the verdict.
inline Verdict readersAgree(const std::string& bytes) {
    const Verdict inMemory = verdictOf([&](Verdict& v) {
        const sw::Bundle b = sw::readBundle(bytes);
        if (b.fingerprint.empty()) __builtin_trap();
        v.id = b.id;
        v.responses = b.responses.size();
    });
    const MemFile file(bytes);
    if (file.path.empty()) return inMemory;
    const Verdict fromFile = verdictOf([&](Verdict& v) {
        const sw::Bundle b = sw::readBundleFile(file.path);
        v.id = b.id;
        v.responses = b.responses.size();
    });
    const Verdict streamed = verdictOf([&](Verdict& v) {
        const sw::BundleSummary s = sw::verifyBundleFile(file.path);
        v.id = s.bundle.id;
        v.responses = static_cast<std::size_t>(s.responses);
    });
    if (!(fromFile == inMemory) || !(streamed == inMemory)) __builtin_trap();
    return inMemory;
}

} // namespace swfuzz
