// One line per significant event (start, submit failure, export, PIN failure…) on stderr, which
// systemd sends to the journal. Never log a PIN, a key or a citizen's comment.
#pragma once
#include <string>

namespace sw {
void logLine(const std::string& event, const std::string& detail);   // "suarawarga[<pid>]: <event>: <detail>"
}
