// Entry points called from app/main.cpp: the kiosk itself and the verbs that need a display
// (screenshot, admin, assessor; board lives in app/board).
//
// Index of this file
//   [SECTION] Options
//   [SECTION] The kiosk loop
//   [SECTION] screenshot
//   [SECTION] admin (windowed unit head's area behind the PIN, --set-pin, --reset-pin)
//   [SECTION] assessor
#include "app/kiosk/kiosk.hpp"

#include "app/admin/admin_area.hpp"
#include "app/assessor/assessor_view.hpp"
#include "app/board/board.hpp"
#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"
#include "app/widgets/period_picker.hpp"
#include "app/kiosk/flow/kiosk_session.hpp"
#include "app/kiosk/font_sampling.hpp"
#include "app/kiosk/screens/kiosk_ui.hpp"
#include "app/kiosk/scratch_store.hpp"
#include "app/shell/shell.hpp"
#include "survey/base/error.hpp"
#include "survey/base/log.hpp"
#include "survey/base/translations.hpp"
#include "survey/kiosk/pin.hpp"
#include "survey/bundle/rollup_period.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/store/backup.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/store/writer_lock.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace sw::kiosk {

// [SECTION] Options

namespace {

// The CLI's parser (app/cli/args.hpp): "--key value", "--key=value", "--flag"; every option is
// declared, so a typo is an error that names it. The kiosk's verbs take no other words either.
cli::Args parseOptions(int argc, char** argv, int first, const std::set<std::string>& valued, const std::set<std::string>& flags) {
    cli::Args a(argc, argv, first, valued, flags);
    if (!a.positional().empty()) throw UsageError("unknown option " + a.positional().front() + " (see --help)");
    return a;
}

// A number within [min, max] (fractions allowed: --dpi 96.5), or `fallback` when not given.
double number(const cli::Args& a, const std::string& key, double fallback, double min, double max) {
    const std::optional<std::string> text = a.get(key);
    if (!text) return fallback;
    try {
        double v = std::stod(*text);
        if (v < min || v > max) throw UsageError("--" + key + " must be between " + std::to_string(min) + " and " + std::to_string(max));
        return v;
    } catch (const std::logic_error&) {
        throw UsageError("--" + key + ": not a number: " + *text);
    }
}

ShellOptions shellOptions(const cli::Args& a) {
    ShellOptions s;
    if (a.has("windowed")) {
        s.fullscreen = false;
        if (!parseSize(a.get("windowed", ""), s.width, s.height)) throw UsageError("--windowed wants WxH, e.g. 1280x800");
    }
    if (a.has("size")) {
        s.fullscreen = false;
        if (!parseSize(a.get("size", ""), s.width, s.height)) throw UsageError("--size wants WxH, e.g. 1920x1080");
    }
    s.dpi = static_cast<float>(number(a, "dpi", 0, 30, 1000));
    if (a.has("mm") && !parseSizeF(a.get("mm", ""), s.mmWide, s.mmHigh)) throw UsageError("--mm wants WxH in millimetres, e.g. 476x268");
    return s;
}

std::string dbOption(const cli::Args& a) { return cli::databaseOption(a.get("db", "")); }

// Evidence thumbnails and the like go to the GPU through the shell.
template <class Host> void useShellTextures(Host& host) {
    host.uploadTexture = Shell::uploadTexture;
    host.releaseTexture = Shell::releaseTexture;
}

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

const std::set<std::string> kShellValued = {"db", "windowed", "dpi", "mm"};

// [SECTION] The kiosk loop

// The daily backup (survey/store/backup.hpp) does at most one copy per local day; asking once a
// minute keeps the idle kiosk's cost at a settings read.
void dailyBackupIfDue(Store& store, double now, double& lastCheck) {
    if (now - lastCheck <= 60) return;
    lastCheck = now;
    auto utc = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    if (auto made = maybeDailyBackup(store, static_cast<std::int64_t>(utc.count()))) logLine("backup", made->path);
}

void kioskLoop(KioskSession& session, Shell& shell, KioskUi& ui, long exitAfter) {
    long frames = 0;
    bool render = true;
    double lastBackupCheck = -1e9;
    while (!shell.shouldClose()) {
        double now = steadySeconds();
        // Idle: sleep until input or until the flow has something due (countdown, retry).
        shell.waitEvents(render || exitAfter ? 0.0 : ui.secondsUntilDue(now));
        now = steadySeconds();
        dailyBackupIfDue(*session.store, now, lastBackupCheck);
        shell.beginFrame(session.flow->modes().large);   // the first one uploads the font atlas
        sampleFontAtlas(ui.mode() != KioskUi::Mode::Admin);   // what this frame draws: the mode before it
        ui.frame(now);
        const Theme& th = session.flow->modes().contrast ? highContrastTheme() : standardTheme();
        shell.endFrame(th.background.r, th.background.g, th.background.b);
        shell.present();
        if (ui.takeLeaveFullscreenRequest()) {
            shell.setFullscreen(!shell.fullscreen());
            ui.setFullscreen(shell.fullscreen());
        }
        render = ui.wantsRender(now);
        if (exitAfter && ++frames >= exitAfter) break;
        if (shell.shouldClose() && shell.fullscreen()) shell.refuseClose();   // Alt+F4 does not end a kiosk
    }
}

} // namespace

