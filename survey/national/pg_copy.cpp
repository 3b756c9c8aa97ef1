#include "survey/national/pg_copy.hpp"

namespace sw::pg {

namespace {

// Network byte order, appended in one go (a merge writes some forty of these per response).
template <class T>
void bigEndian(std::string& out, T v) {
    const auto u = static_cast<std::uint64_t>(v);
    char bytes[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) bytes[i] = static_cast<char>((u >> (8 * (sizeof(T) - 1 - i))) & 0xff);
    out.append(bytes, sizeof bytes);
}

int hexValue(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

// PostgreSQL counts dates from 2000-01-01.
constexpr std::int64_t kPostgresEpochDays = 10957;

} // namespace

BinaryCopy::BinaryCopy() {
    out_.append("PGCOPY\n\377\r\n\0", 11);
    bigEndian<std::int32_t>(out_, 0); // flags: no OIDs
    bigEndian<std::int32_t>(out_, 0); // no header extension
}

void BinaryCopy::row(int fields) {
    bigEndian(out_, static_cast<std::int16_t>(fields));
    ++rows_;
}

void BinaryCopy::length(std::int32_t n) { bigEndian(out_, n); }

void BinaryCopy::text(std::string_view s) {
    length(static_cast<std::int32_t>(s.size()));
    out_.append(s);
}

void BinaryCopy::int2(std::int16_t v) {
    length(2);
    bigEndian(out_, v);
}

void BinaryCopy::int4(std::int32_t v) {
    length(4);
    bigEndian(out_, v);
}

void BinaryCopy::int8(std::int64_t v) {
    length(8);
    bigEndian(out_, v);
}

void BinaryCopy::boolean(bool v) {
    length(1);
    out_ += v ? '\1' : '\0';
}

void BinaryCopy::date(std::int64_t daysSince1970) { int4(static_cast<std::int32_t>(daysSince1970 - kPostgresEpochDays)); }

void BinaryCopy::uuid(std::string_view s) {
    length(16);
    char bytes[16];
    std::size_t n = 0;
    int high = -1;
    for (char c : s) {
        if (c == '-') continue;
        if (high < 0) high = hexValue(c);
        else if (n < sizeof bytes) {
            bytes[n++] = static_cast<char>(high * 16 + hexValue(c));
            high = -1;
        }
    }
    out_.append(bytes, n);
}

void BinaryCopy::int8Array(const std::vector<std::int64_t>& v) {
    constexpr std::int32_t kInt8Oid = 20;
    const bool empty = v.empty();
    length(static_cast<std::int32_t>(12 + (empty ? 0 : 8) + v.size() * 12));
    bigEndian<std::int32_t>(out_, empty ? 0 : 1); // dimensions
    bigEndian<std::int32_t>(out_, 0);             // no NULLs
    bigEndian<std::int32_t>(out_, kInt8Oid);
    if (!empty) {
        bigEndian(out_, static_cast<std::int32_t>(v.size()));
        bigEndian<std::int32_t>(out_, 1);         // lower bound
    }
    for (std::int64_t x : v) {
        bigEndian<std::int32_t>(out_, 8);
        bigEndian(out_, x);
    }
}

void BinaryCopy::null() { length(-1); }

std::string BinaryCopy::finish() {
    bigEndian<std::int16_t>(out_, -1);
    return std::move(out_);
}

} // namespace sw::pg
