#include "survey/base/sqlite.hpp"

namespace sw::sql {

StoreError::Kind kindOf(int rc) {
    switch (rc & 0xff) {
    case SQLITE_FULL: return StoreError::Kind::Full;
    case SQLITE_IOERR: return StoreError::Kind::Io;
    case SQLITE_CORRUPT: return StoreError::Kind::Corrupt;
    case SQLITE_NOTADB: return StoreError::Kind::Foreign;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreError::Kind::Busy;
    case SQLITE_CONSTRAINT: return StoreError::Kind::Constraint;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return StoreError::Kind::Io;
    default: return StoreError::Kind::Other;
    }
}

namespace {
// SQLite counts every allocation under a global mutex unless told not to; nothing here reads
// those counters. Must run before the library initialises (the first open); later it is refused.
const bool kNoMemStatus = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
}();
} // namespace

Database::Database(const std::string& path, int flags, const char* vfs) : path_(path) {
    (void)kNoMemStatus;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        throw StoreError(kindOf(rc), path + ": cannot open database: " + msg);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
}

void Database::fail(int rc, const std::string& doing) const {
    std::string msg = db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
    auto kind = kindOf(rc);
    std::string hint;
    if (kind == StoreError::Kind::Full) hint = " (the disk is full)";
    if (kind == StoreError::Kind::Corrupt || kind == StoreError::Kind::Foreign)
        hint = " (the file is damaged or not a SuaraWarga database; it was left untouched)";
    throw StoreError(kind, path_ + ": " + doing + ": " + msg + hint);
}

void Database::exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        auto kind = kindOf(rc);
        throw StoreError(kind, path_ + ": " + msg);
    }
}

std::int64_t Database::scalarInt(const std::string& sql) {
    Statement st(*this, sql);
    return st.step() ? st.getInt(0) : 0;
}

std::string Database::scalarText(const std::string& sql) {
    Statement st(*this, sql);
    return st.step() ? st.getText(0) : std::string();
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    st_.reset(raw);
    if (rc != SQLITE_OK) db.fail(rc, "preparing a query");
}

static void check(Database& db, int rc) {
    if (rc != SQLITE_OK) db.fail(rc, "binding a value");
}

Statement& Statement::bind(int i, std::int64_t v) {
    check(db_, sqlite3_bind_int64(st_.get(), i, v));
    return *this;
}
Statement& Statement::bind(int i, double v) {
    check(db_, sqlite3_bind_double(st_.get(), i, v));
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    check(db_, sqlite3_bind_text(st_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
}
Statement& Statement::bindStatic(int i, std::string_view v) {
    check(db_, sqlite3_bind_text(st_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
}
Statement& Statement::bindNull(int i) {
    check(db_, sqlite3_bind_null(st_.get(), i));
    return *this;
}
Statement& Statement::bindBlob(int i, const void* data, std::size_t size) {
    check(db_, sqlite3_bind_blob64(st_.get(), i, data, size, SQLITE_TRANSIENT));
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(st_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(rc, "running a query");
}

void Statement::reset() {
    sqlite3_reset(st_.get());
    sqlite3_clear_bindings(st_.get());
}

std::string Statement::getText(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_.get(), col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_.get(), col))) : std::string();
}

std::string Statement::getBlob(int col) const {
    auto* p = static_cast<const char*>(sqlite3_column_blob(st_.get(), col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_.get(), col))) : std::string();
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace sw::sql
