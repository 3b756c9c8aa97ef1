// The database schema as an ordered list of steps; step i takes user_version i to i+1.
// Applied in one BEGIN IMMEDIATE with PRAGMA user_version (design.md "Migrations").
#pragma once
#include <array>

namespace sw {
extern const std::array<const char*, 5> kMigrations;
}
