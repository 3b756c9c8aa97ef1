// Built instead of the kiosk library when configured with -DSW_KIOSK=OFF: the headless verbs
// still work; asking for the kiosk says plainly that this build has none.
#include "app/kiosk/kiosk.hpp"

#include <iostream>

namespace sw::kiosk {

int runKiosk(int, char**) {
    std::cerr << "suarawarga: this build has no kiosk (configured with -DSW_KIOSK=OFF); use a command, see --help\n";
    return 2;
}
bool isKioskVerb(const char*) { return false; }
int runKioskVerb(int, char**) { return 2; }
void printKioskHelp() {}

} // namespace sw::kiosk
