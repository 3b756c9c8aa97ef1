// Index of this file
//   [SECTION] RAII and cell helpers
//   [SECTION] Set-up: formats, sheets, the context every sheet reads
//   [SECTION] Sheet Responden (streamed)
//   [SECTION] Sheet Pengolahan (formulas)
//   [SECTION] Sheets Profil, HAM, Fasilitas
//   [SECTION] exportXlsx: the sheets in order, closing the workbook
#include "survey/export/xlsx.hpp"

#include "survey/dashboard/unit_report.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/store/scan.hpp"
#include "survey/base/local_time.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/base/translations.hpp"

#include <xlsxwriter.h>

#include <map>
#include <memory>

namespace sw {

// [SECTION] RAII and cell helpers

std::string xlsxColumn(int col) {
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

namespace {

constexpr lxw_row_t kMaxRows = 1048576; // Excel's sheet limit

// A workbook that is closed (and its temp files removed) even when an exception leaves early.
struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

std::string cell(int row, int col) { return xlsxColumn(col) + std::to_string(row + 1); }
std::string absCol(int col, int firstRow, int lastRow) {
    return "Responden!$" + xlsxColumn(col) + "$" + std::to_string(firstRow + 1) + ":$" + xlsxColumn(col) + "$" +
           std::to_string(lastRow + 1);
}

struct Sheet {
    lxw_worksheet* ws;
    void text(int r, int c, const std::string& s, lxw_format* f = nullptr) {
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.c_str(), f);
    }
    void num(int r, int c, double v, lxw_format* f = nullptr) {
        worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, f);
    }
    void formula(int r, int c, const std::string& fx, double cached, lxw_format* f = nullptr) {
        worksheet_write_formula_num(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), fx.c_str(), f, cached);
    }
    void formulaText(int r, int c, const std::string& fx, const std::string& cached, lxw_format* f = nullptr) {
        worksheet_write_formula_str(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), fx.c_str(), f, cached.c_str());
    }
};

std::string mutuFormula(const std::string& ikmUnitCell) {
    std::string v = "ROUND(" + ikmUnitCell + ",2)";
    // The interval table's lower bounds (skm.hpp), written as the spreadsheet's own numbers.
    auto bound = [](Mutu m) { return formatNumber(mutuLowerBound(m), 2, "en"); };
    return "=IF(" + v + ">=" + bound(Mutu::A) + ",\"A\",IF(" + v + ">=" + bound(Mutu::B) + ",\"B\",IF(" + v + ">=" +
           bound(Mutu::C) + ",\"C\",\"D\")))";
}

std::string kinerjaFormula(const std::string& mutuCell, const Translations& tr, const std::string& lang) {
    auto q = [&](const char* k) { return "\"" + tr.get(k, lang) + "\""; };
    return "=IF(" + mutuCell + "=\"A\"," + q("kinerja.A") + ",IF(" + mutuCell + "=\"B\"," + q("kinerja.B") + ",IF(" +
           mutuCell + "=\"C\"," + q("kinerja.C") + "," + q("kinerja.D") + ")))";
}

// [SECTION] Set-up

struct Formats {
    lxw_format* bold;
    lxw_format* dec3;
    lxw_format* dec2;
    lxw_format* dec2b;
    lxw_format* pct;
    lxw_format* fraction;   // the exact weight shows as 1/9, not as a rounded 0,111
};

Formats addFormats(lxw_workbook* wb) {
    Formats fm;
    fm.bold = workbook_add_format(wb);
    format_set_bold(fm.bold);
    fm.dec3 = workbook_add_format(wb);
    format_set_num_format(fm.dec3, "0.000");
    fm.dec2 = workbook_add_format(wb);
    format_set_num_format(fm.dec2, "0.00");
    fm.dec2b = workbook_add_format(wb);
    format_set_num_format(fm.dec2b, "0.00");
    format_set_bold(fm.dec2b);
    fm.pct = workbook_add_format(wb);
    format_set_num_format(fm.pct, "0.0%");
    fm.fraction = workbook_add_format(wb);
    format_set_num_format(fm.fraction, "?/??");
    return fm;
}

