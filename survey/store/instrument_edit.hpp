// A unit edits its own question wording and service types (survey/RULES.md "Unsur": wording is configurable, the
// four levels and their values are not). An edit never changes an instrument in place: it makes
// a new version, so every old response keeps the wording it was answered with.
#pragma once
#include "survey/instrument/instrument.hpp"

#include <string>
#include <vector>

namespace sw {

class Store;

struct QuestionEdit {
    std::string unsurCode;     // "U3"
    std::string lang;          // "id" | "en" | …
    std::string question;      // the new wording (non-empty)
};

// The instrument with the edits applied and version + 1 (validated whole, like a file).
// Throws UsageError for an unknown unsur/language or an empty question.
Instrument withQuestionEdits(const Instrument& in, const std::vector<QuestionEdit>& edits);
// The instrument with a new list of service types (jenis layanan), version + 1.
Instrument withServices(const Instrument& in, const std::vector<Option>& services);

// Registers `edited` under the next free version number in the store and returns it as stored.
Instrument publishInstrumentVersion(Store& store, Instrument edited);

} // namespace sw
