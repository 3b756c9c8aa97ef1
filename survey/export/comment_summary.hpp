// The citizens' comments (saran dan masukan) of a report's period, as the XLSX lists them and the
// PDF summarises them: how many, the most recent few, and the words most often used once the
// little words every sentence has (stop words, Indonesian and English) are left out.
// Comments are citizen text: callers write them as text, never as markup or formulas.
#pragma once
#include "survey/store/store.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sw {

struct CommentLine {
    std::int64_t createdUtc = 0;
    int utcOffsetMinutes = 420;
    std::string service;      // jenis layanan code
    std::string comment;
};

struct WordCount {
    std::string word;         // lower case
    std::int64_t count = 0;   // comments that use it (a word repeated in one comment counts once)
};

struct CommentSummary {
    std::int64_t count = 0;             // non-empty comments over the filter
    std::vector<CommentLine> recent;    // newest first
    std::vector<WordCount> words;       // most frequent first, ties alphabetically
};

// Every non-empty comment over `f` (the same filter as the scores), newest first; `fn` returns
// false to stop.
void forEachComment(Store& store, const ResponseFilter& f, const std::function<bool(const CommentLine&)>& fn);

CommentSummary summarizeComments(Store& store, const ResponseFilter& f, std::size_t recent = 5, std::size_t topWords = 10);

// The comment's words, lower case, without stop words, words shorter than three letters or numbers.
std::vector<std::string> commentWords(const std::string& comment);

} // namespace sw
