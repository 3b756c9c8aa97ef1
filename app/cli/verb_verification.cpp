#include "app/cli/args.hpp"
#include "app/cli/cli.hpp"

#include "survey/base/error.hpp"
#include "survey/base/number.hpp"
#include "survey/base/text_check.hpp"
#include "survey/national/verification_file.hpp"
#include "survey/national/verification_followup.hpp"
#include "survey/store/store.hpp"

#include <iostream>

namespace sw::cli {

namespace {
int verbVerification(int argc, char** argv);
const VerbRegistrar reg{{"verification", "unit: import the Kanwil's signed verification result, show it, turn a finding into tindak lanjut", verbVerification}};

std::string scoreLine(const nlohmann::json& s) {
    if (!s.is_object()) return "-";
    const auto cov = s.value("coverage", nlohmann::json::object());
    std::string out = formatNumber(s.value("total", 0.0), 2, "id") + " (kriteria " + std::to_string(cov.value("criteria_with_data", 0)) +
                      " dari " + std::to_string(cov.value("criteria", 0)) + (cov.value("complete", false) ? "" : " — belum lengkap") + ")";
    return out;
}

void show(Store& store, const ReceivedVerification& r) {
    const auto& p = r.payload;
    const auto visit = p.value("visit", nlohmann::json::object());
    std::cout << "verifikasi Kanwil " << printable(r.visitDate) << " (kunci " << r.kanwilFingerprint << ")\n"
              << "penilaian mandiri " << printable(p.value("claim_assessed_on", "")) << "\n"
              << "skor penilaian mandiri: " << scoreLine(p.value("self_score", nlohmann::json())) << "\n"
              << "skor terverifikasi:     " << scoreLine(p.value("verified_score", nlohmann::json())) << "\n"
              << "selisih:                " << formatNumber(p.value("difference", 0.0), 2, "id") << "\n";
    const auto findings = findingsOf(p);
    std::cout << (findings.empty() ? "tidak ada temuan\n" : "temuan yang harus diperbaiki:\n");
    for (const auto& f : findings)
        std::cout << "  " << printable(f.item) << " " << printable(f.itemName) << " [" << printable(f.verdict) << "] " << printable(f.note)
                  << (hasFollowUp(store, r, f.item) ? "  (tindak lanjut sudah dibuat)" : "") << "\n";
}

int verbVerification(int argc, char** argv) {
    if (wantsHelp(argc, argv)) {
        std::cout << "Usage: suarawarga verification --db UNIT.db --import FILE.swv\n"
                     "       suarawarga verification --db UNIT.db [--tindak-lanjut ITEM [--owner NAME]]\n\n"
                     "Imports the verification result the Kanwil signed (assess --result): it must be for this\n"
                     "unit and signed by the Kanwil key the unit trusts (trust-kanwil), else it is refused with\n"
                     "nothing stored (exit 5). Without --import it shows the newest result: the self-assessed and\n"
                     "verified scores and the findings to fix. --tindak-lanjut ITEM turns that finding into a\n"
                     "rencana tindak lanjut (owner \"Kepala unit\" unless --owner, due in 30 days).\n";
        return 0;
    }
    Args a(argc, argv, 2, {"db", "import", "tindak-lanjut", "owner"}, {});
    Store store(databaseOption(a.get("db", "")), Store::Options{.create = false});
    if (auto file = a.get("import")) {
        const ReceivedVerification r = importVerificationResult(store, *file);
        std::cout << *file << ": " << (r.duplicate ? "already imported" : "imported") << ", signed by Kanwil key " << r.kanwilFingerprint << "\n";
        show(store, r);
        return 0;
    }
    const auto all = receivedVerifications(store);
    if (all.empty()) {
        std::cout << "(belum ada hasil verifikasi dari Kanwil; impor dengan --import FILE)\n";
        return 0;
    }
    if (auto item = a.get("tindak-lanjut")) {
        for (const auto& f : findingsOf(all.front().payload))
            if (f.item == *item) {
                if (hasFollowUp(store, all.front(), f.item)) throw UsageError(*item + ": a tindak lanjut for this finding already exists");
                const std::int64_t id = addFollowUp(store, all.front(), f, a.get("owner", ""));
                std::cout << "tindak lanjut " << id << " for " << printable(f.item) << " " << printable(f.itemName) << "\n";
                return 0;
            }
        throw UsageError(printable(*item) + " is not a finding of the newest verification");
    }
    show(store, all.front());
    return 0;
}

} // namespace
} // namespace sw::cli
