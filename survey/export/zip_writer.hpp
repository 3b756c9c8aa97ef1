// A ZIP archive written entry by entry with Debian's minizip (DEFLATE), for the P2HAM evidence
// pack (survey/export/p2ham_pack.hpp). Names from data go in only as safeFileName made them
// (survey/base/safe_output.hpp); the writer checks every entry name again, so none can become a
// path outside the folder it is unpacked into.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sw {

// True when `name` is relative, has no "." or ".." segment, no empty segment, no backslash, no
// control character and no ':' (a drive letter on Windows).
bool isSafeZipEntryName(std::string_view name);

class ZipWriter {
public:
    // Creates `path` (truncating it). localSeconds: the entries' time stamp in the unit's local
    // time, as seconds since 1970-01-01 (ZIP stores local time without a zone).
    ZipWriter(const std::string& path, std::int64_t localSeconds);
    ~ZipWriter();   // abandons an archive not closed (the caller removes the file)
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // One DEFLATE entry. Throws ExportError: Format for an unsafe name, Io when a write fails.
    void add(const std::string& name, std::string_view bytes);
    void close();    // writes the central directory; throws ExportError Io

private:
    void* zip_ = nullptr;
    std::string path_;
    std::int64_t localSeconds_ = 0;
};

} // namespace sw
