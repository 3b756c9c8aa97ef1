// The dashboard's comments list (newest first, searchable, each with its answers) and the
// misuse-flagged responses the head can look at. Read straight from the store: a page of rows.
#pragma once
#include "survey/skm/period.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

class Store;

struct CommentRow {
    std::int64_t rid = 0;
    std::int64_t createdUtc = 0;
    int utcOffsetMinutes = 420;
    std::string service;
    std::string comment;
    bool misuse = false;
    std::optional<int> durationSeconds;
    std::map<std::string, int> unsur;          // code → 1..4
    std::vector<std::string> kelompok;         // kelompok rentan codes ("lansia", "bukan", …)
};

struct CommentQuery {
    Period period;
    std::string search;                        // case-insensitive words the comment must contain ("" = all)
    bool misuseOnly = false;                   // the misuse list: flagged responses, comment or not
    bool includeMisuse = true;                 // comment list: show flagged ones too (marked)
    int limit = 50;
    int offset = 0;
};

std::vector<CommentRow> commentsFor(Store& store, const CommentQuery& q);
std::int64_t countComments(Store& store, const CommentQuery& q);

} // namespace sw
