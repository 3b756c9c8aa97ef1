// The program's own CSV export read back (`suarawarga import`): a unit's responses moved to a new
// store, or restored from the spreadsheet an assessor was sent. The header must be the export's
// own, in either language (csvExportHeader, survey/export/csv.hpp); labels are mapped back to
// codes with the labels of each row's own instrument version, so the mapping has one definition:
// the instrument. Each response keeps its UUID, time and offset, source and misuse flag.
//  - A UUID already in the store with the same answers is skipped: importing a file twice adds
//    nothing the second time. The same UUID with other answers is refused, naming the line.
//  - A row of another unit, a label the instrument does not have, a malformed cell or line is
//    refused as FILE:LINE:COLUMN; the file goes in as one transaction, all rows or none.
// What the export does not carry is not restored: the kiosk's device id (rows read back say
// "csv-import") and the answer duration.
#pragma once
#include "survey/store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace sw {

struct ExportCsvImportResult {
    std::int64_t imported = 0;        // new responses added
    std::int64_t alreadyPresent = 0;  // rows whose UUID the store already holds with the same answers
};

// True when the first line starts as the CSV export's header does ("No,UUID,", after a BOM).
bool isExportCsv(std::string_view csvText);

// Throws ImportError("file:line:column: what"); the store is untouched then.
ExportCsvImportResult importExportCsv(Store& store, const UnitInfo& unit, const std::string& csvText, const std::string& fileName);

} // namespace sw
