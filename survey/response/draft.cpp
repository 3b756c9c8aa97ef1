#include "survey/response/draft.hpp"

#include "survey/base/uuid.hpp"

#include <algorithm>

namespace sw {

void ResponseDraft::toggleRentan(const Instrument& in, const std::string& code) {
    const RentanOption* opt = in.findRentan(code);
    if (!opt) return;
    if (hasRentan(code)) {
        rentan.erase(std::remove(rentan.begin(), rentan.end(), code), rentan.end());
        return;
    }
    if (opt->exclusive) {
        rentan.clear();
    } else {
        rentan.erase(std::remove_if(rentan.begin(), rentan.end(),
                                    [&](const std::string& c) {
                                        const RentanOption* o = in.findRentan(c);
                                        return o && o->exclusive;
                                    }),
                     rentan.end());
    }
    rentan.push_back(code);
    // Keep the instrument's order so stored rows compare equal however the citizen tapped.
    std::vector<std::string> ordered;
    for (const RentanOption& o : in.ham.rentan)
        if (hasRentan(o.code)) ordered.push_back(o.code);
    rentan = std::move(ordered);
}

bool ResponseDraft::hasRentan(const std::string& code) const {
    return std::find(rentan.begin(), rentan.end(), code) != rentan.end();
}

bool ResponseDraft::appendComment(const std::string& utf8) {
    if (comment.size() + utf8.size() > kMaxCommentBytes) return false;
    comment += utf8;
    return true;
}

void ResponseDraft::backspaceComment() {
    if (comment.empty()) return;
    std::size_t i = comment.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(comment[i]) & 0xC0) == 0x80) --i;   // continuation bytes
    comment.erase(i);
}

bool ResponseDraft::empty() const {
    return service.empty() && unsur.empty() && ham.empty() && rentan.empty() && !adil && profile.empty() && comment.empty();
}

std::string cleanComment(std::string_view s) {
    std::string out;
    out.reserve(std::min(s.size(), kMaxCommentLength * 4));
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size() && chars < kMaxCommentLength;) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        // A byte that starts no valid sequence is dropped alone: the bytes after it may still be text.
        if (n == 0 || !isValidUtf8(s.substr(i, n))) {
            ++i;
            continue;
        }
        const std::string_view ch = s.substr(i, n);
        i += n;
        // C0 (but newline and tab, which a comment may use), DEL, and C1 (U+0080..U+009F = C2 80..C2 9F).
        const bool control = (n == 1 && (c < 0x20 || c == 0x7F) && c != '\n' && c != '\t') ||
                             (n == 2 && c == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0);
        if (control) continue;
        out += ch;
        ++chars;
    }
    return out;
}

Response ResponseDraft::toResponse(const Instrument& in, const std::string& unitId, const std::string& deviceId,
                                   std::int64_t nowUtc, int utcOffsetMinutes) const {
    Response r;
    static_cast<Answers&>(r) = *this;      // the answers as given; only the comment is cleaned below
    r.uuid = newUuid();
    r.instrumentId = in.id;
    r.instrumentVersion = in.version;
    r.unitId = unitId;
    r.deviceId = deviceId;
    r.createdUtc = nowUtc;
    r.utcOffsetMinutes = utcOffsetMinutes;
    r.comment = cleanComment(comment);   // `comment` is a public field: not only the keyboard writes it
    if (startedUtc > 0 && nowUtc >= startedUtc) r.durationSeconds = static_cast<int>(nowUtc - startedUtc);
    r.source = "kiosk";
    return r;
}

} // namespace sw
