// Thin RAII over the SQLite C API (the SQLiteCpp shape): a Database that closes itself,
// a Statement that finalizes itself, a Transaction that rolls back unless committed.
// Every failure becomes a StoreError naming the database file and SQLite's message.
#pragma once
#include "survey/base/error.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sw::sql {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct Finalizer {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};

StoreError::Kind kindOf(int sqliteCode);

class Database {
public:
    // flags: SQLITE_OPEN_* ; vfs: nullptr for the default (tests pass a fault-injecting one).
    Database(const std::string& path, int flags, const char* vfs = nullptr);
    sqlite3* handle() const { return db_.get(); }
    const std::string& path() const { return path_; }

    void exec(const std::string& sql);
    std::int64_t scalarInt(const std::string& sql);
    std::string scalarText(const std::string& sql);
    std::int64_t lastInsertRowid() const { return sqlite3_last_insert_rowid(db_.get()); }
    int changes() const { return sqlite3_changes(db_.get()); }

    [[noreturn]] void fail(int rc, const std::string& doing) const;

private:
    std::unique_ptr<sqlite3, Closer> db_;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    // The text is not copied: it must stay unchanged until the statement is stepped and reset.
    Statement& bindStatic(int i, std::string_view v);
    Statement& bindNull(int i);
    Statement& bindBlob(int i, const void* data, std::size_t size);
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bindNull(i);
    }

    bool step();                 // true: a row is ready; false: done
    void run() { while (step()) {} }
    void reset();

    std::int64_t getInt(int col) const { return sqlite3_column_int64(st_.get(), col); }
    double getDouble(int col) const { return sqlite3_column_double(st_.get(), col); }
    std::string getText(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(st_.get(), col) == SQLITE_NULL; }
    std::string getBlob(int col) const;
    sqlite3_stmt* handle() const { return st_.get(); }

private:
    Database& db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> st_;
};

// BEGIN IMMEDIATE … COMMIT; the destructor rolls back if commit() was not reached.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace sw::sql
