#include "survey/bundle/rows.hpp"

#include "survey/base/error.hpp"
#include "survey/store/scan.hpp"
#include "survey/base/uuid.hpp"

#include <charconv>

namespace sw {

const std::vector<std::string>& bundleColumns() {
    static const std::vector<std::string> columns = {
        "uuid", "instrument_id", "instrument_version", "device_id", "created_utc", "utc_offset_min", "service", "skm",
        "ham",  "rentan",        "adil",               "profile",   "misuse",      "duration_s",     "source",  "comment"};
    return columns;
}

namespace {

constexpr std::size_t kFields = 16;

void text(std::string& out, std::string_view v) {
    if (v.find_first_of("\\\t\r\n") == std::string_view::npos) {
        out.append(v);
        return;
    }
    for (char c : v) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
}

void number(std::string& out, std::int64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

[[noreturn]] void bad(std::size_t row, const char* field, const std::string& what) {
    throw BundleError(BundleError::Kind::Malformed, "the bundle is signed but its content is not valid (responses row " +
                                                        std::to_string(row) + ", " + field + ": " + what +
                                                        "); it cannot be merged");
}

std::int64_t integer(std::string_view s, std::size_t row, const char* field, std::int64_t lo, std::int64_t hi) {
    std::int64_t v = 0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size()) bad(row, field, "not a whole number");
    if (v < lo || v > hi) bad(row, field, "out of range (" + std::to_string(lo) + ".." + std::to_string(hi) + ")");
    return v;
}

// Undoes the escapes of one field in place; returns the shortened view.
std::string_view unescape(char* begin, std::size_t n, std::size_t row, const char* field) {
    char* w = begin;
    for (std::size_t i = 0; i < n; ++i) {
        char c = begin[i];
        if (c == '\\') {
            if (++i == n) bad(row, field, "ends in a lone backslash");
            switch (begin[i]) {
            case '\\': c = '\\'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'n': c = '\n'; break;
            default: bad(row, field, "unknown escape");
            }
        }
        *w++ = c;
    }
    return std::string_view(begin, static_cast<std::size_t>(w - begin));
}

bool plainCode(std::string_view s) {
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
            return false;
    return true;
}

} // namespace

void appendBundleRow(std::string& out, const PackedRow& f) {
    text(out, f.uuid);
    out += '\t';
    text(out, f.instrumentId);
    out += '\t';
    number(out, f.instrumentVersion);
    out += '\t';
    text(out, f.deviceId);
    out += '\t';
    number(out, f.createdUtc);
    out += '\t';
    number(out, f.utcOffsetMinutes);
    out += '\t';
    text(out, f.service);
    out += '\t';
    out.append(f.skm);
    out += '\t';
    out.append(f.ham);
    out += '\t';
    out.append(f.rentan);
    out += '\t';
    if (f.adil) out += *f.adil ? '1' : '0';
    out += '\t';
    out.append(f.profile);
    out += '\t';
    out += f.misuse ? '1' : '0';
    out += '\t';
    if (f.durationSeconds) number(out, *f.durationSeconds);
    out += '\t';
    text(out, f.source);
    out += '\t';
    text(out, f.comment);
    out += '\n';
}


std::vector<BundleResponse> parseBundleRows(std::string& text, std::size_t begin, std::size_t stop,
                                            const std::vector<std::shared_ptr<const PackedLayout>>& layouts,
                                            std::size_t firstRow) {
    std::vector<BundleResponse> out;
    const std::string_view all(text.data(), stop);
    std::size_t lines = 0;
    for (std::size_t i = begin; i < stop; ++i) lines += text[i] == '\n';
    out.reserve(lines);
    const PackedLayout* last = nullptr;
    std::size_t at = begin, row = firstRow - 1;
    std::string_view f[kFields];
    while (at < stop) {
        ++row;
        const std::size_t end = all.find('\n', at);
        if (end == std::string::npos) bad(row, "line", "the last row does not end with a newline");
        std::size_t n = 0, start = at;
        for (std::size_t i = at; i <= end; ++i) {
            if (i != end && text[i] != '\t') continue;
            if (n == kFields) bad(row, "line", "more than " + std::to_string(kFields) + " fields");
            f[n++] = std::string_view(text.data() + start, i - start);
            start = i + 1;
        }
        if (n != kFields) bad(row, "line", std::to_string(n) + " fields, expected " + std::to_string(kFields));
        BundleResponse r;
        r.uuid = f[0];
        if (!isUuid(r.uuid)) bad(row, "uuid", "not a UUID");
        r.instrumentId = f[1];
        r.instrumentVersion = static_cast<int>(integer(f[2], row, "instrument_version", 1, 1000000));
        if (!last || last->instrument().version != r.instrumentVersion || last->instrument().id != r.instrumentId) {
            last = nullptr;
            for (const auto& l : layouts)
                if (l->instrument().version == r.instrumentVersion && l->instrument().id == r.instrumentId) last = l.get();
            if (!last) bad(row, "instrument", "names " + std::string(r.instrumentId) + " v" + std::to_string(r.instrumentVersion) +
                                                   ", which the bundle does not carry");
        }
        r.layout = last;
        r.deviceId = unescape(const_cast<char*>(f[3].data()), f[3].size(), row, "device_id");
        if (r.deviceId.empty()) bad(row, "device_id", "empty");
        r.createdUtc = integer(f[4], row, "created_utc", 0, 253402300799LL);
        r.utcOffsetMinutes = static_cast<int>(integer(f[5], row, "utc_offset_min", -720, 840));
        r.service = f[6];
        if (!plainCode(r.service)) bad(row, "service", "not a code");
        r.skm = f[7];
        r.ham = f[8];
        r.rentan = f[9];
        r.profile = f[11];
        if (std::string e = last->check(r.skm, r.ham, r.rentan, r.profile, &r.kelompok); !e.empty()) bad(row, "answers", e);
        if (f[10].empty()) r.adil.reset();
        else if (f[10] == "0" || f[10] == "1") r.adil = f[10] == "1";
        else bad(row, "adil", "must be empty, 0 or 1");
        if (f[12] != "0" && f[12] != "1") bad(row, "misuse", "must be 0 or 1");
        r.misuse = f[12] == "1";
        if (!f[13].empty()) r.durationSeconds = static_cast<int>(integer(f[13], row, "duration_s", 0, 100000000));
        r.source = unescape(const_cast<char*>(f[14].data()), f[14].size(), row, "source");
        if (r.source.empty()) bad(row, "source", "empty");
        r.comment = unescape(const_cast<char*>(f[15].data()), f[15].size(), row, "comment");
        out.push_back(r);
        at = end + 1;
    }
    return out;
}

} // namespace sw
