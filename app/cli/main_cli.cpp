// suarawarga-cli: the same verbs without the kiosk, for an assessor's server with no display.
#include "app/cli/cli.hpp"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        sw::cli::printOverview("suarawarga-cli", false);
        return argc < 2 ? 2 : 0;
    }
    return sw::cli::runVerb(argc, argv);
}
