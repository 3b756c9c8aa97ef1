#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/store/unit_setup.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace sw::cli {

namespace {
int verbImport(int argc, char** argv);
const VerbRegistrar reg{{"import", "enter paper questionnaires from a CSV (all rows or none)", verbImport}};

int verbImport(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga import [--db FILE] --csv FILE [--unit ID] [--demo]\n\n"
                     "Enter paper questionnaires. One row per respondent; header names are unsur codes\n"
                     "U1..U9 (values 1-4, empty = not answered), optionally tanggal (YYYY-MM-DD), layanan,\n"
                     "komentar and profile fields (jenis_kelamin, usia, pendidikan, pekerjaan).\n"
                     "The whole file is one transaction: one bad cell imports nothing and is named as\n"
                     "FILE:LINE:COLUMN. The store's unit must be set up (`suarawarga init`); --demo puts\n"
                     "the demo unit into a store that has none.\n";
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
    auto result = importPaperCsv(store, in, unit, ss.str(), *csv);
    std::cout << "imported " << result.imported << " responses from " << *csv << " into " << store.path() << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
