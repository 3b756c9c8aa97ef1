#include "survey/store/instrument_edit.hpp"

#include "survey/base/error.hpp"
#include "survey/store/store.hpp"

#include <nlohmann/json.hpp>

namespace sw {

namespace {

nlohmann::json textJson(const Text& t) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [lang, s] : t.byLang) j[lang] = s;
    return j;
}

Instrument reparse(nlohmann::json j, const Instrument& from, int version) {
    j["version"] = version;
    return parseInstrument(j.dump(2), from.sourceFile + " (edited, v" + std::to_string(version) + ")");
}

} // namespace

Instrument withQuestionEdits(const Instrument& in, const std::vector<QuestionEdit>& edits) {
    nlohmann::json j = nlohmann::json::parse(in.canonicalJson);
    for (const QuestionEdit& e : edits) {
        if (!in.hasLanguage(e.lang)) throw UsageError("the instrument has no language \"" + e.lang + "\"");
        if (e.question.find_first_not_of(" \t\r\n") == std::string::npos)
            throw UsageError("the question for " + e.unsurCode + " cannot be empty");
        bool found = false;
        for (auto& u : j["unsur"])
            if (u["code"] == e.unsurCode) {
                u["question"][e.lang] = e.question;
                found = true;
            }
        if (!found) throw UsageError("the instrument has no unsur \"" + e.unsurCode + "\"");
    }
    return reparse(std::move(j), in, in.version + 1);
}

Instrument withServices(const Instrument& in, const std::vector<Option>& services) {
    nlohmann::json j = nlohmann::json::parse(in.canonicalJson);
    nlohmann::json list = nlohmann::json::array();
    for (const Option& o : services) list.push_back({{"code", o.code}, {"label", textJson(o.label)}});
    j["services"] = list;
    return reparse(std::move(j), in, in.version + 1);
}

Instrument publishInstrumentVersion(Store& store, Instrument edited) {
    while (store.hasInstrument(edited.id, edited.version)) {
        nlohmann::json j = nlohmann::json::parse(edited.canonicalJson);
        edited = reparse(std::move(j), edited, edited.version + 1);
    }
    store.registerInstrument(edited);
    return edited;
}

} // namespace sw
