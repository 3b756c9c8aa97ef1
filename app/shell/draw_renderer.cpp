#include "app/shell/draw_renderer.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace sw::kiosk {

namespace {

static_assert(sizeof(ImDrawIdx) == sizeof(std::uint16_t), "Debian's ImGui 1.86 is built with 16-bit indices");

// Side of the square cells, in pixels, in which the renderer notes which batch draws where. A
// coarser grid costs less to keep but sees more triangles overlap, so fewer draw in an earlier
// batch; 8 px keeps the gaps between the cards clear.
constexpr int kCell = 8;

// The backend's shader (imgui_impl_opengl3.cpp, GLSL 1.30 with the shell's "#version 330").
const char* const kVertexShader = R"(#version 330 core
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() { Frag_UV = UV; Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }
)";
const char* const kTexturedShader = R"(#version 330 core
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); }
)";
// Fills that read the white texel: the vertex colour alone. The opaque ones take one colour per
// triangle (only triangles whose three vertices agree are drawn so), the others blend theirs.
const char* const kPlainVertexShader = R"(#version 330 core
layout (location = 0) in vec2 Position;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec4 Frag_Color;
void main() { Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }
)";
const char* const kPlainShader = R"(#version 330 core
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color; }
)";
const char* const kOpaqueVertexShader = R"(#version 330 core
layout (location = 0) in vec2 Position;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
flat out vec4 Frag_Color;
void main() { Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }
)";
const char* const kOpaqueShader = R"(#version 330 core
flat in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color; }
)";

GLuint compileShader(GLenum kind, const char* source) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = GL_FALSE;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        glDeleteShader(s);
        throw std::runtime_error(std::string("the OpenGL driver refused a shader: ") + log);
    }
    return s;
}

// What a triangle of the atlas needs drawn: an ImDrawVert's colour is RGBA in memory (IM_COL32),
// alpha in the top byte.
int kindOf(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, ImVec2 white) {
    auto isWhite = [white](const ImDrawVert& v) { return v.uv.x == white.x && v.uv.y == white.y; };
    if (!isWhite(a) || !isWhite(b) || !isWhite(c)) return 2;
    return a.col == b.col && b.col == c.col && (a.col >> IM_COL32_A_SHIFT) == 0xFF ? 0 : 1;
}

// A command's scissor rectangle in framebuffer pixels.
Clip clipOf(const ImDrawCmd& cmd, const ImDrawData& dd) {
    const ImVec2 off = dd.DisplayPos, scale = dd.FramebufferScale;
    return {(cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y, (cmd.ClipRect.z - off.x) * scale.x,
            (cmd.ClipRect.w - off.y) * scale.y};
}

bool isEmpty(const Clip& c) { return c[2] <= c[0] || c[3] <= c[1]; }   // the backend draws nothing then

// As the backend sets it (GL's y runs upwards).
void scissor(const Clip& clip, int fbHeight) {
    glScissor(static_cast<int>(clip[0]), static_cast<int>(static_cast<float>(fbHeight) - clip[3]), static_cast<int>(clip[2] - clip[0]),
              static_cast<int>(clip[3] - clip[1]));
}

// The cells a triangle may touch: its bounding box widened by a pixel (a pixel is drawn when its
// centre is inside), cut to the command's scissor rectangle and the framebuffer.
CellBox cellsOf(const ImVec2 (&p)[3], const Clip& clip, int fbWidth, int fbHeight) {
    const float minX = std::min({p[0].x, p[1].x, p[2].x}), maxX = std::max({p[0].x, p[1].x, p[2].x});
    const float minY = std::min({p[0].y, p[1].y, p[2].y}), maxY = std::max({p[0].y, p[1].y, p[2].y});
    const int x0 = std::max({static_cast<int>(std::floor(minX)) - 1, static_cast<int>(std::floor(clip[0])) - 1, 0});
    const int y0 = std::max({static_cast<int>(std::floor(minY)) - 1, static_cast<int>(std::floor(clip[1])) - 1, 0});
    const int x1 = std::min({static_cast<int>(std::floor(maxX)) + 1, static_cast<int>(std::ceil(clip[2])) + 1, fbWidth - 1});
    const int y1 = std::min({static_cast<int>(std::floor(maxY)) + 1, static_cast<int>(std::ceil(clip[3])) + 1, fbHeight - 1});
    if (x1 < x0 || y1 < y0) return {};
    return {x0 / kCell, y0 / kCell, x1 / kCell, y1 / kCell};
}

} // namespace

