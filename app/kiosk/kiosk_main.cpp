// Entry points called from app/main.cpp: the kiosk itself and the verbs that need a display
// (screenshot, admin, assessor).
//
// Index of this file
//   [SECTION] Options
//   [SECTION] The kiosk loop
//   [SECTION] screenshot
//   [SECTION] admin (windowed unit head's area, --set-pin)
//   [SECTION] assessor
#include "app/kiosk/kiosk.hpp"

#include "app/admin/admin_area.hpp"
#include "app/assessor/assessor_view.hpp"
#include "app/assessor/period_picker.hpp"
#include "app/kiosk/kiosk_session.hpp"
#include "app/kiosk/kiosk_ui.hpp"
#include "app/kiosk/shell.hpp"
#include "survey/error.hpp"
#include "survey/log.hpp"
#include "survey/paths.hpp"
#include "survey/pin.hpp"
#include "survey/rollup_period.hpp"
#include "survey/unit_setup.hpp"

#if __has_include("survey/backup.hpp")
#include "survey/backup.hpp"
#define SW_HAVE_BACKUP 1
#endif

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace sw::kiosk {

// [SECTION] Options

namespace {

struct Options {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    bool has(const std::string& k) const { return values.count(k) || flags.count(k); }
    std::string get(const std::string& k, const std::string& fallback = "") const {
        auto it = values.find(k);
        return it == values.end() ? fallback : it->second;
    }
};

// Every option is declared, so a typo is an error that names it.
Options parseOptions(int argc, char** argv, int first, const std::set<std::string>& valued, const std::set<std::string>& flags) {
    Options o;
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (valued.count(a)) {
            if (i + 1 >= argc) throw UsageError(a + " needs a value");
            o.values[a] = argv[++i];
        } else if (flags.count(a)) {
            o.flags.insert(a);
        } else {
            throw UsageError("unknown option " + a);
        }
    }
    return o;
}

double number(const Options& o, const std::string& key, double fallback, double min, double max) {
    if (!o.has(key)) return fallback;
    try {
        double v = std::stod(o.get(key));
        if (v < min || v > max) throw UsageError(key + " must be between " + std::to_string(min) + " and " + std::to_string(max));
        return v;
    } catch (const std::logic_error&) {
        throw UsageError(key + ": not a number: " + o.get(key));
    }
}

ShellOptions shellOptions(const Options& o) {
    ShellOptions s;
    if (o.has("--windowed")) {
        s.fullscreen = false;
        if (!parseSize(o.get("--windowed"), s.width, s.height)) throw UsageError("--windowed wants WxH, e.g. 1280x800");
    }
    if (o.has("--size")) {
        s.fullscreen = false;
        if (!parseSize(o.get("--size"), s.width, s.height)) throw UsageError("--size wants WxH, e.g. 1920x1080");
    }
    s.dpi = static_cast<float>(number(o, "--dpi", 0, 30, 1000));
    if (o.has("--mm") && !parseSizeF(o.get("--mm"), s.mmWide, s.mmHigh)) throw UsageError("--mm wants WxH in millimetres, e.g. 476x268");
    return s;
}

std::string dbOption(const Options& o) { return o.has("--db") ? o.get("--db") : defaultDatabasePath(); }

int reportError(const char* what, const std::exception& e, int code) {
    std::cerr << "suarawarga" << (what[0] ? " " : "") << what << ": " << e.what() << "\n";
    return code;
}

template <class F> int guarded(const char* what, F&& f) {
    try {
        return f();
    } catch (const UsageError& e) {
        return reportError(what, e, 2);
    } catch (const InstrumentError& e) {
        return reportError(what, e, 3);
    } catch (const StoreError& e) {
        return reportError(what, e, 4);
    } catch (const std::exception& e) {
        return reportError(what, e, 1);
    }
}

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

const std::set<std::string> kShellValued = {"--db", "--windowed", "--dpi", "--mm"};

} // namespace

// [SECTION] The kiosk loop

