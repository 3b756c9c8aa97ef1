#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/store/store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbTrustKanwil(int argc, char** argv);
const VerbRegistrar reg{{"trust-kanwil", "unit: record the Kanwil's public key (and address) given at set-up", verbTrustKanwil}};

int verbTrustKanwil(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga trust-kanwil --db FILE --key HEX [--url URL] [--replace]\n"
                     "       suarawarga trust-kanwil --db FILE --show\n\n"
                     "Records the public key the Kanwil printed with `suarawarga kanwil-key` (64 hex digits)\n"
                     "and prints its fingerprint: compare it with the one the Kanwil reads out. The unit then\n"
                     "accepts receipts and verification results signed by that key only. --url is the\n"
                     "Kanwil's receiving address. A different key replaces the trusted one only with --replace.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "key", "url"}, {"replace", "show"});
    const std::string db = databaseOption(a.get("db", ""));
    Store store(db, Store::Options{.create = false});
    if (a.has("show")) {
        const auto pk = trustedKanwilKey(store);
        std::cout << "kanwil fingerprint: " << (pk ? fingerprint(*pk) : std::string("(none)"))
                  << "\nkanwil address:     " << (kanwilUrl(store).empty() ? "(none)" : kanwilUrl(store)) << "\n";
        return 0;
    }
    auto hex = a.get("key");
    if (!hex) throw UsageError("--key HEX (the Kanwil's public key, 64 hex digits) is required");
    const auto pk = publicKeyFromHex(*hex);
    if (!pk) throw UsageError("--key: not a public key (64 hex digits expected, got " + std::to_string(hex->size()) + " characters)");
    trustKanwil(store, *pk, a.get("url", ""), a.has("replace"));
    std::cout << "kanwil fingerprint: " << fingerprint(*pk) << "\nCompare it with the one your Kanwil reads out.\n";
    return 0;
}

} // namespace
} // namespace sw::cli
