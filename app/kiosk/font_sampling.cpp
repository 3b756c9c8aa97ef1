#include "app/kiosk/font_sampling.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <imgui.h>

#include <cstdint>

namespace sw::kiosk {

void sampleFontAtlasNearest() {
    auto texture = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID));
    if (texture == 0) return;   // not uploaded yet
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

} // namespace sw::kiosk
