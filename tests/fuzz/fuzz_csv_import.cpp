// libFuzzer target: a paper-questionnaire CSV or the program's own CSV export read back
// (sw::parseCsv, then sw::importPaperCsv and sw::importExportCsv into an in-memory store). Any
// input ends in imported rows or an ImportError naming file:line:column; an import that throws
// leaves the store exactly as it was (all rows or none).
#include "survey/base/csv.hpp"
#include "survey/base/error.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/export/csv_import.hpp"
#include "survey/export/paper_import.hpp"
#include "survey/base/paths.hpp"
#include "survey/store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace {

struct Fixture {
    sw::Store store{":memory:"};
    sw::Instrument in = sw::loadInstrument(sw::defaultInstrumentPath());
    sw::UnitInfo unit;
    Fixture() {
        store.registerInstrument(in);
        unit.id = "fuzz";
        unit.name = "Unit fuzz";
        store.setUnit(unit);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        auto rows = sw::parseCsv(text, "fuzz.csv");
        for (const auto& r : rows)
            if (r.cells.size() != r.columns.size()) __builtin_trap();
    } catch (const sw::ImportError&) {
    }

    Fixture& f = fixture();
    sw::sql::Database& db = f.store.db();
    try {
        auto result = sw::importPaperCsv(f.store, f.in, f.unit, text, "fuzz.csv");
        if (db.scalarInt("SELECT count(*) FROM response") != result.imported) __builtin_trap();
    } catch (const sw::ImportError&) {
        if (db.scalarInt("SELECT count(*) FROM response") != 0) __builtin_trap(); // all or nothing
    }
    db.exec("DELETE FROM response"); // answers, profiles, rentan go with it (ON DELETE CASCADE)
    try {
        auto result = sw::importExportCsv(f.store, f.unit, text, "fuzz.csv");
        if (db.scalarInt("SELECT count(*) FROM response") != result.imported) __builtin_trap();
    } catch (const sw::ImportError&) {
        if (db.scalarInt("SELECT count(*) FROM response") != 0) __builtin_trap(); // all or nothing
    }
    db.exec("DELETE FROM response");
    return 0;
}
