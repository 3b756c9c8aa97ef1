#include "survey/facility/checklist.hpp"

#include "survey/base/error.hpp"
#include "survey/base/find_by_code.hpp"
#include "survey/base/json_reader.hpp"
#include "survey/base/paths.hpp"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace sw {

namespace {

using nlohmann::json;

const std::vector<std::string> kChecklistLanguages = {"id", "en"}; // shown to the head in both

void needSource(const JsonReader& r, const FacilityChecklist& c, const std::string& ptr, const std::string& code) {
    if (!c.findSource(code)) r.fail(ptr, "unknown rule source \"" + code + "\" (declare it under \"sources\")");
}

void needCriterion(const JsonReader& r, const FacilityChecklist& c, const std::string& ptr, const std::string& code) {
    if (!c.findCriterion(code)) r.fail(ptr, "unknown criterion \"" + code + "\" (declare it under \"criteria\")");
}

// The steps of parseChecklist, in the order the file is checked: the first problem found wins.
// Sources and criteria come first: the items, petugas and kepatuhan name them.

void parseHeader(JsonReader& r, FacilityChecklist& c) {
    if (r.str("", "format") != "suarawarga-facility-checklist")
        r.fail("/format", "\"format\" must be \"suarawarga-facility-checklist\"");
    if (r.number("", "format_version") != 1) r.fail("/format_version", "this program reads format_version 1");
    c.id = r.str("", "id");
    const json& ver = r.at("", "version");
    if (!ver.is_number_integer() || ver.get<int>() < 1) r.fail("/version", "\"version\" must be a whole number ≥ 1");
    c.version = ver.get<int>();
    c.title = r.text("", "title", kChecklistLanguages);
}

void parseSources(JsonReader& r, FacilityChecklist& c) {
    std::set<std::string> seen;
    const json& sources = r.list("", "sources");
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::string p = "/sources/" + std::to_string(i);
        RuleSource s;
        s.code = r.str(p, "code");
        r.unique(p + "/code", s.code, seen);
        s.name = r.text(p, "name", kChecklistLanguages);
        if (sources[i].contains("older_guidance")) {
            if (!sources[i]["older_guidance"].is_boolean()) r.fail(p + "/older_guidance", "\"older_guidance\" must be true or false");
            s.olderGuidance = sources[i]["older_guidance"].get<bool>();
        }
        c.sources.push_back(std::move(s));
    }
}

void parseCriteria(JsonReader& r, FacilityChecklist& c) {
    std::set<std::string> seen;
    const json& criteria = r.list("", "criteria");
    double totalWeight = 0;
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const std::string p = "/criteria/" + std::to_string(i);
        FacilityCriterion cr;
        cr.code = r.str(p, "code");
        r.unique(p + "/code", cr.code, seen);
        cr.name = r.text(p, "name", kChecklistLanguages);
        cr.weight = r.number(p, "weight");
        if (cr.weight < 0) r.fail(p + "/weight", "a weight cannot be negative");
        totalWeight += cr.weight;
        c.criteria.push_back(std::move(cr));
    }
    if (totalWeight <= 0) r.fail("/criteria", "at least one criterion needs a weight above 0");
}

void parseStatusScores(JsonReader& r, FacilityChecklist& c) {
    const json& ss = r.at("", "status_scores");
    c.scores.ada = r.number("/status_scores", "ada");
    c.scores.proses = r.number("/status_scores", "proses");
    c.scores.tidak = r.number("/status_scores", "tidak");
    c.scores.measureFail = r.number("/status_scores", "measure_fail");
    for (const char* k : {"ada", "proses", "tidak", "measure_fail"}) {
        double v = ss[k].get<double>();
        if (v < 0 || v > 100) r.fail(std::string("/status_scores/") + k, "a score must be between 0 and 100");
    }
}

// One measure of an item at `mp`; `measureCodes` holds "item/measure" over the whole checklist.
FacilityMeasure parseMeasure(JsonReader& r, const FacilityChecklist& c, const std::string& mp, const json& node,
                             const std::string& itemCode, std::set<std::string>& measureCodes) {
    FacilityMeasure m;
    m.code = r.str(mp, "code");
    if (!measureCodes.insert(itemCode + "/" + m.code).second) r.fail(mp + "/code", "duplicate measure \"" + m.code + "\"");
    m.name = r.text(mp, "name", kChecklistLanguages);
    m.unit = r.str(mp, "unit");
    const std::string rule = r.str(mp, "rule");
    if (rule == "max") m.rule = FacilityMeasure::Rule::Max;
    else if (rule == "min") m.rule = FacilityMeasure::Rule::Min;
    else r.fail(mp + "/rule", "\"rule\" must be \"max\" (value ≤ limit) or \"min\" (value ≥ limit)");
    m.limit = r.number(mp, "limit");
    if (m.limit <= 0) r.fail(mp + "/limit", "\"limit\" must be above 0");
    m.source = r.str(mp, "source");
    needSource(r, c, mp + "/source", m.source);
    if (node.contains("note")) m.note = r.text(mp, "note", kChecklistLanguages);
    return m;
}