int runKiosk(int argc, char** argv) {
    return guarded("", [&] {
        std::set<std::string> valued = kShellValued;
        valued.insert({"--exit-after-frames", "--idle-seconds"});
        Options o = parseOptions(argc, argv, 1, valued, {});
        FlowSettings fs;
        fs.idleSeconds = number(o, "--idle-seconds", fs.idleSeconds, 5, 3600);
        long exitAfter = static_cast<long>(number(o, "--exit-after-frames", 0, 1, 1e9));
        ShellOptions so = shellOptions(o);
        so.title = "SuaraWarga";
        KioskSession session(dbOption(o), fs, makeEspeakSpeech());
        session.idleFromCommandLine = o.has("--idle-seconds");
        session.applyStoreSettings();
        Shell shell(so);
        KioskUi ui(*session.flow, shell.fonts(), *session.submitter, session.store.get(), session.unit.name);
        ui.onAdminClosed = [&session] { session.applyStoreSettings(); };
        ui.uploadTexture = Shell::uploadTexture;
        ui.releaseTexture = Shell::releaseTexture;
        ui.setFullscreen(shell.fullscreen());
        logLine("start", "kiosk on " + session.store->path() + ", " + std::to_string(shell.pxPerMm()) + " px/mm");
        long frames = 0;
        bool render = true;
        [[maybe_unused]] double lastBackupCheck = -1e9;
        while (!shell.shouldClose()) {
            double now = steadySeconds();
            // Idle: sleep until input or until the flow has something due (countdown, retry).
            shell.waitEvents(render || exitAfter ? 0.0 : ui.secondsUntilDue(now));
            now = steadySeconds();
#ifdef SW_HAVE_BACKUP
            // The daily backup (survey/backup.hpp) does at most one copy per local day; asking once a
            // minute keeps the idle kiosk's cost at a settings read.
            if (now - lastBackupCheck > 60) {
                lastBackupCheck = now;
                auto utc = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
                if (auto made = maybeDailyBackup(*session.store, static_cast<std::int64_t>(utc.count())))
                    logLine("backup", made->path);
            }
#endif
            shell.beginFrame();
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
        return 0;
    });
}

// [SECTION] screenshot

namespace {

const char* const kScreens[] = {"welcome", "language", "service", "unsur", "ham", "rentan", "adil", "profile", "comment",
                                "thanks", "idle", "pin", "dashboard", "facility", "settings", "assessor"};

int screenshot(int argc, char** argv) {
    std::set<std::string> valued = kShellValued;
    valued.insert({"--screen", "--lang", "--mode", "--size", "--out", "--unsur", "--select", "--frames", "--unit", "--period"});
    Options o = parseOptions(argc, argv, 2, valued, {});
    std::string name = o.get("--screen", "welcome");
    bool known = false;
    for (const char* s : kScreens) known = known || name == s;
    if (!known) throw UsageError("unknown --screen " + name + " (see suarawarga --help)");
    if (!o.has("--out")) throw UsageError("--out FILE.png is required");
    Modes modes;
    if (!parseModes(o.get("--mode", "standard"), modes)) throw UsageError("--mode: standard|large|contrast|speech|seated, comma-separated");
    ShellOptions so = shellOptions(o);
    so.fullscreen = false;
    so.hidden = true;
    if (!o.has("--size")) so.width = 1920, so.height = 1080;
    if (so.dpi <= 0 && so.mmWide <= 0) so.dpi = 96.0f;   // Xvfb reports no real size: a 23" 1080p screen
    // A throw-away database unless one is given: screenshots never touch the kiosk's data.
    namespace fs = std::filesystem;
    fs::path tmp;
    std::string db = o.get("--db");
    if (db.empty()) {
        tmp = fs::temp_directory_path() / ("sw-shot-" + std::to_string(getpid()));
        fs::create_directories(tmp);
        db = (tmp / "shot.db").string();
    }
    int rc = 0;
    {
        KioskSession session(db, FlowSettings{}, makeSilentSpeech());
        Shell shell(so);
        CitizenFlow& flow = *session.flow;
        std::string lang = o.get("--lang", "id");
        if (!session.instrument.hasLanguage(lang)) throw UsageError("--lang: the instrument has no language " + lang);
        KioskUi ui(flow, shell.fonts(), *session.submitter, session.store.get(), session.unit.name);
        ui.uploadTexture = Shell::uploadTexture;
        ui.releaseTexture = Shell::releaseTexture;
        std::unique_ptr<assessor::AssessorView> assessorView;
        assessor::AssessorHost ahost;
        auto place = [&] {
            flow.reset();
            flow.setLang(lang);
            flow.setModes(modes);
            if (name == "language") flow.showPage(Step::Language);
            else if (name == "service") flow.showPage(Step::Service);
            else if (name == "unsur") {
                std::string code = o.get("--unsur", "U1");
                int idx = -1;
                for (std::size_t i = 0; i < session.instrument.unsur.size(); ++i)
                    if (session.instrument.unsur[i].code == code) idx = static_cast<int>(i);
                if (idx < 0) throw UsageError("--unsur: no unsur " + code);
                flow.showPage(Step::Unsur, idx);
            } else if (name == "ham") flow.showPage(Step::Ham, 0);
            else if (name == "rentan") flow.showPage(Step::Rentan);
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
            } else if (name == "dashboard" || name == "facility" || name == "settings") {
                ui.openAdmin(name, lang);
            }
            if (o.has("--select")) flow.choose(static_cast<std::size_t>(number(o, "--select", 1, 1, 9)) - 1, 1e6);
        };
        place();
        flow.touched(100.0);   // the frames below run at t = 100 s: no idle reset in the picture
        if (name == "assessor") {
            ahost.store = session.store.get();
            ahost.pxPerMm = shell.pxPerMm();
            ahost.lang = lang;
            ahost.uploadTexture = Shell::uploadTexture;
            ahost.releaseTexture = Shell::releaseTexture;
            assessorView = std::make_unique<assessor::AssessorView>(ahost);
            // --period KIND: that preset from the newest response (default: its triwulan); all: all time.
            if (o.has("--period")) {
                PeriodKind kind;
                const std::string p = o.get("--period");
                if (p == "all") assessorView->setPeriod(std::nullopt);
                else if (!parsePeriodKind(p, kind) || kind == PeriodKind::Custom)
                    throw UsageError("--period: month|triwulan|semester|year|all");
                else if (auto newest = newestResponseDate(*ahost.store))
                    assessorView->setPeriod(assessor::presetPeriod(kind, std::nullopt, *newest));
            }
            // --unit ID opens that unit's page; ID,ID… compares them (pages a picture can't tap to).
            if (o.has("--unit")) {
                std::vector<std::string> ids;
                std::stringstream list(o.get("--unit"));
                for (std::string id; std::getline(list, id, ',');)
                    if (!id.empty()) ids.push_back(id);
                if (ids.size() == 1) assessorView->openUnit(ids[0]);
                else if (ids.size() > 1) assessorView->compareUnits(ids);
            }
        }
        int frames = static_cast<int>(number(o, "--frames", 3, 1, 100));
        for (int i = 0; i < frames; ++i) {
            shell.waitEvents(0);
            shell.beginFrame();
            ImGui::GetIO().MousePos = ImVec2(-1e5f, -1e5f);
            if (assessorView) assessorView->draw();
            else ui.frame(100.0 + i * 0.016);
            const Theme& th = modes.contrast ? highContrastTheme() : standardTheme();
            shell.endFrame(th.background.r, th.background.g, th.background.b);
            if (i + 1 < frames) shell.present();
        }
        std::string err;
        if (!shell.savePng(o.get("--out"), err)) throw std::runtime_error(err);
        std::cout << o.get("--out") << ": " << name << " (" << lang << ", " << o.get("--mode", "standard") << ") at "
                  << shell.pxPerMm() << " px/mm\n";
    }
    if (!tmp.empty()) {
        std::error_code ec;
        fs::remove_all(tmp, ec);
    }
    return rc;
}

// [SECTION] admin

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

int admin(int argc, char** argv) {
    std::set<std::string> valued = kShellValued;
    valued.insert("--lang");
    Options o = parseOptions(argc, argv, 2, valued, {"--set-pin"});
    if (o.has("--set-pin")) {
        Store store(dbOption(o));
        Translations tr = Translations::loadArea("kiosk");
        std::string lang = o.get("--lang", "id");
        std::string a = readPin(tr.get("cli.set_pin_prompt", lang).c_str());
        std::string b = readPin(tr.get("cli.set_pin_again", lang).c_str());
        if (a != b) throw UsageError(tr.get("cli.set_pin_mismatch", lang));
        PinLock(store).setPin(a);
        store.logEvent("pin_set", "from the terminal");
        std::cout << tr.get("cli.set_pin_done", lang) << "\n";
        return 0;
    }
    ShellOptions so = shellOptions(o);
    if (!o.has("--windowed")) so.fullscreen = false;   // the office PC: a normal window
    so.title = "SuaraWarga — admin";
    Store store(dbOption(o));
    Instrument in = ensureSetup(store);
    Shell shell(so);
    admin::AdminHost host;
    host.store = &store;
    host.instrument = in;
    host.pxPerMm = shell.pxPerMm();
    host.lang = o.get("--lang", "id");
    host.fullscreen = false;
    host.uploadTexture = Shell::uploadTexture;
    host.releaseTexture = Shell::releaseTexture;
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
    valued.insert("--lang");
    Options o = parseOptions(argc, argv, 2, valued, {});
    if (!o.has("--db")) throw UsageError("--db FILE (the assessor's merged store) is required");
    ShellOptions so = shellOptions(o);
    if (!o.has("--windowed")) so.fullscreen = false;
    so.title = "SuaraWarga — Kanwil";
    Store store(o.get("--db"));
    Shell shell(so);
    assessor::AssessorHost host;
    host.store = &store;
    host.pxPerMm = shell.pxPerMm();
    host.lang = o.get("--lang", "id");
    host.uploadTexture = Shell::uploadTexture;
    host.releaseTexture = Shell::releaseTexture;
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
    return std::strcmp(verb, "screenshot") == 0 || std::strcmp(verb, "admin") == 0 || std::strcmp(verb, "assessor") == 0;
}

int runKioskVerb(int argc, char** argv) {
    std::string v = argv[1];
    std::string what = v;
    if (argc >= 3 && (std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0)) {
        printKioskHelp();
        return 0;
    }
    if (v == "screenshot") return guarded("screenshot", [&] { return screenshot(argc, argv); });
    if (v == "admin") return guarded("admin", [&] { return admin(argc, argv); });
    return guarded("assessor", [&] { return assessorVerb(argc, argv); });
}

void printKioskHelp() {
    std::cout << R"(
The kiosk (no command):
  suarawarga [--db FILE] [--windowed WxH] [--dpi N | --mm WxH] [--idle-seconds S] [--exit-after-frames N]
    Full-screen citizen survey. --db defaults to $XDG_DATA_HOME/suarawarga/suarawarga.db; the first run
    sets up the default SKM instrument and a demo unit. --dpi/--mm override the monitor's reported
    size (targets are sized in millimetres). --idle-seconds (default 45, doubled in accessibility
    modes) before "Butuh waktu lagi?". Unit head: hold the top-left corner 3 s, then the PIN.
    Keypad: 1-9 choose, Enter next/skip, Backspace back, * repeat speech (on the welcome screen: speech on).
    Any tap, Enter or Space extends "Butuh waktu lagi?".

Display commands:
  suarawarga screenshot --screen NAME --out FILE.png [--lang id|en] [--mode M[,M…]] [--size WxH]
                        [--db FILE] [--unsur U1..U9] [--select N] [--unit ID[,ID…]] [--period P] [--dpi N | --mm WxH]
    Renders one screen in a hidden window and writes a PNG (default 1920x1080 at 96 dpi, a throw-away
    database unless --db). NAME: welcome language service unsur ham rentan adil profile comment
    thanks idle pin dashboard facility settings assessor. M: standard large contrast speech seated.
    --select N marks answer N as chosen. --unit ID (assessor): that unit's page; ID,ID,…: compared.
    --period P (assessor): month|triwulan|semester|year holding the newest response, or all
    (default: its triwulan).
  suarawarga admin [--db FILE] [--windowed WxH] [--lang id|en]
    The unit head's area in a normal window (office PC).
  suarawarga admin --set-pin [--db FILE]
    Sets the unit head's PIN (4-12 digits), read twice: hidden on a terminal, else two lines of stdin.
  suarawarga assessor --db FILE [--windowed WxH]
    The Kanwil assessor's view of a merged store.
)";
}

} // namespace sw::kiosk
