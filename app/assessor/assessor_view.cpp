// Placeholder until the exports issue lands.
#include "app/assessor/assessor_view.hpp"

#include <imgui.h>

namespace sw::assessor {

struct AssessorView::Impl {
    AssessorHost& host;
};

AssessorView::AssessorView(AssessorHost& host) : impl_(std::make_unique<Impl>(Impl{host})) {}
AssessorView::~AssessorView() = default;

void AssessorView::draw() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##assessor", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted("Kanwil");
    ImGui::End();
}

} // namespace sw::assessor
