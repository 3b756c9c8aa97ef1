// A merge run into the PostgreSQL store: one thread reads, verifies and plans the files in order
// while bundles are written over several connections at once, each bundle in its own transaction
// (pg_merge.hpp). Every bundle of one unit goes through the same connection, in file order, so a
// unit's bundles meet its tallies and report as they would one after the other. Results come in
// file order. Between different units, a UUID claimed by both in the same run belongs to the one
// whose bundle commits first (the file store: the earlier file); either way the other is refused.
#pragma once
#include "survey/national/pg_merge.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace sw::pg {

// `first`: the store's own connection; `connect` opens the others (`connections` in all, fewer when
// the server refuses more).
// Throws StoreError when the store itself fails; the bundles committed before that stay merged.
std::vector<MergeFileResult> mergeRun(Connection& first, const std::function<std::unique_ptr<Connection>()>& connect,
                                      int connections, Partitions& partitions, const std::vector<std::string>& files,
                                      KeyPolicy keys);

} // namespace sw::pg
