// XLSX export (libxlsxwriter, constant-memory mode so a million rows stream through): sheet
// Responden (the regulation's per-respondent table: No, U1…U9, then profile and HAM columns),
// sheet Pengolahan with Σ, n, NRR, NRR tertimbang, IKM and mutu as LIVE Excel formulas over
// Responden (an assessor can audit them; libsurvey's values are stored as the cached results),
// sheets Profil (counts, "Tidak diisi", shares as formulas over the respondents cell), HAM
// (accessibility index, kelompok-rentan gap), Fasilitas (the P2HAM self-assessment, when the unit
// has one) and Saran (the citizens' comments, as text). Every sheet prints on A4 landscape, one
// page wide, its table's header rows repeated on each page.
#pragma once
#include "survey/skm/skm.hpp"
#include "survey/store/store.hpp"

#include <cstdint>
#include <string>

namespace sw {

struct XlsxExportOptions {
    ResponseFilter filter;            // the period; suspected misuse is left out, as in the scores
    std::string lang = "id";
    Weights weights = Weights::Exact; // NRR tertimbang on sheet Pengolahan (survey/skm/skm.hpp)
};

// Written atomically. Returns the number of respondents on sheet Responden. Throws ExportError.
std::int64_t exportXlsx(Store& store, const std::string& path, XlsxExportOptions opt = {});

// "A", "B", … "Z", "AA": the column letter of a 0-based index.
std::string xlsxColumn(int col);

} // namespace sw