// What every sheet reads: the instrument, the labels in the export's language, the formats.
struct Book {
    const Instrument& in;
    const Translations& tr;
    const std::string& lang;
    const Formats& fm;
    Weights weights = Weights::Exact;  // the convention of the Pengolahan sheet

    const std::string& t(const char* key) const { return tr.get(key, lang); }
};

struct Sheets {
    Sheet resp, calc, prof, ham, fac;
};

Sheets addSheets(lxw_workbook* wb, const Book& b, const std::string& path) {
    Sheet resp{workbook_add_worksheet(wb, b.t("xlsx.sheet.responden").c_str())};
    Sheet calc{workbook_add_worksheet(wb, b.t("xlsx.sheet.pengolahan").c_str())};
    Sheet prof{workbook_add_worksheet(wb, b.t("xlsx.sheet.profil").c_str())};
    Sheet ham{workbook_add_worksheet(wb, b.t("xlsx.sheet.ham").c_str())};
    Sheet fac{workbook_add_worksheet(wb, b.t("xlsx.sheet.fasilitas").c_str())};
    if (!resp.ws || !calc.ws || !prof.ws || !ham.ws || !fac.ws)
        throw ExportError(ExportError::Kind::Format, path + ": a sheet name in assets/i18n/export.json is not valid in Excel");
    return {resp, calc, prof, ham, fac};
}

// [SECTION] Sheet Responden — the regulation's table: No, U1…U9, numbers only. Time, service,
// profile and HAM answers per respondent are in the CSV; here every text or extra column would
// cost ~1 s per million rows (libxlsxwriter prints and deflates each cell), and the Profil and
// HAM sheets carry their results.

// Per profile field, respondents by option code.
using ProfileTally = std::vector<std::map<std::string, std::int64_t, std::less<>>>;

// Returns the number of respondents written; `tally` (one map per profile field) is counted on the way.
std::int64_t writeResponden(Store& store, const ResponseFilter& f, Sheet resp, const Book& b, ProfileTally& tally,
                            const std::string& path) {
    const Instrument& in = b.in;
    const int nUnsur = static_cast<int>(in.unsur.size());
    resp.text(0, 0, b.t("csv.no"), b.fm.bold);
    for (int i = 0; i < nUnsur; ++i) resp.text(0, 1 + i, in.unsur[static_cast<std::size_t>(i)].code + " " + in.unsur[static_cast<std::size_t>(i)].name.in(b.lang), b.fm.bold);
    worksheet_freeze_panes(resp.ws, 1, 1);

    std::vector<std::string> unsurCodes;
    for (const auto& u : in.unsur) unsurCodes.push_back(u.code);
    ColumnMap columns(unsurCodes, {});

    std::int64_t rows = 0;
    bool tooMany = false;
    scanResponsesInParallel(store, f, [&](const ExportRow& r) {
        if (rows + 1 >= static_cast<std::int64_t>(kMaxRows)) {
            tooMany = true;
            return false;
        }
        columns.use(*r.layout);
        const int row = static_cast<int>(++rows);
        resp.num(row, 0, static_cast<double>(rows));
        for (int i = 0; i < nUnsur; ++i)
            if (char c = columns.unsur(r, static_cast<std::size_t>(i))) resp.num(row, 1 + i, c - '0');
        forEachProfilePair(r.profile, [&](std::string_view field, std::string_view value) {
            for (std::size_t i = 0; i < in.profile.size(); ++i)
                if (in.profile[i].code == field) {
                    auto it = tally[i].find(value);
                    if (it == tally[i].end()) it = tally[i].emplace(std::string(value), 0).first;
                    ++it->second;
                }
        });
        return true;
    });
    if (tooMany)
        throw ExportError(ExportError::Kind::Format, path + ": more than 1,048,575 respondents do not fit one Excel sheet; "
                                                             "export a shorter period (--from/--to)");
    return rows;
}

