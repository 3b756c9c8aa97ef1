// Placeholder until the unit head's area lands: says so plainly (issue "The unit head's area").
#include "app/admin/admin_area.hpp"

#include <imgui.h>

namespace sw::admin {

struct AdminArea::Impl {
    AdminHost& host;
};

AdminArea::AdminArea(AdminHost& host) : impl_(std::make_unique<Impl>(Impl{host})) {}
AdminArea::~AdminArea() = default;

void AdminArea::showTab(const std::string&) {}

void AdminArea::draw() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##admin", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted(impl_->host.lang == "en" ? "Unit head's area" : "Area kepala unit");
    if (ImGui::Button(impl_->host.lang == "en" ? "Back to the kiosk" : "Kembali ke kios")) impl_->host.requestClose = true;
    if (impl_->host.fullscreen && ImGui::Button(impl_->host.lang == "en" ? "Leave full screen" : "Keluar layar penuh"))
        impl_->host.requestLeaveFullscreen = true;
    ImGui::End();
}

} // namespace sw::admin
