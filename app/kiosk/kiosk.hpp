// The kiosk program: entry points called from main.cpp.
#pragma once

namespace sw::kiosk {

int runKiosk(int argc, char** argv);            // full-screen citizen kiosk (default command)
bool isKioskVerb(const char* verb);             // screenshot, admin, assessor, board …
int runKioskVerb(int argc, char** argv);
void printKioskHelp();

} // namespace sw::kiosk
