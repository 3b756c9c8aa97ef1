#include "app/kiosk/font_sampling.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <imgui.h>

#include <cstdint>

namespace sw::kiosk {

void sampleFontAtlas(bool nearest) {
    static GLuint setFor = 0;   // the texture the filter below was last set on (one atlas per process)
    static bool setNearest = false;
    auto texture = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID));
    if (texture == 0 || (texture == setFor && nearest == setNearest)) return;   // not uploaded yet, or already so
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture);
    const GLint filter = nearest ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    setFor = texture;
    setNearest = nearest;
}

} // namespace sw::kiosk
