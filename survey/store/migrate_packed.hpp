// Schema 5 → 6: moves each response's rows of `answer`, `rentan` and `profile` into the packed
// columns of its `response` row (response_packing.hpp). Runs inside the migration transaction:
// a response whose stored answer names a code its own instrument does not have stops the whole
// migration with a message naming it, and the file stays at schema 5, untouched.
#pragma once

namespace sw {
namespace sql {
class Database;
}
void packAnswerRows(sql::Database& db);
} // namespace sw
