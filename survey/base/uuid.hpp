// Identifiers from libsodium's CSPRNG.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sw {
// RFC 9562 version 4, lower-case "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx": an identifier that tells
// nothing (a session, a verification statement).
std::string newUuid();
// RFC 9562 version 7 for a response created at `createdUtc` (seconds): the first 48 bits are that
// time in milliseconds, the rest random. Time-ordered keys append to the stores' UUID indexes
// instead of landing on a random page of them, which is what keeps a national store's merge fast
// at hundreds of millions of rows (README "The national store"). The time is the response's own
// created_utc, to the second (RFC 9562 §6.1 lets an implementation coarsen it), so the UUID tells
// nothing an export does not already show beside it.
std::string newResponseUuid(std::int64_t createdUtc);
bool isUuid(std::string_view s);
void ensureSodium();                   // sodium_init once; throws if the library cannot start
} // namespace sw
