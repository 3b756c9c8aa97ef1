// The Kanwil assessor's merge: verified bundles go into the assessor's own store, each in its
// own transaction or savepoint, so a bad bundle is refused whole while the others go in.
// Idempotent: a bundle already merged adds nothing, and responses keep their UUIDs (a
// response that arrives again in an overlapping bundle is not counted twice).
// Trust on first use: a unit's first bundle pins its public key; a later bundle claiming the
// same unit under another key is refused. The tallies the roll-ups read (survey/store/daily_tally.hpp)
// count the rows added in the same commit.
#pragma once
#include "survey/bundle/bundle.hpp"
#include "survey/store/store.hpp"

#include <functional>
#include <optional>
#include <vector>
#include <string>

namespace sw {

struct MergeOutcome {
    std::string unitId;
    std::string unitName;
    bool demo = false;              // the bundle came from a demo unit (printed as "(DEMO)")
    std::int64_t responses = 0;     // in the bundle
    std::int64_t added = 0;         // new to the assessor's store
    bool alreadyMerged = false;     // the very same bundle was merged before: nothing changed
    bool pinnedNow = false;         // this bundle pinned the unit's key
};

// Whose keys a merge trusts: only enrolled ones (survey/bundle/enrollment.hpp), or also the key of a
// unit not yet enrolled, which is then pinned (`merge --enroll-new`).
enum class KeyPolicy { EnrolledOnly, EnrollNew };

// Verifies the pin and imports in one transaction. Throws (BundleError, StoreError,
// InstrumentError) with nothing written when anything is wrong.
MergeOutcome mergeBundle(Store& assessor, const Bundle& b, const std::string& fileName = "",
                         KeyPolicy keys = KeyPolicy::EnrolledOnly);

struct MergeFileResult {
    std::string file;
    std::optional<MergeOutcome> outcome; // merged, or already merged before
    std::string fingerprint;             // of the key that signed it (when it could be read)
    std::string error;                   // why it was refused (outcome is then empty)
};

// Many bundle files in one pass. A second thread reads and verifies the next file while this one
// is imported; the whole run is one transaction with a savepoint per bundle, so a refused bundle
// leaves nothing behind while the others go in, and the run commits (one fsync) at the end. A
// large run drops the response table's secondary indexes and rebuilds them once before the commit:
// a sorted build is far cheaper than millions of scattered inserts. Results come in file order.
// Throws StoreError when the store itself fails (disk full…): then nothing of the run is merged.
// `bulk`: force the index rebuild on or off (tests); by default it is chosen from the files' size.
std::vector<MergeFileResult> mergeBundleFiles(Store& assessor, const std::vector<std::string>& files,
                                              std::optional<bool> bulk = std::nullopt,
                                              KeyPolicy keys = KeyPolicy::EnrolledOnly);

} // namespace sw
