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
#include "survey/export/comment_summary.hpp"

#include "survey/export/xlsxwriter_lazy.hpp"

#include <algorithm>
#include <cmath>
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
    void operator()(lxw_workbook* wb) const { dyn::workbook_close(wb); }
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
        dyn::worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.c_str(), f);
    }
    void num(int r, int c, double v, lxw_format* f = nullptr) {
        dyn::worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, f);
    }
    void formula(int r, int c, const std::string& fx, double cached, lxw_format* f = nullptr) {
        dyn::worksheet_write_formula_num(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), fx.c_str(), f, cached);
    }
    void formulaText(int r, int c, const std::string& fx, const std::string& cached, lxw_format* f = nullptr) {
        dyn::worksheet_write_formula_str(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), fx.c_str(), f, cached.c_str());
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
    lxw_format* bold;       // labels outside the tables
    lxw_format* title;
    lxw_format* head;       // a table's header cells: bold, shaded, wrapped between words, bordered
    lxw_format* text;       // the table cells below: bordered
    lxw_format* textBold;
    lxw_format* wrap;       // long text (notes, comments), wrapped
    lxw_format* count;      // whole numbers with thousands grouped
    lxw_format* dec3;       // NRR (three decimals, as the regulation's worked example)
    lxw_format* dec2;       // IKM unit and indices (two decimals)
    lxw_format* dec2b;
    lxw_format* pct;
    lxw_format* fraction;   // the exact weight shows as 1/9, not as a rounded 0,111
};

lxw_format* bordered(lxw_workbook* wb, const char* numFormat = nullptr, bool bold = false) {
    lxw_format* f = dyn::workbook_add_format(wb);
    dyn::format_set_border(f, LXW_BORDER_THIN);
    dyn::format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (numFormat) dyn::format_set_num_format(f, numFormat);
    if (bold) dyn::format_set_bold(f);
    return f;
}

Formats addFormats(lxw_workbook* wb) {
    Formats fm;
    fm.bold = dyn::workbook_add_format(wb);
    dyn::format_set_bold(fm.bold);
    fm.title = dyn::workbook_add_format(wb);
    dyn::format_set_bold(fm.title);
    dyn::format_set_font_size(fm.title, 12);
    fm.head = bordered(wb, nullptr, true);
    dyn::format_set_text_wrap(fm.head);
    dyn::format_set_bg_color(fm.head, 0xE6EDF5);
    fm.text = bordered(wb);
    fm.textBold = bordered(wb, nullptr, true);
    fm.wrap = bordered(wb);
    dyn::format_set_text_wrap(fm.wrap);
    fm.count = bordered(wb, "#,##0");
    fm.dec3 = bordered(wb, "0.000");
    fm.dec2 = bordered(wb, "0.00");
    fm.dec2b = bordered(wb, "0.00", true);
    fm.pct = bordered(wb, "0.0%");
    fm.fraction = bordered(wb, "?/??");
    return fm;
}

