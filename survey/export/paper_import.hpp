// Paper questionnaires typed into a CSV: one row per respondent, columns U1..U9 (1..4) by unsur
// code, optional profile columns (by field code), `layanan`, `tanggal` (YYYY-MM-DD), `komentar`.
// The whole file goes in one transaction: one bad row imports nothing.
// Every cell is checked as hostile text first: valid UTF-8, no NUL or control character (a
// comment may hold newline, tab and CR), a comment at most kMaxCommentLength characters and any
// other cell at most kMaxNameLength; a tanggal no later than tomorrow in the unit's calendar.
#pragma once
#include "survey/store/store.hpp"

#include <string>

namespace sw {

struct PaperImportResult {
    std::int64_t imported = 0;
};

// Throws ImportError("file:line:column: what") naming the first bad cell; the store is untouched.
PaperImportResult importPaperCsv(Store& store, const Instrument& in, const UnitInfo& unit, const std::string& csvText,
                                 const std::string& fileName, const std::string& deviceId = "paper");

} // namespace sw
