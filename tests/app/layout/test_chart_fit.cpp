// The dashboard's charts on a narrow panel of a dense laptop (5 px/mm): no label is drawn over
// another or cut by the chart, whatever the data — the grade bounds close together on a short
// scale, a weekly trend of half a year, long group names, a heat map of a whole day (README
// "Accessible by measurement").
#include "app/admin/charts.hpp"
#include "app/layout/fit_context.hpp"

#include "survey/base/local_time.hpp"

#include <catch2/catch.hpp>

namespace {

std::vector<swtest::TextCut> chartCuts(const std::function<void()>& draw) {
    std::vector<swtest::TextCut> cuts;
    for (int i = 0; i < 2; ++i) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##charts", nullptr, ImGuiWindowFlags_NoDecoration);
        draw();
        ImGui::End();
        ImGui::Render();
        cuts = swtest::findTextCuts();
    }
    return cuts;
}

} // namespace

TEST_CASE("the dashboard's charts keep every label apart and inside a narrow panel at 5 px per mm", "[admin][layout][chart]") {
    swtest::FitContext fc(ImVec2(1280, 2400), swtest::kSmallLaptopPxPerMm);
    sw::admin::AdminHost host;
    host.pxPerMm = fc.pxPerMm;
    for (const char* lang : {"id", "en"}) {
        host.lang = lang;
        sw::admin::AdminContext c(host);
        std::vector<sw::UnsurRow> unsur;
        for (int i = 1; i <= 9; ++i)
            unsur.push_back({"U" + std::to_string(i), "", 100, 3.0, 60.0 + i * 3.1, sw::mutuFor(60.0 + i * 3.1), true, 70.0, i * 3.1 - 10});
        std::vector<sw::TrendPoint> weeks;
        for (int w = 0; w < 26; ++w) {
            sw::TrendPoint t;
            t.from = sw::civilFromDays(sw::daysFromCivil(2026, 6, 1) + 7 * w);
            t.respondents = 20;
            t.ikmUnit = 70.0 + (w % 3) * 0.4 + (w % 2) * 5.0;   // zigzag: neighbours' values at the same height
            t.hasData = w != 5;
            weeks.push_back(t);
        }
        std::vector<sw::admin::charts::Bar> groups{{"Penggantian paspor karena hilang atau rusak", 72.55, true, 111, sw::Mutu::C},
                                                   {"  Penyandang disabilitas", 69.45, true, 63, sw::Mutu::C},
                                                   {"Informasi dan konsultasi", 100.0, true, 4000, sw::Mutu::A},
                                                   {"Pengaduan", 0, false, 0, sw::Mutu::D}};
        std::array<std::array<std::int64_t, 24>, 7> heat{};
        for (std::size_t d = 0; d < 7; ++d)
            for (std::size_t h = 0; h < 24; ++h) heat[d][h] = static_cast<std::int64_t>((d * 24 + h) * 7 % 1000);   // a whole day, up to 3 digits
        const auto cuts = chartCuts([&] {
            sw::admin::charts::heatMap(c, heat, 999, ImVec2(560, c.mm(50)));
            sw::admin::charts::unsurBars(c, unsur, ImVec2(560, c.mm(60)));
            sw::admin::charts::trendLine(c, weeks, true, ImVec2(560, c.mm(60)));
            sw::admin::charts::groupBars(c, groups, ImVec2(420, c.mm(30)));
        });
        INFO(swtest::describe(cuts, std::string("charts 560 px ") + lang));
        CHECK(cuts.empty());
    }
}
