#include "survey/national/verdicts_json.hpp"
#include "survey/base/small_file.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_reader.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace sw {

namespace {

using nlohmann::json;

constexpr const char* kFormat = "suarawarga-verdicts";
constexpr std::size_t kMaxNote = 2000; // characters, as a citizen's comment

// Optional text at ptr/key: a string that passes the text checks ("" when absent).
std::string optionalText(const JsonReader& r, const std::string& ptr, const std::string& key, std::size_t maxChars) {
    if (!r.has(ptr, key)) return "";
    const std::string s = r.need(ptr, key, json::value_t::string, "a string").get<std::string>();
    if (std::string why = textProblem(s, maxChars, true); !why.empty()) r.fail(ptr + "/" + key, "\"" + key + "\" " + why);
    return s;
}

VisitRecord parseVisit(const JsonReader& r) {
    r.need("", "visit", json::value_t::object, "an object");
    VisitRecord v;
    v.date = r.str("/visit", "date");
    LocalDate d;
    if (!parseDate(v.date, d)) r.fail("/visit/date", "\"date\" must be a real date YYYY-MM-DD");
    const json& names = r.list("/visit", "assessors");
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string p = "/visit/assessors/" + std::to_string(i);
        if (!names[i].is_string() || names[i].get<std::string>().empty()) r.fail(p, "an assessor's name must be a non-empty string");
        if (std::string why = textProblem(names[i].get<std::string>(), kMaxNameLength); !why.empty()) r.fail(p, "the name " + why);
        v.assessors.push_back(names[i].get<std::string>());
    }
    v.seen = optionalText(r, "/visit", "seen", kMaxCommentLength);
    return v;
}

void parseMeasured(const JsonReader& r, const std::string& p, const FacilityItem* item, ItemVerdict& v) {
    if (!r.has(p, "measured")) return;
    const json& m = r.need(p, "measured", json::value_t::object, "an object {measure code: value}");
    for (const auto& entry : m.items()) {
        const std::string code = entry.key();   // a plain name: clang 14 cannot capture structured bindings
        const json& value = entry.value();
        const std::string mp = p + "/measured/" + code;
        const bool known = item && std::any_of(item->measures.begin(), item->measures.end(),
                                               [&](const FacilityMeasure& x) { return x.code == code; });
        if (!known) r.fail(mp, "\"" + code + "\" is not a measure of item " + v.item);
        if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
            r.fail(mp, "a re-measured value must be a number ≥ 0");
        v.measured[code] = value.get<double>();
    }
}

ItemVerdict parseOne(const JsonReader& r, const std::string& p, const FacilityChecklist& c, std::set<std::string>& seen) {
    ItemVerdict v;
    v.item = r.str(p, "item");
    const FacilityItem* item = c.findItem(v.item);
    if (!item && v.item != kPetugasItem)
        r.fail(p + "/item", "unknown item \"" + v.item + "\" (checklist " + c.id + " v" + std::to_string(c.version) + ", or " +
                                kPetugasItem + ")");
    r.unique(p + "/item", v.item, seen);
    const std::string code = r.str(p, "verdict");
    auto verdict = parseVerdict(code);
    if (!verdict) r.fail(p + "/verdict", "\"verdict\" must be terverifikasi, tidak_sesuai or perlu_klarifikasi");
    v.verdict = *verdict;
    if (r.has(p, "found")) {
        if (v.verdict != Verdict::TidakSesuai) r.fail(p + "/found", "\"found\" is only for a tidak_sesuai verdict");
        v.found = parseFacilityStatus(r.str(p, "found"));
        if (v.found == FacilityStatus::Unset || v.found == FacilityStatus::Ada)
            r.fail(p + "/found", "\"found\" must be proses or tidak (what the visit found instead of the claim)");
    }
    v.note = optionalText(r, p, "note", kMaxNote);
    if (v.verdict != Verdict::Terverifikasi && v.note.empty())
        r.fail(p, "a " + code + " verdict needs a \"note\" saying what was found (the unit acts on it)");
    parseMeasured(r, p, item, v);
    return v;
}

// In the checklist's order (petugas siaga last), whatever order the file used.
void sortByChecklist(const FacilityChecklist& c, std::vector<ItemVerdict>& vs) {
    auto rank = [&c](const std::string& code) {
        for (std::size_t i = 0; i < c.items.size(); ++i)
            if (c.items[i].code == code) return i;
        return c.items.size();
    };
    std::stable_sort(vs.begin(), vs.end(), [&](const ItemVerdict& a, const ItemVerdict& b) { return rank(a.item) < rank(b.item); });
}

