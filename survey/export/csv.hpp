// CSV export for assessors: RFC 4180, UTF-8 with a BOM (so Excel shows Indonesian text right),
// one row per respondent. Columns are named by unsur code AND name ("U1 Persyaratan") because
// units number U8/U9 differently (survey/RULES.md "Unsur"); time is local with its UTC offset.
#pragma once
#include "survey/base/translations.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct CsvExportOptions {
    ResponseFilter filter;            // period, unit…; misuse rows are included by default (flagged)
    std::string lang = "id";          // header and label language
};

// The header row in `lang` for an instrument's columns: the one list the export writes and
// `suarawarga import` recognises (survey/export/csv_import.hpp).
std::vector<std::string> csvExportHeader(const Instrument& in, const Translations& tr, const std::string& lang);

// Streams to `path` atomically (temp file, fsync, rename). Returns the number of data rows.
std::int64_t exportCsv(Store& store, const std::string& path, CsvExportOptions opt = {});

} // namespace sw
