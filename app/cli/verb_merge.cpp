#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/bundle.hpp"
#include "survey/error.hpp"
#include "survey/merge.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbMerge(int argc, char** argv);
const VerbRegistrar reg{{"merge", "assessor: verify signed bundles and merge them into a store", verbMerge}};

int verbMerge(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga merge --into ASSESSOR.db BUNDLE...\n\n"
                     "Verifies each bundle, then imports it in one transaction. A bundle that fails (changed,\n"
                     "truncated, unsigned, newer format, or signed by another key than the one its unit's\n"
                     "first bundle pinned) is refused whole while the others go in; the exit code is then 5.\n"
                     "Merging the same bundle again adds nothing; responses keep their UUIDs.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"into"}, {});
    auto into = a.get("into");
    if (!into || into->empty()) throw UsageError("--into ASSESSOR.db is required");
    if (a.positional().empty()) throw UsageError("give at least one BUNDLE file");
    Store store(*into);
    int refused = 0;
    std::int64_t added = 0;
    for (const auto& file : a.positional()) {
        try {
            Bundle b = readBundleFile(file);
            MergeOutcome m = mergeBundle(store, b, file);
            added += m.added;
            if (m.alreadyMerged)
                std::cout << "SKIP    " << file << ": already merged (" << m.unitId << ", nothing added)\n";
            else
                std::cout << "MERGED  " << file << ": " << m.unitName << " (" << m.unitId << "), " << m.added << " of "
                          << m.responses << " responses new" << (m.pinnedNow ? ", key pinned " + b.fingerprint : "")
                          << "\n";
        } catch (const std::exception& e) {
            ++refused;
            std::cout << "REFUSED " << file << ": " << e.what() << "\n";
        }
    }
    store.logEvent("merge", std::to_string(a.positional().size()) + " bundles, " + std::to_string(refused) +
                                " refused, " + std::to_string(added) + " responses added");
    std::cout << added << " responses added; " << refused << " bundle(s) refused\n";
    return refused ? 5 : 0;
}

} // namespace
} // namespace sw::cli
