#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/national/assessor_store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbEnroll(int argc, char** argv);
const VerbRegistrar reg{{"enroll", "assessor: enroll a unit's key by fingerprint, list or revoke", verbEnroll}};

void list(AssessorStore& store) {
    for (const EnrolledKey& k : store.enrolledKeys())
        std::cout << k.unitId << "  " << k.fingerprint << "  " << k.source << "  " << localDateTime(k.enrolledUtc, 0).substr(0, 16) << " UTC"
                  << (k.publicKeyHex.empty() ? "  (no bundle yet)" : "") << "\n";
}

int verbEnroll(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga enroll --db KANWIL.db|postgresql://… --unit ID --key FINGERPRINT [--name NAME]\n"
                     "       suarawarga enroll --db KANWIL.db --revoke --unit ID\n"
                     "       suarawarga enroll --db KANWIL.db --list\n\n"
                     "Enrolls a unit's signing key, by the fingerprint the unit head reads from the settings\n"
                     "screen, the PDF footer or `suarawarga key`. `merge` refuses a bundle whose key is not\n"
                     "the one enrolled for its unit. A unit that lost its key is revoked, then enrolled again\n"
                     "with its new fingerprint (after checking it with the unit by phone or letter).\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "unit", "key", "name"}, {"revoke", "list"});
    auto db = a.get("db");
    if (!db) throw UsageError("--db KANWIL.db is required");
    // Listing reads only: it never creates a store.
    auto store = openAssessorStore(*db, !a.has("list"));
    if (a.has("list")) {
        list(*store);
        return 0;
    }
    auto unit = a.get("unit");
    if (!unit) throw UsageError("--unit ID is required");
    if (a.has("revoke")) {
        const EnrolledKey k = store->revoke(*unit);
        store->logEvent("enroll", "revoked " + k.unitId + " " + k.fingerprint);
        std::cout << "REVOKED " << k.unitId << " key " << k.fingerprint << "\n";
        return 0;
    }
    auto key = a.get("key");
    if (!key) throw UsageError("--key FINGERPRINT is required (the unit reads it from `suarawarga key`)");
    const EnrolledKey k = store->enroll(*unit, *key, a.get("name", ""));
    store->logEvent("enroll", k.unitId + " " + k.fingerprint);
    std::cout << "ENROLLED " << k.unitId << " key " << k.fingerprint << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
