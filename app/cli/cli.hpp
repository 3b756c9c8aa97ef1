// The headless verbs: `suarawarga <verb> [options]`. They link libsurvey only, so an
// assessor's server needs no display (README "Repository").
#pragma once
#include <exception>
#include <functional>
#include <string>
#include <vector>

namespace sw {
enum class Weights;   // survey/skm/skm.hpp
}

namespace sw::cli {

class Args;

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
// `serve`'s line, shared by the verb (verb_serve.cpp) and the kiosk binary's stand-in for it, which
// runs it in suarawarga-cli (forward_serve.cpp).
inline constexpr const char* kServeSummary = "assessor: receive units' bundles over HTTP(S), merge them, answer signed receipts";
// Runs argv[1] as a verb: prints errors as "suarawarga <verb>: <what>" and maps them to exit codes
// (2 usage, 3 bad input, 4 store problem, 1 anything else).
int runVerb(int argc, char** argv);
// The one exit-code map, shared with the kiosk's verbs: UsageError 2; InstrumentError and
// ImportError 3; StoreError 4; BundleError (refused bundle, key not enrolled) 5;
// anything else 1.
int exitCodeFor(const std::exception& e);
// Runs `body` and returns its exit code; an exception is printed as "suarawarga <what>: <message>"
// ("suarawarga: <message>" when `what` is empty) and mapped by exitCodeFor.
int runGuarded(const std::string& what, const std::function<int()>& body);
void printOverview(const char* program, bool withKiosk);

// How the demo unit is marked in a verb's output (README "Security model"): a line of its own in
// a report, after the unit's name in verify and merge. Both languages: a terminal has no locale.
inline constexpr const char* kDemoLine = "DEMO — bukan unit sungguhan / not a real unit";
inline constexpr const char* kDemoMark = " (DEMO)";

// Shared helpers for verbs.
std::string databaseOption(const std::string& given);   // --db or the XDG default
bool wantsHelp(int argc, char** argv);
// --weights exact|0.111|0.111-r3 (default exact; survey/skm/skm.hpp Weights); UsageError otherwise.
// Defined beside `report` (verb_report.cpp), which links the SKM arithmetic.
Weights weightsOption(const Args& a);

} // namespace sw::cli
