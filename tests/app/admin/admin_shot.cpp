// Test-only: renders the unit head's area in a real GLFW window (run under Xvfb) and writes a
// PNG, so a person can look at the screens. Not the product's screenshot verb (the kiosk shell
// owns `suarawarga screenshot`); this exists so the area can be checked before that lands.
//
//   admin_shot --db FILE --screen dashboard|comments|facility|rtl|verification|publish|delivery|settings --out FILE.png
//              [--width 1920] [--height 1080] [--px-per-mm 3.6] [--lang id|en] [--demo-facility]
//
// --demo-facility records a sample assessment with generated evidence pictures first (for the
// README screenshot of a simulated unit; clearly a demo, never used by the product).
#include "app/admin/admin_area.hpp"
#include "app/shell/fonts.hpp"

#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/facility/assessment.hpp"
#include "survey/base/local_time.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/store/unit_setup.hpp"

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

void appendBytes(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

// A generated "photo" (sky, wall, a ramp-coloured wedge) so thumbnails have something to show.
std::string demoPicture(int w, int h, int hue) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 3));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &px[static_cast<std::size_t>((y * w + x) * 3)];
            const bool ramp = y > h / 2 && x < (y - h / 2) * 3;
            const bool wall = y > h / 3;
            p[0] = static_cast<unsigned char>(ramp ? 150 + hue % 60 : wall ? 200 : 120);
            p[1] = static_cast<unsigned char>(ramp ? 110 : wall ? 190 - hue % 40 : 170);
            p[2] = static_cast<unsigned char>(ramp ? 80 : wall ? 170 : 230);
        }
    std::string out;
    stbi_write_png_to_func(appendBytes, &out, w, h, 3, px.data(), w * 3);
    return out;
}

void demoFacility(sw::Store& store, const sw::Instrument& in) {
    using namespace sw;
    if (!listAssessments(store).empty()) return;
    FacilityChecklist c = loadChecklist(defaultChecklistPath());
    FacilityAssessment a;
    a.checklistId = c.id;
    a.checklistVersion = c.version;
    a.assessor = "Kepala Kantor (contoh)";
    a.assessedOn = localDate(nowUtc() - 200 * 86400, 420);
    for (const auto& item : c.items) a.items[item.code].status = FacilityStatus::Ada;
    a.items["F03"].status = FacilityStatus::Tidak;
    a.items["F10"].status = FacilityStatus::Proses;
    a.petugas = FacilityStatus::Tidak;
    saveAssessment(store, a); // an earlier one, kept and readable
    a.assessedOn = localDate(nowUtc() - 5 * 86400, 420);
    a.items["F03"].status = FacilityStatus::Ada;
    a.items["F03"].measures = {{"toilet_width", 160}, {"toilet_depth", 220}, {"toilet_door", 90}};
    a.items["F10"].status = FacilityStatus::Ada;
    a.items["F10"].measures = {{"ramp_slope_inside", 5.5}, {"ramp_slope_outside", 6.5}, {"ramp_width", 110}};
    a.items["F10"].note = "Ramp pintu utama; ramp parkir terlalu curam";
    a.items["F07"].status = FacilityStatus::Proses;
    a.items["F06"].status = FacilityStatus::Tidak;
    a.items["F14"].measures = {{"parking_distance", 45}};
    a.petugas = FacilityStatus::Ada;
    a.petugasStaff = "Sari (loket 1), Budi (pintu masuk)";
    a.items["F10"].evidence.push_back(importEvidenceBytes(store, "ramp-utama.png", demoPicture(400, 300, 10)).id);
    a.items["F10"].evidence.push_back(importEvidenceBytes(store, "ramp-parkir.png", demoPicture(300, 400, 50)).id);
    a.items["F03"].evidence.push_back(importEvidenceBytes(store, "toilet.png", demoPicture(400, 300, 90)).id);
    for (const auto& s : in.services) a.kepatuhan[s.code] = "patuh";
    if (!in.services.empty()) a.kepatuhan[in.services.back().code] = "cukup_patuh";
    saveAssessment(store, a);
}

