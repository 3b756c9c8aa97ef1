// The text-fit check itself (text_fit.hpp): it must catch a label too wide for its button, text cut
// by a child window, a table header ImGui shortened with an ellipsis, a name's word broken across
// lines — and must not flag a list cut at the edge of its scrolled region.
#include "app/layout/fit_context.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <cfloat>
#include <functional>
#include <string>

namespace {

std::vector<swtest::TextCut> cutsOf(const std::function<void()>& draw) {
    std::vector<swtest::TextCut> cuts;
    for (int i = 0; i < 3; ++i) {   // tables and auto-fit settle over the first frames
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
        draw();
        ImGui::End();
        ImGui::Render();
        cuts = swtest::findTextCuts();
    }
    return cuts;
}

bool mentions(const std::vector<swtest::TextCut>& cuts, const std::string& text, const std::string& why) {
    for (const auto& c : cuts)
        if (c.text.find(text) != std::string::npos && c.why.find(why) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("the text-fit check catches a button too narrow for its label", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] { ImGui::Button("Simpan penilaian mandiri", ImVec2(80, 0)); });
    INFO(swtest::describe(cuts, "narrow button"));
    CHECK(mentions(cuts, "Simpan", "trimmed to its frame (right)"));
}

TEST_CASE("the text-fit check passes a button as wide as its label", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        ImGui::Button("Simpan penilaian mandiri");
        ImGui::TextUnformatted("Indeks Kepuasan Masyarakat (IKM) triwulan ini");
    });
    INFO(swtest::describe(cuts, "fitting"));
    CHECK(cuts.empty());
}

TEST_CASE("the text-fit check catches text cut by a child window and a table column", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        ImGui::BeginChild("##box", ImVec2(120, 80), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::TextUnformatted("Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi Soekarno-Hatta");
        ImGui::EndChild();
        if (ImGui::BeginTable("##t", 2, ImGuiTableFlags_Borders, ImVec2(300, 0))) {
            ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthFixed, 60);
            ImGui::TableSetupColumn("IKM", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("Lembaga Pemasyarakatan Kelas IIA");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("81,48");
            ImGui::EndTable();
        }
    });
    INFO(swtest::describe(cuts, "cut"));
    CHECK(mentions(cuts, "Kantor", "cut by its clip rect (right)"));
    CHECK(mentions(cuts, "Lemb", "cut by its clip rect (right)"));
    CHECK_FALSE(mentions(cuts, "81,48", ""));
}

TEST_CASE("the text-fit check catches a table header ImGui shortened with an ellipsis", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        if (ImGui::BeginTable("##t", 2, ImGuiTableFlags_Borders, ImVec2(400, 0))) {
            ImGui::TableSetupColumn("Jumlah responden", ImGuiTableColumnFlags_WidthFixed, 50);
            ImGui::TableSetupColumn("Mutu", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            ImGui::EndTable();
        }
    });
    INFO(swtest::describe(cuts, "header"));
    CHECK(mentions(cuts, "", "shortened with an ellipsis"));
}

TEST_CASE("the text-fit check excuses lines cut at the edge of a scrolled region", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        ImGui::BeginChild("##list", ImVec2(900, 107), true);   // a scrollbar: the rest is reached by scrolling
        for (int i = 0; i < 40; ++i) ImGui::Text("Komentar nomor %d: antrean di loket paspor terlalu panjang", i);
        ImGui::EndChild();
        if (ImGui::BeginTable("##scrolled", 1, ImGuiTableFlags_ScrollY, ImVec2(600, 113))) {
            for (int i = 0; i < 40; ++i) {
                ImGui::TableNextColumn();
                ImGui::Text("Baris %d", i);
            }
            ImGui::EndTable();
        }
    });
    INFO(swtest::describe(cuts, "scrolled"));
    CHECK(cuts.empty());
}

