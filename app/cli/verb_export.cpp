#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"
#include "survey/base/error.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/base/text_check.hpp"
#include "survey/export/csv.hpp"
#include "survey/export/html_page.hpp"
#include "survey/export/p2ham_pack.hpp"
#include "survey/export/pdf.hpp"
#include "survey/export/xlsx.hpp"
#include "survey/base/local_time.hpp"
#include "survey/bundle/signing.hpp"
#include "survey/store/unit_setup.hpp"

#include <filesystem>
#include <iostream>

namespace sw::cli {

namespace {
int verbExport(int argc, char** argv);
const VerbRegistrar reg{{"export", "write the unit's data: csv, xlsx, pdf report, signed bundle, public html page", verbExport}};

// A store that cannot take the log line (full or read-only disk) fails the command, and a
// command that fails leaves no output behind.
void logExport(Store& store, const std::string& kind, const std::string& out, const std::string& what) {
    try {
        store.logEvent(kind, out + " (" + what + ")");
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(out, ec);
        throw;
    }
}

int exportP2ham(Store& store, const std::string& out, const ResponseFilter& f, const std::string& lang) {
    P2hamPackOptions o;
    o.filter = f;
    o.lang = lang;
    const P2hamPackInfo info = writeP2hamPack(store, out, o);
    logExport(store, "export.p2ham", out, std::to_string(info.evidenceFiles) + " evidence files");
    std::cout << "P2HAM evidence pack: assessment of " << info.assessedOn << " by " << printable(info.assessor) << ", "
              << info.items << " items, " << info.evidenceFiles << " evidence file(s), " << info.entries.size() << " entries in "
              << out << "\n";
    return 0;
}

int verbExport(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga export [--db FILE] --format csv|xlsx|pdf|bundle|html|p2ham --out FILE\n"
                     "         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang id|en] [--weights exact|0.111|0.111-r3]\n\n"
                     "csv     one row per respondent, UTF-8 with BOM, RFC 4180 (misuse rows included, flagged)\n"
                     "xlsx    sheets Responden, Pengolahan (live formulas: NRR, IKM, mutu), profile, HAM, facility\n"
                     "pdf     the SKM report (BAB I-V) with the P2HAM section, A4\n"
                     "bundle  one file signed with the unit's Ed25519 key, for `suarawarga merge` at the Kanwil\n"
                     "html    the result for the public: one self-contained page (score and mutu in words, each\n"
                     "        unsur, the kelompok-rentan gap, what was done) to post on a website or notice board\n"
                     "p2ham   the P2HAM evidence pack (data dukung), one ZIP: DAFTAR-ISI.txt and index.json (each\n"
                     "        criterion and item, its answer, the assessor and date, its evidence files),\n"
                     "        penilaian-fasilitas.csv, lampiran-p2ham.pdf and data-dukung/ITEM-HASH-NAME, each file\n"
                     "        checked against its SHA-256. The assessment is the newest on or before --to (today);\n"
                     "        a unit without one gets exit code 1 and no file\n\n"
                     "--weights  how xlsx and pdf compute NRR tertimbang (as `report --weights`); named in the output\n\n"
                     "The export is written to a temporary file beside --out, synced, then renamed: never half-written.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "format", "out", "from", "to", "lang", "weights"}, {});
    const Weights weights = weightsOption(a);
    std::string format = a.get("format", "");
    if (format != "csv" && format != "xlsx" && format != "pdf" && format != "bundle" && format != "html" && format != "p2ham")
        throw UsageError("--format must be csv, xlsx, pdf, bundle, html or p2ham");
    auto out = a.get("out");
    if (!out || out->empty()) throw UsageError("--out FILE is required");
    std::string lang = a.get("lang", "id");
    if (lang != "id" && lang != "en") throw UsageError("--lang must be id or en");
    ResponseFilter f;
    f.from = a.getDate("from");
    f.to = a.getDate("to");
    if (f.from && f.to && *f.from > *f.to) throw UsageError("--from is after --to");

    const std::string db = databaseOption(a.get("db", ""));
    refuseOutputOverInput(*out, storeFiles(db), "--out");
    Store store(db, Store::Options{.create = false});
    requireUnit(store);
    if (format == "p2ham") return exportP2ham(store, *out, f, lang);
    std::int64_t n = 0;
    if (format == "csv") {
        CsvExportOptions o;
        o.filter = f;
        o.filter.includeMisuse = true;
        o.lang = lang;
        n = exportCsv(store, *out, o);
    } else if (format == "xlsx") {
        XlsxExportOptions o;
        o.filter = f;
        o.lang = lang;
        o.weights = weights;
        n = exportXlsx(store, *out, o);
    } else if (format == "pdf") {
        PdfReportOptions o;
        o.filter = f;
        o.lang = lang;
        o.weights = weights;
        n = exportPdf(store, *out, o);
    } else if (format == "html") {
        HtmlPageOptions o;
        o.filter = f;
        o.lang = lang;
        n = exportHtmlPage(store, *out, o);
    } else {
        UnitKey key = UnitKey::loadOrCreate(store);
        BundleOptions o;
        o.filter = f;
        o.facility = facilityForBundle(store, f);
        o.extra = unitExtraForBundle(store, f);
        n = exportBundle(store, key, *out, o);
        std::cout << "signed with key " << key.fingerprint() << "\n";
    }
    logExport(store, "export." + format, *out, std::to_string(n) + " responses");
    std::cout << "exported " << n << " responses to " << *out << "\n";
    return 0;
}

} // namespace
} // namespace sw::cli
