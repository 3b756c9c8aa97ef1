// Frame time of the kiosk at 1920×1080 (README "Benchmarks": p99 < 8 ms under software
// rendering). The real kiosk objects in the kiosk's own window (app/shell/shell.hpp: GLFW,
// OpenGL 3.3, the ImGui OpenGL3 backend), rendering every frame instead of idling, so each
// screen's cost is seen. A frame is timed from ImGui::NewFrame to the pixels being done
// (render, swap, glFinish — llvmpipe rasterises on the CPU, so glFinish is where it pays).
//
//   bench_frames [--frames N] [--size WxH] [--db FILE] [--screen NAME] [--linear-atlas] [--imgui-renderer]
//                [--compare-rects | --compare-discs]                      (under Xvfb; see run.sh)
//
// --screen NAME measures only that scenario (e.g. idle-prompt) after the two references: a short
// look at one screen without loading a shared machine for the whole set. --linear-atlas samples the
// font atlas as ImGui ships it instead of as the kiosk does (app/kiosk/font_sampling.hpp), and
// --imgui-renderer draws with the OpenGL3 backend's RenderDrawData instead of the shell's renderer
// (app/shell/draw_renderer.hpp), to compare them in one sitting. --compare-rects draws every other
// ten frames of each held screen with ImGui's own rectangles instead of the kiosk's crisp ones
// (app/kiosk/screens/crisp_shapes.hpp) and prints them as SCREEN@imgui-rects: both in one run;
// --compare-discs likewise draws the faces' discs as a fan (SCREEN@fan-discs) against the rows of
// rectangles the kiosk draws.
//
// Prints one line per scenario: each kiosk screen held still (the kiosk renders while speech
// highlights or a countdown runs), and "survey": a respondent tapping through all pages. A held
// screen's last frame is also drawn by both renderers and read back: "same_pixels" says whether
// the shell's renderer left every pixel as the backend does.
#include "bench_stats.hpp"
#include "kiosk_driver.hpp"

#include "app/kiosk/font_sampling.hpp"
#include "app/kiosk/screens/crisp_shapes.hpp"
#include "app/shell/shell.hpp"

#include <backends/imgui_impl_opengl3.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using sw::bench::FrameTiming;
using sw::bench::KioskDriver;
using sw::kiosk::Step;

namespace {

struct Scenario {
    const char* name;
    Step step;
    int index;
    const char* modes;   // for parseModes
    bool idlePrompt;
};

const Scenario kScenarios[] = {
    {"welcome", Step::Welcome, 0, "standard", false},
    {"language", Step::Language, 0, "standard", false},
    {"service", Step::Service, 0, "standard", false},
    {"unsur", Step::Unsur, 0, "standard", false},
    {"unsur-large-contrast", Step::Unsur, 0, "large,contrast", false},
    {"ham", Step::Ham, 0, "standard", false},
    {"profile", Step::Profile, 0, "standard", false},
    {"comment", Step::Comment, 0, "standard", false},
    {"thanks", Step::Thanks, 0, "standard", false},
    {"idle-prompt", Step::Unsur, 2, "standard", true},
};

// All threads: llvmpipe rasterises on threads of its own, and their CPU is the frame's real cost
// on a machine whose other core is busy (wall time then mostly measures the neighbour).
double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// What the last frame asked the rasteriser for: draw calls, triangles, and the pixels they cover
// counted once per triangle (overdraw included). Under llvmpipe every such pixel is shaded and
// blended on the CPU, so the area explains most of a screen's frame time.
struct DrawLoad {
    int calls = 0;
    long triangles = 0;
    double megapixels = 0;
};

DrawLoad drawLoad(const ImDrawData* dd) {
    DrawLoad l;
    if (!dd) return l;
    double area = 0;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            ++l.calls;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImVec2& a = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])].pos;
                const ImVec2& b = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)])].pos;
                const ImVec2& c = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)])].pos;
                area += std::fabs(static_cast<double>((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y))) * 0.5;
                ++l.triangles;
            }
        }
    }
    l.megapixels = area / 1e6;
    return l;
}