int runKiosk(int argc, char** argv) {
    return cli::runGuarded("", [&] {
        std::set<std::string> valued = kShellValued;
        valued.insert({"exit-after-frames", "idle-seconds"});
        const cli::Args a = parseOptions(argc, argv, 1, valued, {"demo"});
        FlowSettings fs;
        fs.idleSeconds = number(a, "idle-seconds", fs.idleSeconds, 5, 3600);
        long exitAfter = static_cast<long>(number(a, "exit-after-frames", 0, 1, 1e9));
        ShellOptions so = shellOptions(a);
        so.title = "SuaraWarga";
        const std::string db = dbOption(a);
        const WriterLock owner(db, "the kiosk"); // restore refuses while we run
        KioskSession session(db, fs, makeEspeakSpeech(), a.has("demo"));
        session.idleFromCommandLine = a.has("idle-seconds");
        session.applyStoreSettings();
        Shell shell(so);
        KioskUi ui(*session.flow, shell.fonts(), *session.submitter, session.store.get(), session.unit.name);
        ui.onAdminClosed = [&session] { session.applyStoreSettings(); };
        useShellTextures(ui);
        ui.setFullscreen(shell.fullscreen());
        logLine("start", "kiosk on " + session.store->path() + ", " + std::to_string(shell.pxPerMm()) + " px/mm");
        kioskLoop(session, shell, ui, exitAfter);
        return 0;
    });
}

// [SECTION] screenshot

