// The assessor's PostgreSQL schema, made to scale out (README "The national store"). Every primary
// and unique key of a per-unit table starts with unit_id, the column Citus distributes by;
// instruments, units and keys are small reference tables; response_owner (which unit delivered a
// response UUID first) is keyed by the UUID alone and would be distributed by it. Responses are
// partitioned by RANGE on their local date, one partition a year, created by the merge that first
// needs it. Roll-ups read daily_tally and period_tally, never responses.
#pragma once
#include "survey/national/pg_connection.hpp"

#include <set>

namespace sw::pg {

inline constexpr int kSchemaVersion = 3;   // 2: verification, 3: period_tally

// Checks the database holds our schema, of a version this program reads. With `create`, an empty
// database gets it (one transaction); a database with other tables and no schema of ours is
// refused (Foreign), as is a newer one (TooNew), and one not in UTF8.
void ensureSchema(Connection& c, bool create);

// The years that have a response partition now.
std::set<int> responsePartitions(Connection& c);
// Creates the partition of `year` inside the caller's transaction (CREATE TABLE … PARTITION OF).
void createResponsePartition(Connection& c, int year);

} // namespace sw::pg
