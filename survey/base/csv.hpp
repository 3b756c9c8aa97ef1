// RFC 4180 CSV: reading (paper questionnaires) and writing (exports). UTF-8; a leading BOM is
// skipped; CRLF or LF; quoted fields may hold commas, quotes ("") and newlines.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sw {

struct CsvRow {
    std::vector<std::string> cells;
    long line = 0;                    // 1-based line where the row starts (for messages)
    std::vector<int> columns;         // 1-based byte column where each cell starts
};

// Throws ImportError(file, line, column, …) on an unterminated quote or stray quote.
std::vector<CsvRow> parseCsv(std::string_view text, const std::string& fileName);

// One field, quoted when it needs to be (comma, quote, CR or LF).
std::string csvField(std::string_view v);
// A text cell for a spreadsheet: as csvField, and a cell that starts with '=', '+', '-', '@', TAB
// or CR gets a leading "'" so Excel and LibreOffice show it as text instead of running it as a
// formula (OWASP "CSV injection"). Numbers are written as numbers, not through this.
std::string csvTextField(std::string_view v);
bool looksLikeFormula(std::string_view v); // starts with = + - @ TAB or CR, after any number of "'"
// A text cell as it was before csvTextField marked it: the one "'" it added is taken off (the CSV
// export read back by `suarawarga import`, survey/export/csv_import.hpp).
std::string csvTextValue(std::string_view cell);

} // namespace sw
