#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/csv.hpp"
#include "survey/base/text_check.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/national/area_rollup.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/store/unit_setup.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace sw::cli {

Weights weightsOption(const Args& a) {
    const std::string code = a.get("weights", "exact");
    if (auto w = parseWeights(code)) return *w;
    throw UsageError("--weights must be exact, 0.111 (legacy, unrounded) or 0.111-r3 (legacy, each rounded to 3 decimals), not " +
                     code.substr(0, 40));
}


namespace {

// The text report is Indonesian, so its numbers are too (decimal comma, as every other output);
// CSV and JSON carry plain numbers for programs.
std::string fmt(double v, int decimals) { return formatNumber(v, decimals, "id"); }
std::string csvNum(double v, int decimals) { return formatNumber(v, decimals, "en"); }

nlohmann::json scoresJson(const std::vector<UnsurScore>& items) {
    auto arr = nlohmann::json::array();
    for (const auto& u : items)
        arr.push_back({{"code", u.code}, {"name", u.name}, {"sum", u.sum}, {"n", u.n}, {"nrr", u.nrr},
                       {"nrr_weighted", u.nrrWeighted}, {"nrr_unit", u.nrrUnit},
                       {"mutu", u.n ? nlohmann::json(mutuLetter(u.mutu)) : nlohmann::json(nullptr)}});   // nobody answered: no grade
    return arr;
}

// "64,5" when every criterion was assessed, "64,5 (3/5)" when the score stands on fewer.
std::string facilityText(const UnitRollup& u) {
    if (!u.facilityScore) return "-";
    const std::string score = fmt(*u.facilityScore, 1);
    if (u.facilityCoverage.complete()) return score;
    return score + " (" + std::to_string(u.facilityCoverage.assessed) + "/" + std::to_string(u.facilityCoverage.total) + ")";
}

// The assessor's roll-up (`--by unit`), ranked by IKM unit.
int printRollup(const std::vector<UnitRollup>& units, const ResponseFilter& f, const std::string& format) {
    if (format == "json") {
        auto arr = nlohmann::json::array();
        for (const auto& u : units)
            arr.push_back({{"rank", u.rank}, {"unit", {{"id", u.unit.id}, {"name", u.unit.name}, {"kabupaten", u.unit.kabupaten}, {"demo", u.unit.demo}}},
                           {"respondents", u.skm.respondents}, {"ikm", u.skm.ikm}, {"ikm_unit", u.skm.ikmUnit},
                           {"mutu", mutuLetter(u.skm.mutu)}, {"kinerja", kinerjaName(u.skm.mutu)}, {"complete", u.skm.complete},
                           {"unsur", scoresJson(u.skm.unsur)},
                           {"population", u.population ? nlohmann::json(*u.population) : nlohmann::json(nullptr)},
                           {"min_sample", u.population ? nlohmann::json(u.minimumSample) : nlohmann::json(nullptr)},
                           {"sample_sufficient", u.population ? nlohmann::json(u.sampleSufficient) : nlohmann::json(nullptr)},
                           {"aksesibilitas", u.akses.any ? nlohmann::json(u.akses.index) : nlohmann::json(nullptr)},
                           {"rentan_gap", u.rentanComparable ? nlohmann::json(u.rentanGap) : nlohmann::json(nullptr)},
                           {"facility_score", u.facilityScore ? nlohmann::json(*u.facilityScore) : nlohmann::json(nullptr)},
                           {"facility_gaps", u.facilityScore ? nlohmann::json(u.gapCount) : nlohmann::json(nullptr)},
                           {"facility_criteria", u.facilityScore ? nlohmann::json({{"assessed", u.facilityCoverage.assessed},
                                                                                   {"total", u.facilityCoverage.total},
                                                                                   {"complete", u.facilityCoverage.complete()}})
                                                                 : nlohmann::json(nullptr)},
                           {"key", u.fingerprint}, {"bundles", u.bundles}});
        nlohmann::json j;
        j["period"] = {{"from", f.from ? nlohmann::json(*f.from) : nlohmann::json(nullptr)},
                       {"to", f.to ? nlohmann::json(*f.to) : nlohmann::json(nullptr)}};
        j["units"] = arr;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "Rekap per unit — periode " << (f.from ? *f.from : std::string("awal")) << " s.d. "
              << (f.to ? *f.to : std::string("akhir")) << "\n\n"
              << "  #  Id unit                Responden  IKM unit  Mutu  Sampel        Fasilitas       Celah  Nama unit\n";
    for (const auto& u : units) {
        // The name last and whole (a cut name is ambiguous), made safe for a terminal.
        std::string name = printable(u.unit.name.empty() ? u.unit.id : u.unit.name);
        if (u.unit.demo) name = "[DEMO] " + name;
        std::string sample = !u.population ? "?" : (u.sampleSufficient ? "cukup" : "kurang " + std::to_string(u.minimumSample - u.skm.respondents));
        char line[320];
        std::snprintf(line, sizeof line, "%3d  %-22s %9lld  %8s  %-4s  %-12s %-14s  %5s  ", u.rank, printable(u.unit.id).c_str(),
                      static_cast<long long>(u.skm.respondents), u.skm.complete ? fmt(u.skm.ikmUnit, 2).c_str() : "-",
                      u.skm.complete ? mutuLetter(u.skm.mutu) : "-", sample.c_str(), facilityText(u).c_str(),
                      u.facilityScore ? std::to_string(u.gapCount).c_str() : "-");
        std::cout << line << name << "\n";
    }
    if (units.empty()) std::cout << "  (belum ada unit; gabungkan bundel dengan `suarawarga merge`)\n";
    std::cout << "\nSampel: Krejcie-Morgan terhadap jumlah penerima layanan yang dilaporkan unit (? = belum dilaporkan).\n"
                 "Fasilitas: skor penilaian mandiri P2HAM; (3/5) = belum lengkap, dinilai atas 3 dari 5 kriteria.\n";
    return 0;
}

const char* levelName(AreaLevel level) {
    return level == AreaLevel::KabKota ? "kabupaten/kota" : level == AreaLevel::Province ? "provinsi" : "Kanwil";
}
const char* levelCode(AreaLevel level) {
    return level == AreaLevel::KabKota ? "kabkota" : level == AreaLevel::Province ? "province" : "kanwil";
}

nlohmann::json areaJson(const AreaRollup& a) {
    auto opt = [](bool has, double v) { return has ? nlohmann::json(v) : nlohmann::json(nullptr); };
    return {{"rank", a.rank}, {"code", a.code}, {"name", a.name}, {"units", a.units}, {"reporting", a.reporting},
            {"respondents", a.skm.respondents}, {"ikm", a.skm.ikm}, {"ikm_unit", a.skm.ikmUnit},
            {"mutu", a.skm.complete ? nlohmann::json(mutuLetter(a.skm.mutu)) : nlohmann::json(nullptr)},
            {"complete", a.skm.complete}, {"mean_unit_ikm", opt(a.meanUnitIkm > 0, a.meanUnitIkm)},
            {"units_by_mutu", {{"A", a.unitsByMutu[0]}, {"B", a.unitsByMutu[1]}, {"C", a.unitsByMutu[2]}, {"D", a.unitsByMutu[3]}}},
            {"unsur", scoresJson(a.skm.unsur)}, {"aksesibilitas", opt(a.akses.any, a.akses.index)},
            {"rentan_gap", opt(a.gap.comparable, a.gap.ikmGap)}, {"misuse", a.misuse}, {"demo", a.demo}};
}

void printAreasCsv(const std::vector<AreaRollup>& areas) {
    std::cout << "rank,code,name,units,reporting,respondents,ikm_unit,mutu,mean_unit_ikm,units_A,units_B,units_C,units_D,"
                 "aksesibilitas,rentan_gap,misuse\n";
    for (const auto& a : areas)
        std::cout << a.rank << ',' << csvTextField(a.code) << ',' << csvTextField(a.name) << ',' << a.units << ',' << a.reporting << ','
                  << a.skm.respondents << ',' << (a.skm.complete ? csvNum(a.skm.ikmUnit, 2) : "") << ','
                  << (a.skm.complete ? mutuLetter(a.skm.mutu) : "") << ',' << (a.meanUnitIkm > 0 ? csvNum(a.meanUnitIkm, 2) : "") << ','
                  << a.unitsByMutu[0] << ',' << a.unitsByMutu[1] << ',' << a.unitsByMutu[2] << ',' << a.unitsByMutu[3] << ','
                  << (a.akses.any ? csvNum(a.akses.index, 2) : "") << ',' << (a.gap.comparable ? csvNum(a.gap.ikmGap, 2) : "") << ','
                  << a.misuse << "\n";
}

// The roll-up above the unit (`--by kabkota|province`), ranked by pooled IKM.
int printAreas(const std::vector<AreaRollup>& areas, const ResponseFilter& f, AreaLevel level, const std::string& format) {
    if (format == "json") {
        nlohmann::json j;
        j["level"] = levelCode(level);
        j["period"] = {{"from", f.from ? nlohmann::json(*f.from) : nlohmann::json(nullptr)},
                       {"to", f.to ? nlohmann::json(*f.to) : nlohmann::json(nullptr)}};
        j["areas"] = nlohmann::json::array();
        for (const auto& a : areas) j["areas"].push_back(areaJson(a));
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    if (format == "csv") {
        printAreasCsv(areas);
        return 0;
    }
    std::cout << "Rekap per " << levelName(level) << " — periode " << (f.from ? *f.from : std::string("awal")) << " s.d. "
              << (f.to ? *f.to : std::string("akhir")) << "\n\n";
    char head[320];
    std::snprintf(head, sizeof head, "%3s  %-9s  %-30s %11s  %9s  %6s  %-4s  %9s  %3s %3s %3s %3s\n", "#", "Kode", "Wilayah",
                  "Unit(lapor)", "Responden", "IKM", "Mutu", "Rata unit", "A", "B", "C", "D");
    std::cout << head;
    for (const auto& a : areas) {
        std::string name = printable(!a.name.empty() ? a.name
                                     : level == AreaLevel::Kanwil && !a.code.empty() ? a.code
                                     : level == AreaLevel::Kanwil ? std::string("(tanpa Kanwil: provinsi tidak di peta Kanwil)")
                                                                  : std::string("(tanpa kode wilayah)"));
        if (a.demo) name = "[DEMO] " + name;
        if (name.size() > 30) name = name.substr(0, 29) + "…";
        char line[320];
        std::snprintf(line, sizeof line, "%3d  %-9s  %-30s %4d (%4d)  %9lld  %6s  %-4s  %9s  %3d %3d %3d %3d\n", a.rank,
                      printable(a.code).c_str(), name.c_str(), a.units, a.reporting, static_cast<long long>(a.skm.respondents),
                      a.skm.complete ? fmt(a.skm.ikmUnit, 2).c_str() : "-", a.skm.complete ? mutuLetter(a.skm.mutu) : "-",
                      a.meanUnitIkm > 0 ? fmt(a.meanUnitIkm, 2).c_str() : "-", a.unitsByMutu[0], a.unitsByMutu[1],
                      a.unitsByMutu[2], a.unitsByMutu[3]);
        std::cout << line;
    }
    if (areas.empty()) std::cout << "  (belum ada unit; gabungkan bundel dengan `suarawarga merge`)\n";
    std::cout << "\nIKM wilayah: semua responden unit-unitnya dihitung bersama; rata-rata unit dan A-D: unit dengan IKM lengkap.\n";
    return 0;
}

// `--by`: the assessor's roll-ups, from either kind of store.
int printRollupBy(const std::string& by, const std::string& db, const ResponseFilter& f, Weights weights, const std::string& format,
                  const std::string& kanwilMapPath) {
    const bool pg = isPostgresUrl(db);
    if (by == "unit" && !pg) {   // the file store: also filters tallies do not keep (service, misuse)
        Store rollupStore(databaseOption(db), Store::Options{.create = false});
        return printRollup(rollupByUnit(rollupStore, f, weights), f, format);
    }
    AreaLevel level = AreaLevel::KabKota;
    if (by != "unit" && !parseAreaLevel(by, level)) throw UsageError("--by must be unit, kabkota, province or kanwil");
    // Read before the store is opened: a bad map is refused with nothing touched.
    const std::optional<KanwilMap> kanwil =
        level == AreaLevel::Kanwil ? std::optional<KanwilMap>(KanwilMap::load(kanwilMapPath)) : std::nullopt;
    if (f.service || f.includeMisuse || (f.kelompok && by != "unit"))
        throw UsageError("--service, --include-misuse and (above the unit) --kelompok read single responses; this roll-up "
                         "reads the daily tallies: give the period only");
    auto store = openAssessorStore(pg ? db : databaseOption(db), false);
    auto latest = store->latestInstrument();
    if (!latest) return by == "unit" ? printRollup({}, f, format) : printAreas({}, f, level, format);
    const TallyPeriod period{f.from, f.to};
    auto units = store->unitTallies(period);
    if (by == "unit") return printRollup(rankUnits(units, store->layouts(), *latest, period, f.kelompok, weights), f, format);
    return printAreas(rollupByArea(units, store->layouts(), *latest, level, weights, kanwil ? &*kanwil : nullptr), f, level, format);
}

// One unit's result, as `report` prints it.
struct UnitReport {
    UnitInfo unit;
    ResponseFilter f;
    Weights weights;
    long long population;   // 0: not given
    SkmResult r;
    AksesibilitasResult akses;
    RentanGap gap;
    std::int64_t misuse = 0;
};

// The accessibility index, the kelompok-rentan gap and the sample check under the table.
void printReportExtras(const UnitReport& rep) {
    const AksesibilitasResult& akses = rep.akses;
    const RentanGap& gap = rep.gap;
    if (akses.any) std::cout << "\nIndeks aksesibilitas (modul HAM): " << fmt(akses.index, 2) << "\n";
    if (gap.comparable)
        std::cout << "Kelompok rentan vs lainnya: IKM " << fmt(gap.rentan.ikmUnit, 2) << " vs " << fmt(gap.bukan.ikmUnit, 2)
                  << " (selisih " << fmt(gap.ikmGap, 2) << "); aksesibilitas " << fmt(gap.aksesRentan.index, 2) << " vs "
                  << fmt(gap.aksesBukan.index, 2) << "\n";
    if (rep.population > 0) {
        auto need = krejcieMorgan(rep.population);
        std::cout << "\nSampel minimum (Krejcie-Morgan, N = " << rep.population << "): " << need << " responden — ";
        if (rep.r.respondents >= need) std::cout << "CUKUP\n";
        else std::cout << "BELUM CUKUP, kurang " << (need - rep.r.respondents) << "\n";
    }
}

void printReportJson(const UnitReport& rep) {
    const UnitInfo& unit = rep.unit;
    const ResponseFilter& f = rep.f;
    const SkmResult& r = rep.r;
    const AksesibilitasResult& akses = rep.akses;
    const RentanGap& gap = rep.gap;
    nlohmann::json j;
    j["unit"] = {{"id", unit.id}, {"name", unit.name}, {"zone", zoneName(unit.utcOffsetMinutes)}};
    // Demo figures must never pass for a unit's real result, even in a script that reads this.
    j["demo"] = unit.demo;
    j["period"] = {{"from", f.from ? nlohmann::json(*f.from) : nlohmann::json(nullptr)},
                   {"to", f.to ? nlohmann::json(*f.to) : nlohmann::json(nullptr)}};
    j["respondents"] = r.respondents;
    j["unsur"] = scoresJson(r.unsur);
    j["ikm"] = r.ikm;
    j["ikm_unit"] = r.ikmUnit;
    // No grade for an incomplete result: an empty period is not "Tidak Baik".
    j["mutu"] = r.complete ? nlohmann::json(mutuLetter(r.mutu)) : nlohmann::json(nullptr);
    j["kinerja"] = r.complete ? nlohmann::json(kinerjaName(r.mutu)) : nlohmann::json(nullptr);
    j["complete"] = r.complete;
    j["weights"] = weightsCode(rep.weights);
    j["rule"] = weightsRule(rep.weights);
    j["misuse_excluded"] = f.includeMisuse ? 0 : rep.misuse;
    j["aksesibilitas"] = {{"index", akses.index}, {"items", scoresJson(akses.items)},
                          {"adil_yes", akses.adilYes}, {"adil_no", akses.adilNo}};
    j["rentan_gap"] = {{"comparable", gap.comparable},
                       {"rentan", {{"respondents", gap.rentan.respondents}, {"ikm_unit", gap.rentan.ikmUnit}, {"aksesibilitas", gap.aksesRentan.index}}},
                       {"bukan", {{"respondents", gap.bukan.respondents}, {"ikm_unit", gap.bukan.ikmUnit}, {"aksesibilitas", gap.aksesBukan.index}}},
                       {"ikm_gap", gap.ikmGap}, {"aksesibilitas_gap", gap.aksesGap}};
    if (rep.population > 0) {
        auto need = krejcieMorgan(rep.population);
        j["min_sample"] = {{"population", rep.population}, {"required", need}, {"sufficient", r.respondents >= need},
                           {"shortfall", r.respondents >= need ? 0 : need - r.respondents}};
    }
    std::cout << j.dump(2) << "\n";
}

void printReportText(const UnitReport& rep) {
    const UnitInfo& unit = rep.unit;
    const ResponseFilter& f = rep.f;
    const SkmResult& r = rep.r;
    std::cout << "SKM " << unit.name << " (" << unit.id << ")\n";
    if (unit.demo) std::cout << kDemoLine << "\n";
    std::cout << "Periode: " << (f.from ? *f.from : std::string("awal")) << " s.d. " << (f.to ? *f.to : std::string("akhir"))
              << " (" << zoneName(unit.utcOffsetMinutes) << ")\n";
    std::cout << "Responden: " << r.respondents;
    if (rep.misuse > 0 && !f.includeMisuse) std::cout << " (" << rep.misuse << " diduga penyalahgunaan tidak dihitung)";
    std::cout << "\n\n  Kode  Unsur                                       Jumlah     n    NRR   NRR tertimbang  Mutu\n";
    for (const auto& u : r.unsur) {
        std::string name = u.name;
        if (name.size() > 42) name = name.substr(0, 41) + "…";
        char line[256];
        std::snprintf(line, sizeof line, "  %-4s  %-42s %7lld %5lld  %5s  %14s  %s\n", u.code.c_str(), name.c_str(),
                      static_cast<long long>(u.sum), static_cast<long long>(u.n), fmt(u.nrr, 3).c_str(),
                      fmt(u.nrrWeighted, 3).c_str(), u.n ? mutuLetter(u.mutu) : "-");
        std::cout << line;
    }
    std::cout << "\nIKM (skala 1-4):        " << fmt(r.ikm, 3) << "\n";
    std::cout << "IKM unit (skala 25-100): " << fmt(r.ikmUnit, 2) << "\n";
    if (r.complete) std::cout << "Mutu pelayanan:          " << mutuLetter(r.mutu) << " (" << kinerjaName(r.mutu) << ")\n";
    else std::cout << "Mutu pelayanan:          - (belum ada jawaban untuk semua unsur; IKM belum bermakna)\n";
    std::cout << "Aturan: " << weightsRule(rep.weights) << "\n";
    printReportExtras(rep);
}

} // namespace

namespace {
int verbReport(int argc, char** argv);
const VerbRegistrar reg{{"report", "the SKM result: NRR per unsur, IKM, mutu (text or JSON)", verbReport}};

int verbReport(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga report [--db FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                     "         [--service CODE] [--kelompok rentan|bukan|lansia|disabilitas|hamil_menyusui|anak]\n"
                     "         [--weights exact|0.111|0.111-r3] [--population N] [--include-misuse] [--format text|json]\n"
                     "         [--by unit|kabkota|province|kanwil [--kanwil-map FILE]] [--db FILE|postgresql://…]\n\n"
                     "The SKM result of PermenPANRB 14/2017 for a period (the unit's local dates, inclusive):\n"
                     "sum, n, NRR and NRR tertimbang per unsur, IKM (1-4), IKM unit (25-100), mutu and kinerja.\n"
                     "--weights 0.111 reproduces reports computed with the legacy 0,111 weight (unrounded NRR x\n"
                     "0,111, summed: the usual spreadsheet); 0.111-r3 rounds each NRR tertimbang to 3 decimals first.\n"
                     "--population N adds the Krejcie-Morgan minimum sample for N people served.\n"
                     "--by unit: the assessor's roll-up of a merged store: each unit's IKM, mutu, respondents,\n"
                     "sample adequacy, facility score and gap count, ranked. --by kabkota|province: the same\n"
                     "above the unit, by the units' Kemendagri code (pooled IKM, mean unit IKM, units per mutu);\n"
                     "--by kanwil: the same by regional office, from the province each Kanwil covers\n"
                     "(assets/wilayah/kanwil.json, or --kanwil-map FILE). --format csv too. Roll-ups read the\n"
                     "store's daily tallies; --db may be postgresql://….\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "from", "to", "service", "kelompok", "weights", "population", "format", "by", "kanwil-map"},
           {"include-misuse"});
    ResponseFilter f;
    f.from = a.getDate("from");
    f.to = a.getDate("to");
    f.service = a.get("service");
    f.kelompok = a.get("kelompok");
    f.includeMisuse = a.has("include-misuse");
    const Weights weights = weightsOption(a);
    std::string format = a.get("format", "text");
    if (format != "text" && format != "json" && !(format == "csv" && a.has("by")))
        throw UsageError("--format must be text or json (csv with --by)");
    long long population = a.getInt("population", 0, 1, 1000000000LL);
    if (auto by = a.get("by")) return printRollupBy(*by, a.get("db", ""), f, weights, format, a.get("kanwil-map", defaultKanwilMapPath()));

    Store store(databaseOption(a.get("db", "")), Store::Options{.create = false});
    Instrument in = requireUnit(store);
    UnitReport rep{*store.unit(), f, weights, population, skmFor(store, in, f, weights), aksesibilitasFor(store, in, f),
                   rentanGapFor(store, in, f, weights), 0};
    rep.misuse = misuseCount(store, f);
    if (format == "json") printReportJson(rep);
    else printReportText(rep);
    return 0;
}

} // namespace
} // namespace sw::cli
