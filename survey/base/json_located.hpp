// JSON with source positions: parses with nlohmann::json and remembers where every value
// started (line, column), keyed by its JSON pointer. Instrument validation uses it to say
// "file:line:column: what is wrong" about values that parse fine but make no sense.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sw {

struct SourcePos {
    int line = 1;
    int column = 1;
};

class LocatedJson {
public:
    // Throws InstrumentError(file, line, col, …) on a syntax error.
    static LocatedJson parse(std::string_view text, const std::string& file);

    const nlohmann::json& root() const { return root_; }
    const std::string& file() const { return file_; }

    // Position of the value at `pointer` ("/unsur/3/labels"), or of its nearest parent.
    SourcePos at(const std::string& pointer) const;

    // Throws InstrumentError at `pointer`.
    [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;

private:
    nlohmann::json root_;
    std::string file_;
    std::unordered_map<std::string, SourcePos> positions_;
    friend class LocatingSax;
};

// Line/column (1-based, column counted in bytes) of byte `offset` in `text`.
SourcePos positionOf(std::string_view text, std::size_t offset);

} // namespace sw
