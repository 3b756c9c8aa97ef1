// The assessor's merge into PostgreSQL, one bundle: the rules of survey/bundle/merge.hpp in one
// transaction. The bundle is verified (signature), its key admitted (enrollment), its response
// UUIDs checked (a UUID belongs to the unit that first delivered it; a repeat must carry the same
// answers), its new responses written with COPY, its daily tallies added, then its unit, report,
// evidence and log row — and committed. A refused bundle leaves nothing; a bundle merged before
// adds nothing. The run over many files is pg_merge_run.hpp.
#pragma once
#include "survey/bundle/merge.hpp"
#include "survey/national/pg_connection.hpp"
#include "survey/national/pg_rows.hpp"

#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace sw::pg {

// One file read, verified and planned ahead of its transaction (on the run's reader thread): its
// rows planned as if all were new (the usual case), or why it was refused, or the id of a bundle
// merged before.
struct PreparedFile {
    std::optional<Bundle> bundle;
    RowCheck check;
    std::optional<RowPlan> plan;   // absent when a row is a problem: the rows are then judged in order
    std::string mergedBefore;
    std::string error;
};
// `merged`: the ids of the bundles the store held when the run began.
PreparedFile prepareFile(const std::string& file, const std::set<std::string>& merged);

// The years whose response partition exists, shared by the connections of a store.
class Partitions {
public:
    explicit Partitions(std::set<int> years = {}) : years_(std::move(years)) {}
    bool known(int year) const;
    void add(const std::set<int>& years);   // after the transaction that made them committed

private:
    mutable std::mutex lock_;
    std::set<int> years_;
};

// Merges one prepared file in its own transaction. A race lost to another merge running at the
// same time (a UUID, key or partition claimed first, a deadlock) is tried again. Throws StoreError
// only when the store itself fails (connection lost, disk full).
MergeFileResult mergePrepared(Connection& c, PreparedFile p, const std::string& file, KeyPolicy keys, Partitions& partitions);

} // namespace sw::pg