DrawRenderer::DrawRenderer() {
    auto link = [](const char* vertex, const char* fragment) {
        GLuint vs = compileShader(GL_VERTEX_SHADER, vertex);
        GLuint fs = compileShader(GL_FRAGMENT_SHADER, fragment);
        Program p;
        p.id = glCreateProgram();
        glAttachShader(p.id, vs);
        glAttachShader(p.id, fs);
        glLinkProgram(p.id);
        glDetachShader(p.id, vs);
        glDetachShader(p.id, fs);
        glDeleteShader(vs);
        glDeleteShader(fs);
        GLint ok = GL_FALSE;
        glGetProgramiv(p.id, GL_LINK_STATUS, &ok);
        if (ok != GL_TRUE) throw std::runtime_error("the OpenGL driver refused to link a shader program");
        p.projection = glGetUniformLocation(p.id, "ProjMtx");
        const GLint texture = glGetUniformLocation(p.id, "Texture");
        glUseProgram(p.id);
        if (texture >= 0) glUniform1i(texture, 0);
        glUseProgram(0);
        return p;
    };
    programs_[Opaque] = link(kOpaqueVertexShader, kOpaqueShader);
    programs_[Plain] = link(kPlainVertexShader, kPlainShader);
    programs_[Textured] = link(kVertexShader, kTexturedShader);

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);   // kept by the vertex array
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

DrawRenderer::~DrawRenderer() {
    glDeleteVertexArrays(1, &vao_);
    glDeleteBuffers(1, &vbo_);
    glDeleteBuffers(1, &ebo_);
    for (const Program& p : programs_) glDeleteProgram(p.id);
}

void DrawRenderer::render(const ImDrawData& dd) {
    counts_ = {};
    const int fbWidth = static_cast<int>(dd.DisplaySize.x * dd.FramebufferScale.x);
    const int fbHeight = static_cast<int>(dd.DisplaySize.y * dd.FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0) return;
    // The backend's state: alpha blending, no culling, depth or stencil, scissor on.
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fbWidth, fbHeight);
    const float l = dd.DisplayPos.x, r = dd.DisplayPos.x + dd.DisplaySize.x;
    const float t = dd.DisplayPos.y, b = dd.DisplayPos.y + dd.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    for (const Program& p : programs_) {
        glUseProgram(p.id);
        glUniformMatrix4fv(p.projection, 1, GL_FALSE, &projection[0][0]);
    }
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    for (int n = 0; n < dd.CmdListsCount; ++n) renderList(dd, *dd.CmdLists[n], fbWidth, fbHeight);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);   // the next frame's glClear would be cut to the last rectangle
    glDisable(GL_BLEND);
}

// Each triangle's batch, in the list's order: the latest batch already drawing in its cells when
// that batch's program can draw it, else the next batch of its own kind — never an earlier one,
// which might draw it under what the list drew before it. The plain program draws an opaque fill's
// pixels as the opaque one does (alpha 1 blends to the colour itself), the textured program draws
// any; without that a stroke (an opaque core between blended fringes, segment after segment) would
// climb a batch at every segment.
void DrawRenderer::place(const ImDrawData& dd, const ImDrawList& list, int fbWidth, int fbHeight) {
    const ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    const ImVec2 off = dd.DisplayPos, scale = dd.FramebufferScale;
    levels_.reset((fbWidth + kCell - 1) / kCell, (fbHeight + kCell - 1) / kCell);
    placed_.clear();
    for (int ci = 0; ci < list.CmdBuffer.Size; ++ci) {
        const ImDrawCmd& cmd = list.CmdBuffer[ci];
        const Clip clip = clipOf(cmd, dd);
        if (isEmpty(clip)) continue;
        const bool fromAtlas = cmd.TextureId == fonts.TexID;
        for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const unsigned first = cmd.IdxOffset + i;
            const ImDrawIdx* tri = &list.IdxBuffer[static_cast<int>(first)];
            const ImDrawVert& a = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + tri[0])];
            const ImDrawVert& b = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + tri[1])];
            const ImDrawVert& c = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + tri[2])];
            const ImVec2 p[3] = {ImVec2((a.pos.x - off.x) * scale.x, (a.pos.y - off.y) * scale.y),
                                 ImVec2((b.pos.x - off.x) * scale.x, (b.pos.y - off.y) * scale.y),
                                 ImVec2((c.pos.x - off.x) * scale.x, (c.pos.y - off.y) * scale.y)};
            const int kind = fromAtlas ? kindOf(a, b, c, fonts.TexUvWhitePixel) : Textured;
            const CellBox box = cellsOf(p, clip, fbWidth, fbHeight);
            const int latest = levels_.highest(box);
            const int batch = latest % 3 >= kind ? latest : latest + kind - latest % 3;
            if (batch > 0) levels_.raise(box, batch);   // every cell starts at batch 0
            placed_.push_back({batch, ci, first});
            ++(batch % 3 == Opaque ? counts_.opaque : batch % 3 == Plain ? counts_.plain : counts_.textured);
        }
    }
}

