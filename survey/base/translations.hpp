// User-facing strings that are not part of an instrument (buttons, prompts, headings), kept as
// data in assets/i18n/<area>.json so adding a language is a data change:
//   {"format": "suarawarga-strings", "format_version": 1, "languages": ["id", "en"],
//    "strings": {"welcome.title": {"id": "Selamat datang", "en": "Welcome"}, …}}
// Every key must carry every listed language; a gap is refused with file:line:column.
#pragma once
#include "survey/base/text.hpp"

#include <map>
#include <string>
#include <vector>

namespace sw {

class Translations {
public:
    static Translations parse(const std::string& jsonText, const std::string& fileName);
    static Translations load(const std::string& path);
    // assets/i18n/<area>.json from the asset directory.
    static Translations loadArea(const std::string& area);

    // The string for `key` in `lang` (falling back to Indonesian). An unknown key returns the key
    // itself so a missing string is visible on screen, never a crash; tests check coverage.
    const std::string& get(const std::string& key, const std::string& lang) const;
    bool has(const std::string& key) const { return strings_.count(key) != 0; }
    const std::vector<std::string>& languages() const { return languages_; }
    std::vector<std::string> keys() const;
    // Adds another file's strings (its keys must not clash with ours).
    void merge(const Translations& other);

private:
    std::vector<std::string> languages_;
    std::map<std::string, Text> strings_;
    std::string file_;
};

// Replaces {0}, {1}… in `pattern` with the arguments ("{0} dari {1}" → "3 dari 9").
std::string format(const std::string& pattern, const std::vector<std::string>& args);

} // namespace sw
