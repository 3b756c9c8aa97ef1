// The platform floor for the kiosk's start-up benchmark (issue 3 "Benchmarks"): the least a
// GLFW + OpenGL 3.3 program can do — open a window with a context like the kiosk's, clear,
// swap, exit. Anything the kiosk costs above this is ours (fonts, ImGui, store, instrument).
//
//   floor_glfw [--windowed WxH] [--exit-after-frames N]     (defaults: 1920x1080, 1 frame)
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

bool parseSize(const char* s, int& w, int& h) { return std::sscanf(s, "%dx%d", &w, &h) == 2 && w > 0 && h > 0; }

void onGlfwError(int code, const char* what) { std::fprintf(stderr, "floor_glfw: GLFW error %d: %s\n", code, what); }

} // namespace

int main(int argc, char** argv) {
    int width = 1920, height = 1080;
    long frames = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--windowed") == 0 && i + 1 < argc) {
            if (!parseSize(argv[++i], width, height)) {
                std::fprintf(stderr, "floor_glfw: --windowed wants WxH, e.g. 1920x1080\n");
                return 2;
            }
        } else if (std::strcmp(argv[i], "--exit-after-frames") == 0 && i + 1 < argc) {
            frames = std::strtol(argv[++i], nullptr, 10);
            if (frames < 1) frames = 1;
        } else {
            std::fprintf(stderr, "usage: floor_glfw [--windowed WxH] [--exit-after-frames N]\n");
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
    glfwSwapInterval(1);

    for (long f = 0; f < frames && !glfwWindowShouldClose(window); ++f) {
        glfwPollEvents();
        glClearColor(0.97f, 0.96f, 0.93f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glfwSwapBuffers(window);
    }
    glFinish(); // the frame has really been drawn before we count the start-up as done

    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
