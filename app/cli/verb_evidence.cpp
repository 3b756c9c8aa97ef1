#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/national/assessor_evidence.hpp"

#include "survey/bundle/evidence_files.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/store/store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbEvidence(int argc, char** argv);

// A unit's files through the assessor's store (the file or PostgreSQL); every file of a store
// without one. Read-only: neither kind of store is created here.
std::vector<EvidenceFile> writeFiles(const std::string& db, const std::string& unit, const std::string& out) {
    if (!unit.empty()) return writeEvidenceFiles(*openAssessorStore(db, false), unit, out);
    Store store(db, Store::Options{.create = false});
    return writeEvidenceFiles(store, unit, out);
}

const VerbRegistrar reg{{"evidence", "write the evidence files (data dukung) out of a store, checked by SHA-256", verbEvidence}};

int verbEvidence(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga evidence --db FILE|postgresql://… [--unit UNIT_ID] --out FOLDER\n\n"
                     "Writes evidence files (photos, PDFs) into FOLDER so they can be opened. With --unit, in\n"
                     "an assessor's store (the file or PostgreSQL): the files the unit's latest facility report\n"
                     "refers to, named ITEM-HASH-NAME. Without it: every evidence file in the store (a file\n"
                     "store only). Each file is checked against the SHA-256 it was stored under before it is written.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "unit", "out"}, {});
    auto db = a.get("db");
    auto out = a.get("out");
    if (!db || db->empty()) throw UsageError("--db FILE is required");
    if (!out || out->empty()) throw UsageError("--out FOLDER is required");
    refuseOutputOverInput(*out, storeFiles(*db), "--out");
    const std::string unit = a.get("unit", "");
    if (isPostgresUrl(*db) && unit.empty())
        throw UsageError("--unit UNIT_ID is required with a PostgreSQL store (it keeps each unit's files apart)");
    const auto files = writeFiles(*db, unit, *out);
    for (const auto& f : files)
        std::cout << (f.item.empty() ? "" : f.item + "  ") << f.info.fileName << "  " << (f.info.size + 1023) / 1024 << " KiB  sha256 "
                  << f.info.sha256 << "\n  -> " << f.path << "\n";
    std::cout << files.size() << " evidence file(s) written" << (unit.empty() ? "" : " for unit " + unit) << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
