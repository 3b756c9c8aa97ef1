// Placeholder until the kiosk issue lands: opens the store (demo set-up) and reports it.
#include "app/kiosk/kiosk.hpp"

#include "survey/paths.hpp"
#include "survey/store.hpp"
#include "survey/unit_setup.hpp"

#include <cstring>
#include <iostream>

namespace sw::kiosk {

int runKiosk(int argc, char** argv) {
    std::string db = defaultDatabasePath();
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--db") == 0) db = argv[i + 1];
    Store store(db);
    Instrument in = ensureSetup(store);
    std::cout << "SuaraWarga kiosk: " << store.unit()->name << ", instrument " << in.id << " v" << in.version << " on " << db
              << "\n";
    return 0;
}

bool isKioskVerb(const char*) { return false; }
int runKioskVerb(int, char**) { return 2; }
void printKioskHelp() {}

} // namespace sw::kiosk