namespace {

// "facility" is the unit head's P2HAM screen; the citizen's "which facilities did you use?" page is "facility-use".
const char* const kScreens[] = {"welcome", "language", "service", "unsur", "ham", "rentan-gate", "rentan", "facility-use", "adil", "profile", "comment",
                                "thanks", "idle", "pin", "dashboard", "facility", "settings", "publish", "assessor", "setup"};

// --unsur CODE: its index in the instrument.
int unsurIndex(const Instrument& in, const std::string& code) {
    int idx = -1;
    for (std::size_t i = 0; i < in.unsur.size(); ++i)
        if (in.unsur[i].code == code) idx = static_cast<int>(i);
    if (idx < 0) throw UsageError("--unsur: no unsur " + code);
    return idx;
}

// Puts the flow (or the unit head's area) on the screen the picture shows.
void placeScreen(const cli::Args& a, const std::string& name, const std::string& lang, const Modes& modes, KioskSession& session,
                 KioskUi& ui) {
    CitizenFlow& flow = *session.flow;
    flow.reset();
    flow.setLang(lang);
    flow.setModes(modes);
    if (name == "language") flow.showPage(Step::Language);
    else if (name == "service") flow.showPage(Step::Service);
    else if (name == "unsur") flow.showPage(Step::Unsur, unsurIndex(session.instrument, a.get("unsur", "U1")));
    else if (name == "ham") flow.showPage(Step::Ham, 0);
    else if (name == "rentan-gate") flow.showPage(Step::RentanGate);
    else if (name == "rentan") flow.showPage(Step::Rentan);
    else if (name == "facility-use") flow.showPage(Step::Facility);
    else if (name == "adil") flow.showPage(Step::Adil);
    else if (name == "profile") flow.showPage(Step::Profile, 0);
    else if (name == "comment") {
        flow.showPage(Step::Comment);
        flow.typeComment(session.strings.get("screenshot.comment", lang), 0);
    } else if (name == "thanks") flow.showPage(Step::Thanks);
    else if (name == "idle") {
        flow.showPage(Step::Unsur, 2);
        ui.forceIdlePrompt(true);
    } else if (name == "pin") {
        ui.openPin();        // resets the flow (as for a real unit head) …
        flow.setLang(lang);  // … so the picture's language is set again afterwards
    } else if (name == "dashboard" || name == "facility" || name == "settings" || name == "publish") {
        ui.openAdmin(name, lang);
    }
    if (a.has("select")) flow.choose(static_cast<std::size_t>(number(a, "select", 1, 1, 9)) - 1, 1e6);
}

// The assessor's view on the page and period the options ask for (pages a picture can't tap to).
std::unique_ptr<assessor::AssessorView> assessorShot(const cli::Args& a, assessor::AssessorHost& host) {
    auto view = std::make_unique<assessor::AssessorView>(host);
    // --period KIND: that preset from the newest response (default: its triwulan); all: all time.
    if (a.has("period")) {
        PeriodKind kind;
        const std::string p = a.get("period", "");
        if (p == "all") view->setPeriod(std::nullopt);
        else if (!parsePeriodKind(p, kind) || kind == PeriodKind::Custom)
            throw UsageError("--period: month|triwulan|semester|year|all");
        else if (auto newest = host.store->newestResponseDate())
            view->setPeriod(assessor::presetPeriod(kind, std::nullopt, *newest));
    }
    // --unit ID opens that unit's page; ID,ID… compares them.
    if (a.has("unit")) {
        std::vector<std::string> ids;
        std::stringstream list(a.get("unit", ""));
        for (std::string id; std::getline(list, id, ',');)
            if (!id.empty()) ids.push_back(id);
        if (ids.size() == 1) view->openUnit(ids[0]);
        else if (ids.size() > 1) view->compareUnits(ids);
    }
    // --level kanwil|province|kabkota[:AREA]: the roll-up above the unit, within AREA if given.
    if (a.has("level")) {
        const std::string level = a.get("level", "");
        const auto colon = level.find(':');
        view->showLevel(level.substr(0, colon), colon == std::string::npos ? "" : level.substr(colon + 1));
    }
    return view;
}

// `frames` frames at t = 100 s with the mouse away; the last one stays in the back buffer for the PNG.
void renderShot(Shell& shell, KioskUi& ui, assessor::AssessorView* view, const Modes& modes, int frames) {
    for (int i = 0; i < frames; ++i) {
        shell.waitEvents(0);
        shell.beginFrame(modes.large);
        sampleFontAtlas(!view && ui.mode() != KioskUi::Mode::Admin);   // as the kiosk loop does
        ImGui::GetIO().MousePos = ImVec2(-1e5f, -1e5f);
        if (view) view->draw();
        else ui.frame(100.0 + i * 0.016);
        const Theme& th = modes.contrast ? highContrastTheme() : standardTheme();
        shell.endFrame(th.background.r, th.background.g, th.background.b);
        if (i + 1 < frames) shell.present();
    }
}

void takeShot(const cli::Args& a, const std::string& db, bool demo, const std::string& name, const Modes& modes,
              const ShellOptions& so) {
    KioskSession session(db, FlowSettings{}, makeSilentSpeech(), demo);
    Shell shell(so);
    const std::string lang = a.get("lang", "id");
    if (!session.instrument.hasLanguage(lang)) throw UsageError("--lang: the instrument has no language " + lang);
    KioskUi ui(*session.flow, shell.fonts(), *session.submitter, session.store.get(), session.unit.name);
    useShellTextures(ui);
    placeScreen(a, name, lang, modes, session, ui);
    session.flow->touched(100.0);   // the frames below run at t = 100 s: no idle reset in the picture
    std::unique_ptr<AssessorStore> kanwil;   // the same file as the assessor's store; before the view
    assessor::AssessorHost ahost;            // before the view, which keeps a reference to it
    std::unique_ptr<assessor::AssessorView> assessorView;
    if (name == "assessor") {
        kanwil = openAssessorStore(session.store->path(), false);
        ahost.store = kanwil.get();
        ahost.pxPerMm = shell.pxPerMm();
        ahost.lang = lang;
        useShellTextures(ahost);
        assessorView = assessorShot(a, ahost);
    }
    renderShot(shell, ui, assessorView.get(), modes, static_cast<int>(number(a, "frames", 3, 1, 100)));
    const std::string out = a.get("out", "");
    std::string err;
    if (!shell.savePng(out, err)) throw std::runtime_error(err);
    std::cout << out << ": " << name << " (" << lang << ", " << a.get("mode", "standard") << ") at " << shell.pxPerMm() << " px/mm\n";
}

int screenshot(int argc, char** argv) {
    std::set<std::string> valued = kShellValued;
    valued.insert({"screen", "lang", "mode", "size", "out", "unsur", "select", "frames", "unit", "period", "level"});
    const cli::Args a = parseOptions(argc, argv, 2, valued, {"demo"});
    const std::string name = a.get("screen", "welcome");
    if (std::find(std::begin(kScreens), std::end(kScreens), name) == std::end(kScreens))
        throw UsageError("unknown --screen " + name + " (see suarawarga --help)");
    if (!a.has("out")) throw UsageError("--out FILE.png is required");
    Modes modes;
    if (!parseModes(a.get("mode", "standard"), modes)) throw UsageError("--mode: standard|large|contrast|speech|seated, comma-separated");
    ShellOptions so = shellOptions(a);
    so.fullscreen = false;
    so.hidden = true;
    if (!a.has("size")) so.width = 1920, so.height = 1080;
    if (so.dpi <= 0 && so.mmWide <= 0) so.dpi = 96.0f;   // Xvfb reports no real size: a 23" 1080p screen
    const ScratchStore db(a.get("db", ""), "shot");
    // The throw-away store is the demo unit, but for the first-run screen, which is of a store with none.
    const bool demo = a.has("demo") || (db.throwAway() && name != "setup");
    takeShot(a, db.path(), demo, name, modes, so);
    return 0;
}

// [SECTION] admin

std::int64_t wallUtc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string readPin(const char* prompt) {
    bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    return pin;
}

// The current PIN. Nothing typed (no terminal, stdin closed: a desktop launcher) is not a guess,
// so it is refused without counting as a failed try.
std::string askPin(const Translations& tr, const char* promptKey, const std::string& lang) {
    std::string pin = readPin(tr.get(promptKey, lang).c_str());
    if (pin.empty()) throw UsageError(tr.get("cli.pin_none_given", lang));
    return pin;
}

// Told before the PIN is asked: while locked it would be refused without being looked at.
void refuseWhileLocked(PinLock& lock, const Translations& tr, const std::string& lang) {
    if (int left = lock.lockSecondsLeft(wallUtc()); left > 0)
        throw UsageError(format(tr.get("pin.locked", lang), {std::to_string(left)}));
}

// A PIN that did not open is exit 2 with the reason; a lock-out this very try started is told
// with it, so the unit head knows why the next try must wait.
void refuseUnlessOpened(const PinLock::Check& c, const Translations& tr, const std::string& lang) {
    switch (c.result) {
    case PinLock::Result::Ok:
    case PinLock::Result::NoPin: return;
    case PinLock::Result::Wrong: throw UsageError(tr.get("pin.wrong", lang));
    case PinLock::Result::LockedOut:
        throw UsageError(tr.get("pin.wrong", lang) + ". " + format(tr.get("pin.locked", lang), {std::to_string(c.secondsLeft)}));
    }
}

// The office PC's window is the same unit head's area the kiosk guards with its PIN pad, so it
// asks the same PIN (same failure count and lock-out) before anything is drawn.
void requirePinFromTerminal(Store& store, const std::string& lang) {
    PinLock lock(store);
    if (!lock.hasPin()) return;   // none set yet: as at the kiosk, whoever comes first sets it there
    Translations tr = Translations::loadArea("kiosk");
    refuseWhileLocked(lock, tr, lang);
    const std::string pin = askPin(tr, "cli.admin_pin_prompt", lang);
    refuseUnlessOpened(lock.verify(pin, wallUtc()), tr, lang);
}

int setPinFromTerminal(const cli::Args& a) {
    Store store(dbOption(a));
    Translations tr = Translations::loadArea("kiosk");
    const std::string lang = a.get("lang", "id");
    PinLock lock(store);
    // Whoever can type at the office PC must not be able to take the PIN over: a set PIN is
    // changed only by who knows it (a forgotten one: --reset-pin, as root). Checked at once, so
    // a wrong one is not followed by typing the new PIN twice for nothing.
    std::string current;
    if (lock.hasPin()) {
        refuseWhileLocked(lock, tr, lang);
        current = askPin(tr, "cli.set_pin_old", lang);
        refuseUnlessOpened(lock.verify(current, wallUtc()), tr, lang);
    }
    std::string first = readPin(tr.get("cli.set_pin_prompt", lang).c_str());
    if (std::string problem = pinProblem(first); !problem.empty()) throw UsageError(tr.get(problem, lang));
    std::string again = readPin(tr.get("cli.set_pin_again", lang).c_str());
    if (first != again) throw UsageError(tr.get("cli.set_pin_mismatch", lang));
    refuseUnlessOpened(lock.changePin(current, first, wallUtc()), tr, lang);
    store.logEvent("pin_set", "from the terminal");
    std::cout << tr.get("cli.set_pin_done", lang) << "\n";
    return 0;
}

// A forgotten PIN. Root owns the store file anyway, so root may clear the PIN; it does not set
// one (the unit head does, at the kiosk's next PIN entry). The store must already exist: root's
// default --db is not the kiosk user's, and a new empty store there would help nobody.
int resetPinAsRoot(const cli::Args& a) {
    Translations tr = Translations::loadArea("kiosk");
    const std::string lang = a.get("lang", "id");
    if (geteuid() != 0) throw UsageError(tr.get("cli.reset_pin_root_only", lang));
    Store::Options opt;
    opt.create = false;
    Store store(dbOption(a), opt);
    std::string detail = "by root from the terminal";
    if (const char* by = std::getenv("SUDO_USER"); by && *by) detail += std::string(" (sudo by ") + by + ")";
    PinLock(store).clearPin(detail);
    std::cout << tr.get("cli.reset_pin_done", lang) << "\n";
    return 0;
}

int admin(int argc, char** argv) {
    std::set<std::string> valued = kShellValued;
    valued.insert("lang");
    const cli::Args a = parseOptions(argc, argv, 2, valued, {"set-pin", "reset-pin", "demo"});
    if (a.has("set-pin") && a.has("reset-pin")) throw UsageError("--set-pin and --reset-pin: give one of them");
    if (a.has("reset-pin")) return resetPinAsRoot(a);
    if (a.has("set-pin")) return setPinFromTerminal(a);
    ShellOptions so = shellOptions(a);
    if (!a.has("windowed")) so.fullscreen = false;   // the office PC: a normal window
    so.title = "SuaraWarga — admin";
    Store store(dbOption(a));
    requirePinFromTerminal(store, a.get("lang", "id"));
    // No unit yet: the area opens on its settings, where the unit's identity is set up.
    Instrument in = a.has("demo") ? setUpDemo(store) : ensureInstrument(store);
    Shell shell(so);
    admin::AdminHost host;
    host.store = &store;
    host.instrument = in;
    host.pxPerMm = shell.pxPerMm();
    host.lang = a.get("lang", "id");
    host.fullscreen = false;
    useShellTextures(host);
    admin::AdminArea area(host);
    while (!shell.shouldClose() && !host.requestClose) {
        shell.waitEvents(0.5);
        shell.beginFrame();
        area.draw();
        shell.endFrame(0.93f, 0.95f, 0.96f);
        shell.present();
        host.requestLeaveFullscreen = false;   // already windowed
    }
    return 0;
}

// [SECTION] assessor

int assessorVerb(int argc, char** argv) {
    std::set<std::string> valued = kShellValued;
    valued.insert("lang");
    const cli::Args a = parseOptions(argc, argv, 2, valued, {});
    if (!a.has("db")) throw UsageError("--db FILE|postgresql://… (the assessor's merged store) is required");
    ShellOptions so = shellOptions(a);
    if (!a.has("windowed")) so.fullscreen = false;
    so.title = "SuaraWarga — Kanwil";
    // The SQLite file or PostgreSQL (README "The national store"); a viewer never makes a store.
    const auto store = openAssessorStore(a.get("db", ""), false);
    Shell shell(so);
    assessor::AssessorHost host;
    host.store = store.get();
    host.pxPerMm = shell.pxPerMm();
    host.lang = a.get("lang", "id");
    useShellTextures(host);
    assessor::AssessorView view(host);
    while (!shell.shouldClose() && !host.requestClose) {
        shell.waitEvents(0.5);
        shell.beginFrame();
        view.draw();
        shell.endFrame(0.93f, 0.95f, 0.96f);
        shell.present();
    }
    return 0;
}

} // namespace

