// COPY … FROM STDIN (FORMAT binary) rows, built in memory: the merge's bulk path. The binary form
// saves the server parsing every field from text (a third of COPY's time in a measurement on the
// response table, README "The national store") and needs no escaping. Layout: PostgreSQL
// documentation, "COPY — Binary Format"; integers in network byte order.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sw::pg {

class BinaryCopy {
public:
    BinaryCopy();
    void row(int fields);                    // starts a row of `fields` fields
    void text(std::string_view s);           // text (already valid UTF-8), bytea
    void int2(std::int16_t v);
    void int4(std::int32_t v);
    void int8(std::int64_t v);
    void boolean(bool v);
    void date(std::int64_t daysSince1970);   // a date
    void uuid(std::string_view canonical);   // "xxxxxxxx-xxxx-…" (checked by the bundle parser)
    void int8Array(const std::vector<std::int64_t>& v); // bigint[], one dimension
    void null();
    // The whole COPY data, the trailer appended; the object is spent.
    std::string finish();
    bool empty() const { return rows_ == 0; }

private:
    void length(std::int32_t n);
    std::string out_;
    std::int64_t rows_ = 0;
};

} // namespace sw::pg
