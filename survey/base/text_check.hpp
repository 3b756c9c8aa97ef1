// Text from outside (CSV cells, bundle fields, unit files, settings, the kiosk's comment) is
// hostile until checked: valid UTF-8, no NUL or control characters, a bounded length. And text
// printed to a terminal never carries an escape sequence from data.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace sw {

constexpr std::size_t kMaxNameLength = 200;     // unit name, instansi, kabupaten, province (characters)
constexpr std::size_t kMaxCommentLength = 2000; // a citizen's comment (characters)
constexpr std::size_t kMaxCodeLength = 64;      // codes and ids

bool isValidUtf8(std::string_view s);
std::size_t utf8Length(std::string_view s);     // code points (s must be valid UTF-8)

// Empty when `s` is acceptable, else why not ("is not valid UTF-8", "holds a control character
// (U+001B) at character 5", "is longer than 200 characters"). Newline and tab are allowed only
// with `multiline`.
std::string textProblem(std::string_view s, std::size_t maxChars, bool multiline = false);
// Throws UsageError("FIELD: problem") when textProblem finds one.
void checkText(std::string_view s, const std::string& field, std::size_t maxChars, bool multiline = false);

// Text made safe without refusing it (for what a citizen typed): invalid UTF-8 bytes dropped,
// control characters other than newline and tab removed, then cut after `maxChars` characters on
// a character boundary.
std::string cleanText(std::string_view s, std::size_t maxChars);

// For a terminal: control characters (C0, DEL, C1) and invalid bytes as \xNN; the rest as is.
std::string printable(std::string_view s);

} // namespace sw
