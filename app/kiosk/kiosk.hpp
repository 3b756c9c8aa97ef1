// The kiosk program: entry points called from main.cpp.
#pragma once

namespace sw::kiosk {

int runKiosk(int argc, char** argv);            // full-screen citizen kiosk (default command)
bool isKioskVerb(const char* verb);             // screenshot, admin, assessor, board …
int runKioskVerb(int argc, char** argv);
void printKioskHelp();

// The kiosk's own verbs in files of their own.
int speak(int argc, char** argv);   // verb_speak.cpp: a screen's spoken text to a WAV file

} // namespace sw::kiosk
