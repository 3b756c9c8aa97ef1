#include "survey/national/assessor_store.hpp"

#include "survey/national/file_store.hpp"
#include "survey/national/pg_store.hpp"

namespace sw {

bool isPostgresUrl(const std::string& db) { return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0; }

std::unique_ptr<AssessorStore> openAssessorStore(const std::string& db, bool create) {
    return isPostgresUrl(db) ? openPgStore(db, create) : openFileStore(db, create);
}

} // namespace sw
