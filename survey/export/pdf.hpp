// The SKM report as units publish it (PermenPANRB 14/2017): BAB I Pendahuluan, BAB II Pengumpulan
// Data (with the Krejcie–Morgan reasoning), BAB III Hasil (tables, a chart per unsur, demography),
// BAB IV Analisis and Rencana Tindak Lanjut, BAB V Penutup, and a P2HAM annex (accessibility
// index, kelompok-rentan gap, facility checklist with verdicts and evidence thumbnails).
// A4 PDF via cairo + pango; Indonesian by default, English on request; the unit's identity,
// the period and the signing-key fingerprint on every page. Every figure comes from libsurvey.
#pragma once
#include "survey/base/number.hpp"
#include "survey/skm/skm.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <string>

namespace sw {

struct PdfReportOptions {
    ResponseFilter filter;            // the period; suspected misuse is left out of scores
    std::string lang = "id";
    Weights weights = Weights::Exact; // how IKM is computed, printed with the result (survey/skm/skm.hpp)
    // The whole report, or the Lampiran P2HAM alone under a short title (the P2HAM evidence pack's
    // annex, survey/export/p2ham_pack.hpp): the same pages, drawn by the same code.
    enum class Part { Full, P2hamAnnex } part = Part::Full;
};

struct PdfReportInfo {
    std::int64_t respondents = 0;
    int pages = 0;
    std::string fingerprint;
};

// Written atomically (temp, fsync, rename). Throws ExportError.
PdfReportInfo writePdfReport(Store& store, const std::string& path, PdfReportOptions opt = {});
// The verb's shape: returns the number of respondents.
inline std::int64_t exportPdf(Store& store, const std::string& path, PdfReportOptions opt = {}) {
    return writePdfReport(store, path, std::move(opt)).respondents;
}


} // namespace sw