bool isKioskVerb(const char* verb) {
    return std::strcmp(verb, "screenshot") == 0 || std::strcmp(verb, "speak") == 0 || std::strcmp(verb, "admin") == 0 || std::strcmp(verb, "assessor") == 0 ||
           std::strcmp(verb, "board") == 0;
}

int runKioskVerb(int argc, char** argv) {
    const std::string v = argv[1];
    if (argc >= 3 && (std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0)) {
        printKioskHelp();
        return 0;
    }
    // Errors are printed and mapped to exit codes as the headless verbs' are (app/cli/cli.hpp).
    if (v == "screenshot") return cli::runGuarded(v, [&] { return screenshot(argc, argv); });
    if (v == "admin") return cli::runGuarded(v, [&] { return admin(argc, argv); });
    if (v == "speak") return cli::runGuarded(v, [&] { return speak(argc, argv); });
    if (v == "board") return board::runBoardVerb(argc, argv);
    return cli::runGuarded("assessor", [&] { return assessorVerb(argc, argv); });
}

void printKioskHelp() {
    std::cout << R"(
The kiosk (no command):
  suarawarga [--db FILE] [--demo] [--windowed WxH] [--dpi N | --mm WxH] [--idle-seconds S] [--exit-after-frames N]
    Full-screen citizen survey. --db defaults to $XDG_DATA_HOME/suarawarga/suarawarga.db. A store with
    no unit shows the first-run screen: staff set the PIN, then the unit's identity (or run
    `suarawarga init` first). --demo: a store with no unit becomes the demo unit, marked DEMO on every
    screen, report and bundle (refused for a real unit's store). --dpi/--mm override the monitor's reported
    size (targets are sized in millimetres). --idle-seconds (default 45, doubled in accessibility
    modes) before "Butuh waktu lagi?". Unit head: hold the top-left corner 3 s, then the PIN.
    Keypad: 1-9 choose, Enter next/skip, Backspace back, * repeat speech (on the welcome screen: speech on).
    Any tap, Enter or Space extends "Butuh waktu lagi?".

Display commands:
  suarawarga screenshot --screen NAME --out FILE.png [--lang id|en] [--mode M[,M…]] [--size WxH]
                        [--db FILE] [--demo] [--unsur U1..U9] [--select N] [--unit ID[,ID…]] [--period P] [--dpi N | --mm WxH]
    Renders one screen in a hidden window and writes a PNG (default 1920x1080 at 96 dpi, a throw-away
    database unless --db; --demo puts the demo unit in a store with none). NAME: welcome language service unsur ham rentan-gate rentan facility-use adil profile comment
    thanks idle pin dashboard facility settings publish assessor setup (facility-use: the citizen's
    "which facilities did you use?" page; facility: the unit head's P2HAM screen). M: standard large contrast speech seated.
    --select N marks answer N as chosen. --unit ID (assessor): that unit's page; ID,ID,…: compared.
    --level L[:AREA] (assessor): the roll-up by kanwil|province|kabkota (within AREA: kanwil-36, 36), or delivery.
    --period P (assessor): month|triwulan|semester|year holding the newest response, or all
    (default: its triwulan).
  suarawarga speak --screen NAME --out FILE.wav [--lang id|en] [--mode M[,M…]] [--index N] [--db FILE] [--demo]
    Writes what the kiosk says on that screen (its spoken guidance: the question and every option
    with its key) as a WAV file with espeak-ng, and prints the text. NAME: welcome language service
    unsur rentan facility ham adil profile comment thanks. --index N: the Nth unsur, HAM item or
    profile field (default 1). A throw-away demo database unless --db.
  suarawarga admin [--db FILE] [--demo] [--windowed WxH] [--lang id|en]
    The unit head's area in a normal window (office PC). When a PIN is set it is asked first on the
    terminal (hidden; else one line of stdin); a wrong one is exit 2 and counts as a failed try,
    with the kiosk's lock-out (5 free tries, then 30 s doubling up to one hour).
  suarawarga admin --set-pin [--db FILE] [--lang id|en]
    Sets the unit head's PIN (4-12 digits), read twice: hidden on a terminal, else lines of stdin.
    When a PIN is set the current one is asked first (a wrong one counts as a failed try). Refused
    as too easy to guess: one digit repeated (0000, 1111) and digits in a row (1234, 4321, 7890).
  suarawarga admin --reset-pin --db FILE
    A forgotten PIN: clears it (and its lock-out) so the next PIN entry at the kiosk sets a new one.
    Root only (sudo): whoever is root owns the store file anyway. Logged as event "pin_reset".
    Give --db: root's default database is not the kiosk user's, and none is created here.
  suarawarga assessor --db FILE|postgresql://… [--windowed WxH]
    The Kanwil assessor's view of a merged store: the SQLite file or the PostgreSQL store.
)";
    board::printBoardHelp();
}

} // namespace sw::kiosk
