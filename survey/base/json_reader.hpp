// Reads a located JSON document (json_located.hpp) field by field: the one validating reader of
// the files people edit by hand (instruments, the P2HAM checklist). Every accessor names the JSON
// pointer of what it looked at, so a refusal reads "FILE:LINE:COLUMN: problem".
#pragma once
#include "survey/base/json_located.hpp"
#include "survey/base/text.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace sw {

class JsonReader {
public:
    explicit JsonReader(const LocatedJson& doc) : doc_(doc) {}

    const nlohmann::json& node(const std::string& ptr) const;
    bool has(const std::string& ptr, const std::string& key) const;
    [[noreturn]] void fail(const std::string& ptr, const std::string& what) const { doc_.fail(ptr, what); }

    const nlohmann::json& at(const std::string& ptr, const std::string& key) const; // present, any type
    const nlohmann::json& need(const std::string& ptr, const std::string& key, nlohmann::json::value_t type,
                               const char* typeName) const;
    std::string str(const std::string& ptr, const std::string& key) const;          // a non-empty string
    long integer(const std::string& ptr, const std::string& key) const;
    double number(const std::string& ptr, const std::string& key) const;
    std::size_t array(const std::string& ptr, const std::string& key) const;        // its size
    const nlohmann::json& list(const std::string& ptr, const std::string& key) const; // a non-empty array
    bool boolean(const std::string& ptr, const std::string& key, bool fallback) const;

    // Translations {"id": …, "en": …}: every language in `required` present and non-empty. With
    // `declared`, a language not in it is refused too (an instrument declares its languages).
    Text text(const std::string& ptr, const std::string& key, const std::vector<std::string>& required,
              bool onlyRequired = false) const;
    // A code seen twice in one list is refused at its place.
    void unique(const std::string& ptr, const std::string& code, std::set<std::string>& seen) const;

private:
    const LocatedJson& doc_;
};

} // namespace sw
