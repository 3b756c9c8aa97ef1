// The ONE place a citizen's answers live while they take the survey (survey/RULES.md "How data flows" 2).
// Screens hold UI state only; everything answered is here, and reset discards it whole, so nothing
// carries over to the next person (survey/RULES.md "The kiosk itself is accessible").
#pragma once
#include "survey/base/text_check.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/response/response.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

struct ResponseDraft : Answers {
    static constexpr std::size_t kMaxCommentBytes = 1000;   // a comment, not an essay; keeps a row small
    // The keyboard stops first, so what a citizen typed is never cut by cleanComment.
    static_assert(kMaxCommentBytes <= kMaxCommentLength);

    std::int64_t startedUtc = 0;                  // welcome → submit duration (misuse rule)

    // Multi-select with the exclusive "bukan kelompok rentan": choosing it clears the others,
    // choosing another clears it. Toggling a chosen option un-chooses it.
    void toggleRentan(const Instrument& in, const std::string& code);
    bool hasRentan(const std::string& code) const;
    // Adds text to the comment, refusing what would exceed kMaxCommentBytes; removes the last
    // UTF-8 character on backspace.
    bool appendComment(const std::string& utf8);
    void backspaceComment();

    bool empty() const;
    void clear() { *this = ResponseDraft{}; }

    // The stored form. Unanswered optional parts stay absent; durationSeconds from startedUtc; the
    // comment goes through cleanComment.
    Response toResponse(const Instrument& in, const std::string& unitId, const std::string& deviceId, std::int64_t nowUtc,
                        int utcOffsetMinutes) const;
};

// A citizen's comment made safe to store without refusing it (a citizen is never blocked): invalid
// UTF-8 bytes dropped, control characters other than newline and tab removed, then cut after
// kMaxCommentLength characters (on a character boundary).
std::string cleanComment(std::string_view s);

} // namespace sw
