#include "survey/national/pg_copy.hpp"

namespace sw::pg {

namespace {

template <class T>
void bigEndian(std::string& out, T v) {
    auto u = static_cast<std::uint64_t>(v);
    for (int shift = (static_cast<int>(sizeof(T)) - 1) * 8; shift >= 0; shift -= 8) out += static_cast<char>((u >> shift) & 0xff);
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
    int high = -1;
    for (char c : s) {
        if (c == '-') continue;
        if (high < 0) high = hexValue(c);
        else {
            out_ += static_cast<char>(high * 16 + hexValue(c));
            high = -1;
        }
    }
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