TEST_CASE("the text-fit check excuses a wrapped cell down and to the right of a table that scrolls both ways", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        // The roll-up at 1280×800 and 5 px/mm: the facility column starts just inside the right
        // edge, and its wrapped "(belum lengkap 3/5)" of a row below the fold is not on screen.
        if (ImGui::BeginTable("##both", 3, ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY, ImVec2(420, 120))) {
            ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthFixed, 380);
            ImGui::TableSetupColumn("Fasilitas", ImGuiTableColumnFlags_WidthFixed, 200);
            ImGui::TableSetupColumn("Celah", ImGuiTableColumnFlags_WidthFixed, 60);
            for (int i = 0; i < 12; ++i) {
                ImGui::TableNextColumn();
                ImGui::Text("Unit %d", i);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("93,8 (belum lengkap 3/5) dinilai atas tiga dari lima kriteria");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted("2");
            }
            ImGui::EndTable();
        }
    });
    INFO(swtest::describe(cuts, "scrolled both ways"));
    CHECK(cuts.empty());
}

TEST_CASE("the text-fit check scrolls a table sideways and excuses columns passing under its frozen one, not a cut column", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    auto frame = [](float unitW) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::BeginTable("##wide", 4, ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY, ImVec2(500, 200))) {
            ImGui::TableSetupScrollFreeze(1, 1);
            ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthFixed, 150);
            for (const char* head : {"Responden", "Aksesibilitas", "Fasilitas"}) ImGui::TableSetupColumn(head, ImGuiTableColumnFlags_WidthFixed, unitW);
            ImGui::TableHeadersRow();
            for (int i = 0; i < 12; ++i)
                for (int col = 0; col < 4; ++col) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(col == 0 ? "Lapas" : "93,8 (3/5)");
                }
            ImGui::EndTable();
        }
        ImGui::End();
        ImGui::Render();
    };
    for (int i = 0; i < 3; ++i) frame(220);   // the scrollbars show from the second frame on
    const auto fits = swtest::cutsWhileScrolling([&] { frame(220); });
    INFO(swtest::describe(fits, "wide enough"));
    CHECK(fits.empty());
    for (int i = 0; i < 3; ++i) frame(40);
    const auto cut = swtest::cutsWhileScrolling([&] { frame(40); });
    INFO(swtest::describe(cut, "too narrow"));
    CHECK(!cut.empty());
}

TEST_CASE("the text-fit check catches a label drawn into the next item", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const auto cuts = cutsOf([] {
        ImGui::TextUnformatted("Klaim unit: Sebagian ada");
        ImGui::SameLine(60);   // a column too close for the label before it
        ImGui::TextUnformatted("Terverifikasi");
    });
    INFO(swtest::describe(cuts, "overlap"));
    CHECK(mentions(cuts, "Klaim", "overlaps \"Terverifikasi\""));
}

namespace {

// A table column `width` px wide holding `text` wrapped: the words findBrokenWords found broken.
std::vector<swtest::TextCut> brokenIn(float width, const char* text) {
    std::vector<swtest::TextCut> broken;
    for (int i = 0; i < 3; ++i) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::BeginTable("##t", 2, ImGuiTableFlags_Borders, ImVec2(600, 0))) {
            ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, width);
            ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", text);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("75,99");
            ImGui::EndTable();
        }
        ImGui::End();
        ImGui::Render();
        broken = swtest::findBrokenWords({text});
    }
    return broken;
}

} // namespace

TEST_CASE("the text-fit check catches a name's word broken across lines, and not a wrap between words", "[admin][assessor][layout]") {
    swtest::FitContext fc(ImVec2(1280, 800));
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];   // the default, which the page draws in
    const float word = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "Pemasyarakatan").x;
    // Narrower than its longest word: ImGui cuts "Pemasyarakatan" anywhere, and no clip edge shows it.
    const auto narrow = brokenIn(word * 0.6f, "Balai Pemasyarakatan Kelas I Bandung");
    INFO(swtest::describe(narrow, "narrow"));
    CHECK(mentions(narrow, "", "breaks \"Pemasyarakatan\" across lines"));
    CHECK(swtest::findTextCuts().empty());
    // As wide as the longest word: the lines break between words only.
    const auto wide = brokenIn(word + 2, "Balai Pemasyarakatan Kelas I Bandung");
    INFO(swtest::describe(wide, "wide"));
    CHECK(wide.empty());
}
