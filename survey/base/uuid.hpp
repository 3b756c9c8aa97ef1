// Random identifiers from libsodium's CSPRNG.
#pragma once
#include <string>
#include <string_view>

namespace sw {
std::string newUuid();                 // RFC 4122 version 4, lower-case "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
bool isUuid(std::string_view s);
void ensureSodium();                   // sodium_init once; throws if the library cannot start
} // namespace sw
