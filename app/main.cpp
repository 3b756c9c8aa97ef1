// suarawarga: with no command it starts the kiosk; with a command it runs that verb headless.
#include "app/cli/cli.hpp"
#include "app/kiosk/kiosk.hpp"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        sw::cli::printOverview("suarawarga", true);
        sw::kiosk::printKioskHelp();
        return 0;
    }
    if (argc >= 2 && argv[1][0] != '-') {
        if (sw::cli::findVerb(argv[1])) return sw::cli::runVerb(argc, argv);
        if (sw::kiosk::isKioskVerb(argv[1])) return sw::kiosk::runKioskVerb(argc, argv);
        std::cerr << "suarawarga: unknown command \"" << argv[1] << "\" (see suarawarga --help)\n";
        return 2;
    }
    return sw::kiosk::runKiosk(argc, argv);
}
