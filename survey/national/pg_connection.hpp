// A small RAII wrapper over libpq for the assessor's PostgreSQL store (README "The national
// store"): one connection, statements with parameters as text (PQexecParams), COPY … FROM STDIN,
// and every failure as a StoreError naming the store (the URL without its password) with the
// server's message. The SQLSTATE of the last failure is kept, so a merge can tell a lost race
// (unique_violation, serialization_failure: try the bundle again) from a refusal.
#pragma once
#include "survey/base/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace sw::pg {

// SQLSTATEs the store reacts to (PostgreSQL, Appendix A).
inline constexpr const char* kUniqueViolation = "23505";
inline constexpr const char* kSerializationFailure = "40001";
inline constexpr const char* kDeadlock = "40P01";

// The URL as messages show it: any password (user:secret@, ?password=…) left out.
std::string urlWithoutPassword(const std::string& url);
// StoreError's kind for a SQLSTATE (disk full, connection lost, corruption…).
StoreError::Kind kindOfSqlState(std::string_view state);

// A parameter: text, or SQL NULL.
using Param = std::optional<std::string_view>;

class Result {
public:
    explicit Result(pg_result* r) : r_(r) {}
    int rows() const;
    bool isNull(int row, int col) const;
    std::string_view text(int row, int col) const;
    std::string str(int row, int col) const { return std::string(text(row, col)); }
    std::int64_t integer(int row, int col) const;   // a number column (int, bigint, count…)
    std::string bytes(int row, int col) const;      // a bytea column, unescaped
    // Columns of a queryBinary result (PostgreSQL's binary send format, network byte order); a
    // value that is not of that form throws StoreError(Corrupt). Text columns read with text().
    std::int64_t binaryInt(int row, int col) const;  // smallint, integer or bigint
    // A one-dimensional bigint[] added position by position into `to[i].first` or `.second`.
    void addBinaryInt8Array(int row, int col, std::vector<std::pair<std::int64_t, std::int64_t>>& to, bool second) const;

private:
    struct Clear {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Clear> r_;
};

class Connection {
public:
    // Connects; StoreError(Io) naming `name` when the server cannot be reached or refuses us.
    Connection(const std::string& url, std::string name);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const std::string& name() const { return name_; }
    // The SQLSTATE of the last failed command ("" when it had none, e.g. a lost connection).
    const std::string& lastSqlState() const { return state_; }

    void exec(const std::string& sql);                                  // one or more statements, no result
    Result query(const std::string& sql, const std::vector<Param>& params = {});
    // The same with results in binary format: numbers and arrays cross without being printed and
    // parsed (the roll-up reads hundreds of thousands of tally rows).
    Result queryBinary(const std::string& sql, const std::vector<Param>& params = {});
    std::optional<std::string> scalar(const std::string& sql, const std::vector<Param>& params = {});
    // COPY … FROM STDIN with `data` in COPY's text format (escaped by the caller).
    void copyIn(const std::string& copySql, std::string_view data);

    [[noreturn]] void fail(const std::string& doing, pg_result* r = nullptr);

private:
    Result run(const std::string& sql, const std::vector<Param>& params, int resultFormat);
    pg_conn* conn_ = nullptr;
    std::string name_;
    std::string state_;
};

// BEGIN … COMMIT; ROLLBACK unless commit() was reached (a refused bundle leaves nothing).
class Transaction {
public:
    explicit Transaction(Connection& c);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& c_;
    bool done_ = false;
};

// Appends `s` to a COPY text-format field: backslash, tab, newline and carriage return escaped.
void appendCopyText(std::string& out, std::string_view s);
// A PostgreSQL array literal of texts ({"a","b"}), each element quoted.
std::string arrayLiteral(const std::vector<std::string_view>& items);
std::string arrayLiteral(const std::vector<std::string>& items);

} // namespace sw::pg
