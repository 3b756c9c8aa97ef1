#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/base/error.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/enrollment.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/bundle/verify_file.hpp"
#include "survey/national/assessor_store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbVerify(int argc, char** argv);
const VerbRegistrar reg{{"verify", "check a signed bundle: intact, signed, by the expected key", verbVerify}};

int verbVerify(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga verify BUNDLE [--expect-key FINGERPRINT] [--trusted ASSESSOR.db|postgresql://…]\n\n"
                     "Exits 0 and prints the unit, period and counts when the bundle is intact and signed.\n"
                     "Exits 5 naming the problem when a byte was changed, the signature is missing, the file\n"
                     "is truncated, comes from a newer SuaraWarga, or is signed by another key than\n"
                     "--expect-key (the fingerprint printed on the unit's PDF report) or than the key the\n"
                     "assessor's store enrolled for that unit (--trusted; the store must exist).\n"
                     "A format-3 bundle is checked as it is read, in memory that does not grow with it.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"expect-key", "trusted"}, {});
    if (a.positional().size() != 1) throw UsageError("give exactly one BUNDLE file");
    const std::string file = a.positional()[0];
    try {
        // Format 3 is checked streaming: memory does not grow with the bundle's responses.
        const BundleSummary summary = verifyBundleFile(file);
        const Bundle& b = summary.bundle;
        if (auto expect = a.get("expect-key")) {
            std::string want = normalizeFingerprint(*expect);
            if (want.empty()) throw UsageError("--expect-key must be a fingerprint of 32 hex digits (spaces allowed)");
            if (want != b.fingerprint)
                throw BundleError(BundleError::Kind::KeyMismatch, file + ": signed by key " + b.fingerprint +
                                                                      ", not the expected " + want + "; refused");
        }
        if (auto trusted = a.get("trusted")) {
            auto store = openAssessorStore(*trusted, false);   // a file or postgresql://…; never created
            try {
                store->checkKey(b);
            } catch (const BundleError& e) {
                throw BundleError(e.kind, file + ": " + e.what());
            }
        }
        std::cout << "OK " << file << "\n"
                  << "unit:        " << printable(b.unit.name) << " (" << printable(b.unit.id) << ")"
                  << (b.unit.demo ? kDemoMark : "") << "\n"
                  << "period:      " << (b.from ? *b.from : std::string("awal")) << " s.d. "
                  << (b.to ? *b.to : std::string("akhir")) << "\n"
                  << "responses:   " << summary.responses << " (" << summary.misuse << " flagged as suspected misuse)\n"
                  << "instruments: " << b.instruments.size() << "\n"
                  << "facility:    " << (b.facility.is_null() ? "none" : "included") << "\n"
                  << "key:         " << b.fingerprint << "\n"
                  << "format:      " << b.formatVersion << "\n";
        return 0;
    } catch (const BundleError& e) {
        std::cerr << "suarawarga verify: REFUSED (" << bundleErrorName(e.kind) << "): " << printable(e.what()) << "\n";
        return 5;
    }
}

} // namespace
} // namespace sw::cli