// [SECTION] Sheet Pengolahan — libsurvey computes; the formulas let an assessor audit it.

void writePengolahan(Store& store, const ResponseFilter& f, const std::optional<UnitInfo>& unit, Sheet calc, const Book& b,
                     std::int64_t rows) {
    const Instrument& in = b.in;
    const Formats& fm = b.fm;
    const int nUnsur = static_cast<int>(in.unsur.size());
    const int first = 1, last = std::max(1, static_cast<int>(rows)); // data rows on Responden (0-based)
    SkmResult skm = skmFor(store, in, f, b.weights);
    calc.text(0, 0, b.t("xlsx.calc.title") + (unit ? " — " + unit->name : std::string()), fm.bold);
    calc.text(1, 0, b.t("xlsx.calc.rule") + " " + weightsRule(b.weights, b.lang));
    if (unit && unit->demo) calc.text(2, 0, b.t("xlsx.calc.demo"), fm.bold); // the row left free above the table
    const int hdr = 3, rSum = 4, rN = 5, rNrr = 6, rW = 7, rNrrW = 8, rIkm = 10, rUnit = 11, rMutu = 12, rKin = 13, rResp = 14;
    // Constant-memory mode streams rows: each row is written whole, top to bottom.
    auto U = [&](int i) -> const UnsurScore& { return skm.unsur[static_cast<std::size_t>(i)]; };
    calc.text(hdr, 0, b.t("xlsx.calc.unsur"), fm.bold);
    for (int i = 0; i < nUnsur; ++i) calc.text(hdr, 1 + i, U(i).code + " " + in.unsur[static_cast<std::size_t>(i)].name.in(b.lang), fm.bold);
    calc.text(rSum, 0, b.t("xlsx.calc.sum"));
    for (int i = 0; i < nUnsur; ++i) calc.formula(rSum, 1 + i, "=SUM(" + absCol(1 + i, first, last) + ")", static_cast<double>(U(i).sum));
    calc.text(rN, 0, b.t("xlsx.calc.n"));
    for (int i = 0; i < nUnsur; ++i) calc.formula(rN, 1 + i, "=COUNT(" + absCol(1 + i, first, last) + ")", static_cast<double>(U(i).n));
    calc.text(rNrr, 0, b.t("xlsx.calc.nrr"));
    for (int i = 0; i < nUnsur; ++i)
        calc.formula(rNrr, 1 + i, "=IF(" + cell(rN, 1 + i) + ">0," + cell(rSum, 1 + i) + "/" + cell(rN, 1 + i) + ",0)", U(i).nrr, fm.dec3);
    calc.text(rW, 0, b.t("xlsx.calc.weight"));
    const bool exact = b.weights == Weights::Exact;
    for (int i = 0; i < nUnsur; ++i)
        calc.formula(rW, 1 + i, exact ? "=1/" + std::to_string(nUnsur) : "=0.111", exact ? 1.0 / nUnsur : kLegacyWeight,
                     exact ? fm.fraction : fm.dec3);
    calc.text(rNrrW, 0, b.t("xlsx.calc.nrr_weighted"));
    for (int i = 0; i < nUnsur; ++i) {
        const std::string product = cell(rNrr, 1 + i) + "*" + cell(rW, 1 + i);
        calc.formula(rNrrW, 1 + i, b.weights == Weights::Legacy0111R3 ? "=ROUND(" + product + ",3)" : "=" + product,
                     U(i).nrrWeighted, fm.dec3);
    }
    const std::string nrrwRange = cell(rNrrW, 1) + ":" + cell(rNrrW, nUnsur);
    calc.text(rIkm, 0, b.t("xlsx.calc.ikm"), fm.bold);
    calc.formula(rIkm, 1, "=SUM(" + nrrwRange + ")", skm.ikm, fm.dec3);
    calc.text(rUnit, 0, b.t("xlsx.calc.ikm_unit"), fm.bold);
    calc.formula(rUnit, 1, "=" + cell(rIkm, 1) + "*25", skm.ikmUnit, fm.dec2b);
    calc.text(rMutu, 0, b.t("xlsx.calc.mutu"), fm.bold);
    calc.formulaText(rMutu, 1, mutuFormula(cell(rUnit, 1)), mutuLetter(skm.mutu), fm.bold);
    calc.text(rKin, 0, b.t("xlsx.calc.kinerja"), fm.bold);
    calc.formulaText(rKin, 1, kinerjaFormula(cell(rMutu, 1), b.tr, b.lang), b.t((std::string("kinerja.") + mutuLetter(skm.mutu)).c_str()));
    calc.text(rResp, 0, b.t("xlsx.calc.respondents"));
    calc.formula(rResp, 1, "=COUNT(" + absCol(0, first, last) + ")", static_cast<double>(rows));
    worksheet_set_column(calc.ws, 0, 0, 28, nullptr);
    worksheet_set_column(calc.ws, 1, static_cast<lxw_col_t>(nUnsur), 14, nullptr);
}

