#include "survey/facility/assessment_file.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_located.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

namespace {

// The limits a measured value must stay within to be a measurement at all (cm, m, degrees).
constexpr double kMaxMeasure = 100000;

struct Reader {
    const LocatedJson& doc;

    std::string text(const nlohmann::json& j, const char* key, const std::string& ptr, std::size_t maxChars, bool multiline) const {
        auto it = j.find(key);
        if (it == j.end()) return "";
        if (!it->is_string()) doc.fail(ptr + "/" + key, "must be text");
        const std::string s = it->get<std::string>();
        if (auto why = textProblem(s, maxChars, multiline); !why.empty()) doc.fail(ptr + "/" + key, why);
        return s;
    }

    FacilityStatus status(const nlohmann::json& j, const std::string& ptr, bool withProses) const {
        if (!j.is_string()) doc.fail(ptr, "must be \"ada\", \"proses\" or \"tidak\"");
        const FacilityStatus s = parseFacilityStatus(j.get<std::string>());
        if (s == FacilityStatus::Unset || (!withProses && s == FacilityStatus::Proses))
            doc.fail(ptr, withProses ? "must be \"ada\", \"proses\" or \"tidak\"" : "must be \"ada\" or \"tidak\"");
        return s;
    }

    std::map<std::string, double> measures(const nlohmann::json& j, const FacilityItem& item, const std::string& ptr) const {
        std::map<std::string, double> out;
        if (!j.is_object()) doc.fail(ptr, "measures are {\"code\": number, …}");
        for (const auto& entry : j.items()) {
            const std::string code = entry.key();   // a plain name: clang 14 cannot capture structured bindings
            const nlohmann::json& value = entry.value();
            const bool known = std::any_of(item.measures.begin(), item.measures.end(), [&](const FacilityMeasure& m) { return m.code == code; });
            if (!known) doc.fail(ptr + "/" + code, "item " + item.code + " has no measurement \"" + code.substr(0, 40) + "\"");
            if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0 || value.get<double>() > kMaxMeasure)
                doc.fail(ptr + "/" + code, "must be a number from 0 to 100000");
            out[code] = value.get<double>();
        }
        return out;
    }

    FacilityAnswer answer(const nlohmann::json& j, const FacilityItem& item, const std::string& ptr) const {
        if (!j.is_object()) doc.fail(ptr, "an item is {\"status\": \"ada\"|\"proses\"|\"tidak\", \"note\", \"measures\"}");
        if (!j.contains("status")) doc.fail(ptr, "\"status\" is required");
        FacilityAnswer a;
        a.status = status(j["status"], ptr + "/status", true);
        a.note = text(j, "note", ptr, kMaxCommentLength, true);
        if (j.contains("measures")) a.measures = measures(j["measures"], item, ptr + "/measures");
        for (const auto& [key, v] : j.items())
            if (key != "status" && key != "note" && key != "measures") doc.fail(ptr + "/" + key, "unknown field \"" + key.substr(0, 40) + "\"");
        return a;
    }
};

void readItems(const Reader& r, const nlohmann::json& items, const FacilityChecklist& c, FacilityAssessment& a) {
    if (!items.is_object()) r.doc.fail("/items", "items are {\"F01\": {…}, …}");
    for (const auto& [code, j] : items.items()) {
        const FacilityItem* item = c.findItem(code);
        if (!item) r.doc.fail("/items/" + code, "the checklist " + c.id + " has no item \"" + code.substr(0, 40) + "\"");
        a.items[code] = r.answer(j, *item, "/items/" + code);
    }
}

void readKepatuhan(const Reader& r, const nlohmann::json& k, const FacilityChecklist& c, const std::vector<std::string>& services,
                   FacilityAssessment& a) {
    if (!k.is_object()) r.doc.fail("/kepatuhan", "kepatuhan is {\"service code\": \"level\", …}");
    for (const auto& [svc, level] : k.items()) {
        if (std::find(services.begin(), services.end(), svc) == services.end())
            r.doc.fail("/kepatuhan/" + svc, "the unit has no service \"" + svc.substr(0, 40) + "\"");
        if (!level.is_string() || !c.findLevel(level.get<std::string>()))
            r.doc.fail("/kepatuhan/" + svc, "not a level of the checklist (e.g. \"patuh\")");
        a.kepatuhan[svc] = level.get<std::string>();
    }
}

} // namespace

FacilityAssessment parseAssessmentFile(const std::string& text, const std::string& fileName, const FacilityChecklist& checklist,
                                       const std::vector<std::string>& services, const std::string& today) {
    const LocatedJson doc = LocatedJson::parse(text, fileName);
    const nlohmann::json& root = doc.root();
    const Reader r{doc};
    if (!root.is_object() || root.value("format", "") != "suarawarga-facility-assessment")
        doc.fail("", "not a facility assessment (\"format\": \"suarawarga-facility-assessment\" expected)");
    if (root.value("format_version", 0) != 1) doc.fail("/format_version", "this program reads format_version 1");
    static const char* known[] = {"format", "format_version", "assessed_on", "assessor", "note", "items", "petugas", "petugas_staff", "kepatuhan"};
    for (const auto& entry : root.items()) {
        const std::string key = entry.key();
        if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return key == k; }) == std::end(known))
            doc.fail("/" + key, "unknown field \"" + key.substr(0, 40) + "\"");
    }
    FacilityAssessment a;
    a.checklistId = checklist.id;
    a.checklistVersion = checklist.version;
    a.assessedOn = r.text(root, "assessed_on", "", 10, false);
    LocalDate d;
    if (!parseDate(a.assessedOn, d)) doc.fail("/assessed_on", "must be a date YYYY-MM-DD");
    if (a.assessedOn > today) doc.fail("/assessed_on", "is after today (" + today + ")");
    a.assessor = r.text(root, "assessor", "", kMaxNameLength, false);
    a.note = r.text(root, "note", "", kMaxCommentLength, true);
    if (root.contains("items")) readItems(r, root["items"], checklist, a);
    if (root.contains("petugas")) a.petugas = r.status(root["petugas"], "/petugas", false);
    a.petugasStaff = r.text(root, "petugas_staff", "", kMaxNameLength, false);
    if (root.contains("kepatuhan")) readKepatuhan(r, root["kepatuhan"], checklist, services, a);
    return a;
}

} // namespace sw
