#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/national/assessor_store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbMerge(int argc, char** argv);
const VerbRegistrar reg{{"merge", "assessor: verify signed bundles and merge them into a store", verbMerge}};

int verbMerge(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga merge --into ASSESSOR.db|postgresql://… BUNDLE...\n\n"
                     "Verifies each bundle, then imports them all in one transaction with a savepoint per\n"
                     "bundle. A bundle that fails (changed, truncated, unsigned, newer format, or signed by\n"
                     "a key not enrolled for its unit — see `suarawarga enroll`, or a UUID of another unit)\n"
                     "is refused whole while the others go in; the exit code is then 5. --enroll-new pins\n"
                     "the key of a unit not enrolled yet and prints it. Merging the same bundle again adds nothing;\n"
                     "responses keep their UUIDs. Results are printed once the run has committed.\n"
                     "--into postgresql://…: the national store on PostgreSQL (README \"The national store\"),\n"
                     "one transaction per bundle; the daily tallies the roll-ups read are kept by the merge.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"into"}, {"enroll-new"});
    auto into = a.get("into");
    if (!into || into->empty()) throw UsageError("--into ASSESSOR.db is required");
    if (a.positional().empty()) throw UsageError("give at least one BUNDLE file");
    auto store = openAssessorStore(*into, true);
    int refused = 0;
    std::int64_t added = 0;
    for (const MergeFileResult& r :
         store->mergeFiles(a.positional(), a.has("enroll-new") ? KeyPolicy::EnrollNew : KeyPolicy::EnrolledOnly)) {
        if (!r.outcome) {
            ++refused;
            std::cout << "REFUSED " << printable(r.file) << ": " << printable(r.error) << "\n";
            continue;
        }
        const MergeOutcome& m = *r.outcome;
        added += m.added;
        if (m.alreadyMerged)
            std::cout << "SKIP    " << printable(r.file) << ": already merged (" << printable(m.unitId) << (m.demo ? kDemoMark : "")
                      << ", nothing added)\n";
        else
            std::cout << "MERGED  " << printable(r.file) << ": " << printable(m.unitName) << (m.demo ? kDemoMark : "") << " ("
                      << printable(m.unitId) << "), " << m.added << " of "
                      << m.responses << " responses new" << (m.pinnedNow ? ", key enrolled now (--enroll-new) " + r.fingerprint : "") << "\n";
    }
    store->logEvent("merge", std::to_string(a.positional().size()) + " bundles, " + std::to_string(refused) +
                                " refused, " + std::to_string(added) + " responses added");
    std::cout << added << " responses added; " << refused << " bundle(s) refused\n";
    return refused ? 5 : 0;
}

} // namespace
} // namespace sw::cli
