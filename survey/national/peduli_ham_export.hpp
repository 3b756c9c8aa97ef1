// The Kabupaten/Kota Peduli HAM summary (peduli_ham.hpp) as the files a Bagian Hukum assembles:
// an XLSX (a summary sheet and a facility-coverage sheet) or an A4 PDF. Written atomically
// (survey/base/atomic_file.hpp): a failed run leaves no file.
#pragma once
#include "survey/national/peduli_ham.hpp"

#include <string>
#include <vector>

namespace sw {

struct PeduliHamDocument {
    std::vector<PeduliHamArea> areas;
    std::string periodText;     // "1 Jul – 30 Sep 2026", as periodLabel writes it
    std::string storeName;      // the assessor's store, in the footer
    std::string lang = "id";
};

void writePeduliHamXlsx(const PeduliHamDocument& doc, const std::string& path);
void writePeduliHamPdf(const PeduliHamDocument& doc, const std::string& path);

} // namespace sw
