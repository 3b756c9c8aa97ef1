// The P2HAM evidence pack: one ZIP a unit uploads as data dukung for its P2HAM assessment
// (Permenkumham 27/2018; README "The unit head's area"). It holds
//   DAFTAR-ISI.txt, index.json     each criterion and item with its answer, the assessor and date,
//                                  and the evidence files that belong to it (p2ham_index.hpp)
//   penilaian-fasilitas.csv        the self-assessment per criterion and item
//   lampiran-p2ham.pdf             the SKM report's P2HAM annex, drawn by the report's own code
//   data-dukung/<item>-<sha>-<name> every evidence file, checked against its stored SHA-256
// The assessment is picked as the PDF and the bundle pick it: the newest made on or before the
// period's end (today when the period is open-ended). Names from data are reduced to plain names (survey/base/safe_output.hpp) and checked again
// by the ZIP writer. The ZIP is written to a temporary file beside the output and renamed when
// whole (survey/base/atomic_file.hpp): a failure leaves nothing.
#pragma once
#include "survey/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct P2hamPackOptions {
    ResponseFilter filter;            // the period (its end, today when open, picks the assessment)
    std::string lang = "id";
};

struct P2hamPackInfo {
    std::string assessedOn;
    std::string assessor;
    int items = 0;
    std::vector<std::string> entries; // every entry written, in order
    int evidenceFiles = 0;
};

// Throws ExportError Format when the unit has no facility assessment up to the period's end
// (nothing written), StoreError Corrupt when an evidence file no longer matches its SHA-256,
// ExportError Io when writing fails.
P2hamPackInfo writeP2hamPack(Store& store, const std::string& path, P2hamPackOptions opt = {});

} // namespace sw
