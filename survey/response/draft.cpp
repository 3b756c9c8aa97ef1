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

std::string cleanComment(std::string_view s) { return cleanText(s, kMaxCommentLength); }

Response ResponseDraft::toResponse(const Instrument& in, const std::string& unitId, const std::string& deviceId,
                                   std::int64_t nowUtc, int utcOffsetMinutes) const {
    Response r;
    static_cast<Answers&>(r) = *this;      // the answers as given; only the comment is cleaned below
    r.instrumentId = in.id;
    r.instrumentVersion = in.version;
    r.unitId = unitId;
    r.deviceId = deviceId;
    r.createdUtc = nowUtc;
    r.uuid = newResponseUuid(nowUtc);
    r.utcOffsetMinutes = utcOffsetMinutes;
    r.comment = cleanComment(comment);   // `comment` is a public field: not only the keyboard writes it
    if (startedUtc > 0 && nowUtc >= startedUtc) r.durationSeconds = static_cast<int>(nowUtc - startedUtc);
    r.source = "kiosk";
    return r;
}

} // namespace sw
