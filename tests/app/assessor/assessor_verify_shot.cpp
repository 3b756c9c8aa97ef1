// Test-only: renders the Kanwil assessor's view with a unit's verification open, in a real GLFW
// window (run under Xvfb), to a PNG for a person to look at (README "The assessor verifies").
// The product's `suarawarga screenshot --screen assessor --unit ID` shows the unit's page; this
// opens the verification panel on it, which a picture cannot tap to (--page unit: the unit's page;
// --page compare: the units of --unit ID,ID,… side by side; --page rollup: the roll-up at --level
// kanwil|province|kabkota|unit|delivery), from either kind of assessor's store.
//
//   assessor_verify_shot --db KANWIL.db|postgresql://… --unit ID --out FILE.png [--width 1920]
//                        [--height 1080] [--px-per-mm 3.6] [--lang id|en] [--page verify|unit|compare|rollup]
//                        [--level unit]
#include "app/assessor/assessor_view.hpp"
#include "app/shell/fonts.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

GLFWwindow* openWindow(int w, int h) {
    if (!glfwInit()) throw std::runtime_error("glfwInit failed (is DISPLAY set? run under Xvfb)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* win = glfwCreateWindow(w, h, "assessor_verify_shot", nullptr, nullptr);
    if (!win) throw std::runtime_error("glfwCreateWindow failed");
    glfwMakeContextCurrent(win);
    return win;
}

// The product's fonts and style scale (app/shell/shell.cpp), as `suarawarga assessor` draws them.
void loadFont(float pxPerMm) {
    sw::kiosk::buildFonts(*ImGui::GetIO().Fonts, pxPerMm);
    ImGui::GetStyle().ScaleAllSizes(pxPerMm / 4.0f);
}

void writePng(const std::string& out, int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 4));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w * h * 3));
    for (int y = 0; y < h; ++y)   // OpenGL's rows run bottom-up; PNG's top-down
        for (int x = 0; x < w; ++x)
            std::memcpy(&rgb[static_cast<std::size_t>((y * w + x) * 3)], &px[static_cast<std::size_t>(((h - 1 - y) * w + x) * 4)], 3);
    stbi_write_png_compression_level = 9;
    if (!stbi_write_png(out.c_str(), w, h, 3, rgb.data(), w * 3)) throw std::runtime_error("cannot write " + out);
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt{{"width", "1920"}, {"height", "1080"}, {"px-per-mm", "3.6"}, {"lang", "id"}, {"page", "verify"},
                                           {"level", "unit"}};
    for (int i = 1; i + 1 < argc; i += 2) opt[std::string(argv[i]).substr(2)] = argv[i + 1];
    if (!opt.count("db") || !opt.count("unit") || !opt.count("out")) {
        std::fprintf(stderr, "usage: assessor_verify_shot --db KANWIL.db|postgresql://… --unit ID --out FILE.png [--width W --height H --px-per-mm X --lang id|en --page verify|unit|compare|rollup --level L]\n");
        return 2;
    }
    const std::string pages[] = {"verify", "unit", "compare", "rollup"};
    if (std::find(std::begin(pages), std::end(pages), opt["page"]) == std::end(pages)) {
        std::fprintf(stderr, "assessor_verify_shot: unknown --page %s (verify|unit|compare|rollup)\n", opt["page"].c_str());
        return 2;
    }
    const int W = std::stoi(opt["width"]), H = std::stoi(opt["height"]);
    try {
        const auto store = sw::openAssessorStore(opt["db"], false);
        GLFWwindow* win = openWindow(W, H);
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        const float pxPerMm = std::stof(opt["px-per-mm"]);
        loadFont(pxPerMm);
        ImGui_ImplGlfw_InitForOpenGL(win, true);
        ImGui_ImplOpenGL3_Init("#version 130");
        sw::assessor::AssessorHost host;
        host.store = store.get();
        host.pxPerMm = pxPerMm;
        host.lang = opt["lang"];
        {
            sw::assessor::AssessorView view(host);
            view.setPeriod(std::nullopt);
            // A unit the store does not hold would be an empty page: no picture of it.
            const auto& units = view.rollup();
            std::vector<std::string> ids;
            for (std::size_t at = 0; at <= opt["unit"].size();) {
                const std::size_t end = std::min(opt["unit"].find(',', at), opt["unit"].size());
                ids.push_back(opt["unit"].substr(at, end - at));
                at = end + 1;
            }
            for (const std::string& id : ids)
                if (std::none_of(units.begin(), units.end(), [&](const sw::UnitRollup& u) { return u.unit.id == id; }))
                    throw std::runtime_error("no unit " + id + " in " + opt["db"]);
            if (opt["page"] == "unit") view.openUnit(ids.front());
            else if (opt["page"] == "compare") view.compareUnits(ids);
            else if (opt["page"] == "rollup") view.showLevel(opt["level"]);
            else view.openVerification(ids.front());
            for (int frame = 0; frame < 6; ++frame) {
                glfwPollEvents();
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::GetIO().MousePos = ImVec2(-1000, -1000); // no hover highlights in the picture
                ImGui::NewFrame();
                view.draw();
                ImGui::Render();
                glViewport(0, 0, W, H);
                glClearColor(0.95f, 0.96f, 0.975f, 1);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                if (frame == 5) writePng(opt["out"], W, H);
                glfwSwapBuffers(win);
            }
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(win);
        glfwTerminate();
        std::printf("wrote %s\n", opt["out"].c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "assessor_verify_shot: %s\n", e.what());
        return 1;
    }
}
