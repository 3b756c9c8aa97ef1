// The window around the kiosk: GLFW + OpenGL 3.3 + Dear ImGui set-up, millimetres from the
// monitor's physical size, fonts, the idle-friendly loop and PNG capture. Nothing about the survey.
#pragma once
#include "app/shell/draw_renderer.hpp"
#include "app/shell/fonts.hpp"

#include <memory>
#include <string>

struct GLFWwindow;

namespace sw::kiosk {

struct ShellOptions {
    std::string title = "SuaraWarga";
    bool fullscreen = true;        // the kiosk; --windowed WxH turns it off
    int width = 1280, height = 800;
    bool hidden = false;           // screenshots: an invisible window, pixels read back
    float dpi = 0;                 // --dpi override (monitors that lie)
    float mmWide = 0, mmHigh = 0;  // --mm WxH override
};

class Shell {
public:
    explicit Shell(const ShellOptions& o);   // throws std::runtime_error with a plain message
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    float pxPerMm() const { return pxPerMm_; }
    const FontSet& fonts() const { return fonts_; }
    GLFWwindow* window() const { return window_; }
    bool shouldClose() const;
    void refuseClose();              // a full-screen kiosk is left only through the unit head's area

    // Waits for input up to `timeoutSeconds` (0: just poll). The kiosk idles here.
    void waitEvents(double timeoutSeconds);
    // ImGui NewFrame for the window. `largeText`: this frame draws the large-text sizes (the first
    // such frame adds them: addLargeText).
    void beginFrame(bool largeText = false);
    // Adds the large-text sizes to the atlas and uploads it again, once; they are not built at
    // start (fonts.hpp). Call between frames.
    void addLargeText();
    void endFrame(float r, float g, float b);   // render (draw_renderer.hpp); does not swap
    const DrawRenderer& renderer() const { return *renderer_; }
    void present();                  // swap buffers
    // The last rendered frame (back buffer) to PNG. Returns false with a message in `error`.
    bool savePng(const std::string& path, std::string& error) const;
    void setFullscreen(bool on);
    // RGBA8 pixels → an ImGui texture id (GL texture), and back; for evidence thumbnails.
    static void* uploadTexture(int width, int height, const unsigned char* rgba);
    static void releaseTexture(void* texture);
    bool fullscreen() const { return fullscreen_; }

private:
    static void uploadFontAtlas(ImFontAtlas& atlas);   // sets its TexID; frees its CPU pixels
    void rebuildFontAtlas();   // builds the atlas again with the fonts added since, and uploads it

    GLFWwindow* window_ = nullptr;
    float pxPerMm_ = 4.0f;
    FontSet fonts_;
    std::unique_ptr<DrawRenderer> renderer_;
    bool fullscreen_ = false;
    int windowedW_ = 1280, windowedH_ = 800;
};

// "1280x800" → w, h; false when malformed.
bool parseSize(const std::string& s, int& w, int& h);
bool parseSizeF(const std::string& s, float& w, float& h);

} // namespace sw::kiosk
