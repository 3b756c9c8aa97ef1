#include "survey/export/p2ham_pack.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/evidence_files.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/export/p2ham_index.hpp"
#include "survey/export/pdf.hpp"
#include "survey/export/zip_writer.hpp"
#include "survey/facility/evidence.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace sw {

using nlohmann::json;

namespace {

struct PackFile {
    std::string entry;
    EvidenceInfo info;
};

// Names each evidence entry of the report by its place in the ZIP ("path"), drops the thumbnails
// (the files themselves are in the pack) and returns the files to write, each once.
std::vector<PackFile> nameEvidence(Store& store, json& report) {
    std::vector<PackFile> files;
    std::set<std::string> seen;
    for (auto& item : report["items"]) {
        const std::string code = item.value("code", "");
        for (auto& e : item["evidence"]) {
            e.erase("thumbnail_png");
            auto info = evidenceBySha256(store, e.value("sha256", ""));
            if (!info) continue;
            // evidenceFileName reduces the item code and the stored file name to plain names.
            e["path"] = std::string(kPackEvidenceFolder) + "/" + evidenceFileName(code, info->sha256, info->fileName);
            if (seen.insert(e["path"].get<std::string>()).second) files.push_back({e["path"], *info});
        }
    }
    return files;
}

// The stored bytes, only when they still hash to the SHA-256 they were stored under.
std::string verifiedBytes(Store& store, const EvidenceInfo& info) {
    return checkedEvidenceBytes(evidenceData(store, info.id), info, store.path());
}

// The Lampiran P2HAM alone, drawn by the SKM report's code into a temporary file beside the pack
// that is never committed (removed when `scratch` goes).
std::string annexPdf(Store& store, const std::string& packPath, const P2hamPackOptions& opt) {
    AtomicOutput scratch(packPath + ".lampiran.pdf");
    PdfReportOptions o;
    o.filter = opt.filter;
    o.lang = opt.lang;
    o.part = PdfReportOptions::Part::P2hamAnnex;
    writePdfReport(store, scratch.tempPath(), o);
    std::ifstream in(scratch.tempPath(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The index first, then the assessment, the annex and the evidence files.
void writeEntries(ZipWriter& zip, Store& store, const PackContext& x, const std::string& pdf, const std::vector<PackFile>& files,
                  P2hamPackInfo& info) {
    for (const auto& [entry, bytes] : std::vector<std::pair<std::string, std::string>>{{kPackIndexText, packIndexText(x)},
                                                                                      {kPackIndexJson, packIndexJson(x)},
                                                                                      {kPackAssessmentCsv, packAssessmentCsv(x)},
                                                                                      {kPackAnnexPdf, pdf}}) {
        zip.add(entry, bytes);
        info.entries.push_back(entry);
    }
    for (const auto& file : files) {
        zip.add(file.entry, verifiedBytes(store, file.info));
        info.entries.push_back(file.entry);
    }
}

json facilityReportOrRefuse(Store& store, const ResponseFilter& f, const Period& period) {
    json report = facilityForBundle(store, f, false);
    if (report.is_null())
        throw ExportError(ExportError::Kind::Format,
                          store.path() + ": the unit has no P2HAM facility self-assessment made on or before " + formatDate(period.to) +
                              "; save one in the unit head's area (Fasilitas) first. Nothing was written");
    return report;
}

} // namespace

P2hamPackInfo writeP2hamPack(Store& store, const std::string& path, P2hamPackOptions opt) {
    const UnitInfo unit = store.unit().value_or(UnitInfo{});
    ResponseFilter& f = opt.filter;
    f.includeMisuse = false;
    f.unitId.reset();
    // Without --to the pack is of the newest assessment: the period runs to today, not to the last
    // response (an assessment is often saved after the last visitor of the period).
    if (!f.to) f.to = localDate(nowUtc(), unit.utcOffsetMinutes);
    const Period period = exportPeriod(store, f);
    json report = facilityReportOrRefuse(store, f, period);
    const std::vector<PackFile> files = nameEvidence(store, report);
    const Translations tr = Translations::loadArea("export");
    const std::int64_t now = nowUtc();
    const FacilityChecklist checklist = loadChecklist(defaultChecklistPath());
    const PackContext x{report, checklist, unit, period, tr, opt.lang, localDateTime(now, unit.utcOffsetMinutes)};
    const std::string pdf = annexPdf(store, path, opt);

    AtomicOutput out(path);
    P2hamPackInfo info;
    {
        ZipWriter zip(out.tempPath(), now + std::int64_t{unit.utcOffsetMinutes} * 60);
        writeEntries(zip, store, x, pdf, files, info);
        zip.close();
    }
    out.commit();
    info.assessedOn = report.value("assessed_on", "");
    info.assessor = report.value("assessor", "");
    info.items = static_cast<int>(report["items"].size());
    info.evidenceFiles = static_cast<int>(files.size());
    return info;
}

} // namespace sw
