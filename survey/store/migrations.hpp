// The database schema as an ordered list of steps; step i takes user_version i to i+1.
// Applied in one BEGIN IMMEDIATE with PRAGMA user_version (survey/RULES.md "How data flows").
// A step is SQL, optionally followed by a data conversion in C++ and more SQL (5 → 6 packs the
// answer rows into their response rows, which SQL alone cannot do in the instrument's order).
#pragma once
#include <array>

namespace sw {

namespace sql {
class Database;
}

struct Migration {
    const char* sql;
    void (*convert)(sql::Database& db) = nullptr;
    const char* afterSql = nullptr;
};

extern const std::array<Migration, 12> kMigrations;

} // namespace sw
