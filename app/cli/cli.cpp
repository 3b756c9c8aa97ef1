#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/paths.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>

namespace sw::cli {

static std::vector<Verb>& registry() {
    static std::vector<Verb> all; // filled by static VerbRegistrar objects before main()
    return all;
}

VerbRegistrar::VerbRegistrar(Verb v) {
    auto& all = registry();
    auto at = std::find_if(all.begin(), all.end(), [&](const Verb& x) { return std::string(x.name) > v.name; });
    all.insert(at, v);
}

const std::vector<Verb>& verbs() { return registry(); }

const Verb* findVerb(const std::string& name) {
    for (const auto& v : verbs())
        if (name == v.name) return &v;
    return nullptr;
}

std::string databaseOption(const std::string& given) { return given.empty() ? defaultDatabasePath() : given; }

bool wantsHelp(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
    return false;
}

int exitCodeFor(const std::exception& e) {
    if (dynamic_cast<const UsageError*>(&e)) return 2;
    if (dynamic_cast<const InstrumentError*>(&e) || dynamic_cast<const ImportError*>(&e)) return 3;
    if (dynamic_cast<const StoreError*>(&e)) return 4;
    if (dynamic_cast<const BundleError*>(&e) || dynamic_cast<const SigningError*>(&e)) return 5;
    return 1;
}

int runGuarded(const std::string& what, const std::function<int()>& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        std::cerr << "suarawarga" << (what.empty() ? "" : " ") << what << ": " << e.what() << "\n";
        if (dynamic_cast<const ImportError*>(&e)) std::cerr << "(nothing was imported)\n";
        return exitCodeFor(e);
    }
}

int runVerb(int argc, char** argv) {
    const Verb* v = findVerb(argv[1]);
    if (!v) {
        std::cerr << "suarawarga: unknown command \"" << argv[1] << "\" (see suarawarga --help)\n";
        return 2;
    }
    return runGuarded(v->name, [&] { return v->run(argc, argv); });
}

void printOverview(const char* program, bool withKiosk) {
    std::cout << "SuaraWarga — survei kepuasan masyarakat (SKM) dan P2HAM\n\nUsage:\n";
    if (withKiosk) std::cout << "  " << program << " [--db FILE] [--windowed WxH] …   start the kiosk (options below)\n";
    std::cout << "  " << program << " <command> [options]\n\nCommands:\n";
    for (const auto& v : verbs()) {
        std::string name = v.name;
        name.resize(10, ' ');
        std::cout << "  " << name << v.summary << "\n";
    }
    std::cout << "\nEvery command takes --db FILE (default: " << defaultDatabasePath() << ") and --help.\n";
}

} // namespace sw::cli