// `processMs`: the CPU of all the process's threads over the measured frames. `drawn`: what the
// shell's renderer did with the last frame (null when the backend drew it); `same`: the pixel check.
void print(const char* name, const std::vector<double>& wall, const std::vector<double>& cpu, double processMs,
           const sw::kiosk::DrawRenderer::Counts* drawn = nullptr, const char* same = nullptr) {
    using sw::bench::percentile;
    const DrawLoad l = drawLoad(ImGui::GetDrawData());
    const double perFrame = wall.empty() ? 0 : processMs / static_cast<double>(wall.size());
    std::printf("screen=%s frames=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_p50_ms=%.2f cpu_p99_ms=%.2f all_threads_cpu_ms=%.2f "
                "draw_calls=%d triangles=%ld covered_mpx=%.2f",
                name, wall.size(), percentile(wall, 50), percentile(wall, 99), percentile(wall, 100), percentile(cpu, 50),
                percentile(cpu, 99), perFrame, l.calls, l.triangles, l.megapixels);
    if (drawn) std::printf(" opaque=%ld plain=%ld textured=%ld gl_draws=%d", drawn->opaque, drawn->plain, drawn->textured, drawn->drawCalls);
    if (same) std::printf(" same_pixels=%s", same);
    std::printf("\n");
    std::fflush(stdout);
}

// --compare-rects: the frames drawn with ImGui's rectangles, moved out of the run's own figures as
// they come, so both kinds share the same minutes of a machine whose speed drifts.
struct Interleaved {
    std::vector<double> wall, cpu;
    double processMs = 0;
    void take(std::vector<double>& fromWall, std::vector<double>& fromCpu, double frameProcessMs) {
        wall.push_back(fromWall.back());
        cpu.push_back(fromCpu.back());
        fromWall.pop_back();
        fromCpu.pop_back();
        processMs += frameProcessMs;
    }
};

// ImGui's own OpenGL3 backend, which the kiosk does not start (app/shell/shell.cpp), for the
// references and the same-pixels check. Its first NewFrame makes its program and an RGBA copy of the
// atlas for itself; both renderers then draw with the kiosk's atlas as the kiosk uploaded it.
struct BackendForReferences {
    BackendForReferences() {
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        void* kiosks = atlas.TexID;
        ImGui_ImplOpenGL3_Init("#version 330");
        ImGui_ImplOpenGL3_NewFrame();
        backends = atlas.TexID;
        atlas.SetTexID(kiosks);
        atlas.ClearTexData();
    }
    ~BackendForReferences() {
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        void* kiosks = atlas.TexID;
        atlas.SetTexID(backends);   // the backend deletes its own texture, the shell the kiosk's
        ImGui_ImplOpenGL3_Shutdown();
        atlas.SetTexID(kiosks);
    }
    BackendForReferences(const BackendForReferences&) = delete;
    BackendForReferences& operator=(const BackendForReferences&) = delete;
    void* backends = nullptr;
};

