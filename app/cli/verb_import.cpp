#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"
#include "survey/export/csv_import.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/store/unit_setup.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace sw::cli {

namespace {
int verbImport(int argc, char** argv);
const VerbRegistrar reg{{"import", "enter paper questionnaires, or read back a CSV export, from a CSV (all rows or none)", verbImport}};

// The CSV export read back: new UUIDs are added, those already here with the same answers skipped.
int importExport(Store& store, const UnitInfo& unit, const std::string& text, const std::string& file) {
    const ExportCsvImportResult r = importExportCsv(store, unit, text, file);
    std::cout << "imported " << r.imported << " responses from " << file << " (a CSV export) into " << store.path() << "\n";
    if (r.alreadyPresent > 0)
        std::cout << r.alreadyPresent << " response(s) were already in this store with the same UUID and answers"
                  << (r.imported == 0 ? ": nothing was added" : " and were skipped") << "\n";
    return 0;
}

int verbImport(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga import [--db FILE] --csv FILE [--unit ID] [--demo]\n\n"
                     "Enter paper questionnaires. One row per respondent; header names are unsur codes\n"
                     "U1..U9 (values 1-4, empty = not answered), optionally tanggal (YYYY-MM-DD), layanan,\n"
                     "komentar and profile fields (jenis_kelamin, usia, pendidikan, pekerjaan).\n"
                     "The whole file is one transaction: one bad cell imports nothing and is named as\n"
                     "FILE:LINE:COLUMN. The store's unit must be set up (`suarawarga init`); --demo puts\n"
                     "the demo unit into a store that has none.\n\n"
                     "A CSV written by `suarawarga export --format csv` (header No,UUID,Unit,…, Indonesian or\n"
                     "English) is read back instead: labels are mapped to codes with each row's instrument, UUIDs\n"
                     "and times are kept. Rows must be this store's unit. A UUID already here with the same\n"
                     "answers is skipped (importing a file twice adds nothing); with other answers it is refused.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "csv", "unit"}, {"demo"});
    auto csv = a.get("csv");
    if (!csv) throw UsageError("--csv FILE is required");
    std::ifstream f(*csv, std::ios::binary);
    if (!f) throw UsageError("cannot open " + *csv);
    std::stringstream ss;
    ss << f.rdbuf();

    Store store(databaseOption(a.get("db", "")));
    Instrument in = a.has("demo") ? setUpDemo(store) : requireUnit(store);
    UnitInfo unit = *store.unit();
    if (auto id = a.get("unit"); id && *id != unit.id)
        throw UsageError("--unit " + printable(*id) + " is not this store's unit (" + unit.id +
                         "); a paper questionnaire is imported into its own unit's store");
    if (isExportCsv(ss.str())) return importExport(store, unit, ss.str(), *csv);
    auto result = importPaperCsv(store, in, unit, ss.str(), *csv);
    std::cout << "imported " << result.imported << " responses from " << *csv << " into " << store.path() << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
