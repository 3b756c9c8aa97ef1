#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/national/kanwil_key.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbKanwilKey(int argc, char** argv);
const VerbRegistrar reg{{"kanwil-key", "assessor: the Kanwil's own key (signs receipts and results for its units)", verbKanwilKey}};

int verbKanwilKey(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga kanwil-key --db KANWIL.db|postgresql://… [--kanwil-key FILE] [--new]\n\n"
                     "Prints the Kanwil's public key and its fingerprint, to give each unit at set-up\n"
                     "(`suarawarga trust-kanwil` on the unit). The Kanwil signs its delivery receipts and\n"
                     "verification results with it; units accept nothing signed by another key.\n\n"
                     "--new         makes the key (once; an existing key is never replaced)\n"
                     "--kanwil-key  the secret key file; beside a file store it defaults to KANWIL.db.kanwil-key,\n"
                     "              a PostgreSQL store needs it named\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "kanwil-key"}, {"new"});
    auto db = a.get("db");
    if (!db) throw UsageError("--db KANWIL.db is required");
    const std::string path = KanwilKey::keyPathFor(*db, a.get("kanwil-key", ""));
    if (!a.has("new") && !KanwilKey::exists(path))
        throw StoreError(StoreError::Kind::Io, path + ": no Kanwil key yet; `suarawarga kanwil-key --db " + *db + " --new` makes it");
    const KanwilKey key = a.has("new") ? KanwilKey::create(path) : KanwilKey::load(path);
    std::cout << "kanwil key:  " << key.publicKeyHex() << "\nfingerprint: " << key.fingerprint() << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