// The last ImGui frame over the bench's background, drawn by the OpenGL3 backend (`backend`) or,
// as the kiosk loop draws it, by Shell::endFrame with the shell's renderer. Does not swap.
void drawFrame(sw::kiosk::Shell& shell, bool backend, int width, int height) {
    if (!backend) {
        shell.endFrame(0.97f, 0.96f, 0.93f);
        return;
    }
    glViewport(0, 0, width, height);
    glClearColor(0.97f, 0.96f, 0.93f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// The last frame drawn again by the OpenGL3 backend and by the shell's renderer, each read back:
// the number of pixels that differ (RGBA).
long pixelsDiffering(sw::kiosk::Shell& shell, int width, int height) {
    auto drawn = [&](bool backend) {
        drawFrame(shell, backend, width, height);
        std::vector<unsigned char> px(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        return px;
    };
    const std::vector<unsigned char> a = drawn(true), b = drawn(false);
    long differ = 0;
    for (std::size_t i = 0; i < a.size(); i += 4) differ += std::memcmp(&a[i], &b[i], 4) != 0;
    return differ;
}

} // namespace

int main(int argc, char** argv) {
    int frames = 600;
    int width = 1920, height = 1080;
    std::string db;
    std::string only;   // --screen: one scenario, or "" for all
    bool linearAtlas = false;   // --linear-atlas: the atlas sampled as ImGui ships it (the kiosk before nearest sampling)
    bool backendRenderer = false;   // --imgui-renderer: the OpenGL3 backend draws (the kiosk before the shell's renderer)
    bool compareRects = false;   // --compare-rects: crisp rounded rectangles against ImGui's, interleaved
    bool compareDiscs = false;   // --compare-discs: the faces' discs as rectangles against a fan, interleaved
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) frames = std::max(10, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (!sw::kiosk::parseSize(argv[++i], width, height)) return 2;
        } else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
        else if (std::strcmp(argv[i], "--screen") == 0 && i + 1 < argc) only = argv[++i];
        else if (std::strcmp(argv[i], "--linear-atlas") == 0) linearAtlas = true;
        else if (std::strcmp(argv[i], "--imgui-renderer") == 0) backendRenderer = true;
        else if (std::strcmp(argv[i], "--compare-rects") == 0) compareRects = true;
        else if (std::strcmp(argv[i], "--compare-discs") == 0) compareDiscs = true;
        else {
            std::fprintf(stderr, "usage: bench_frames [--frames N] [--size WxH] [--db FILE] [--screen NAME] [--linear-atlas] [--imgui-renderer] "
                                 "[--compare-rects | --compare-discs]\n");
            return 2;
        }
    }
    if (compareRects && compareDiscs) {
        std::fprintf(stderr, "bench_frames: --compare-rects and --compare-discs each need the other way's frames to themselves; give one\n");
        return 2;
    }
    fs::path scratch;
    if (db.empty()) {
        scratch = fs::temp_directory_path() / ("sw-frames-" + std::to_string(getpid()));
        fs::create_directories(scratch);
        db = (scratch / "frames.db").string();
    }
    try {
        sw::kiosk::ShellOptions so;
        so.fullscreen = false;
        so.width = width;
        so.height = height;
        so.dpi = 96.0f;   // Xvfb reports no real size: a 23" 1080p screen, as the screenshots
        sw::kiosk::Shell shell(so);
        shell.addLargeText();   // the scenarios include large text (the kiosk adds it when chosen)
        BackendForReferences imguiBackend;
        glfwSwapInterval(0);   // measure the work, not a vertical blank

        const float w = static_cast<float>(width), h = static_cast<float>(height);
        auto backend = [] { ImGui_ImplOpenGL3_NewFrame(); };   // not the GLFW one: the driver owns the mouse
        // The references below are ImGui as shipped, drawn by its backend.
        bool backendDraws = backendRenderer;
        auto render = [&] {
            drawFrame(shell, backendDraws, width, height);
            shell.present();
            glFinish();
        };
        KioskDriver d(db, shell.fonts(), w, h, backend, render);
        std::vector<double> wall, cpu;
        wall.reserve(static_cast<std::size_t>(frames));
        cpu.reserve(static_cast<std::size_t>(frames));
        bool measuring = false;
        d.onFrame = [&](const FrameTiming& t) {
            if (!measuring) return;
            wall.push_back(t.wallMs);
            cpu.push_back(t.cpuMs);
        };

        // References for reading the figures: ImGui with nothing drawn, then one full-screen window
        // (its background is a blended quad over every pixel), both drawn by the backend.
        backendDraws = true;
        for (int withWindow = 0; withWindow < 2; ++withWindow) {
            std::vector<double> rw, rc;
            double p0 = 0;
            for (int i = 0; i < frames + 10; ++i) {
                if (i == 10) p0 = processCpuMs();
                const auto t0 = std::chrono::steady_clock::now();
                const double c0 = threadCpuMs();
                ImGui_ImplOpenGL3_NewFrame();
                ImGui::GetIO().DisplaySize = ImVec2(w, h);
                ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
                ImGui::NewFrame();
                if (withWindow) {
                    ImGui::SetNextWindowPos(ImVec2(0, 0));
                    ImGui::SetNextWindowSize(ImVec2(w, h));
                    ImGui::Begin("##reference", nullptr, ImGuiWindowFlags_NoDecoration);
                    ImGui::End();
                }
                ImGui::Render();
                render();
                if (i < 10) continue;
                rw.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                rc.push_back(threadCpuMs() - c0);
            }
            print(withWindow ? "ref-imgui-fullscreen-window" : "ref-imgui-empty", rw, rc, processCpuMs() - p0);
        }

        // The references are ImGui as shipped; the kiosk's screens are drawn as the kiosk loop draws them.
        backendDraws = backendRenderer;
        const bool compare = compareRects || compareDiscs;
        auto drawOtherWay = [&](bool other) {
            if (compareRects) sw::kiosk::useCrispShapes(!other);
            if (compareDiscs) sw::kiosk::useDiscRects(!other);
        };
        sw::kiosk::sampleFontAtlas(!linearAtlas);   // the citizen's screens only: nearest, as the kiosk loop
        for (const Scenario& s : kScenarios) {
            if (!only.empty() && only != s.name) continue;
            d.ui().forceIdlePrompt(false);
            d.flow().reset();
            sw::kiosk::Modes modes;
            sw::kiosk::parseModes(s.modes, modes);
            d.flow().setModes(modes);
            d.flow().showPage(s.step, s.index);
            // The scenario's page as a citizen just reached it: without this the idle rule sees
            // minutes without a touch (the driver's clock ran through the scenarios before) and
            // the first frame goes back to the welcome page — which every held figure then was
            // until session 3.
            d.flow().touched(d.now());
            d.ui().forceIdlePrompt(s.idlePrompt);
            for (int i = 0; i < 10; ++i) d.frame();   // shaders compiled, glyphs cached
            wall.clear();
            cpu.clear();
            measuring = true;
            const double p0 = processCpuMs();
            bool stayed = true;
            Interleaved otherWay;   // --compare-*: every other ten frames drawn the other way
            for (int i = 0; i < frames; ++i) {
                // Held as by a citizen reading it: the thanks page would otherwise time out.
                if (!s.idlePrompt) d.flow().touched(d.now());
                const bool other = compare && (i / 10) % 2 == 1;
                drawOtherWay(other);
                const double f0 = processCpuMs();
                d.frame();
                if (other) otherWay.take(wall, cpu, processCpuMs() - f0);
                stayed = stayed && d.flow().step() == s.step;
            }
            const double processMs = processCpuMs() - p0 - otherWay.processMs;
            measuring = false;
            if (!stayed) {
                std::fprintf(stderr, "bench_frames: %s left its page while measured\n", s.name);
                return 1;
            }
            if (compare) {   // one more frame of each, unmeasured, for the triangles each line reports
                drawOtherWay(true);
                d.frame();
                const std::string name = std::string(s.name) + (compareRects ? "@imgui-rects" : "@fan-discs");
                print(name.c_str(), otherWay.wall, otherWay.cpu, otherWay.processMs, &shell.renderer().lastCounts());
                drawOtherWay(false);
                d.frame();
            }
            const long differ = pixelsDiffering(shell, width, height);
            const std::string same = differ == 0 ? "yes" : "no(" + std::to_string(differ) + ")";
            print(s.name, wall, cpu, processMs, backendDraws ? nullptr : &shell.renderer().lastCounts(), same.c_str());
        }

        // A respondent tapping through: every page change, selection and keyboard redraw rendered.
        if (only.empty() || only == "survey") {
            d.ui().forceIdlePrompt(false);
            d.flow().reset();
            d.frame();
            wall.clear();
            cpu.clear();
            measuring = true;
            const double p0 = processCpuMs();
            while (static_cast<int>(wall.size()) < frames) {
                if (!d.tap("next")) return 1;   // welcome
                for (int guard = 0; guard < 100 && d.flow().step() != Step::Thanks; ++guard) {
                    if (!d.flow().choices().empty() && !d.flow().canNext()) d.tap("choice.1");
                    if (d.flow().step() == Step::Comment) d.tap("key.a");
                    if (!d.tap("next")) return 1;
                }
                d.tap("next");   // thanks → welcome
            }
            const double processMs = processCpuMs() - p0;
            measuring = false;
            print("survey", wall, cpu, processMs);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_frames: %s\n", e.what());
        return 1;
    }
    if (!scratch.empty()) fs::remove_all(scratch);
    return 0;
}