// [SECTION] Sheet Profil — counts and shares per option (share: a formula over the count).

void writeProfil(Sheet prof, const Book& b, const ProfileTally& tally, std::int64_t rows) {
    const Instrument& in = b.in;
    int pr = 0;
    prof.text(pr, 0, b.t("xlsx.profile.title"), b.fm.bold);
    pr += 2;
    for (std::size_t i = 0; i < in.profile.size(); ++i) {
        prof.text(pr, 0, in.profile[i].label.in(b.lang), b.fm.bold);
        prof.text(pr, 1, b.t("xlsx.profile.count"), b.fm.bold);
        prof.text(pr, 2, b.t("xlsx.profile.share"), b.fm.bold);
        ++pr;
        for (const auto& o : in.profile[i].options) {
            auto it = tally[i].find(o.code);
            const std::int64_t n = it == tally[i].end() ? 0 : it->second;
            prof.text(pr, 0, o.label.in(b.lang));
            prof.num(pr, 1, static_cast<double>(n));
            prof.formula(pr, 2, "=IF(" + std::to_string(rows) + ">0," + cell(pr, 1) + "/" + std::to_string(std::max<std::int64_t>(rows, 1)) + ",0)",
                         rows ? static_cast<double>(n) / static_cast<double>(rows) : 0.0, b.fm.pct);
            ++pr;
        }
        ++pr;
    }
    worksheet_set_column(prof.ws, 0, 0, 30, nullptr);
}

// [SECTION] Sheet HAM — items over those who used them (0 = tidak tahu excluded), the index, rentan gap.

// The rentan / bukan rows and their gap, from row `hr` down.
void writeHamRentanGap(Sheet ham, const Book& b, const RentanGap& gap, int hr) {
    const Formats& fm = b.fm;
    ham.text(hr, 0, b.t("xlsx.ham.rentan_gap"), fm.bold);
    ham.text(hr, 1, b.t("xlsx.ham.respondents"), fm.bold);
    ham.text(hr, 2, b.t("xlsx.calc.ikm_unit"), fm.bold);
    ham.text(hr, 3, b.t("xlsx.ham.index"), fm.bold);
    ham.text(++hr, 0, b.t("pdf.rentan.group_rentan"));
    ham.num(hr, 1, static_cast<double>(gap.rentan.respondents));
    ham.num(hr, 2, gap.rentan.ikmUnit, fm.dec2);
    ham.num(hr, 3, gap.aksesRentan.index, fm.dec2);
    ham.text(++hr, 0, b.t("pdf.rentan.group_bukan"));
    ham.num(hr, 1, static_cast<double>(gap.bukan.respondents));
    ham.num(hr, 2, gap.bukan.ikmUnit, fm.dec2);
    ham.num(hr, 3, gap.aksesBukan.index, fm.dec2);
    ham.text(++hr, 0, b.t("pdf.rentan.gap"), fm.bold);
    if (gap.comparable) {
        ham.formula(hr, 2, "=" + cell(hr - 2, 2) + "-" + cell(hr - 1, 2), gap.ikmGap, fm.dec2b);
        ham.formula(hr, 3, "=" + cell(hr - 2, 3) + "-" + cell(hr - 1, 3), gap.aksesGap, fm.dec2b);
    } else {
        ham.text(hr, 1, b.t("pdf.rentan.not_comparable"));
    }
}

