// The assessor's store on PostgreSQL 15, through libpq (README "The national store").
#pragma once
#include "survey/national/assessor_store.hpp"

namespace sw {

// `url`: a libpq connection URI (postgresql://user@host:port/db?host=/socket/dir …). `create`: an
// empty database gets the schema; otherwise a database without it is refused (StoreError).
std::unique_ptr<AssessorStore> openPgStore(const std::string& url, bool create);

} // namespace sw
