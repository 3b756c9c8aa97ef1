#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/national/assessor_store.hpp"

#include "survey/bundle/evidence_files.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/store/store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbEvidence(int argc, char** argv);
const VerbRegistrar reg{{"evidence", "write the evidence files (data dukung) out of a store, checked by SHA-256", verbEvidence}};

int verbEvidence(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga evidence --db FILE [--unit UNIT_ID] --out FOLDER\n\n"
                     "Writes evidence files (photos, PDFs) into FOLDER so they can be opened. With --unit, in\n"
                     "an assessor's store: the files the unit's latest facility report refers to, named\n"
                     "ITEM-HASH-NAME. Without it: every evidence file in the store. Each file is checked\n"
                     "against the SHA-256 it was stored under before it is written.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "unit", "out"}, {});
    auto db = a.get("db");
    auto out = a.get("out");
    if (!db || db->empty()) throw UsageError("--db FILE is required");
    if (!out || out->empty()) throw UsageError("--out FOLDER is required");
    refuseOutputOverInput(*out, storeFiles(*db), "--out");
    if (isPostgresUrl(*db))
        throw UsageError("evidence files are written from an SQLite store; a PostgreSQL store keeps them (merge checks "
                         "each against its SHA-256) but this command does not read them from it yet");
    Store store(*db, Store::Options{.create = false});
    const std::string unit = a.get("unit", "");
    const auto files = writeEvidenceFiles(store, unit, *out);
    for (const auto& f : files)
        std::cout << (f.item.empty() ? "" : f.item + "  ") << f.info.fileName << "  " << (f.info.size + 1023) / 1024 << " KiB  sha256 "
                  << f.info.sha256 << "\n  -> " << f.path << "\n";
    std::cout << files.size() << " evidence file(s) written" << (unit.empty() ? "" : " for unit " + unit) << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
