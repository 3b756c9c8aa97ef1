#include "survey/facility/evidence.hpp"

#include "survey/base/local_time.hpp"
#include "survey/store/store.hpp"

#include <sodium.h>
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>

namespace sw {

namespace fs = std::filesystem;

EvidenceType sniffEvidenceType(const std::string& b) {
    auto starts = [&b](const char* magic, std::size_t n) { return b.size() >= n && b.compare(0, n, magic, n) == 0; };
    if (starts("\xFF\xD8\xFF", 3)) return EvidenceType::Jpeg;
    if (starts("\x89PNG\r\n\x1A\n", 8)) return EvidenceType::Png;
    if (starts("%PDF-", 5)) return EvidenceType::Pdf;
    return EvidenceType::Unknown;
}

const char* evidenceMime(EvidenceType t) {
    switch (t) {
    case EvidenceType::Jpeg: return "image/jpeg";
    case EvidenceType::Png: return "image/png";
    case EvidenceType::Pdf: return "application/pdf";
    case EvidenceType::Unknown: return "application/octet-stream";
    }
    return "application/octet-stream";
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

namespace {

struct StbiFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};
using StbiPixels = std::unique_ptr<unsigned char, StbiFree>;

void appendBytes(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

// Decodes the whole image (a truncated or damaged photo is refused here) and makes a PNG thumbnail.
std::string thumbnailOf(const std::string& file, const std::string& bytes, int maxSide, int& width, int& height) {
    int w = 0, h = 0, channels = 0;
    StbiPixels px(stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()),
                                        &w, &h, &channels, 4));
    if (!px) {
        const char* why = stbi_failure_reason();
        throw EvidenceError(EvidenceError::Kind::Unreadable, file,
                            std::string("the image cannot be read (") + (why ? why : "damaged") + ")");
    }
    width = w;
    height = h;
    const double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(w, h));
    const int tw = std::max(1, static_cast<int>(w * scale)), th = std::max(1, static_cast<int>(h * scale));
    std::vector<unsigned char> small(static_cast<std::size_t>(tw) * static_cast<std::size_t>(th) * 4);
    if (!stbir_resize_uint8(px.get(), w, h, 0, small.data(), tw, th, 0, 4))
        throw EvidenceError(EvidenceError::Kind::Unreadable, file, "the image cannot be scaled for its thumbnail");
    std::string png;
    if (!stbi_write_png_to_func(appendBytes, &png, tw, th, 4, small.data(), tw * 4))
        throw EvidenceError(EvidenceError::Kind::Unreadable, file, "the thumbnail cannot be written");
    return png;
}

std::string baseName(const std::string& path) { return fs::path(path).filename().string(); }

} // namespace

namespace {

// A file checked as evidence, with its hash and thumbnail: the slow part, done before any write
// lock is taken.
struct CheckedEvidence {
    EvidenceInfo info;
    EvidenceType type = EvidenceType::Unknown;
    std::string thumb;
};

CheckedEvidence checkEvidence(const std::string& fileName, const std::string& bytes, const EvidenceLimits& limits) {
    const std::string name = baseName(fileName);
    if (bytes.empty()) throw EvidenceError(EvidenceError::Kind::Empty, name, "the file is empty");
    if (bytes.size() > limits.maxBytes)
        throw EvidenceError(EvidenceError::Kind::TooBig, name,
                            "the file is " + std::to_string((bytes.size() + 1023) / 1024) + " KiB; the limit is " +
                                std::to_string(limits.maxBytes / 1024) + " KiB");
    const EvidenceType type = sniffEvidenceType(bytes);
    if (type == EvidenceType::Unknown)
        throw EvidenceError(EvidenceError::Kind::WrongType, name, "not a photo (JPEG, PNG) or a PDF document");
    if (type == EvidenceType::Pdf && bytes.find("%%EOF", bytes.size() > 2048 ? bytes.size() - 2048 : 0) == std::string::npos)
        throw EvidenceError(EvidenceError::Kind::Unreadable, name, "the PDF is incomplete (no end-of-file marker)");

    EvidenceInfo info;
    info.fileName = name;
    info.mime = evidenceMime(type);
    info.size = static_cast<std::int64_t>(bytes.size());
    info.sha256 = sha256Hex(bytes);
    std::string thumb;
    if (type != EvidenceType::Pdf) thumb = thumbnailOf(name, bytes, limits.thumbnailSize, info.width, info.height);
    return {info, type, thumb};
}

// Stores a checked file unless the same bytes are there (then their id, duplicate = true).
EvidenceInfo insertEvidence(Store& store, CheckedEvidence c, const std::string& bytes) {
    EvidenceInfo& info = c.info;
    const EvidenceType type = c.type;
    const std::string& thumb = c.thumb;
    sql::Database& db = store.db();
    sql::Statement existing(db, "SELECT id, imported_utc FROM evidence WHERE sha256=?");
    existing.bind(1, info.sha256);
    if (existing.step()) {
        info.id = existing.getInt(0);
        info.importedUtc = existing.getInt(1);
        info.duplicate = true;
        return info;
    }
    info.importedUtc = nowUtc();
    sql::Statement st(db, "INSERT INTO evidence(sha256, file_name, mime, size, width, height, data, thumb_png, imported_utc) "
                          "VALUES(?,?,?,?,?,?,?,?,?)");
    st.bind(1, info.sha256).bind(2, info.fileName).bind(3, info.mime).bind(4, info.size);
    if (type == EvidenceType::Pdf) st.bindNull(5).bindNull(6);
    else st.bind(5, info.width).bind(6, info.height);
    st.bindBlob(7, bytes.data(), bytes.size());
    if (thumb.empty()) st.bindNull(8);
    else st.bindBlob(8, thumb.data(), thumb.size());
    st.bind(9, info.importedUtc).run();
    info.id = db.lastInsertRowid();
    return info;
}

} // namespace

