#include "survey/national/verification_pdf.hpp"

#include "survey/base/atomic_file.hpp"
#include "survey/base/error.hpp"
#include "survey/base/number.hpp"
#include "survey/dashboard/unit_report.hpp"   // unbase64
#include "survey/export/pdf_canvas.hpp"
#include "survey/facility/evidence.hpp"       // decodePng
#include "survey/national/verification_text.hpp"

namespace sw {

namespace {

using nlohmann::json;

constexpr int kMaxThumbSide = 1024; // a unit's thumbnail is 160 px; anything larger is not one of ours

const json* reportItem(const json& report, const std::string& code) {
    if (!report.contains("items") || !report["items"].is_array()) return nullptr;
    for (const auto& item : report["items"])
        if (item.is_object() && item.value("code", "") == code) return &item;
    return nullptr;
}

void header(pdf::Canvas& c, const FacilityClaim& claim, const Verification& v) {
    c.title("BERITA ACARA VERIFIKASI", 16);
    c.paragraph("Penilaian mandiri sarana dan prasarana Pelayanan Publik Berbasis HAM (P2HAM)", 11, false, pdf::Align::Center);
    c.space(8);
    const UnitInfo& u = claim.unit;
    std::vector<std::vector<std::string>> rows{
        {"Unit", (u.name.empty() ? u.id : u.name + " (" + u.id + ")") + (u.demo ? " — DEMO, bukan unit sungguhan" : "")},
        {"Wilayah", u.kabupaten + (u.province.empty() ? "" : ", " + u.province)},
        {"Periode", claimPeriodText(claim)},
        {"Penilaian mandiri", v.claimAssessedOn + " (daftar periksa " + v.checklistId + " v" + std::to_string(v.checklistVersion) + ")"},
        {"Kunjungan", v.visit.date},
        {"Tim penilai", [&] {
             std::string s;
             for (std::size_t i = 0; i < v.visit.assessors.size(); ++i) s += (i ? ", " : "") + v.visit.assessors[i];
             return s;
         }()},
        {"Yang dilihat", v.visit.seen.empty() ? "-" : v.visit.seen}};
    c.table({{"Hal", 0.25}, {"Keterangan", 0.75}}, rows);
}

void scores(pdf::Canvas& c, const FacilityChecklist& cl, const VerifiedScore& s) {
    c.heading("Skor", 2);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < s.self.criteria.size(); ++i) {
        const CriterionScore& a = s.self.criteria[i];
        const CriterionScore& b = s.verified.criteria[i];
        const FacilityCriterion* cr = cl.findCriterion(a.code);
        rows.push_back({cr ? cr->name.in("id") : a.code, formatNumber(a.weight, 0, "id"), a.hasData ? formatNumber(a.score, 2, "id") : "-",
                        b.hasData ? formatNumber(b.score, 2, "id") : "-"});
    }
    rows.push_back({"Skor fasilitas", "", scoreText(s.self), scoreText(s.verified)});
    c.table({{"Kriteria", 0.46}, {"Bobot", 0.14, pdf::Align::Right}, {"Penilaian mandiri", 0.2, pdf::Align::Right},
             {"Terverifikasi", 0.2, pdf::Align::Right}},
            rows, {static_cast<int>(rows.size()) - 1});
    c.paragraph("Selisih (terverifikasi − mandiri): " + formatNumber(s.difference, 2, "id"), 10, true);
    c.paragraph("Cakupan penilaian mandiri: " + coverageText(s.selfCoverage, false), 9);
    c.paragraph("Cakupan terverifikasi: " + coverageText(s.coverage, true), 9);
    c.paragraph(weightsLine(cl) + ". Skor dihitung dengan aturan yang sama dengan penilaian mandiri unit; butir yang perlu "
                "klarifikasi atau belum diverifikasi tidak dihitung.", 8);
}

std::string measuresText(const FacilityItem& item, const json* ri, const ItemVerdict* iv) {
    std::string s;
    for (const FacilityMeasure& m : item.measures) {
        std::optional<double> claimed, measured;
        if (ri && ri->contains("measures") && (*ri)["measures"].is_array())
            for (const auto& x : (*ri)["measures"])
                if (x.is_object() && x.value("code", "") == m.code && x.contains("value") && x["value"].is_number()) claimed = x["value"].get<double>();
        if (iv)
            if (auto it = iv->measured.find(m.code); it != iv->measured.end()) measured = it->second;
        if (!claimed && !measured) continue;
        s += "\n" + m.name.in("id") + " (" + (m.rule == FacilityMeasure::Rule::Max ? "≤ " : "≥ ") + formatNumber(m.limit, 1, "id") + " " +
             m.unit + "): unit " + (claimed ? formatNumber(*claimed, 1, "id") : "-") + ", diukur ulang " +
             (measured ? formatNumber(*measured, 1, "id") + (judge(m, measured) == MeasureVerdict::Fail ? " — tidak memenuhi" : " — memenuhi") : "-");
    }
    return s;
}

void evidence(pdf::Canvas& c, const json* ri) {
    if (!ri || !ri->contains("evidence") || !(*ri)["evidence"].is_array()) return;
    std::vector<std::string> pngs, captions, files;
    for (const auto& e : (*ri)["evidence"]) {
        if (!e.is_object()) continue;
        files.push_back(e.value("file", "") + " (SHA-256 " + e.value("sha256", "").substr(0, 12) + "…)");
        if (!e.contains("thumbnail_png") || !e["thumbnail_png"].is_string()) continue;
        auto png = unbase64(e["thumbnail_png"].get<std::string>());
        auto img = png ? decodePng(*png) : std::nullopt;
        if (!img || img->width > kMaxThumbSide || img->height > kMaxThumbSide) continue;
        pngs.push_back(*png);
        captions.push_back(e.value("file", ""));
    }
    if (files.empty()) return;
    std::string list = "Data dukung: ";
    for (std::size_t i = 0; i < files.size(); ++i) list += (i ? "; " : "") + files[i];
    c.paragraph(list, 8);
    if (!pngs.empty()) c.thumbnails(pngs, captions, 54);
}

void items(pdf::Canvas& c, const FacilityChecklist& cl, const FacilityClaim& claim, const Verification& v) {
    c.heading("Putusan per butir", 2);
    const FacilityAssessment claimed = claimFromReport(claim.report);
    auto one = [&](const std::string& code, FacilityStatus st, const FacilityItem* item) {
        const ItemVerdict* iv = v.find(code);
        c.ensure(60);
        c.paragraph(code + "  " + itemNameOf(cl, code), 10, true);
        std::string line = "Klaim unit: " + statusWord(st) + "   ·   Putusan: " +
                           (iv ? std::string(verdictLabel(iv->verdict)) : std::string("belum diverifikasi"));
        if (iv && iv->verdict == Verdict::TidakSesuai)
            line += " (ditemukan: " + statusWord(iv->found == FacilityStatus::Unset ? FacilityStatus::Tidak : iv->found) + ")";
        if (item) line += measuresText(*item, reportItem(claim.report, code), iv);
        if (iv && !iv->note.empty()) line += "\nCatatan: " + iv->note;
        c.paragraph(line, 9);
        evidence(c, reportItem(claim.report, code));
        c.space(4);
    };
    for (const FacilityItem& item : cl.items) {
        auto it = claimed.items.find(item.code);
        one(item.code, it == claimed.items.end() ? FacilityStatus::Unset : it->second.status, &item);
    }
    one(kPetugasItem, claimed.petugas, nullptr);
}

void signatures(pdf::Canvas& c, const Verification& v) {
    c.ensure(140);
    c.heading("Tanda tangan", 2);
    c.paragraph("Demikian berita acara ini dibuat dengan sebenarnya pada tanggal " + v.visit.date + ".", 10);
    std::vector<std::string> names = v.visit.assessors;
    names.push_back("Kepala unit / yang mewakili");
    for (std::size_t i = 0; i < names.size(); ++i) {
        c.ensure(60);
        c.space(34);
        c.paragraph("______________________________", 10);
        c.paragraph(names[i] + (i + 1 < names.size() ? "  (Penilai Kanwil)" : ""), 9);
    }
}

} // namespace

void writeBeritaAcaraPdf(const FacilityChecklist& cl, const FacilityClaim& claim, const Verification& v, const std::string& kanwil,
                         const std::string& path) {
    const VerifiedScore s = scoreVerification(cl, claim.report, v);
    AtomicOutput out(path);
    {
        pdf::Canvas c(out.tempPath(), "Berita acara verifikasi P2HAM  ·  " + claim.unit.id + "  ·  " + v.visit.date, kanwil, "Halaman {0}");
        c.setMetadata("Berita acara verifikasi P2HAM — " + claim.unit.id, kanwil);
        header(c, claim, v);
        scores(c, cl, s);
        items(c, cl, claim, v);
        signatures(c, v);
        try {
            c.finish();
        } catch (const std::exception& e) {
            throw ExportError(ExportError::Kind::Io, path + ": " + e.what() + "; nothing was written");
        }
    }
    out.commit();
}

} // namespace sw
