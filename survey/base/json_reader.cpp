#include "survey/base/json_reader.hpp"

namespace sw {

using nlohmann::json;

const json& JsonReader::node(const std::string& ptr) const { return doc_.root().at(json::json_pointer(ptr)); }

bool JsonReader::has(const std::string& ptr, const std::string& key) const {
    const json& n = node(ptr);
    return n.is_object() && n.contains(key);
}

const json& JsonReader::at(const std::string& ptr, const std::string& key) const {
    const json& parent = node(ptr);
    if (!parent.is_object()) fail(ptr, "expected an object");
    if (!parent.contains(key)) fail(ptr, "missing \"" + key + "\"");
    return parent.at(key);
}

const json& JsonReader::need(const std::string& ptr, const std::string& key, json::value_t type, const char* typeName) const {
    const json& v = at(ptr, key);
    const bool ok = v.type() == type || (type == json::value_t::number_integer && v.type() == json::value_t::number_unsigned);
    if (!ok) fail(ptr + "/" + key, "\"" + key + "\" must be " + typeName);
    return v;
}

std::string JsonReader::str(const std::string& ptr, const std::string& key) const {
    std::string s = need(ptr, key, json::value_t::string, "a string").get<std::string>();
    if (s.empty()) fail(ptr + "/" + key, "\"" + key + "\" must not be empty");
    return s;
}

long JsonReader::integer(const std::string& ptr, const std::string& key) const {
    return need(ptr, key, json::value_t::number_integer, "an integer").get<long>();
}

double JsonReader::number(const std::string& ptr, const std::string& key) const {
    const json& v = at(ptr, key);
    if (!v.is_number()) fail(ptr + "/" + key, "\"" + key + "\" must be a number");
    return v.get<double>();
}

std::size_t JsonReader::array(const std::string& ptr, const std::string& key) const {
    return need(ptr, key, json::value_t::array, "an array").size();
}

const json& JsonReader::list(const std::string& ptr, const std::string& key) const {
    const json& v = at(ptr, key);
    if (!v.is_array() || v.empty()) fail(ptr + "/" + key, "\"" + key + "\" must be a non-empty array");
    return v;
}

bool JsonReader::boolean(const std::string& ptr, const std::string& key, bool fallback) const {
    if (!has(ptr, key)) return fallback;
    return need(ptr, key, json::value_t::boolean, "true or false").get<bool>();
}

Text JsonReader::text(const std::string& ptr, const std::string& key, const std::vector<std::string>& required,
                      bool onlyRequired) const {
    const json& v = need(ptr, key, json::value_t::object, "an object of translations {\"id\": …, \"en\": …}");
    const std::string here = ptr + "/" + key;
    Text t;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!it.value().is_string()) fail(here + "/" + it.key(), "translation \"" + it.key() + "\" must be a string");
        bool known = !onlyRequired;
        for (const auto& code : required) known |= code == it.key();
        if (!known) fail(here + "/" + it.key(), "language \"" + it.key() + "\" is not declared in \"languages\"");
        t.byLang[it.key()] = it.value().get<std::string>();
    }
    for (const auto& code : required) {
        auto found = t.byLang.find(code);
        if (found == t.byLang.end()) fail(here, "\"" + key + "\" has no \"" + code + "\" translation");
        if (found->second.empty()) fail(here + "/" + code, "\"" + key + "\" is empty in \"" + code + "\"");
    }
    return t;
}

void JsonReader::unique(const std::string& ptr, const std::string& code, std::set<std::string>& seen) const {
    if (!seen.insert(code).second) fail(ptr, "duplicate code \"" + code + "\"");
}

} // namespace sw
