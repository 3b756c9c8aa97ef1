// The headless verbs: `suarawarga <verb> [options]`. They link libsurvey only, so an
// assessor's server needs no display (design.md "The shape").
#pragma once
#include <string>
#include <vector>

namespace sw::cli {

struct Verb {
    const char* name;
    const char* summary;                 // one line for `suarawarga --help`
    int (*run)(int argc, char** argv);   // argv[0] = program, argv[1] = verb; returns the exit code
};

const std::vector<Verb>& verbs();       // sorted by name
// Each verb_<name>.cpp registers itself: `static const VerbRegistrar reg{{"name", "summary", fn}};`
struct VerbRegistrar {
    explicit VerbRegistrar(Verb v);
};
const Verb* findVerb(const std::string& name);
// Runs argv[1] as a verb: prints errors as "suarawarga <verb>: <what>" and maps them to exit codes
// (2 usage, 3 bad input, 4 store problem, 1 anything else).
int runVerb(int argc, char** argv);
void printOverview(const char* program, bool withKiosk);

// Shared helpers for verbs.
std::string databaseOption(const std::string& given);   // --db or the XDG default
bool wantsHelp(int argc, char** argv);

} // namespace sw::cli
