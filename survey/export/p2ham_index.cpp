#include "survey/export/p2ham_index.hpp"

#include "survey/base/csv.hpp"
#include "survey/base/number.hpp"
#include "survey/base/local_time.hpp"

namespace sw {

using nlohmann::json;

namespace {

std::string text(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// A name the report keeps per language ({"id": …, "en": …}), in `lang` or else in Indonesian.
std::string nameIn(const json& j, const std::string& lang) {
    if (!j.contains("name") || !j["name"].is_object()) return "";
    const json& n = j["name"];
    if (n.contains(lang) && n[lang].is_string()) return n[lang].get<std::string>();
    return n.contains("id") && n["id"].is_string() ? n["id"].get<std::string>() : "";
}

std::string statusLabel(const PackContext& x, const json& item) {
    const std::string code = text(item, "status");
    return code.empty() ? "–" : x.tr.get("facility.status." + code, x.lang);
}

// "Lebar ramp: 80,0 cm (≥ 95,0) TIDAK memenuhi": each measured value with its limit and verdict
// (Permen PUPR 14/PRT/M/2017 limits, judged by survey/facility/checklist.hpp judge()).
std::vector<std::string> measureLines(const PackContext& x, const json& item) {
    std::vector<std::string> lines;
    for (const auto& m : item.value("measures", json::array())) {
        if (!m.contains("value") || !m["value"].is_number()) continue;
        const bool pass = text(m, "verdict") == "pass";
        lines.push_back(nameIn(m, x.lang) + ": " + formatNumber(m["value"].get<double>(), 1, x.lang) + " " + text(m, "unit") + " (" +
                        (text(m, "rule") == "max" ? "≤ " : "≥ ") + formatNumber(m.value("limit", 0.0), 1, x.lang) + ") " +
                        x.tr.get(pass ? "pdf.verdict.pass" : "pdf.verdict.fail", x.lang));
    }
    return lines;
}

std::vector<std::string> evidencePaths(const json& item) {
    std::vector<std::string> paths;
    for (const auto& e : item.value("evidence", json::array()))
        if (e.contains("path") && e["path"].is_string()) paths.push_back(e["path"].get<std::string>());
    return paths;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
    return s;
}

std::size_t evidenceCount(const json& report) {
    std::size_t n = 0;
    for (const auto& item : report.value("items", json::array())) n += evidencePaths(item).size();
    return n;
}

void appendItemText(const PackContext& x, const json& item, std::string& out) {
    out += "  " + text(item, "code") + " " + nameIn(item, x.lang) + " — " + statusLabel(x, item) + "\n";
    for (const auto& line : measureLines(x, item)) out += "      " + line + "\n";
    if (!text(item, "note").empty()) out += "      " + x.tr.get("pdf.p2ham.col_note", x.lang) + ": " + text(item, "note") + "\n";
    const auto paths = evidencePaths(item);
    out += "      " + x.tr.get("pdf.p2ham.col_evidence", x.lang) + ": " +
           (paths.empty() ? x.tr.get("pack.no_evidence", x.lang) : joined(paths, "\n        ")) + "\n";
}

// The answers that are not checklist items, under the criterion they feed.
void appendCriterionAnswers(const PackContext& x, const std::string& criterion, std::string& out) {
    const json& r = x.report;
    if (criterion == x.checklist.petugasCriterion)
        out += "  " + format(x.tr.get("pdf.p2ham.petugas", x.lang), {statusLabel(x, json{{"status", text(r, "petugas")}})}) + "\n";
    const json kepatuhan = r.value("kepatuhan", json::object());
    if (criterion == x.checklist.kepatuhanCriterion)
        for (const auto& [service, level] : kepatuhan.items()) {
            const KepatuhanLevel* l = x.checklist.findLevel(level.is_string() ? level.get<std::string>() : "");
            out += "  " + service + ": " + (l ? l->name.in(x.lang) : "–") + "\n";
        }
    if (criterion == x.checklist.citizenCriterion && r.contains("citizen_index") && r["citizen_index"].is_number())
        out += "  " + x.tr.get("xlsx.ham.index", x.lang) + ": " + formatNumber(r["citizen_index"].get<double>(), 2, x.lang) + "\n";
}

std::string contentsText(const PackContext& x) {
    const std::string evidence = format(x.tr.get("pack.entry.evidence", x.lang), {std::to_string(evidenceCount(x.report))});
    std::string out = x.tr.get("pack.contents", x.lang) + "\n";
    for (const auto& [entry, what] : std::vector<std::pair<std::string, std::string>>{
             {kPackIndexText, x.tr.get("pack.entry.index_txt", x.lang)},
             {kPackIndexJson, x.tr.get("pack.entry.index_json", x.lang)},
             {kPackAssessmentCsv, x.tr.get("pack.entry.csv", x.lang)},
             {kPackAnnexPdf, x.tr.get("pack.entry.pdf", x.lang)},
             {std::string(kPackEvidenceFolder) + "/", evidence}})
        out += "  " + entry + std::string(entry.size() < 26 ? 26 - entry.size() : 1, ' ') + what + "\n";
    return out;
}

} // namespace

json packCriteria(const json& report) {
    json criteria = json::array();
    for (const auto& c : report.value("criteria", json::array())) {
        json jc = c;
        jc["items"] = json::array();
        for (const auto& item : report.value("items", json::array()))
            if (text(item, "criterion") == text(c, "code")) jc["items"].push_back(item);
        criteria.push_back(jc);
    }
    return criteria;
}

std::string packIndexJson(const PackContext& x) {
    json j = x.report;
    j.erase("items");
    j["criteria"] = packCriteria(x.report);
    j["format"] = "suarawarga-p2ham-pack";
    j["format_version"] = 1;
    j["unit"] = {{"id", x.unit.id}, {"name", x.unit.name}, {"instansi", x.unit.instansi}, {"kabupaten", x.unit.kabupaten},
                 {"province", x.unit.province}, {"demo", x.unit.demo}};
    j["period"] = {{"from", formatDate(x.period.from)}, {"to", formatDate(x.period.to)}};
    j["created"] = x.created;
    j["entries"] = {kPackIndexText, kPackIndexJson, kPackAssessmentCsv, kPackAnnexPdf};
    return j.dump(2) + "\n";
}

std::string packIndexText(const PackContext& x) {
    const json& r = x.report;
    const json checklist = r.value("checklist", json::object());
    std::string out = x.tr.get("pack.title", x.lang) + "\n\n";
    out += x.tr.get("pack.unit", x.lang) + ": " + x.unit.name + " (" + x.unit.id + ")" + (x.unit.demo ? "  DEMO" : "") + "\n";
    out += x.tr.get("pdf.period", x.lang) + ": " + formatDate(x.period.from) + " – " + formatDate(x.period.to) + "\n";
    out += format(x.tr.get("pdf.p2ham.assessed_text", x.lang),
                  {text(r, "assessed_on"), text(r, "assessor").empty() ? "–" : text(r, "assessor"),
                   checklist.contains("title") ? nameIn(json{{"name", checklist["title"]}}, x.lang) : "",
                   std::to_string(checklist.value("version", 0))}) +
           "\n" + x.created + "\n\n" + contentsText(x) + "\n";
    for (const auto& c : packCriteria(r)) {
        const std::string score = c.value("has_data", false) ? formatNumber(c.value("score", 0.0), 1, x.lang)
                                                             : x.tr.get("pdf.p2ham.no_data", x.lang);
        out += format(x.tr.get("pack.criterion", x.lang), {nameIn(c, x.lang), formatNumber(c.value("weight", 0.0), 2, x.lang), score}) + "\n";
        for (const auto& item : c["items"]) appendItemText(x, item, out);
        appendCriterionAnswers(x, text(c, "code"), out);
        out += "\n";
    }
    return out;
}

std::string packAssessmentCsv(const PackContext& x) {
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel then reads the file as UTF-8 (as the CSV export)
    std::vector<std::string> header;
    for (const char* key : {"pdf.p2ham.col_criterion", "pack.col_code", "pdf.p2ham.col_item", "pdf.p2ham.col_status",
                            "pdf.p2ham.col_measure", "pdf.p2ham.col_note", "pdf.p2ham.col_evidence"})
        header.push_back(csvField(x.tr.get(key, x.lang)));
    out += joined(header, ",") + "\r\n";
    for (const auto& c : packCriteria(x.report))
        for (const auto& item : c["items"]) {
            const std::vector<std::string> cells{csvTextField(nameIn(c, x.lang)),      csvField(text(item, "code")),
                                                 csvTextField(nameIn(item, x.lang)),   csvTextField(statusLabel(x, item)),
                                                 csvTextField(joined(measureLines(x, item), "; ")),
                                                 csvTextField(text(item, "note")), csvTextField(joined(evidencePaths(item), " "))};
            out += joined(cells, ",") + "\r\n";
        }
    return out;
}

} // namespace sw