void demoPlan(sw::Store& store) {
    using namespace sw;
    Period p = periodContaining(PeriodKind::Triwulan, [] {
        LocalDate d;
        parseDate(localDate(nowUtc(), 420), d);
        return d;
    }());
    if (!populationFor(store, p)) setPopulation(store, p, 4200); // people served this triwulan (demo figure)
    if (!tindakLanjutFor(store, p).empty()) return;
    auto add = [&](const char* kind, const char* code, const char* label, const char* action, const char* owner, const char* status) {
        TindakLanjut t;
        t.periodFrom = formatDate(p.from);
        t.periodTo = formatDate(p.to);
        t.targetKind = kind;
        t.targetCode = code;
        t.targetLabel = label;
        t.action = action;
        t.owner = owner;
        t.dueDate = formatDate(nextPeriod(p).to);
        t.status = status;
        addTindakLanjut(store, t);
    };
    add("unsur", "U3", "U3 Waktu Penyelesaian", "Buka loket tambahan pukul 09.00-11.00 pada hari Senin dan Jumat", "Kepala Seksi Pelayanan", "berjalan");
    add("facility", "F10", "F10 Jalan landai (ramp)", "Perbaiki ramp parkir menjadi kemiringan 1:12 (5 derajat)", "Kasubbag Umum", "rencana");
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt{{"screen", "dashboard"}, {"width", "1920"}, {"height", "1080"}, {"px-per-mm", "3.6"}, {"lang", "id"}};
    bool demo = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--demo-facility") demo = true;
        else if (a.rfind("--", 0) == 0 && i + 1 < argc) opt[a.substr(2)] = argv[++i];
    }
    if (!opt.count("db") || !opt.count("out")) {
        std::fprintf(stderr, "usage: admin_shot --db FILE --screen NAME --out FILE.png [--width W --height H --px-per-mm X --lang id|en --demo-facility]\n");
        return 2;
    }
    const std::string screens[] = {"dashboard", "comments", "facility", "rtl", "tindak_lanjut", "verification", "publish", "delivery", "settings"};
    if (std::find(std::begin(screens), std::end(screens), opt["screen"]) == std::end(screens)) {
        // An unknown name would draw an empty area and still write a picture: refuse it instead.
        std::fprintf(stderr, "admin_shot: unknown --screen %s (dashboard|comments|facility|rtl|verification|publish|delivery|settings)\n",
                     opt["screen"].c_str());
        return 2;
    }
    const int W = std::stoi(opt["width"]), H = std::stoi(opt["height"]);
    try {
        sw::Store store(opt["db"]);
        // A real unit's store (a layout test's, kept with SW_FIT_STORES) as it is; otherwise the demo unit.
        const auto unit = store.unit();
        sw::Instrument in = unit && !unit->demo ? sw::requireUnit(store) : sw::setUpDemo(store);
        if (demo) {
            demoFacility(store, in);
            demoPlan(store);
        }

        if (!glfwInit()) throw std::runtime_error("glfwInit failed (is DISPLAY set? run under Xvfb)");
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        GLFWwindow* win = glfwCreateWindow(W, H, "admin_shot", nullptr, nullptr);
        if (!win) throw std::runtime_error("glfwCreateWindow failed");
        glfwMakeContextCurrent(win);
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        const float pxPerMm = std::stof(opt["px-per-mm"]);
        // The product's fonts and style scale (app/shell/shell.cpp): the picture shows what the
        // office PC shows at this pixel density.
        sw::kiosk::buildFonts(*io.Fonts, pxPerMm);
        ImGui::GetStyle().ScaleAllSizes(pxPerMm / 4.0f);
        ImGui_ImplGlfw_InitForOpenGL(win, true);
        ImGui_ImplOpenGL3_Init("#version 130");

        sw::admin::AdminHost host;
        host.store = &store;
        host.instrument = in;
        host.pxPerMm = pxPerMm;
        host.lang = opt["lang"];
        host.fullscreen = false;
        std::vector<GLuint> textures;
        host.uploadTexture = [&textures](int w, int h, const unsigned char* rgba) -> void* {
            GLuint t = 0;
            glGenTextures(1, &t);
            glBindTexture(GL_TEXTURE_2D, t);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
            textures.push_back(t);
            return reinterpret_cast<void*>(static_cast<std::uintptr_t>(t));
        };
        host.releaseTexture = [](void* t) {
            GLuint id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(t));
            glDeleteTextures(1, &id);
        };
        {
            sw::admin::AdminArea area(host);
            area.showTab(opt["screen"]);
            std::vector<unsigned char> pixels(static_cast<std::size_t>(W * H * 4));
            for (int frame = 0; frame < 6; ++frame) {
                glfwPollEvents();
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplGlfw_NewFrame();
                io.MousePos = ImVec2(-1000, -1000); // no hover highlights in the picture
                ImGui::NewFrame();
                area.draw();
                ImGui::Render();
                int fw = 0, fh = 0;
                glfwGetFramebufferSize(win, &fw, &fh);
                glViewport(0, 0, fw, fh);
                glClearColor(0.95f, 0.96f, 0.975f, 1);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
                if (frame == 5) {
                    glPixelStorei(GL_PACK_ALIGNMENT, 1);
                    glReadBuffer(GL_BACK);
                    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
                }
                glfwSwapBuffers(win);
            }
            // OpenGL's rows run bottom-up; PNG's top-down.
            std::vector<unsigned char> flipped(pixels.size());
            for (int y = 0; y < H; ++y)
                std::memcpy(&flipped[static_cast<std::size_t>(y * W * 4)], &pixels[static_cast<std::size_t>((H - 1 - y) * W * 4)], static_cast<std::size_t>(W * 4));
            std::vector<unsigned char> rgb(static_cast<std::size_t>(W * H * 3));
            for (std::size_t i = 0, j = 0; i < flipped.size(); i += 4, j += 3) std::memcpy(&rgb[j], &flipped[i], 3);
            stbi_write_png_compression_level = 9;
            if (!stbi_write_png(opt["out"].c_str(), W, H, 3, rgb.data(), W * 3))
                throw std::runtime_error("cannot write " + opt["out"]);
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(win);
        glfwTerminate();
        std::printf("wrote %s\n", opt["out"].c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "admin_shot: %s\n", e.what());
        return 1;
    }
}
