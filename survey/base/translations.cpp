#include "survey/base/translations.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_located.hpp"
#include "survey/base/paths.hpp"

#include <fstream>
#include <sstream>

namespace sw {

Translations Translations::parse(const std::string& text, const std::string& fileName) {
    LocatedJson doc = LocatedJson::parse(text, fileName);
    const auto& j = doc.root();
    Translations t;
    t.file_ = fileName;
    if (!j.is_object()) doc.fail("", "a strings file must be a JSON object");
    if (!j.contains("format") || j["format"] != "suarawarga-strings")
        doc.fail("/format", "\"format\" must be \"suarawarga-strings\"");
    if (!j.contains("languages") || !j["languages"].is_array() || j["languages"].empty())
        doc.fail("/languages", "\"languages\" must list at least one language code");
    for (std::size_t i = 0; i < j["languages"].size(); ++i) {
        if (!j["languages"][i].is_string()) doc.fail("/languages/" + std::to_string(i), "a language code must be a string");
        t.languages_.push_back(j["languages"][i].get<std::string>());
    }
    if (!j.contains("strings") || !j["strings"].is_object()) doc.fail("/strings", "\"strings\" must be an object");
    for (auto it = j["strings"].begin(); it != j["strings"].end(); ++it) {
        std::string ptr = "/strings/" + it.key();
        if (!it.value().is_object()) doc.fail(ptr, "\"" + it.key() + "\" must be an object of translations");
        Text tx;
        for (auto l = it.value().begin(); l != it.value().end(); ++l) {
            if (!l.value().is_string()) doc.fail(ptr + "/" + l.key(), "a translation must be a string");
            tx.byLang[l.key()] = l.value().get<std::string>();
        }
        for (const auto& lang : t.languages_)
            if (tx.byLang[lang].empty()) doc.fail(ptr, "\"" + it.key() + "\" has no \"" + lang + "\" text");
        t.strings_[it.key()] = std::move(tx);
    }
    return t;
}

Translations Translations::load(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InstrumentError(path, 0, 0, "cannot open the strings file");
    std::stringstream ss;
    ss << f.rdbuf();
    return parse(ss.str(), path);
}

Translations Translations::loadArea(const std::string& area) { return load(assetDirectory() + "/i18n/" + area + ".json"); }

const std::string& Translations::get(const std::string& key, const std::string& lang) const {
    auto it = strings_.find(key);
    if (it == strings_.end()) return key;
    return it->second.in(lang);
}

std::vector<std::string> Translations::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : strings_) out.push_back(k);
    return out;
}

void Translations::merge(const Translations& other) {
    for (const auto& [k, v] : other.strings_) {
        if (strings_.count(k)) throw InstrumentError(other.file_, 0, 0, "string \"" + k + "\" is also defined in " + file_);
        strings_[k] = v;
    }
}

std::string format(const std::string& pattern, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < args.size()) {
                out += args[n];
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

} // namespace sw