EvidenceInfo importEvidenceBytes(Store& store, const std::string& fileName, const std::string& bytes,
                                 const EvidenceLimits& limits) {
    CheckedEvidence c = checkEvidence(fileName, bytes, limits);
    sql::Transaction tx(store.db());
    EvidenceInfo info = insertEvidence(store, std::move(c), bytes);
    if (!info.duplicate) tx.commit(); // a duplicate changed nothing: the transaction rolls back
    return info;
}

EvidenceInfo storeEvidenceBytes(Store& store, const std::string& fileName, const std::string& bytes,
                                const EvidenceLimits& limits) {
    return insertEvidence(store, checkEvidence(fileName, bytes, limits), bytes);
}

EvidenceInfo checkEvidenceBytes(const std::string& fileName, const std::string& bytes, std::string& thumbPng,
                                const EvidenceLimits& limits) {
    CheckedEvidence c = checkEvidence(fileName, bytes, limits);
    thumbPng = std::move(c.thumb);
    return c.info;
}

EvidenceInfo importEvidence(Store& store, const std::string& path, const EvidenceLimits& limits) {
    const std::string name = baseName(path);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw EvidenceError(EvidenceError::Kind::Unreadable, name, "cannot be read (not a file, or the stick was removed)");
    const auto size = fs::file_size(path, ec);
    if (ec) throw EvidenceError(EvidenceError::Kind::Unreadable, name, "cannot be read (" + ec.message() + ")");
    // Refuse an oversized file before reading it into memory.
    if (size > limits.maxBytes)
        throw EvidenceError(EvidenceError::Kind::TooBig, name,
                            "the file is " + std::to_string((size + 1023) / 1024) + " KiB; the limit is " +
                                std::to_string(limits.maxBytes / 1024) + " KiB");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw EvidenceError(EvidenceError::Kind::Unreadable, name, "cannot be opened (permission denied?)");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    f.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(f.gcount()) != size)
        throw EvidenceError(EvidenceError::Kind::Unreadable, name, "could not be read to the end");
    return importEvidenceBytes(store, name, bytes, limits);
}

std::vector<std::string> evidenceCandidates(const std::string& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (!e.is_regular_file(ec)) continue;
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".pdf") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<EvidenceInfo> evidenceBySha256(Store& store, const std::string& sha256) {
    sql::Statement st(store.db(), "SELECT id FROM evidence WHERE sha256=?");
    st.bind(1, sha256);
    return st.step() ? evidenceInfo(store, st.getInt(0)) : std::nullopt;
}

std::optional<EvidenceInfo> evidenceInfo(Store& store, std::int64_t id) {
    sql::Statement st(store.db(), "SELECT sha256, file_name, mime, size, width, height, imported_utc FROM evidence WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    EvidenceInfo i;
    i.id = id;
    i.sha256 = st.getText(0);
    i.fileName = st.getText(1);
    i.mime = st.getText(2);
    i.size = st.getInt(3);
    i.width = static_cast<int>(st.getInt(4));
    i.height = static_cast<int>(st.getInt(5));
    i.importedUtc = st.getInt(6);
    return i;
}

std::string evidenceThumbnailPng(Store& store, std::int64_t id) {
    sql::Statement st(store.db(), "SELECT thumb_png FROM evidence WHERE id=?");
    st.bind(1, id);
    return st.step() && !st.isNull(0) ? st.getBlob(0) : std::string();
}

std::string evidenceData(Store& store, std::int64_t id) {
    sql::Statement st(store.db(), "SELECT data FROM evidence WHERE id=?");
    st.bind(1, id);
    return st.step() ? st.getBlob(0) : std::string();
}

std::optional<RgbaImage> decodePng(const std::string& png) {
    int w = 0, h = 0, ch = 0;
    StbiPixels px(stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()), static_cast<int>(png.size()), &w, &h,
                                        &ch, 4));
    if (!px) return std::nullopt;
    RgbaImage img;
    img.width = w;
    img.height = h;
    img.pixels.assign(px.get(), px.get() + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    return img;
}

} // namespace sw
