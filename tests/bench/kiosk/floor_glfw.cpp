// The platform floor for the kiosk's start-up benchmark: the least a
// GLFW + OpenGL 3.3 program can do — open a window with a context like the kiosk's, clear,
// swap, exit. Anything the kiosk costs above this is ours (fonts, ImGui, store, instrument).
//
//   floor_glfw [--windowed WxH] [--exit-after-frames N] [--frame-times]
//                                                           (defaults: 1920x1080, 1 frame)
// --frame-times: also the floor of the frame-time benchmark — each frame's clear + swap + glFinish,
// printed as p50/p99 (what any program pays per full-screen frame on this display and driver).
#include "bench_stats.hpp"

#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

bool parseSize(const char* s, int& w, int& h) { return std::sscanf(s, "%dx%d", &w, &h) == 2 && w > 0 && h > 0; }

void onGlfwError(int code, const char* what) { std::fprintf(stderr, "floor_glfw: GLFW error %d: %s\n", code, what); }

} // namespace

int main(int argc, char** argv) {
    int width = 1920, height = 1080;
    long frames = 1;
    bool frameTimes = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--windowed") == 0 && i + 1 < argc) {
            if (!parseSize(argv[++i], width, height)) {
                std::fprintf(stderr, "floor_glfw: --windowed wants WxH, e.g. 1920x1080\n");
                return 2;
            }
        } else if (std::strcmp(argv[i], "--exit-after-frames") == 0 && i + 1 < argc) {
            frames = std::strtol(argv[++i], nullptr, 10);
            if (frames < 1) frames = 1;
        } else if (std::strcmp(argv[i], "--frame-times") == 0) {
            frameTimes = true;
        } else {
            std::fprintf(stderr, "usage: floor_glfw [--windowed WxH] [--exit-after-frames N] [--frame-times]\n");
            return 2;
        }
    }

    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) return 1;
    // The same context the kiosk asks for (ImGui's OpenGL3 backend with "#version 330").
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(width, height, "floor", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(frameTimes ? 0 : 1);

    std::vector<double> ms;
    for (long f = 0; f < frames && !glfwWindowShouldClose(window); ++f) {
        const auto t0 = std::chrono::steady_clock::now();
        glfwPollEvents();
        glClearColor(0.97f, 0.96f, 0.93f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glfwSwapBuffers(window);
        if (frameTimes) {
            glFinish();
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
    }
    glFinish(); // the frame has really been drawn before we count the start-up as done
    if (frameTimes && ms.size() > 10) {
        ms.erase(ms.begin(), ms.begin() + 10); // the first frames compile llvmpipe's shaders
        std::printf("screen=floor frames=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", ms.size(), sw::bench::percentile(ms, 50),
                    sw::bench::percentile(ms, 99), sw::bench::percentile(ms, 100));
    }

    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