void writeHam(Store& store, const ResponseFilter& f, Sheet ham, const Book& b) {
    const Instrument& in = b.in;
    const Formats& fm = b.fm;
    AksesibilitasResult akses = aksesibilitasFor(store, in, f);
    RentanGap gap = rentanGapFor(store, in, f);
    int hr = 0;
    ham.text(hr, 0, b.t("xlsx.ham.title"), fm.bold);
    hr += 2;
    {
        int col = 0;
        for (const char* k : {"xlsx.ham.item", "xlsx.calc.sum", "xlsx.calc.n", "xlsx.calc.nrr", "xlsx.ham.nrr_unit"})
            ham.text(hr, col++, b.t(k), fm.bold);
    }
    const int firstItemRow = hr + 1;
    for (std::size_t i = 0; i < in.ham.items.size(); ++i) {
        ++hr;
        const auto& s = akses.items[i];
        // Σ and n from libsurvey (the per-respondent HAM answers are in the CSV); NRR and the
        // index stay formulas over them.
        ham.text(hr, 0, in.ham.items[i].code + " " + in.ham.items[i].name.in(b.lang));
        ham.num(hr, 1, static_cast<double>(s.sum));
        ham.num(hr, 2, static_cast<double>(s.n));
        if (s.n > 0) {
            ham.formula(hr, 3, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 1) + "/" + cell(hr, 2) + ",\"\")", s.nrr, fm.dec3);
            ham.formula(hr, 4, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 3) + "*25,\"\")", s.nrrUnit, fm.dec2);
        } else {
            ham.formulaText(hr, 3, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 1) + "/" + cell(hr, 2) + ",\"\")", "");
            ham.formulaText(hr, 4, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 3) + "*25,\"\")", "");
        }
    }
    hr += 2;
    ham.text(hr, 0, b.t("xlsx.ham.index"), fm.bold);
    if (akses.any)
        ham.formula(hr, 4, "=AVERAGE(" + cell(firstItemRow, 3) + ":" + cell(firstItemRow + static_cast<int>(in.ham.items.size()) - 1, 3) + ")*25",
                    akses.index, fm.dec2b);
    hr += 2;
    writeHamRentanGap(ham, b, gap, hr);
    worksheet_set_column(ham.ws, 0, 0, 34, nullptr);
}

// [SECTION] Sheet Fasilitas — the latest self-assessment for the period, if any.

// One item's measured values: "code value unit (rule limit) verdict", joined by "; ".
std::string facilityMeasures(const nlohmann::json& item, const std::string& lang) {
    std::string measures;
    for (const auto& m : item["measures"]) {
        if (m["value"].is_null()) continue;
        if (!measures.empty()) measures += "; ";
        measures += m["code"].get<std::string>() + " " + formatNumber(m["value"].get<double>(), 1, lang) + " " +
                    m["unit"].get<std::string>() + " (" + (m["rule"] == "max" ? "≤ " : "≥ ") +
                    formatNumber(m["limit"].get<double>(), 1, lang) + ") " + (m["verdict"] == "pass" ? "✓" : "✗");
    }
    return measures;
}

