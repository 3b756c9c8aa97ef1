// The assessor's merge into PostgreSQL: the rules of survey/bundle/merge.hpp, one transaction per
// bundle. Each bundle is verified (signature), its key admitted (enrollment), its response UUIDs
// checked (a UUID belongs to the unit that first delivered it; a repeat must carry the same
// answers), its new responses written with COPY, its daily tallies added, then its unit, report,
// evidence and log row — and committed. A refused bundle leaves nothing; the others go in; a
// bundle merged before adds nothing. A second thread reads, verifies and prepares the next file
// while one is written.
#pragma once
#include "survey/bundle/merge.hpp"
#include "survey/national/pg_connection.hpp"

#include <set>
#include <string>
#include <vector>

namespace sw::pg {

// `partitions`: the response partitions known to exist (years); the merge adds those it creates.
// Throws StoreError only when the store itself fails (connection lost, disk full); the bundles
// committed before that stay merged.
std::vector<MergeFileResult> mergeFiles(Connection& c, std::set<int>& partitions, const std::vector<std::string>& files,
                                        KeyPolicy keys);

} // namespace sw::pg
