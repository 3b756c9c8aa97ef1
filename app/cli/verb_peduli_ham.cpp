#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/base/text_check.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/peduli_ham_export.hpp"
#include "survey/skm/period.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbPeduliHam(int argc, char** argv);
const VerbRegistrar reg{{"peduli-ham", "assessor: Kabupaten/Kota Peduli HAM summary (text, XLSX or PDF)", verbPeduliHam}};

void printText(const PeduliHamDocument& doc) {
    std::cout << "Rekap Kabupaten/Kota Peduli HAM — " << doc.periodText << "\n";
    for (const auto& a : doc.areas) {
        const AreaRollup& r = a.area;
        std::cout << "\n" << printable(r.code) << " " << printable(r.name) << (r.demo ? " [DEMO]" : "") << ": " << r.units << " unit ("
                  << r.reporting << " melapor), " << r.skm.respondents << " responden, IKM "
                  << (r.skm.complete ? formatNumber(r.skm.ikmUnit, 2, "id") + " (" + mutuLetter(r.skm.mutu) + ")" : std::string("-"))
                  << ", fasilitas dinilai di " << a.unitsWithFacility << " unit\n";
        for (const auto& c : a.items)
            std::cout << "  " << printable(c.code) << " " << printable(c.nameId) << ": ada " << c.ada << ", proses " << c.proses << ", tidak "
                      << c.tidak << ", belum dinilai " << c.notAssessed << ", dengan data dukung " << c.withEvidence << "\n";
    }
    if (doc.areas.empty()) std::cout << "(belum ada unit; gabungkan bundel dengan `suarawarga merge`)\n";
}

int verbPeduliHam(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga peduli-ham --db KANWIL.db|postgresql://… [--kabkota NN.NN] [--from D --to D]\n"
                     "                             [--out FILE.xlsx|FILE.pdf] [--lang id|en]\n\n"
                     "Per kabupaten/kota: units and units reporting, pooled IKM and mutu, mean unit IKM and units\n"
                     "per mutu, accessibility index, kelompok-rentan gap, and P2HAM facility coverage (each\n"
                     "checklist item Ada / Proses / Tidak / not assessed, with evidence) from each unit's latest\n"
                     "self-assessment. Without --out it prints; .xlsx and .pdf are written atomically.\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "kabkota", "from", "to", "out", "lang"}, {});
    const std::string db = a.get("db", "");
    if (db.empty()) throw UsageError("--db KANWIL.db (the assessor's store) is required");
    const std::string lang = a.get("lang", "id");
    if (lang != "id" && lang != "en") throw UsageError("--lang must be id or en");
    const auto from = a.getDate("from"), to = a.getDate("to");
    if (from.has_value() != to.has_value()) throw UsageError("--from and --to go together");
    const auto out = a.get("out");
    const bool xlsx = out && out->size() > 5 && out->substr(out->size() - 5) == ".xlsx";
    const bool pdfOut = out && out->size() > 4 && out->substr(out->size() - 4) == ".pdf";
    if (out && !xlsx && !pdfOut) throw UsageError("--out must end in .xlsx or .pdf");
    if (out && !isPostgresUrl(db)) refuseOutputOverInput(*out, storeFiles(db), "--out");

    auto store = openAssessorStore(db, false);
    auto in = store->latestInstrument();
    PeduliHamDocument doc;
    doc.lang = lang;
    doc.storeName = store->name();
    if (from) {
        LocalDate f, t;
        parseDate(*from, f);
        parseDate(*to, t);
        doc.periodText = periodLabel(customPeriod(f, t), lang);
    } else {
        doc.periodText = lang == "en" ? "all time" : "seluruh waktu";
    }
    const TallyPeriod period{from, to};
    if (in) doc.areas = peduliHam(store->unitTallies(period), store->layouts(), *in, a.get("kabkota", ""));
    if (!out) {
        printText(doc);
        return 0;
    }
    if (xlsx) writePeduliHamXlsx(doc, *out);
    else writePeduliHamPdf(doc, *out);
    std::cout << *out << ": " << doc.areas.size() << " kabupaten/kota\n";
    return 0;
}

} // namespace
} // namespace sw::cli
