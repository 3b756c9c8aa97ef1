// Line breaks at spaces (and kept newlines) so no line is wider than a width in the current
// ImGui font: ImGui's own wrap also breaks after '.' and ',', which splits "4.200" and "72,09".
// Shared by the unit head's screens and the assessor's view.
#pragma once
#include <string>

namespace sw::admin::ui {
std::string wrapWords(const std::string& text, float width);
// The widest single word of `text` in the current font: a column narrower than that would break
// a word however it wraps.
float widestWord(const std::string& text);
}