FacilityItem parseItem(JsonReader& r, const FacilityChecklist& c, const std::string& p, const json& node,
                       std::set<std::string>& seen, std::set<std::string>& measureCodes) {
    FacilityItem it;
    it.code = r.str(p, "code");
    r.unique(p + "/code", it.code, seen);
    it.name = r.text(p, "name", kChecklistLanguages);
    it.criterion = r.str(p, "criterion");
    needCriterion(r, c, p + "/criterion", it.criterion);
    it.source = r.str(p, "source");
    needSource(r, c, p + "/source", it.source);
    if (node.contains("priority")) {
        const json& pr = node["priority"];
        if (!pr.is_number_integer() || pr.get<int>() < 1 || pr.get<int>() > 5)
            r.fail(p + "/priority", "\"priority\" must be a whole number 1 (most urgent) to 5");
        it.priority = pr.get<int>();
    }
    if (node.contains("measures")) {
        const json& ms = r.list(p, "measures");
        for (std::size_t k = 0; k < ms.size(); ++k)
            it.measures.push_back(parseMeasure(r, c, p + "/measures/" + std::to_string(k), ms[k], it.code, measureCodes));
    }
    return it;
}

void parseItems(JsonReader& r, FacilityChecklist& c) {
    std::set<std::string> seen;
    std::set<std::string> measureCodes;
    const json& items = r.list("", "items");
    for (std::size_t i = 0; i < items.size(); ++i)
        c.items.push_back(parseItem(r, c, "/items/" + std::to_string(i), items[i], seen, measureCodes));
}

void parsePetugas(JsonReader& r, FacilityChecklist& c) {
    r.at("", "petugas"); // present before its fields are read (a missing one is named, not thrown)
    c.petugasName = r.text("/petugas", "name", kChecklistLanguages);
    c.petugasCriterion = r.str("/petugas", "criterion");
    needCriterion(r, c, "/petugas/criterion", c.petugasCriterion);
    c.petugasSource = r.str("/petugas", "source");
    needSource(r, c, "/petugas/source", c.petugasSource);
}

void parseKepatuhan(JsonReader& r, FacilityChecklist& c) {
    r.at("", "kepatuhan");
    c.kepatuhanCriterion = r.str("/kepatuhan", "criterion");
    needCriterion(r, c, "/kepatuhan/criterion", c.kepatuhanCriterion);
    c.kepatuhanSource = r.str("/kepatuhan", "source");
    needSource(r, c, "/kepatuhan/source", c.kepatuhanSource);
    std::set<std::string> seen;
    const json& levels = r.list("/kepatuhan", "levels");
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string p = "/kepatuhan/levels/" + std::to_string(i);
        KepatuhanLevel l;
        l.code = r.str(p, "code");
        r.unique(p + "/code", l.code, seen);
        l.name = r.text(p, "name", kChecklistLanguages);
        l.score = r.number(p, "score");
        if (l.score < 0 || l.score > 100) r.fail(p + "/score", "a score must be between 0 and 100");
        c.kepatuhanLevels.push_back(std::move(l));
    }
}

} // namespace

const FacilityItem* FacilityChecklist::findItem(const std::string& c) const { return findByCode(items, c); }
const RuleSource* FacilityChecklist::findSource(const std::string& c) const { return findByCode(sources, c); }
const FacilityCriterion* FacilityChecklist::findCriterion(const std::string& c) const { return findByCode(criteria, c); }
const KepatuhanLevel* FacilityChecklist::findLevel(const std::string& c) const { return findByCode(kepatuhanLevels, c); }

FacilityChecklist parseChecklist(const std::string& jsonText, const std::string& fileName) {
    LocatedJson doc = LocatedJson::parse(jsonText, fileName);
    JsonReader r{doc};
    if (!doc.root().is_object()) r.fail("", "a facility checklist must be a JSON object");

    FacilityChecklist c;
    c.sourceFile = fileName;
    parseHeader(r, c);
    parseSources(r, c);
    parseCriteria(r, c);
    parseStatusScores(r, c);
    parseItems(r, c);
    parsePetugas(r, c);
    parseKepatuhan(r, c);
    c.citizenCriterion = r.str("", "citizen_criterion");
    needCriterion(r, c, "/citizen_criterion", c.citizenCriterion);
    return c;
}

FacilityChecklist loadChecklist(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InstrumentError(path, 0, 0, "cannot open the facility checklist");
    std::ostringstream ss;
    ss << f.rdbuf();
    return parseChecklist(ss.str(), path);
}

std::string defaultChecklistPath() { return assetDirectory() + "/facility/p2ham-checklist-v1.json"; }

MeasureVerdict judge(const FacilityMeasure& m, std::optional<double> value) {
    if (!value) return MeasureVerdict::NotMeasured;
    // Compared at 0,01 of the unit so a typed 6,00 is exactly 6 (figures are read off a tape).
    const double v = std::round(*value * 100.0) / 100.0, lim = std::round(m.limit * 100.0) / 100.0;
    const bool ok = m.rule == FacilityMeasure::Rule::Max ? v <= lim : v >= lim;
    return ok ? MeasureVerdict::Pass : MeasureVerdict::Fail;
}

} // namespace sw