// Characters, not bytes: Excel's column width is in characters of the default font.
double textChars(const std::string& s) {
    double n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// A width that shows a header whole: its longest word never breaks, and a long header wraps
// between words onto at most a few lines instead of making the column page-wide.
double headerWidth(const std::string& header, double maxWidth) {
    double longestWord = 0, word = 0;
    for (unsigned char c : header) {
        if (c == ' ') {
            longestWord = std::max(longestWord, word);
            word = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++word;
        }
    }
    longestWord = std::max(longestWord, word);
    return std::max(longestWord, std::min(textChars(header), maxWidth)) * 1.15 + 2;
}

// Lines a wrapped header takes at `width` (the header row's height).
double headerLines(const std::string& header, double width) {
    return std::max(1.0, std::ceil(textChars(header) * 1.15 / std::max(1.0, width - 2) - 1e-6));
}

// Printing as units file it: A4 landscape, one page wide (as many pages tall as needed), the
// table's header rows on every page, the sheet's name and the page number in the footer.
void printSetup(lxw_worksheet* ws, int repeatFirst, int repeatLast, const std::string& unitName) {
    dyn::worksheet_set_paper(ws, 9); // A4
    dyn::worksheet_set_landscape(ws);
    dyn::worksheet_fit_to_pages(ws, 1, 0);
    dyn::worksheet_repeat_rows(ws, static_cast<lxw_row_t>(repeatFirst), static_cast<lxw_row_t>(repeatLast));
    std::string name;
    for (char c : unitName.substr(0, 120)) name += c == '&' ? std::string("&&") : std::string(1, c); // & starts a code
    dyn::worksheet_set_header(ws, ("&L" + name).c_str());
    dyn::worksheet_set_footer(ws, "&L&A&R&P / &N");
}

// What every sheet reads: the instrument, the labels in the export's language, the formats.
struct Book {
    const Instrument& in;
    const Translations& tr;
    const std::string& lang;
    const Formats& fm;
    Weights weights = Weights::Exact;  // the convention of the Pengolahan sheet
    std::string unitName;              // in every printed page's header

    const std::string& t(const char* key) const { return tr.get(key, lang); }
};

struct Sheets {
    Sheet resp, calc, prof, ham, fac, saran;
};

Sheets addSheets(lxw_workbook* wb, const Book& b, const std::string& path) {
    Sheet resp{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.responden").c_str())};
    Sheet calc{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.pengolahan").c_str())};
    Sheet prof{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.profil").c_str())};
    Sheet ham{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.ham").c_str())};
    Sheet fac{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.fasilitas").c_str())};
    Sheet saran{dyn::workbook_add_worksheet(wb, b.t("xlsx.sheet.saran").c_str())};
    if (!resp.ws || !calc.ws || !prof.ws || !ham.ws || !fac.ws || !saran.ws)
        throw ExportError(ExportError::Kind::Format, path + ": a sheet name in assets/i18n/export.json is not valid in Excel");
    return {resp, calc, prof, ham, fac, saran};
}

// A table's header row from column `col`: each column as wide as its header needs (longest word
// whole, at most `maxWidth` characters before wrapping), the row as tall as the longest header's lines.
void writeHeaderRow(Sheet sh, int row, int col, const std::vector<std::string>& headers, const Book& b, double maxWidth,
                    bool setWidths = true) {
    double lines = 1;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const double w = headerWidth(headers[i], maxWidth);
        lines = std::max(lines, headerLines(headers[i], w));
        if (setWidths)
            dyn::worksheet_set_column(sh.ws, static_cast<lxw_col_t>(col + static_cast<int>(i)), static_cast<lxw_col_t>(col + static_cast<int>(i)), w, nullptr);
    }
    dyn::worksheet_set_row(sh.ws, static_cast<lxw_row_t>(row), 15 * lines, nullptr);
    for (std::size_t i = 0; i < headers.size(); ++i) sh.text(row, col + static_cast<int>(i), headers[i], b.fm.head);
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
    std::vector<std::string> headers{b.t("csv.no")};
    for (const auto& u : in.unsur) headers.push_back(u.code + " " + u.name.in(b.lang));
    writeHeaderRow(resp, 0, 0, headers, b, 16);
    dyn::worksheet_set_column(resp.ws, 0, 0, 10, nullptr); // "No" holds up to 1.048.575, grouped
    dyn::worksheet_freeze_panes(resp.ws, 1, 1);
    printSetup(resp.ws, 0, 0, b.unitName);

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
        resp.num(row, 0, static_cast<double>(rows), b.fm.count);
        for (int i = 0; i < nUnsur; ++i) {
            if (char c = columns.unsur(r, static_cast<std::size_t>(i))) resp.num(row, 1 + i, c - '0', b.fm.text);
            else dyn::worksheet_write_blank(resp.ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(1 + i), b.fm.text); // bordered, empty
        }
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
    calc.text(0, 0, b.t("xlsx.calc.title") + (unit ? " — " + unit->name : std::string()), fm.title);
    calc.text(1, 0, b.t("xlsx.calc.rule") + " " + weightsRule(b.weights, b.lang));
    if (unit && unit->demo) calc.text(2, 0, b.t("xlsx.calc.demo"), fm.bold); // the row left free above the table
    const int hdr = 3, rSum = 4, rN = 5, rNrr = 6, rW = 7, rNrrW = 8, rIkm = 10, rUnit = 11, rMutu = 12, rKin = 13, rResp = 14;
    // Constant-memory mode streams rows: each row is written whole, top to bottom.
    auto U = [&](int i) -> const UnsurScore& { return skm.unsur[static_cast<std::size_t>(i)]; };
    std::vector<std::string> headers{b.t("xlsx.calc.unsur")};
    for (int i = 0; i < nUnsur; ++i) headers.push_back(U(i).code + " " + in.unsur[static_cast<std::size_t>(i)].name.in(b.lang));
    writeHeaderRow(calc, hdr, 0, headers, b, 16);
    calc.text(rSum, 0, b.t("xlsx.calc.sum"), fm.text);
    for (int i = 0; i < nUnsur; ++i) calc.formula(rSum, 1 + i, "=SUM(" + absCol(1 + i, first, last) + ")", static_cast<double>(U(i).sum), fm.count);
    calc.text(rN, 0, b.t("xlsx.calc.n"), fm.text);
    for (int i = 0; i < nUnsur; ++i) calc.formula(rN, 1 + i, "=COUNT(" + absCol(1 + i, first, last) + ")", static_cast<double>(U(i).n), fm.count);
    calc.text(rNrr, 0, b.t("xlsx.calc.nrr"), fm.text);
    for (int i = 0; i < nUnsur; ++i)
        calc.formula(rNrr, 1 + i, "=IF(" + cell(rN, 1 + i) + ">0," + cell(rSum, 1 + i) + "/" + cell(rN, 1 + i) + ",0)", U(i).nrr, fm.dec3);
    calc.text(rW, 0, b.t("xlsx.calc.weight"), fm.text);
    const bool exact = b.weights == Weights::Exact;
    for (int i = 0; i < nUnsur; ++i)
        calc.formula(rW, 1 + i, exact ? "=1/" + std::to_string(nUnsur) : "=0.111", exact ? 1.0 / nUnsur : kLegacyWeight,
                     exact ? fm.fraction : fm.dec3);
    calc.text(rNrrW, 0, b.t("xlsx.calc.nrr_weighted"), fm.text);
    for (int i = 0; i < nUnsur; ++i) {
        const std::string product = cell(rNrr, 1 + i) + "*" + cell(rW, 1 + i);
        calc.formula(rNrrW, 1 + i, b.weights == Weights::Legacy0111R3 ? "=ROUND(" + product + ",3)" : "=" + product,
                     U(i).nrrWeighted, fm.dec3);
    }
    const std::string nrrwRange = cell(rNrrW, 1) + ":" + cell(rNrrW, nUnsur);
    calc.text(rIkm, 0, b.t("xlsx.calc.ikm"), fm.textBold);
    calc.formula(rIkm, 1, "=SUM(" + nrrwRange + ")", skm.ikm, fm.dec3);
    calc.text(rUnit, 0, b.t("xlsx.calc.ikm_unit"), fm.textBold);
    calc.formula(rUnit, 1, "=" + cell(rIkm, 1) + "*25", skm.ikmUnit, fm.dec2b);
    calc.text(rMutu, 0, b.t("xlsx.calc.mutu"), fm.textBold);
    calc.formulaText(rMutu, 1, mutuFormula(cell(rUnit, 1)), mutuLetter(skm.mutu), fm.textBold);
    calc.text(rKin, 0, b.t("xlsx.calc.kinerja"), fm.textBold);
    calc.formulaText(rKin, 1, kinerjaFormula(cell(rMutu, 1), b.tr, b.lang), b.t((std::string("kinerja.") + mutuLetter(skm.mutu)).c_str()),
                     fm.text);
    calc.text(rResp, 0, b.t("xlsx.calc.respondents"), fm.text);
    calc.formula(rResp, 1, "=COUNT(" + absCol(0, first, last) + ")", static_cast<double>(rows), fm.count);
    double labelWidth = 0;
    for (const char* k : {"xlsx.calc.sum", "xlsx.calc.n", "xlsx.calc.nrr_weighted", "xlsx.calc.ikm_unit", "xlsx.calc.kinerja"})
        labelWidth = std::max(labelWidth, textChars(b.t(k)));
    dyn::worksheet_set_column(calc.ws, 0, 0, labelWidth * 1.1 + 2, nullptr);
    printSetup(calc.ws, hdr, hdr, b.unitName);
}

// [SECTION] Sheet Profil — counts per option, those who did not answer, and shares as formulas
// over the respondents cell at the top (so an edited count recomputes every share).

void writeProfil(Sheet prof, const Book& b, const ProfileTally& tally, std::int64_t rows) {
    const Instrument& in = b.in;
    const Formats& fm = b.fm;
    prof.text(0, 0, b.t("xlsx.profile.title"), fm.title);
    prof.text(1, 0, b.t("xlsx.calc.respondents"), fm.textBold);
    const int last = std::max(1, static_cast<int>(rows));
    prof.formula(1, 1, "=COUNT(" + absCol(0, 1, last) + ")", static_cast<double>(rows), fm.count);
    const std::string total = "$B$2";
    auto share = [&](int r, std::int64_t n) {
        prof.formula(r, 2, "=IF(" + total + ">0," + cell(r, 1) + "/" + total + ",0)",
                     rows ? static_cast<double>(n) / static_cast<double>(rows) : 0.0, fm.pct);
    };
    int pr = 3;
    double labelWidth = textChars(b.t("xlsx.calc.respondents"));
    for (std::size_t i = 0; i < in.profile.size(); ++i) {
        writeHeaderRow(prof, pr, 0, {in.profile[i].label.in(b.lang), b.t("xlsx.profile.count"), b.t("xlsx.profile.share")}, b, 30,
                       false);
        const int firstOption = ++pr;
        std::int64_t given = 0;
        for (const auto& o : in.profile[i].options) {
            auto it = tally[i].find(o.code);
            const std::int64_t n = it == tally[i].end() ? 0 : it->second;
            given += n;
            labelWidth = std::max(labelWidth, textChars(o.label.in(b.lang)));
            prof.text(pr, 0, o.label.in(b.lang), fm.text);
            prof.num(pr, 1, static_cast<double>(n), fm.count);
            share(pr, n);
            ++pr;
        }
        // Not answered: the respondents the options do not account for.
        prof.text(pr, 0, b.t("xlsx.profile.not_given"), fm.text);
        prof.formula(pr, 1, "=" + total + "-SUM(" + cell(firstOption, 1) + ":" + cell(pr - 1, 1) + ")",
                     static_cast<double>(rows - given), fm.count);
        share(pr, rows - given);
        pr += 2;
    }
    dyn::worksheet_set_column(prof.ws, 0, 0, std::max(labelWidth, 20.0) * 1.1 + 2, nullptr);
    dyn::worksheet_set_column(prof.ws, 1, 2, 14, nullptr);
    printSetup(prof.ws, 0, 1, b.unitName);
}

// [SECTION] Sheet HAM — items over those who used them (0 = tidak tahu excluded), the index, rentan gap.

// The rentan / bukan rows and their gap, from row `hr` down.
void writeHamRentanGap(Sheet ham, const Book& b, const RentanGap& gap, int hr) {
    const Formats& fm = b.fm;
    writeHeaderRow(ham, hr, 0, {b.t("xlsx.ham.rentan_gap"), b.t("xlsx.ham.respondents"), b.t("xlsx.calc.ikm_unit"), b.t("xlsx.ham.index")},
                   b, 16, false);
    ham.text(++hr, 0, b.t("pdf.rentan.group_rentan"), fm.text);
    ham.num(hr, 1, static_cast<double>(gap.rentan.respondents), fm.count);
    ham.num(hr, 2, gap.rentan.ikmUnit, fm.dec2);
    ham.num(hr, 3, gap.aksesRentan.index, fm.dec2);
    ham.text(++hr, 0, b.t("pdf.rentan.group_bukan"), fm.text);
    ham.num(hr, 1, static_cast<double>(gap.bukan.respondents), fm.count);
    ham.num(hr, 2, gap.bukan.ikmUnit, fm.dec2);
    ham.num(hr, 3, gap.aksesBukan.index, fm.dec2);
    ham.text(++hr, 0, b.t("pdf.rentan.gap"), fm.textBold);
    if (gap.comparable) {
        dyn::worksheet_write_blank(ham.ws, static_cast<lxw_row_t>(hr), 1, fm.text);
        ham.formula(hr, 2, "=" + cell(hr - 2, 2) + "-" + cell(hr - 1, 2), gap.ikmGap, fm.dec2b);
        ham.formula(hr, 3, "=" + cell(hr - 2, 3) + "-" + cell(hr - 1, 3), gap.aksesGap, fm.dec2b);
    } else {
        ham.text(hr, 1, b.t("pdf.rentan.not_comparable"), fm.text);
    }
}

void writeHam(Store& store, const ResponseFilter& f, Sheet ham, const Book& b) {
    const Instrument& in = b.in;
    const Formats& fm = b.fm;
    AksesibilitasResult akses = aksesibilitasFor(store, in, f);
    RentanGap gap = rentanGapFor(store, in, f);
    int hr = 0;
    ham.text(hr, 0, b.t("xlsx.ham.title"), fm.title);
    hr += 2;
    const int headRow = hr;
    writeHeaderRow(ham, hr, 0, {b.t("xlsx.ham.item"), b.t("xlsx.calc.sum"), b.t("xlsx.calc.n"), b.t("xlsx.calc.nrr"), b.t("xlsx.ham.nrr_unit")},
                   b, 16);
    const int firstItemRow = hr + 1;
    for (std::size_t i = 0; i < in.ham.items.size(); ++i) {
        ++hr;
        const auto& s = akses.items[i];
        // Σ and n from libsurvey (the per-respondent HAM answers are in the CSV); NRR and the
        // index stay formulas over them.
        ham.text(hr, 0, in.ham.items[i].code + " " + in.ham.items[i].name.in(b.lang), fm.text);
        ham.num(hr, 1, static_cast<double>(s.sum), fm.count);
        ham.num(hr, 2, static_cast<double>(s.n), fm.count);
        if (s.n > 0) {
            ham.formula(hr, 3, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 1) + "/" + cell(hr, 2) + ",\"\")", s.nrr, fm.dec3);
            ham.formula(hr, 4, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 3) + "*25,\"\")", s.nrrUnit, fm.dec2);
        } else {
            ham.formulaText(hr, 3, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 1) + "/" + cell(hr, 2) + ",\"\")", "", fm.text);
            ham.formulaText(hr, 4, "=IF(" + cell(hr, 2) + ">0," + cell(hr, 3) + "*25,\"\")", "", fm.text);
        }
    }
    hr += 2;
    ham.text(hr, 0, b.t("xlsx.ham.index"), fm.textBold);
    if (akses.any)
        ham.formula(hr, 4, "=AVERAGE(" + cell(firstItemRow, 3) + ":" + cell(firstItemRow + static_cast<int>(in.ham.items.size()) - 1, 3) + ")*25",
                    akses.index, fm.dec2b);
    hr += 2;
    writeHamRentanGap(ham, b, gap, hr);
    dyn::worksheet_set_column(ham.ws, 0, 0, 40, nullptr);
    printSetup(ham.ws, headRow, headRow, b.unitName);
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
    fac.text(fr, 0, b.t("pdf.p2ham.facility"), fm.title);
    fr += 2;
    dyn::worksheet_set_column(fac.ws, 0, 0, 40, nullptr);
    dyn::worksheet_set_column(fac.ws, 1, 1, 12, nullptr);
    dyn::worksheet_set_column(fac.ws, 2, 3, 34, nullptr);
    dyn::worksheet_set_column(fac.ws, 4, 4, 14, nullptr);
    if (facility.is_null()) {
        fac.text(fr, 0, b.t("pdf.p2ham.no_assessment"));
        printSetup(fac.ws, 0, 0, b.unitName);
        return;
    }
    fac.text(fr, 0, b.t("pdf.p2ham.assessed_on"), fm.text);
    fac.text(fr++, 1, facility["assessed_on"].get<std::string>(), fm.text);
    fac.text(fr, 0, b.t("pdf.p2ham.score"), fm.textBold);
    fac.num(fr++, 1, facility["score"].get<double>(), fm.dec2b);
    fac.text(fr, 0, b.t("pdf.p2ham.gaps"), fm.text);
    fac.num(fr++, 1, facility["gap_count"].get<double>(), fm.count);
    ++fr;
    const int headRow = fr;
    writeHeaderRow(fac, fr, 0, {b.t("pdf.p2ham.col_item"), b.t("pdf.p2ham.col_status"), b.t("pdf.p2ham.col_measure"), b.t("pdf.p2ham.col_note"),
                                b.t("pdf.p2ham.col_evidence")},
                   b, 34, false);
    printSetup(fac.ws, headRow, headRow, b.unitName);
    for (const auto& item : facility["items"]) {
        ++fr;
        Text name;
        for (auto it = item["name"].begin(); it != item["name"].end(); ++it) name.byLang[it.key()] = it.value().get<std::string>();
        fac.text(fr, 0, item["code"].get<std::string>() + " " + name.in(b.lang), fm.wrap);
        std::string st = item["status"].get<std::string>();
        fac.text(fr, 1, st.empty() ? "-" : b.t(("facility.status." + st).c_str()), fm.text);
        fac.text(fr, 2, facilityMeasures(item, b.lang), fm.wrap);
        fac.text(fr, 3, item["note"].get<std::string>(), fm.wrap); // the head's own text: a string, never a formula
        fac.num(fr, 4, static_cast<double>(item["evidence"].size()), fm.count);
    }
}

// [SECTION] Sheet Saran — the citizens' comments, newest first: date, service, comment. Each is
// written as a string cell, so a comment that starts with "=" stays the citizen's text and is
// never evaluated as a formula.

std::int64_t writeSaran(Store& store, const ResponseFilter& f, Sheet saran, const Book& b) {
    const Formats& fm = b.fm;
    saran.text(0, 0, b.t("xlsx.saran.title"), fm.title);
    const std::vector<std::string> headers{b.t("xlsx.saran.date"), b.t("xlsx.saran.service"), b.t("xlsx.saran.comment")};
    writeHeaderRow(saran, 2, 0, headers, b, 20, false);
    dyn::worksheet_set_column(saran.ws, 0, 0, 18, nullptr);
    dyn::worksheet_set_column(saran.ws, 1, 1, 26, nullptr);
    dyn::worksheet_set_column(saran.ws, 2, 2, 90, nullptr);
    printSetup(saran.ws, 2, 2, b.unitName);
    int row = 2;
    std::int64_t n = 0;
    forEachComment(store, f, [&](const CommentLine& c) {
        if (row + 1 >= static_cast<int>(kMaxRows)) return false;
        ++row;
        ++n;
        const Option* service = b.in.findService(c.service);
        saran.text(row, 0, localDateTime(c.createdUtc, c.utcOffsetMinutes).substr(0, 16), fm.text);
        saran.text(row, 1, service ? service->label.in(b.lang) : c.service, fm.wrap);
        saran.text(row, 2, c.comment, fm.wrap);
        return true;
    });
    if (n == 0) saran.text(3, 0, b.t("xlsx.saran.none"));
    return n;
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
    WorkbookPtr wb(dyn::workbook_new_opt(out.tempPath().c_str(), &wopt));
    if (!wb) throw ExportError(ExportError::Kind::Io, path + ": cannot start the workbook");
    const Formats fm = addFormats(wb.get());
    const Book b{in, tr, lang, fm, opt.weights, unit ? unit->name : std::string()};
    Sheets sheets = addSheets(wb.get(), b, path);

    // Profile tallies by option code (Profil sheet), counted during the same scan.
    ProfileTally tally(in.profile.size());
    const std::int64_t rows = writeResponden(store, f, sheets.resp, b, tally, path);
    writePengolahan(store, f, unit, sheets.calc, b, rows);
    writeProfil(sheets.prof, b, tally, rows);
    writeHam(store, f, sheets.ham, b);
    writeFasilitas(store, opt.filter, sheets.fac, b);
    writeSaran(store, f, sheets.saran, b);

    lxw_error err = dyn::workbook_close(wb.release());
    if (err != LXW_NO_ERROR) {
        std::string what = dyn::lxw_strerror(err);
        throw ExportError(err == LXW_ERROR_CREATING_TMPFILE || err == LXW_ERROR_ZIP_FILE_ADD ? ExportError::Kind::Full : ExportError::Kind::Io,
                          path + ": writing the workbook failed (" + what + "; is the disk full?); nothing was written");
    }
    out.commit();
    return rows;
}

} // namespace sw
