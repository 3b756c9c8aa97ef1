// Where things live: the database in the XDG data directory, assets beside the program.
#pragma once
#include <string>

namespace sw {
std::string defaultDatabasePath();          // $XDG_DATA_HOME/suarawarga/suarawarga.db (~/.local/share/…)
std::string dataDirectory();                // $XDG_DATA_HOME/suarawarga
std::string assetDirectory();               // $SUARAWARGA_ASSETS, else the build tree's or installed assets/
std::string defaultInstrumentPath();        // assets/instruments/skm-permenpanrb-14-2017.json
} // namespace sw