std::string textOr(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Verification parseVerdicts(const std::string& jsonText, const std::string& fileName, const FacilityChecklist& c,
                           const std::string& unitId) {
    LocatedJson doc = LocatedJson::parse(jsonText, fileName);
    JsonReader r{doc};
    if (!doc.root().is_object()) r.fail("", "a verdicts file must be a JSON object");
    if (r.str("", "format") != kFormat) r.fail("/format", std::string("\"format\" must be \"") + kFormat + "\"");
    if (r.integer("", "format_version") != 1) r.fail("/format_version", "this program reads format_version 1");
    Verification v;
    v.unitId = unitId;
    if (r.has("", "unit") && r.str("", "unit") != unitId)
        r.fail("/unit", "the file is for unit \"" + r.str("", "unit") + "\", not " + unitId);
    v.checklistId = c.id;
    v.checklistVersion = c.version;
    v.visit = parseVisit(r);
    std::set<std::string> seen;
    const json& list = r.list("", "verdicts");
    for (std::size_t i = 0; i < list.size(); ++i) v.verdicts.push_back(parseOne(r, "/verdicts/" + std::to_string(i), c, seen));
    sortByChecklist(c, v.verdicts);
    return v;
}

Verification loadVerdicts(const std::string& path, const FacilityChecklist& c, const std::string& unitId) {
    return parseVerdicts(readSmallFile(path, 1u << 20, "a verdicts file"), path, c, unitId);
}

nlohmann::json verificationToJson(const Verification& v) {
    json verdicts = json::array();
    for (const ItemVerdict& iv : v.verdicts) {
        json j = {{"item", iv.item}, {"verdict", verdictCode(iv.verdict)}, {"note", iv.note}, {"measured", iv.measured}};
        if (iv.found != FacilityStatus::Unset) j["found"] = facilityStatusCode(iv.found);
        verdicts.push_back(std::move(j));
    }
    return {{"format", kFormat},
            {"format_version", 1},
            {"unit", v.unitId},
            {"unit_name", v.unitName},
            {"checklist", {{"id", v.checklistId}, {"version", v.checklistVersion}}},
            {"claim_assessed_on", v.claimAssessedOn},
            {"period", {{"from", v.periodFrom}, {"to", v.periodTo}}},
            {"visit", {{"date", v.visit.date}, {"assessors", v.visit.assessors}, {"seen", v.visit.seen}}},
            {"verdicts", verdicts},
            {"saved_utc", v.savedUtc}};
}

Verification verificationFromJson(const nlohmann::json& j) {
    auto bad = [](const std::string& what) { throw BundleError(BundleError::Kind::Malformed, "verification: " + what); };
    if (!j.is_object() || textOr(j, "format") != kFormat) bad("not a verification");
    Verification v;
    v.unitId = textOr(j, "unit");
    if (v.unitId.empty()) bad("no unit");
    v.unitName = textOr(j, "unit_name");
    if (auto cl = j.find("checklist"); cl != j.end() && cl->is_object()) {
        v.checklistId = textOr(*cl, "id");
        v.checklistVersion = cl->value("version", 0);
    }
    v.claimAssessedOn = textOr(j, "claim_assessed_on");
    if (auto p = j.find("period"); p != j.end() && p->is_object()) {
        v.periodFrom = textOr(*p, "from");
        v.periodTo = textOr(*p, "to");
    }
    const json visit = j.value("visit", json::object());
    if (!visit.is_object()) bad("visit is not an object");
    v.visit.date = textOr(visit, "date");
    for (const auto& n : visit.value("assessors", json::array()))
        if (n.is_string()) v.visit.assessors.push_back(n.get<std::string>());
    v.visit.seen = textOr(visit, "seen");
    const json verdicts = j.value("verdicts", json::array());
    if (!verdicts.is_array()) bad("verdicts is not a list");
    for (const auto& x : verdicts) {
        if (!x.is_object()) bad("a verdict is not an object");
        ItemVerdict iv;
        iv.item = textOr(x, "item");
        auto verdict = parseVerdict(textOr(x, "verdict"));
        if (iv.item.empty() || !verdict) bad("a verdict without item or verdict");
        iv.verdict = *verdict;
        iv.found = parseFacilityStatus(textOr(x, "found"));
        iv.note = textOr(x, "note");
        if (auto m = x.find("measured"); m != x.end() && m->is_object())
            for (const auto& [code, value] : m->items())
                if (value.is_number()) iv.measured[code] = value.get<double>();
        v.verdicts.push_back(std::move(iv));
    }
    v.savedUtc = j.value("saved_utc", std::int64_t{0});
    return v;
}

} // namespace sw
