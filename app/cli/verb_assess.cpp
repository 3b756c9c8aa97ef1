#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/number.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/base/text_check.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/national/predikat.hpp"
#include "survey/national/verdicts_json.hpp"
#include "survey/national/verification_file.hpp"
#include "survey/national/verification_pdf.hpp"
#include "survey/national/verification_text.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbAssess(int argc, char** argv);
const VerbRegistrar reg{{"assess", "assessor: verify a unit's P2HAM self-assessment (verdicts, verified score, berita acara, signed result)", verbAssess}};

void printHelp() {
    std::cout << "Usage: suarawarga assess --db KANWIL.db|postgresql://… --unit ID [--from-file VERDICTS.json]\n"
                 "                         [--berita-acara FILE.pdf] [--result FILE.swv [--kanwil-key FILE]]\n"
                 "       suarawarga assess --db KANWIL.db|postgresql://… --ready [--pass-mark N]\n\n"
                 "Verifies the facility self-assessment the unit sent in its latest bundle. --from-file stores\n"
                 "the verdicts and visit record (format in README \"The assessor verifies\"; checked whole, a\n"
                 "refusal names the field and its line, nothing is stored). Then it prints the self-assessed\n"
                 "and the verified score, their difference, coverage and the items that differ.\n"
                 "--berita-acara writes the verification minutes as a PDF; --result writes the result signed\n"
                 "with the Kanwil's own key (kanwil-key) for the unit to import with `suarawarga verification`.\n"
                 "--ready lists the verified units and whether each meets the predikat recommendation: the\n"
                 "pass mark (default " << formatNumber(PredikatRule{}.passMark, 0, "id") << ") and the checklist's weights are configuration, no official\n"
                 "figure being published; every output names them.\n";
}

void printScore(const FacilityChecklist& c, const FacilityClaim& claim, const Verification& v) {
    const VerifiedScore s = scoreVerification(c, claim.report, v);
    std::cout << "unit " << printable(claim.unit.id) << (claim.unit.name.empty() ? "" : " — " + printable(claim.unit.name))
              << (claim.unit.demo ? kDemoMark : "") << "\n"
              << "penilaian mandiri " << printable(v.claimAssessedOn) << " (periode " << printable(claimPeriodText(claim)) << "), kunjungan " << v.visit.date << " oleh ";
    for (std::size_t i = 0; i < v.visit.assessors.size(); ++i) std::cout << (i ? ", " : "") << printable(v.visit.assessors[i]);
    std::cout << "\n";
    // Scored with the Kanwil's checklist: say so when the unit assessed with another version.
    const FacilityAssessment claimed = claimFromReport(claim.report);
    if (!claimed.checklistId.empty() && (claimed.checklistId != c.id || claimed.checklistVersion != c.version))
        std::cout << "catatan: unit menilai dengan daftar periksa " << printable(claimed.checklistId) << " v" << claimed.checklistVersion
                  << "; diverifikasi dengan " << c.id << " v" << c.version << "\n";
    std::cout << printable(weightsLine(c)) << "\n"
              << "skor penilaian mandiri: " << scoreText(s.self) << " (" << coverageText(s.selfCoverage, false) << ")\n"
              << "skor terverifikasi:     " << scoreText(s.verified) << " (" << coverageText(s.coverage, true) << ")\n"
              << "selisih:                " << formatNumber(s.difference, 2, "id") << "\n";
    if (s.differing.empty()) std::cout << "tidak ada butir yang berbeda\n";
    else std::cout << "butir yang berbeda (" << s.differing.size() << "):\n";
    for (const ItemDifference& d : s.differing) std::cout << "  " << printable(differenceText(c, d)) << "\n";
}

int printReady(AssessorStore& store, const PredikatRule& rule) {
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    std::cout << "Unit siap direkomendasikan untuk predikat P2HAM\n"
              << printable(predikatRuleLine(rule)) << "\n" << printable(weightsLine(c)) << "\n";
    const auto list = predikatList(store, c, rule);
    if (list.empty()) std::cout << "(belum ada unit yang diverifikasi)\n";
    for (const PredikatStanding& p : list) {
        std::cout << "\n" << (p.ready ? "SIAP  " : "BELUM ") << printable(p.unit.id)
                  << (p.unit.name.empty() ? "" : " — " + printable(p.unit.name)) << (p.unit.demo ? kDemoMark : "")
                  << ": skor terverifikasi " << p.verifiedText << "\n";
        for (const std::string& r : p.reasons) std::cout << "  " << printable(r) << "\n";
    }
    return 0;
}

int verbAssess(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        printHelp();
        return 0;
    }
    Args a(argc, argv, 2, {"db", "unit", "from-file", "berita-acara", "result", "kanwil-key", "pass-mark"}, {"ready"});
    const std::string db = a.get("db", "");
    if (db.empty()) throw UsageError("--db KANWIL.db (the assessor's store) is required");
    if (a.has("ready")) {
        PredikatRule rule;
        rule.passMark = static_cast<double>(a.getInt("pass-mark", static_cast<long long>(rule.passMark), 0, 100));
        auto store = openAssessorStore(db, false);
        return printReady(*store, rule);
    }
    const std::string unitId = a.get("unit", "");
    if (unitId.empty()) throw UsageError("--unit ID (the unit whose self-assessment is verified) is required");
    for (const char* opt : {"berita-acara", "result"})
        if (auto out = a.get(opt); out && !isPostgresUrl(db)) refuseOutputOverInput(*out, storeFiles(db), std::string("--") + opt);

    auto store = openAssessorStore(db, false);
    const FacilityChecklist c = loadChecklist(defaultChecklistPath());
    const auto claim = store->facilityClaim(unitId);
    if (!claim)
        throw UsageError("unit \"" + printable(unitId) + "\" has sent no facility self-assessment to " + store->name() +
                         " (merge its bundle first)");
    std::optional<Verification> v;
    if (auto file = a.get("from-file")) {
        v = loadVerdicts(*file, c, unitId);   // checked whole before anything is stored
        v->unitName = claim->unit.name;
        v->claimAssessedOn = claim->report.value("assessed_on", "");
        v->periodFrom = claim->periodFrom;
        v->periodTo = claim->periodTo;
        v->savedUtc = nowUtc();
        store->saveVerification(*v);
        std::cout << "stored " << v->verdicts.size() << " verdicts for " << printable(unitId) << " in " << store->name() << "\n";
    } else {
        v = store->verification(unitId);
        if (!v) throw UsageError("no verdicts for \"" + printable(unitId) + "\" yet: give them with --from-file VERDICTS.json");
    }
    printScore(c, *claim, *v);
    if (auto out = a.get("berita-acara")) {
        writeBeritaAcaraPdf(c, *claim, *v, store->name(), *out);
        std::cout << *out << ": berita acara\n";
    }
    if (auto out = a.get("result")) {
        const KanwilKey key = KanwilKey::load(KanwilKey::keyPathFor(db, a.get("kanwil-key", "")));
        writeVerificationResult(key, verificationPayload(c, *claim, *v, key.fingerprint()), *out);
        store->logEvent("verification.sent", unitId + " " + *out);
        std::cout << *out << ": signed by Kanwil key " << key.fingerprint() << " for " << printable(unitId) << "\n";
    }
    return 0;
}

} // namespace
} // namespace sw::cli
