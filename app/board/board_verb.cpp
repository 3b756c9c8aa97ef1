// `suarawarga board`: the board in a full-screen window (or --windowed), or one page to PNG
// (--screenshot, for tests and the README). It only reads the store, so it can run beside the kiosk
// (which holds the writer lock) on a second screen, or on a copy of the store elsewhere.
#include "app/board/board.hpp"

#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"
#include "app/shell/shell.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/log.hpp"
#include "survey/export/html_page.hpp"
#include "survey/store/unit_setup.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <iostream>

namespace sw::board {

namespace {

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double number(const cli::Args& a, const std::string& key, double fallback, double min, double max) {
    const std::optional<std::string> text = a.get(key);
    if (!text) return fallback;
    try {
        const double v = std::stod(*text);
        if (v < min || v > max) throw UsageError("--" + key + " must be between " + std::to_string(min) + " and " + std::to_string(max));
        return v;
    } catch (const std::logic_error&) {
        throw UsageError("--" + key + ": not a number: " + *text);
    }
}

kiosk::ShellOptions shellOptions(const cli::Args& a, bool screenshot) {
    kiosk::ShellOptions s;
    s.title = "SuaraWarga — papan hasil survei";
    for (const char* key : {"windowed", "size"})
        if (a.has(key)) {
            s.fullscreen = false;
            if (!kiosk::parseSize(a.get(key, ""), s.width, s.height)) throw UsageError(std::string("--") + key + " wants WxH, e.g. 1920x1080");
        }
    s.dpi = static_cast<float>(number(a, "dpi", 0, 30, 1000));
    if (a.has("mm") && !kiosk::parseSizeF(a.get("mm", ""), s.mmWide, s.mmHigh)) throw UsageError("--mm wants WxH in millimetres, e.g. 952x535");
    if (screenshot) {
        s.fullscreen = false;
        s.hidden = true;
        if (!a.has("size")) s.width = 1920, s.height = 1080;
        if (s.dpi <= 0 && s.mmWide <= 0) s.dpi = 96.0f;   // Xvfb reports no real size: a 23" 1080p screen
    }
    return s;
}

// --from/--to, else the last whole --period (triwulan by default) before today: the result the
// unit has finished collecting, as its welcome line says.
ResponseFilter boardFilter(const cli::Args& a, Store& store) {
    ResponseFilter f;
    for (const char* key : {"from", "to"})
        if (auto v = a.get(key)) {
            LocalDate d;
            if (!parseDate(*v, d)) throw UsageError(std::string("--") + key + " must be a date YYYY-MM-DD (got \"" + *v + "\")");
            (std::string(key) == "from" ? f.from : f.to) = *v;
        }
    if (f.from || f.to) return f;
    PeriodKind kind = PeriodKind::Triwulan;
    if (!parsePeriodKind(a.get("period", "triwulan"), kind) || kind == PeriodKind::Custom)
        throw UsageError("--period must be month, triwulan, semester or year");
    LocalDate today;
    parseDate(localDate(nowUtc(), store.unit().value_or(UnitInfo{}).utcOffsetMinutes), today);
    const Period last = previousPeriod(periodContaining(kind, today));
    f.from = formatDate(last.from);
    f.to = formatDate(last.to);
    return f;
}

std::vector<std::string> boardLanguages(const cli::Args& a) {
    const std::string lang = a.get("lang", "id");
    if (lang == "both") return {"id", "en"};
    if (lang != "id" && lang != "en") throw UsageError("--lang must be id, en or both");
    return {lang};
}

// One summary per language, recomputed from the store every few minutes while the board runs.
struct Content {
    Store& store;
    const cli::Args& a;
    std::vector<std::string> langs;
    std::vector<PublicSummary> summaries;
    double loadedAt = -1e9;

