// Response UUIDs: RFC 9562 version 7 from the response's own time, so the stores' UUID indexes
// grow at their end; other identifiers stay version 4 and tell nothing.
#include "survey/base/local_time.hpp"
#include "survey/base/uuid.hpp"
#include "survey/response/draft.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace sw;

namespace {

int versionOf(const std::string& u) { return u[14] - '0'; }
bool rfcVariant(const std::string& u) { return std::string("89ab").find(u[19]) != std::string::npos; }
// The first 48 bits: unix_ts_ms.
std::uint64_t millisOf(const std::string& u) { return std::stoull(u.substr(0, 8) + u.substr(9, 4), nullptr, 16); }

} // namespace

TEST_CASE("a response UUID is version 7 and carries its created time to the second", "[uuid]") {
    const std::int64_t t = utcFromLocal({2026, 12, 1}, 9, 15, 420) + 7;
    const std::string u = newResponseUuid(t);
    CHECK(isUuid(u));
    CHECK(versionOf(u) == 7);
    CHECK(rfcVariant(u));
    CHECK(millisOf(u) == static_cast<std::uint64_t>(t) * 1000u);
    // Two responses in the same second differ by their 74 random bits.
    std::set<std::string> same;
    for (int i = 0; i < 1000; ++i) same.insert(newResponseUuid(t));
    CHECK(same.size() == 1000);
    // A later response sorts after an earlier one: the index grows at its end.
    CHECK(newResponseUuid(t) < newResponseUuid(t + 1));
    CHECK(newResponseUuid(t + 59) < newResponseUuid(t + 3600 * 24 * 365));
}

TEST_CASE("other identifiers stay version 4", "[uuid]") {
    const std::string u = newUuid();
    CHECK(isUuid(u));
    CHECK(versionOf(u) == 4);
    CHECK(rfcVariant(u));
    CHECK(newUuid() != u);
}

TEST_CASE("a submitted response's UUID is made from its own created time", "[uuid]") {
    const Instrument& in = swtest::defaultInstrument();
    ResponseDraft d;
    d.service = in.services.front().code;
    const std::int64_t now = utcFromLocal({2026, 12, 1}, 10, 0, 480);
    const Response r = d.toResponse(in, "u1", "kiosk-1", now, 480);
    CHECK(versionOf(r.uuid) == 7);
    CHECK(millisOf(r.uuid) == static_cast<std::uint64_t>(r.createdUtc) * 1000u);
}
