// The waiting-room board without a window: type sized in millimetres and capped to the screen,
// the pages worth showing, and every page drawn inside the display on screens from a 720p monitor
// to a 55" 4K television and a portrait screen (ImGui frames with no renderer; the draw lists'
// vertices are read back). The board in a real window: tests/app/screens/test_board_shots.cpp.
#include "app/board/board.hpp"

#include "survey/export/public_summary.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/kiosk/simulate.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

using namespace sw;

namespace {

struct Screen {
    const char* what;
    int w, h;
    float pxPerMm;
};
const Screen kScreens[] = {
    {"23\" 1080p monitor", 1920, 1080, 96.0f / 25.4f},
    {"43\" 1080p television", 1920, 1080, 1920.0f / 952.0f},
    {"55\" 4K television", 3840, 2160, 3840.0f / 1210.0f},
    {"small 720p screen", 1280, 720, 96.0f / 25.4f},
    {"portrait 1080x1920 signage", 1080, 1920, 96.0f / 25.4f},
};

void addDone(Store& store, const std::string& kind, const std::string& code) {
    TindakLanjut t;
    t.periodFrom = "2020-01-01";
    t.periodTo = "2020-03-31";
    t.targetKind = kind;
    t.targetCode = code;
    t.targetLabel = "Toilet disabilitas";
    t.action = "Loket prioritas untuk lansia, penyandang disabilitas dan ibu hamil dibuka setiap hari kerja, "
               "dengan kursi tunggu dan petugas yang menjemput ke ruang tunggu.";
    t.owner = "Kasi";
    t.dueDate = "2020-06-30";
    t.status = "selesai";
    addTindakLanjut(store, t);
}

// The demo unit with 300 respondents and long "done" entries, one for the weakest and one for the
// strongest unsur (so their pages show what was done too).
PublicSummary demoSummary(const swtest::TempDir& dir, const std::string& lang) {
    Store store(dir.file("board.db"));
    const Instrument in = setUpDemo(store);
    if (store.countResponses({}) == 0) {
        Simulator sim(in, *store.unit(), 17, 60, nowUtc());
        std::vector<Response> rs;
        for (int i = 0; i < 300; ++i) rs.push_back(sim.next());
        store.appendAll(rs);
        addDone(store, "facility", "F06");
        addDone(store, "facility", "F10");
        const PublicSummary first = publicSummary(store, {}, lang);
        addDone(store, "unsur", first.weakestUnsur()->code);
        addDone(store, "unsur", first.strongestUnsur()->code);
    }
    return publicSummary(store, {}, lang);
}

} // namespace

TEST_CASE("board type is sized in millimetres and yields to a small screen", "[board]") {
    // A 43" television: the full sizes, well above the kiosk's large text (7 mm).
    const board::BoardType tv = board::boardType(1920.0f / 952.0f, 1920, 1080);
    CHECK(tv.bodyCapMm == Approx(14.0f));
    CHECK(tv.headingCapMm == Approx(20.0f));
    CHECK(tv.figureCapMm == Approx(60.0f));
    CHECK(tv.bodyPx * 0.729f / tv.pxPerMm == Approx(tv.bodyCapMm).epsilon(0.01));
    // A 23" monitor is 286 mm high: every size yields, in the same proportion, and stays legible.
    const board::BoardType monitor = board::boardType(96.0f / 25.4f, 1920, 1080);
    CHECK(monitor.bodyCapMm < 14.0f);
    CHECK(monitor.bodyCapMm >= 7.0f);
    CHECK(monitor.smallCapMm < monitor.bodyCapMm);
    CHECK(monitor.bodyCapMm < monitor.headingCapMm);
    CHECK(monitor.headingCapMm < monitor.figureCapMm);
}

TEST_CASE("board pages: without a rated unsur there is no weakest or strongest page", "[board]") {
    PublicSummary s;
    CHECK(board::boardPages(s) == std::vector<board::BoardPage>{board::BoardPage::Overall, board::BoardPage::Done});
    s.unsur = {{"U1", "Persyaratan", 10, 80.0, Mutu::B}, {"U2", "Prosedur", 10, 70.0, Mutu::C}};
    s.weakest = 1;
    s.strongest = 0;
    CHECK(board::boardPages(s).size() == 4);
}

TEST_CASE("every board page draws inside the display, on every screen, in both languages", "[board]") {
    swtest::TempDir dir;
    for (const char* lang : {"id", "en"}) {
        const PublicSummary s = demoSummary(dir, lang);
        REQUIRE(s.hasResult);
        REQUIRE(s.done.size() == 4);
        REQUIRE(s.done[0].unsurCode == s.strongestUnsur()->code);
        for (const Screen& screen : kScreens) {
            ImGui::CreateContext();
            ImGuiIO& io = ImGui::GetIO();
            io.IniFilename = nullptr;
            io.DisplaySize = ImVec2(static_cast<float>(screen.w), static_cast<float>(screen.h));
            io.DeltaTime = 1.0f / 60.0f;
            const board::BoardType type = board::boardType(screen.pxPerMm, screen.w, screen.h);
            const board::BoardFonts fonts = board::addBoardFonts(*io.Fonts, type);
            unsigned char* px = nullptr;
            int aw = 0, ah = 0;
            io.Fonts->GetTexDataAsRGBA32(&px, &aw, &ah);   // builds the atlas; no renderer needed
            for (int page = 0; page < board::kBoardPages; ++page) {
                ImGui::NewFrame();
                const board::BoardLayout drawn = board::drawBoard(s, static_cast<board::BoardPage>(page), fonts, type);
                ImGui::Render();
                const ImDrawData* dd = ImGui::GetDrawData();
                int vertices = 0;
                float maxX = 0, maxY = 0, minX = 1e9f, minY = 1e9f;
                for (int l = 0; l < dd->CmdListsCount; ++l)
                    for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) {
                        ++vertices;
                        maxX = std::max(maxX, v.pos.x), maxY = std::max(maxY, v.pos.y);
                        minX = std::min(minX, v.pos.x), minY = std::min(minY, v.pos.y);
                    }
                INFO(screen.what << ", " << lang << ", page " << page + 1 << ": x " << minX << ".." << maxX << ", y " << minY << ".." << maxY);
                CHECK(vertices > 200);   // text and shapes, not an empty page
                CHECK(minX >= 0);
                CHECK(minY >= 0);
                CHECK(maxX <= static_cast<float>(screen.w));
                CHECK(maxY <= static_cast<float>(screen.h) - type.marginPx * 0.5f);
                CHECK(drawn.contentBottom <= drawn.footerTop);   // nothing runs into the footer
            }
            ImGui::DestroyContext();
        }
    }
}
