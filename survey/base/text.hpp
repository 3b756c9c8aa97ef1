// Text shown to people, in every language an instrument offers ("id", "en", later "jv", "su"…).
#pragma once
#include <map>
#include <string>

namespace sw {

struct Text {
    std::map<std::string, std::string> byLang;

    // The text in `lang`, else Bahasa Indonesia, else any — never an empty surprise on screen.
    const std::string& in(const std::string& lang) const {
        if (auto it = byLang.find(lang); it != byLang.end()) return it->second;
        if (auto it = byLang.find("id"); it != byLang.end()) return it->second;
        static const std::string empty;
        return byLang.empty() ? empty : byLang.begin()->second;
    }
};

} // namespace sw
