// Typed errors thrown by libsurvey for bad input and failed I/O: every one of them lives here, so
// a caller catches by name without including the part that throws, and the CLI maps each to one
// exit code (app/cli/cli.cpp).
// Programmer errors assert instead. Each what() names the file/place and the problem, so the
// CLI can print it as is and the kiosk can show it to the unit head.
#pragma once
#include <stdexcept>
#include <string>

namespace sw {

// Anything wrong with an instrument/checklist/translation file: "file:line:column: what".
struct InstrumentError : std::runtime_error {
    std::string file;
    int line = 0;
    int column = 0;
    std::string problem;
    InstrumentError(std::string file_, int line_, int column_, std::string problem_)
        : std::runtime_error(file_ + ":" + std::to_string(line_) + ":" + std::to_string(column_) + ": " + problem_),
          file(std::move(file_)), line(line_), column(column_), problem(std::move(problem_)) {}
};

// The database could not be opened, is corrupt, foreign, newer than this program, or a write failed.
struct StoreError : std::runtime_error {
    enum class Kind { Io, Full, Corrupt, Foreign, TooNew, Busy, Constraint, Other };
    Kind kind;
    StoreError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

// A CSV (paper questionnaire) row or cell that cannot be imported: "file:line:column: what".
struct ImportError : std::runtime_error {
    std::string file;
    long line = 0;
    int column = 0;
    ImportError(std::string file_, long line_, int column_, const std::string& problem)
        : std::runtime_error(file_ + ":" + std::to_string(line_) + ":" + std::to_string(column_) + ": " + problem),
          file(std::move(file_)), line(line_), column(column_) {}
};

// A command-line or configuration value that makes no sense (bad date, unknown option…).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writing an export failed (disk full, folder missing, permission…). Nothing was left behind.
struct ExportError : std::runtime_error {
    enum class Kind { Io, Full, Format };
    Kind kind;
    ExportError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

struct BackupError : std::runtime_error {
    enum class Kind {
        Io,          // the folder is missing, not writable, or a write failed
        Full,        // the backup medium is full
        Damaged,     // the copy (or the file to restore) fails integrity_check, or is not SQLite
        Foreign,     // an SQLite file of another program
        TooNew,      // written by a newer SuaraWarga
        OtherUnit    // restore: the backup belongs to another unit than the live database
    };
    Kind kind;
    BackupError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

struct EvidenceError : std::runtime_error {
    enum class Kind { TooBig, WrongType, Unreadable, Empty };
    Kind kind;
    std::string file;
    EvidenceError(Kind k, std::string file_, const std::string& what)
        : std::runtime_error(file_ + ": " + what), kind(k), file(std::move(file_)) {}
};

// The key file is missing/damaged or does not match the key the store recorded.
struct SigningError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Why a bundle is refused. what() names the problem in words an assessor can act on.
struct BundleError : std::runtime_error {
    enum class Kind {
        NotABundle,        // wrong magic: some other file
        Truncated,         // shorter than its header says (copy cut short)
        NewerVersion,      // written by a newer SuaraWarga
        SignatureMissing,  // the data ends where the signature should start
        BadSignature,      // a byte changed after signing
        KeyMismatch,       // signed by another key than expected/enrolled
        NotEnrolled,       // the unit has no enrolled key at this assessor
        Revoked,           // the key was revoked for this unit
        Ownership,         // a response UUID belongs to another unit, or differs from its first copy
        Malformed          // signed, but the content is not a valid bundle
    };
    Kind kind;
    BundleError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

} // namespace sw
