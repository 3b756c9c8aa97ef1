#include "survey/base/text_check.hpp"

#include "survey/base/error.hpp"

#include <algorithm>
#include <cstdio>

namespace sw {

namespace {

// Length of the UTF-8 sequence starting at s[i] and its code point; 0 when invalid (overlong,
// surrogate, beyond U+10FFFF, truncated).
std::size_t decodeOne(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool isControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

std::string codePoint(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

} // namespace

bool isValidUtf8(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decodeOne(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t utf8Length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string textProblem(std::string_view s, std::size_t maxChars, bool multiline) {
    char32_t cp = 0;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        const std::size_t n = decodeOne(s, i, cp);
        if (n == 0) return "is not valid UTF-8 (byte " + std::to_string(i + 1) + ")";
        if (isControl(cp) && !(multiline && (cp == '\n' || cp == '\t' || cp == '\r')))
            return "holds a control character (" + codePoint(cp) + ") at character " + std::to_string(chars + 1);
        i += n;
    }
    if (chars > maxChars) return "is longer than " + std::to_string(maxChars) + " characters (" + std::to_string(chars) + ")";
    return {};
}

void checkText(std::string_view s, const std::string& field, std::size_t maxChars, bool multiline) {
    const std::string why = textProblem(s, maxChars, multiline);
    if (!why.empty()) throw UsageError(field + ": " + why);
}

std::string cleanText(std::string_view s, std::size_t maxChars) {
    std::string out;
    out.reserve(std::min(s.size(), maxChars * 4));
    char32_t cp = 0;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size() && chars < maxChars;) {
        const std::size_t n = decodeOne(s, i, cp);
        if (n == 0) { // a byte that starts no valid sequence is dropped alone: what follows may be text
            ++i;
            continue;
        }
        const bool keep = !isControl(cp) || cp == '\n' || cp == '\t';
        if (keep) {
            out.append(s.substr(i, n));
            ++chars;
        }
        i += n;
    }
    return out;
}

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decodeOne(s, i, cp);
        if (n == 0 || isControl(cp)) {
            for (std::size_t k = 0; k < (n == 0 ? 1 : n); ++k) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i + k])));
                out += buf;
            }
            i += n == 0 ? 1 : n;
            continue;
        }
        out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

} // namespace sw
