#include "survey/national/peduli_ham_export.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/error.hpp"
#include "survey/base/number.hpp"
#include "survey/base/translations.hpp"
#include "survey/export/pdf_canvas.hpp"

#include "survey/export/xlsxwriter_lazy.hpp"

#include <memory>

namespace sw {

namespace {

struct Words {
    Translations tr = Translations::loadArea("export");
    std::string lang;
    const std::string& operator()(const std::string& key) const { return tr.get(key, lang); }
};

std::string num(double v, int d, const std::string& lang) { return formatNumber(v, d, lang); }

// The summary row of an area, as both documents print it.
std::vector<std::string> summaryRow(const AreaRollup& a, const std::string& lang) {
    const std::string grades = std::to_string(a.unitsByMutu[0]) + "/" + std::to_string(a.unitsByMutu[1]) + "/" +
                               std::to_string(a.unitsByMutu[2]) + "/" + std::to_string(a.unitsByMutu[3]);
    return {a.code, a.name, std::to_string(a.units), std::to_string(a.reporting), formatCount(a.skm.respondents, lang),
            a.skm.complete ? num(a.skm.ikmUnit, 2, lang) : "–", a.skm.complete ? mutuLetter(a.skm.mutu) : "–",
            a.meanUnitIkm > 0 ? num(a.meanUnitIkm, 2, lang) : "–", grades, a.akses.any ? num(a.akses.index, 2, lang) : "–",
            a.gap.comparable ? num(a.gap.ikmGap, 2, lang) : "–"};
}

std::vector<std::string> summaryHeads(const Words& t) {
    return {t("peduli.code"), t("peduli.area"), t("peduli.units"), t("peduli.reporting"), t("peduli.respondents"), t("peduli.ikm"),
            t("peduli.mutu"), t("peduli.mean"), t("peduli.grades"), t("peduli.akses"), t("peduli.gap")};
}

std::vector<std::string> coverageHeads(const Words& t) {
    return {t("peduli.item"), t("peduli.ada"), t("peduli.proses"), t("peduli.tidak"), t("peduli.not_assessed"), t("peduli.evidence")};
}

std::vector<std::string> coverageRow(const ItemCoverage& c, const std::string& lang) {
    const std::string& name = lang == "en" && !c.nameEn.empty() ? c.nameEn : c.nameId;
    return {c.code + " " + name, std::to_string(c.ada), std::to_string(c.proses), std::to_string(c.tidak), std::to_string(c.notAssessed),
            std::to_string(c.withEvidence)};
}

struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const {
        if (wb) dyn::workbook_close(wb);
    }
};

void writeRow(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& cells, lxw_format* fmt) {
    for (std::size_t c = 0; c < cells.size(); ++c) dyn::worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), fmt);
}

} // namespace

void writePeduliHamXlsx(const PeduliHamDocument& doc, const std::string& path) {
    const Words t{Translations::loadArea("export"), doc.lang};
    AtomicOutput out(path);
    std::unique_ptr<lxw_workbook, WorkbookCloser> wb(dyn::workbook_new(out.tempPath().c_str()));
    if (!wb) throw ExportError(ExportError::Kind::Io, path + ": cannot start the workbook");
    lxw_format* bold = dyn::workbook_add_format(wb.get());
    dyn::format_set_bold(bold);
    lxw_worksheet* sum = dyn::workbook_add_worksheet(wb.get(), t("peduli.sheet.summary").c_str());
    dyn::worksheet_write_string(sum, 0, 0, (t("peduli.title") + " — " + doc.periodText).c_str(), bold);
    dyn::worksheet_write_string(sum, 1, 0, t("peduli.note").c_str(), nullptr);
    writeRow(sum, 3, summaryHeads(t), bold);
    lxw_row_t row = 4;
    for (const auto& a : doc.areas) writeRow(sum, row++, summaryRow(a.area, doc.lang), nullptr);
    dyn::worksheet_set_column(sum, 1, 1, 30, nullptr);
    dyn::worksheet_set_column(sum, 2, 10, 14, nullptr);
    lxw_worksheet* fac = dyn::workbook_add_worksheet(wb.get(), t("peduli.sheet.facility").c_str());
    row = 0;
    for (const auto& a : doc.areas) {
        writeRow(fac, row++, std::vector<std::string>{a.area.code + " " + a.area.name, t("peduli.facility_units") + ": " + std::to_string(a.unitsWithFacility)}, bold);
        writeRow(fac, row++, coverageHeads(t), bold);
        for (const auto& c : a.items) writeRow(fac, row++, coverageRow(c, doc.lang), nullptr);
        ++row;
    }
    dyn::worksheet_set_column(fac, 0, 0, 60, nullptr);
    dyn::worksheet_set_column(fac, 1, 5, 14, nullptr);
    if (dyn::workbook_close(wb.release()) != LXW_NO_ERROR)
        throw ExportError(ExportError::Kind::Io, path + ": writing the workbook failed (is the disk full?); nothing was written");
    out.commit();
}

void writePeduliHamPdf(const PeduliHamDocument& doc, const std::string& path) {
    const Words t{Translations::loadArea("export"), doc.lang};
    AtomicOutput out(path);
    pdf::Canvas c(out.tempPath(), t("peduli.title") + "  ·  " + doc.periodText, doc.storeName, t("pdf.page"));
    c.setMetadata(t("peduli.title") + " — " + doc.periodText, doc.storeName);
    c.title(t("peduli.title"), 16);
    c.paragraph(doc.periodText, 11, false, pdf::Align::Center);
    c.paragraph(t("peduli.subtitle"), 10);
    c.space(6);
    const std::vector<double> widths{0.07, 0.15, 0.06, 0.08, 0.1, 0.08, 0.08, 0.1, 0.1, 0.09, 0.09};
    std::vector<pdf::Column> cols;
    const auto heads = summaryHeads(t);
    for (std::size_t i = 0; i < heads.size(); ++i)
        cols.push_back(pdf::Column{heads[i], widths[i], i < 2 ? pdf::Align::Left : pdf::Align::Right});
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : doc.areas) rows.push_back(summaryRow(a.area, doc.lang));
    c.table(cols, rows);
    c.paragraph(t("peduli.note"), 8);
    for (const auto& a : doc.areas) {
        c.heading(a.area.code + " " + a.area.name, 2);
        c.paragraph(t("peduli.facility_units") + ": " + std::to_string(a.unitsWithFacility), 10);
        const auto fheads = coverageHeads(t);
        std::vector<pdf::Column> fc{pdf::Column{fheads[0], 0.5, pdf::Align::Left}};
        for (std::size_t i = 1; i < fheads.size(); ++i) fc.push_back(pdf::Column{fheads[i], 0.1, pdf::Align::Right});
        std::vector<std::vector<std::string>> frows;
        for (const auto& item : a.items) frows.push_back(coverageRow(item, doc.lang));
        if (!frows.empty()) c.table(fc, frows);
    }
    try {
        c.finish();
    } catch (const std::exception& e) {
        throw ExportError(ExportError::Kind::Io, path + ": " + e.what() + "; nothing was written");
    }
    out.commit();
}

} // namespace sw