void DrawRenderer::renderList(const ImDrawData& dd, const ImDrawList& list, int fbWidth, int fbHeight) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)), list.VtxBuffer.Data,
                 GL_STREAM_DRAW);
    auto at = [](unsigned first) { return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint16_t)); };
    auto use = [this](int kind) {
        if (kind == Opaque) glDisable(GL_BLEND);
        else glEnable(GL_BLEND);
        glUseProgram(programs_[kind].id);
    };

    // A list with callbacks of its own is drawn as the backend draws it: what they draw is unknown.
    if (std::any_of(list.CmdBuffer.begin(), list.CmdBuffer.end(), [](const ImDrawCmd& c) { return c.UserCallback != nullptr; })) {
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        use(Textured);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) use(Textured);
            else if (cmd.UserCallback) cmd.UserCallback(&list, &cmd);
            if (cmd.UserCallback || isEmpty(clipOf(cmd, dd))) continue;
            scissor(clipOf(cmd, dd), fbHeight);
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_SHORT, at(cmd.IdxOffset),
                                     static_cast<GLint>(cmd.VtxOffset));
            ++counts_.drawCalls;
        }
        return;
    }

    place(dd, list, fbWidth, fbHeight);
    // By batch, the list's order kept within each (a counting sort).
    int batches = 0;
    for (const Placed& p : placed_) batches = std::max(batches, p.batch + 1);
    std::vector<std::size_t>& start = batchStart_;
    start.assign(static_cast<std::size_t>(batches) + 1, 0);
    for (const Placed& p : placed_) ++start[static_cast<std::size_t>(p.batch) + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    sorted_.resize(placed_.size());
    for (const Placed& p : placed_) sorted_[start[static_cast<std::size_t>(p.batch)]++] = p;
    indices_.clear();
    for (const Placed& p : sorted_) indices_.insert(indices_.end(), &list.IdxBuffer[static_cast<int>(p.firstIndex)], &list.IdxBuffer[static_cast<int>(p.firstIndex)] + 3);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(std::uint16_t)), indices_.data(), GL_STREAM_DRAW);

    // One draw call per run of triangles in one batch under the same rectangle, texture and vertex offset.
    int kind = -1;
    for (std::size_t i = 0; i < sorted_.size();) {
        const ImDrawCmd& cmd = list.CmdBuffer[sorted_[i].cmd];
        auto same = [&](const Placed& p) {
            const ImDrawCmd& o = list.CmdBuffer[p.cmd];
            return p.batch == sorted_[i].batch && (p.cmd == sorted_[i].cmd || (o.ClipRect.x == cmd.ClipRect.x && o.ClipRect.y == cmd.ClipRect.y &&
                                                                               o.ClipRect.z == cmd.ClipRect.z && o.ClipRect.w == cmd.ClipRect.w &&
                                                                               o.TextureId == cmd.TextureId && o.VtxOffset == cmd.VtxOffset));
        };
        std::size_t end = i + 1;
        while (end < sorted_.size() && same(sorted_[end])) ++end;
        if (sorted_[i].batch % 3 != kind) use(kind = sorted_[i].batch % 3);
        scissor(clipOf(cmd, dd), fbHeight);
        if (kind == Textured) glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
        glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>((end - i) * 3), GL_UNSIGNED_SHORT, at(static_cast<unsigned>(i * 3)),
                                 static_cast<GLint>(cmd.VtxOffset));
        ++counts_.drawCalls;
        i = end;
    }
}

} // namespace sw::kiosk