void writeFasilitas(Store& store, const ResponseFilter& filter, Sheet fac, const Book& b) {
    const Formats& fm = b.fm;
    nlohmann::json facility = facilityForBundle(store, filter, false);
    int fr = 0;
    fac.text(fr, 0, b.t("pdf.p2ham.facility"), fm.bold);
    fr += 2;
    if (facility.is_null()) {
        fac.text(fr, 0, b.t("pdf.p2ham.no_assessment"));
        return;
    }
    fac.text(fr, 0, b.t("pdf.p2ham.assessed_on"));
    fac.text(fr++, 1, facility["assessed_on"].get<std::string>());
    fac.text(fr, 0, b.t("pdf.p2ham.score"), fm.bold);
    fac.num(fr++, 1, facility["score"].get<double>(), fm.dec2b);
    fac.text(fr, 0, b.t("pdf.p2ham.gaps"));
    fac.num(fr++, 1, facility["gap_count"].get<double>());
    ++fr;
    int col = 0;
    for (const char* k : {"pdf.p2ham.col_item", "pdf.p2ham.col_status", "pdf.p2ham.col_measure", "pdf.p2ham.col_note", "pdf.p2ham.col_evidence"})
        fac.text(fr, col++, b.t(k), fm.bold);
    for (const auto& item : facility["items"]) {
        ++fr;
        Text name;
        for (auto it = item["name"].begin(); it != item["name"].end(); ++it) name.byLang[it.key()] = it.value().get<std::string>();
        fac.text(fr, 0, item["code"].get<std::string>() + " " + name.in(b.lang));
        std::string st = item["status"].get<std::string>();
        fac.text(fr, 1, st.empty() ? "-" : b.t(("facility.status." + st).c_str()));
        fac.text(fr, 2, facilityMeasures(item, b.lang));
        fac.text(fr, 3, item["note"].get<std::string>());
        fac.num(fr, 4, static_cast<double>(item["evidence"].size()));
    }
    worksheet_set_column(fac.ws, 0, 0, 40, nullptr);
    worksheet_set_column(fac.ws, 2, 3, 30, nullptr);
}

} // namespace

// [SECTION] exportXlsx

std::int64_t exportXlsx(Store& store, const std::string& path, XlsxExportOptions opt) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to export");
    const Instrument& in = *latest;
    auto unit = store.unit();
    const Translations tr = Translations::loadArea("export");
    const std::string& lang = opt.lang;
    ResponseFilter f = opt.filter;
    f.includeMisuse = false; // the sheet holds exactly the responses the scores count

    AtomicOutput out(path);
    lxw_workbook_options wopt{};
    wopt.constant_memory = LXW_TRUE;
    wopt.use_zip64 = LXW_TRUE;
    WorkbookPtr wb(workbook_new_opt(out.tempPath().c_str(), &wopt));
    if (!wb) throw ExportError(ExportError::Kind::Io, path + ": cannot start the workbook");
    const Formats fm = addFormats(wb.get());
    const Book b{in, tr, lang, fm, opt.weights};
    Sheets sheets = addSheets(wb.get(), b, path);

    // Profile tallies by option code (Profil sheet), counted during the same scan.
    ProfileTally tally(in.profile.size());
    const std::int64_t rows = writeResponden(store, f, sheets.resp, b, tally, path);
    writePengolahan(store, f, unit, sheets.calc, b, rows);
    writeProfil(sheets.prof, b, tally, rows);
    writeHam(store, f, sheets.ham, b);
    writeFasilitas(store, opt.filter, sheets.fac, b);

    lxw_error err = workbook_close(wb.release());
    if (err != LXW_NO_ERROR) {
        std::string what = lxw_strerror(err);
        throw ExportError(err == LXW_ERROR_CREATING_TMPFILE || err == LXW_ERROR_ZIP_FILE_ADD ? ExportError::Kind::Full : ExportError::Kind::Io,
                          path + ": writing the workbook failed (" + what + "; is the disk full?); nothing was written");
    }
    out.commit();
    return rows;
}

} // namespace sw
