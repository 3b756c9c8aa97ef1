#include "app/shell/shell.hpp"

#include "app/shell/metrics.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <malloc.h>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace sw::kiosk {

bool parseSize(const std::string& s, int& w, int& h) {
    int a = 0, b = 0;
    char x = 0, extra = 0;
    if (std::sscanf(s.c_str(), "%d%c%d%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X') || a < 64 || b < 64 || a > 16384 || b > 16384)
        return false;
    w = a;
    h = b;
    return true;
}

bool parseSizeF(const std::string& s, float& w, float& h) {
    float a = 0, b = 0;
    char x = 0, extra = 0;
    if (std::sscanf(s.c_str(), "%f%c%f%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X') || a <= 10 || b <= 10) return false;
    w = a;
    h = b;
    return true;
}

Shell::Shell(const ShellOptions& o) {
    // The GL driver (llvmpipe above all) allocates and frees buffers of a few MB every frame. With
    // glibc's defaults each one is a fresh mmap or heap growth that is trimmed back when freed, so
    // every frame pays its page faults again (the comment page: 7 ms of CPU a frame). Keep such
    // blocks in the heap and the heap's top in place.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "suarawarga: GLFW error %d: %s\n", code, what); });
    if (!glfwInit()) throw std::runtime_error("cannot open the display (is DISPLAY set?)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    // Nothing is drawn with depth or stencil. Without those buffers the kiosk's peak memory is 6 MB
    // less under llvmpipe, which also allows its fast 2D path for plain rectangles only then
    // (tests/bench/kiosk/results-2026-12-01-s10.md).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_VISIBLE, o.hidden ? GLFW_FALSE : GLFW_TRUE);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    int w = o.width, h = o.height;
    fullscreen_ = o.fullscreen && !o.hidden && monitor && mode;
    if (fullscreen_) {
        w = mode->width;
        h = mode->height;
    }
    windowedW_ = o.fullscreen ? 1280 : o.width;
    windowedH_ = o.fullscreen ? 800 : o.height;
    window_ = glfwCreateWindow(w, h, o.title.c_str(), fullscreen_ ? monitor : nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        throw std::runtime_error("cannot create an OpenGL 3.3 window");
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    // Millimetres: what the monitor reports, unless overridden.
    int mmW = 0, mmH = 0;
    if (monitor) glfwGetMonitorPhysicalSize(monitor, &mmW, &mmH);
    int monW = mode ? mode->width : w, monH = mode ? mode->height : h;
    pxPerMm_ = pixelsPerMm(monW, monH, mmW, mmH, o.dpi, o.mmWide, o.mmHigh);
    if (o.dpi <= 0 && o.mmWide > 0) pxPerMm_ = pixelsPerMm(w, h, 0, 0, 0, o.mmWide, o.mmHigh);   // --mm is of the window

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // a kiosk keeps no layout file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    fonts_ = buildFonts(*io.Fonts, pxPerMm_, false);
    io.Fonts->Build();   // now, so the fonts' copies of their files are gone before the upload
    shareFontFiles(*io.Fonts);
    ImGui::GetStyle().ScaleAllSizes(pxPerMm_ / 4.0f);
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    // No OpenGL3 backend: renderer_ draws every frame and the atlas is uploaded here, so the
    // backend's shader program, buffers and RGBA copy of the atlas are never made.
    io.BackendRendererName = "suarawarga draw_renderer";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;   // glDrawElementsBaseVertex
    renderer_ = std::make_unique<DrawRenderer>();
    uploadFontAtlas(*io.Fonts);
}

Shell::~Shell() {
    renderer_.reset();   // while its context exists
    releaseTexture(ImGui::GetIO().Fonts->TexID);
    ImGui::GetIO().BackendRendererName = nullptr;
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Shell::shouldClose() const { return glfwWindowShouldClose(window_); }

void Shell::refuseClose() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

void Shell::waitEvents(double timeoutSeconds) {
    if (timeoutSeconds <= 0) glfwPollEvents();
    else glfwWaitEventsTimeout(timeoutSeconds);
}

void Shell::addLargeText() {
    if (fonts_.hasLarge()) return;
    addLargeFonts(*ImGui::GetIO().Fonts, fonts_);   // the standard fonts keep their ImFont objects: references stay good
    rebuildFontAtlas();
}

void Shell::rebuildFontAtlas() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Build();
    shareFontFiles(atlas);
    // A new texture while the old one still exists gets a new name, so the kiosk's sampling filter
    // (app/kiosk/font_sampling.hpp), which remembers its texture, is set on this one again.
    void* old = atlas.TexID;
    uploadFontAtlas(atlas);
    releaseTexture(old);
}

void Shell::uploadFontAtlas(ImFontAtlas& atlas) {
    // One channel, read by the shaders as ImGui's white-with-alpha RGBA through the texture's
    // swizzle: the texels the OpenGL3 backend's RGBA32 upload gives, in a quarter of the driver's
    // memory and without the RGBA copy of the whole atlas that upload makes first.
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&alpha, &width, &height);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);   // as the backend: the kiosk's
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);   // screens switch to nearest
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(t)));
    atlas.ClearTexData();   // the CPU copy is dead weight once uploaded
}

void Shell::beginFrame(bool largeText) {
    if (largeText) addLargeText();
    if (!ImGui::GetIO().Fonts->IsBuilt()) rebuildFontAtlas();   // sizes a caller added (the board's)
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Shell::endFrame(float r, float g, float b) {
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window_, &fw, &fh);
    glViewport(0, 0, fw, fh);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_->render(*ImGui::GetDrawData());
}

void Shell::present() { glfwSwapBuffers(window_); }

bool Shell::savePng(const std::string& path, std::string& error) const {
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window_, &fw, &fh);
    std::vector<unsigned char> px(static_cast<std::size_t>(fw) * static_cast<std::size_t>(fh) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, fw, fh, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    // OpenGL rows run bottom-up; PNG rows top-down.
    std::size_t stride = static_cast<std::size_t>(fw) * 3;
    std::vector<unsigned char> flipped(px.size());
    for (int y = 0; y < fh; ++y)
        std::copy_n(px.data() + static_cast<std::size_t>(fh - 1 - y) * stride, stride, flipped.data() + static_cast<std::size_t>(y) * stride);
    stbi_write_png_compression_level = 9;
    if (!stbi_write_png(path.c_str(), fw, fh, 3, flipped.data(), static_cast<int>(stride))) {
        error = path + ": cannot write PNG";
        return false;
    }
    return true;
}

void Shell::setFullscreen(bool on) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (on == fullscreen_ || !monitor) return;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (on) glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    else glfwSetWindowMonitor(window_, nullptr, 60, 60, windowedW_, windowedH_, 0);
    fullscreen_ = on;
}

void* Shell::uploadTexture(int width, int height, const unsigned char* rgba) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(t));
}

void Shell::releaseTexture(void* texture) {
    auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
    glDeleteTextures(1, &id);
}

} // namespace sw::kiosk
