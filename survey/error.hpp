// Typed errors thrown by libsurvey for bad input and failed I/O.
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

} // namespace sw
