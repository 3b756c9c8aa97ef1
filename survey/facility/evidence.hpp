// Evidence (data dukung) for the P2HAM self-assessment: photos and PDFs imported from a folder or
// USB stick, stored whole in SQLite with their SHA-256 (libsodium) so a Kanwil assessor can check
// them. The type is sniffed from the file's first bytes (JPEG, PNG, PDF only — never trusted from
// the name); images get a small PNG thumbnail. Every failure is a clear EvidenceError and nothing
// is stored half.
#pragma once
#include "survey/base/error.hpp"
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

class Store;

enum class EvidenceType { Unknown, Jpeg, Png, Pdf };
EvidenceType sniffEvidenceType(const std::string& bytes);   // from the magic bytes
const char* evidenceMime(EvidenceType t);                    // "image/jpeg" | "image/png" | "application/pdf"

struct EvidenceLimits {
    std::size_t maxBytes = 10u * 1024u * 1024u;  // 10 MiB: a phone photo or a scanned letter
    int thumbnailSize = 160;                     // the longer side of the PNG thumbnail, px
};

struct EvidenceInfo {
    std::int64_t id = 0;
    std::string sha256;                          // lower-case hex
    std::string fileName;                        // the name it was imported under (no folders)
    std::string mime;
    std::int64_t size = 0;
    int width = 0, height = 0;                   // images only
    std::int64_t importedUtc = 0;
    bool duplicate = false;                      // importEvidence: the same file was already stored
};

std::string sha256Hex(std::string_view bytes);

// Reads, checks and stores one file in one transaction. The same bytes imported twice are stored
// once (the existing id comes back with duplicate = true). Throws EvidenceError.
EvidenceInfo importEvidence(Store& store, const std::string& path, const EvidenceLimits& limits = {});
// The same from bytes already in memory (tests, drag-and-drop).
EvidenceInfo importEvidenceBytes(Store& store, const std::string& fileName, const std::string& bytes,
                                 const EvidenceLimits& limits = {});

// The same inside a transaction or savepoint the caller holds: an assessor's merge stores a
// bundle's evidence together with its responses, all or none.
EvidenceInfo storeEvidenceBytes(Store& store, const std::string& fileName, const std::string& bytes,
                                const EvidenceLimits& limits = {});

// The checks alone, for a store that keeps the file itself (an assessor's PostgreSQL store): the
// file's info (no id, no import time) and its PNG thumbnail in `thumbPng` ("" for a PDF).
// Throws EvidenceError as storeEvidenceBytes does.
EvidenceInfo checkEvidenceBytes(const std::string& fileName, const std::string& bytes, std::string& thumbPng,
                                const EvidenceLimits& limits = {});

// Files in `folder` (not recursive) that look like evidence by extension, sorted by name —
// the list the head picks from when a USB stick is plugged in.
std::vector<std::string> evidenceCandidates(const std::string& folder);

std::optional<EvidenceInfo> evidenceInfo(Store& store, std::int64_t id);
std::optional<EvidenceInfo> evidenceBySha256(Store& store, const std::string& sha256);
std::string evidenceThumbnailPng(Store& store, std::int64_t id);  // "" for PDFs
std::string evidenceData(Store& store, std::int64_t id);

// A decoded thumbnail as RGBA8 (for the screen to upload as a texture).
struct RgbaImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
};
std::optional<RgbaImage> decodePng(const std::string& png);

} // namespace sw
