// The assessor's store as one SQLite file (survey/store/store.hpp), behind AssessorStore.
#pragma once
#include "survey/national/assessor_store.hpp"

namespace sw {

std::unique_ptr<AssessorStore> openFileStore(const std::string& path, bool create);

} // namespace sw
