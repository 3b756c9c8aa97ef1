#include "survey/export/zip_writer.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/safe_output.hpp"

#include "survey/export/minizip_lazy.hpp"

#include <limits>

namespace sw {

namespace {

bool safeSegment(std::string_view s) {
    if (s.empty() || s == "." || s == "..") return false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
    }
    return true;
}

zip_fileinfo fileInfo(std::int64_t localSeconds) {
    const std::int64_t day = localSeconds >= 0 ? localSeconds / 86400 : -((-localSeconds + 86399) / 86400);
    const auto secs = static_cast<uInt>(localSeconds - day * 86400);
    const LocalDate d = civilFromDays(day);
    zip_fileinfo fi{};
    fi.tmz_date.tm_sec = secs % 60;
    fi.tmz_date.tm_min = secs / 60 % 60;
    fi.tmz_date.tm_hour = secs / 3600;
    fi.tmz_date.tm_mday = static_cast<uInt>(d.day);
    fi.tmz_date.tm_mon = static_cast<uInt>(d.month - 1);
    fi.tmz_date.tm_year = static_cast<uInt>(d.year);
    fi.external_fa = 0100644u << 16; // a plain file, rw-r--r-- when unpacked on Unix
    return fi;
}

} // namespace

bool isSafeZipEntryName(std::string_view name) {
    if (name.empty() || name.front() == '/') return false;
    for (std::size_t at = 0;;) {
        const std::size_t slash = name.find('/', at);
        if (!safeSegment(name.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at))) return false;
        if (slash == std::string_view::npos) return true;
        at = slash + 1;
    }
}

ZipWriter::ZipWriter(const std::string& path, std::int64_t localSeconds) : path_(path), localSeconds_(localSeconds) {
    zip_ = dyn::zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    if (!zip_) throw ExportError(ExportError::Kind::Io, path + ": cannot create the ZIP file");
}

ZipWriter::~ZipWriter() {
    if (zip_) dyn::zipClose(static_cast<zipFile>(zip_), nullptr);
}

void ZipWriter::add(const std::string& name, std::string_view bytes) {
    if (!isSafeZipEntryName(name))
        throw ExportError(ExportError::Kind::Format, path_ + ": refused to write the ZIP entry \"" + safeFileName(name) +
                                                         "\": a name from data must not become a path");
    if (bytes.size() > std::numeric_limits<unsigned>::max())
        throw ExportError(ExportError::Kind::Format, path_ + ": " + name + " is too large for a ZIP entry");
    auto* z = static_cast<zipFile>(zip_);
    const zip_fileinfo fi = fileInfo(localSeconds_);
    bool ok = dyn::zipOpenNewFileInZip3_64(z, name.c_str(), &fi, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                                      0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, 0) == ZIP_OK;
    ok = ok && dyn::zipWriteInFileInZip(z, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK;
    ok = dyn::zipCloseFileInZip(z) == ZIP_OK && ok;
    if (!ok) throw ExportError(ExportError::Kind::Io, path_ + ": writing " + name + " into the ZIP failed (is the disk full?)");
}

void ZipWriter::close() {
    auto* z = static_cast<zipFile>(zip_);
    zip_ = nullptr;
    if (dyn::zipClose(z, nullptr) != ZIP_OK)
        throw ExportError(ExportError::Kind::Io, path_ + ": finishing the ZIP failed (is the disk full?)");
}

} // namespace sw