    void refresh(double now) {
        const ResponseFilter f = boardFilter(a, store);
        summaries.clear();
        for (const auto& lang : langs) summaries.push_back(publicSummary(store, f, lang));
        loadedAt = now;
    }
};

// The slides in order: each language's pages in turn.
struct Slide {
    std::size_t summary;
    BoardPage page;
};
std::vector<Slide> slides(const Content& c) {
    std::vector<Slide> out;
    for (std::size_t i = 0; i < c.summaries.size(); ++i)
        for (BoardPage p : boardPages(c.summaries[i])) out.push_back({i, p});
    return out;
}

void frame(kiosk::Shell& shell, const PublicSummary& s, BoardPage page, const BoardFonts& fonts, const BoardType& type) {
    shell.beginFrame();
    drawBoard(s, page, fonts, type);
    const std::uint32_t bg = htmlPalette().background;
    shell.endFrame(static_cast<float>((bg >> 16) & 0xFF) / 255.0f, static_cast<float>((bg >> 8) & 0xFF) / 255.0f,
                   static_cast<float>(bg & 0xFF) / 255.0f);
}

BoardType typeFor(const kiosk::Shell& shell) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(shell.window(), &w, &h);
    return boardType(shell.pxPerMm(), w, h);
}

int screenshot(const cli::Args& a, Content& content) {
    const int pageNumber = static_cast<int>(number(a, "page", 1, 1, kBoardPages));
    kiosk::Shell shell(shellOptions(a, true));
    const BoardType type = typeFor(shell);
    const BoardFonts fonts = addBoardFonts(*ImGui::GetIO().Fonts, type);
    content.refresh(steadySeconds());
    const BoardPage page = static_cast<BoardPage>(pageNumber - 1);
    for (int i = 0; i < 3; ++i) {   // the last frame stays in the back buffer for the PNG
        shell.waitEvents(0);
        frame(shell, content.summaries.front(), page, fonts, type);
        if (i < 2) shell.present();
    }
    const std::string out = a.get("screenshot", "");
    std::string err;
    if (!shell.savePng(out, err)) throw std::runtime_error(err);
    std::cout << out << ": board page " << pageNumber << " (" << content.langs.front() << ") at " << shell.pxPerMm() << " px/mm\n";
    return 0;
}

bool escapePressed() {
    const int idx = ImGui::GetKeyIndex(ImGuiKey_Escape);
    return idx >= 0 && ImGui::IsKeyPressed(idx, false);
}

// Shows each slide for --seconds and sleeps in between (an idle board costs nothing); the figures
// are read again every ten minutes, so the board follows the kiosk's new answers.
int run(const cli::Args& a, Content& content) {
    const double seconds = number(a, "seconds", 12, 3, 3600);
    kiosk::Shell shell(shellOptions(a, false));
    const BoardType type = typeFor(shell);
    const BoardFonts fonts = addBoardFonts(*ImGui::GetIO().Fonts, type);
    content.refresh(steadySeconds());
    logLine("start", "board on " + content.store.path());
    std::size_t at = 0;
    double shownAt = steadySeconds();
    while (!shell.shouldClose()) {
        shell.waitEvents(std::max(0.0, shownAt + seconds - steadySeconds()));
        const double now = steadySeconds();
        if (now >= shownAt + seconds) {
            if (now - content.loadedAt > 600) content.refresh(now);
            ++at;
            shownAt = now;
        }
        const std::vector<Slide> all = slides(content);
        const Slide slide = all[at % all.size()];
        frame(shell, content.summaries[slide.summary], slide.page, fonts, type);
        shell.present();
        if (escapePressed()) break;
    }
    return 0;
}

int board(int argc, char** argv) {
    const cli::Args a(argc, argv, 2, {"db", "lang", "from", "to", "period", "seconds", "windowed", "size", "dpi", "mm", "screenshot", "page"}, {});
    if (!a.positional().empty()) throw UsageError("unknown option " + a.positional().front() + " (see --help)");
    Store store(cli::databaseOption(a.get("db", "")), Store::Options{.create = false});
    requireUnit(store);
    boardFilter(a, store);   // a bad --from/--to/--period is said before a window opens
    Content content{store, a, boardLanguages(a), {}, -1e9};
    if (a.has("screenshot")) return screenshot(a, content);
    return run(a, content);
}

} // namespace

int runBoardVerb(int argc, char** argv) { return cli::runGuarded("board", [&] { return board(argc, argv); }); }

void printBoardHelp() {
    std::cout << R"(  suarawarga board [--db FILE] [--lang id|en|both] [--period triwulan|semester|year|month | --from D --to D]
                   [--seconds S] [--windowed WxH] [--dpi N | --mm WxH]
    The waiting-room board: the unit's public SKM result full screen in large type, cycling every S
    seconds (default 12) through the overall result, the weakest and the strongest unsur and what was
    done (tindak lanjut marked selesai). Default period: the last whole triwulan. Reads only: it can
    run beside the kiosk. Esc leaves. --lang both alternates the languages.
  suarawarga board --screenshot OUT.png --page 1..4 [--size WxH] [--lang id|en] [...]
    One page to PNG in a hidden window (default 1920x1080 at 96 dpi), as `screenshot` does.
)";
}

} // namespace sw::board
