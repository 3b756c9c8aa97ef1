#include "app/widgets/wrap_words.hpp"

#include <imgui.h>

#include <algorithm>

namespace sw::admin::ui {

std::string wrapWords(const std::string& text, float width) {
    std::string out, line;
    std::size_t i = 0;
    while (i <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", i), text.size());
        const std::string word = text.substr(i, end - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            out += line + "\n";
            line = word;
        } else {
            line = candidate;
        }
        if (end < text.size() && text[end] == '\n') {
            out += line + "\n";
            line.clear();
        }
        i = end + 1;
    }
    return out + line;
}

float widestWord(const std::string& text) {
    float w = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        w = std::max(w, ImGui::CalcTextSize(text.data() + at, text.data() + end).x);
        at = end + 1;
    }
    return w;
}

} // namespace sw::admin::ui
