#include "survey/national/verification.hpp"

#include <algorithm>

namespace sw {

// [SECTION] Verdicts and the visit

const char* verdictCode(Verdict v) {
    switch (v) {
    case Verdict::Terverifikasi: return "terverifikasi";
    case Verdict::TidakSesuai: return "tidak_sesuai";
    case Verdict::PerluKlarifikasi: return "perlu_klarifikasi";
    }
    return "";
}

const char* verdictLabel(Verdict v) {
    switch (v) {
    case Verdict::Terverifikasi: return "Terverifikasi";
    case Verdict::TidakSesuai: return "Tidak sesuai";
    case Verdict::PerluKlarifikasi: return "Perlu klarifikasi";
    }
    return "";
}

std::optional<Verdict> parseVerdict(const std::string& code) {
    for (Verdict v : {Verdict::Terverifikasi, Verdict::TidakSesuai, Verdict::PerluKlarifikasi})
        if (code == verdictCode(v)) return v;
    return std::nullopt;
}

const ItemVerdict* Verification::find(const std::string& item) const {
    auto it = std::find_if(verdicts.begin(), verdicts.end(), [&](const ItemVerdict& v) { return v.item == item; });
    return it == verdicts.end() ? nullptr : &*it;
}

// [SECTION] The verified score

namespace {

std::string textAt(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

FacilityAnswer answerFromReport(const nlohmann::json& item) {
    FacilityAnswer a;
    a.status = parseFacilityStatus(textAt(item, "status"));
    a.note = textAt(item, "note");
    if (auto ms = item.find("measures"); ms != item.end() && ms->is_array())
        for (const auto& m : *ms)
            if (m.is_object() && m.contains("value") && m["value"].is_number()) a.measures[textAt(m, "code")] = m["value"].get<double>();
    return a;
}

FacilityStatus foundOrTidak(const ItemVerdict& v) { return v.found == FacilityStatus::Unset ? FacilityStatus::Tidak : v.found; }

// The answer an item gets once verified (see verifiedAssessment).
FacilityAnswer verifiedAnswer(const FacilityAnswer& claimed, const ItemVerdict* v) {
    FacilityAnswer a = claimed;
    if (!v || v->verdict == Verdict::PerluKlarifikasi) {
        a.status = FacilityStatus::Unset;
        return a;
    }
    if (v->verdict == Verdict::TidakSesuai) a.status = foundOrTidak(*v);
    for (const auto& [code, value] : v->measured) a.measures[code] = value;
    return a;
}

std::vector<std::string> failingMeasures(const FacilityItem& item, const FacilityAnswer& a) {
    std::vector<std::string> out;
    for (const FacilityMeasure& m : item.measures)
        if (auto it = a.measures.find(m.code); it != a.measures.end() && judge(m, it->second) == MeasureVerdict::Fail)
            out.push_back(m.code);
    return out;
}

std::optional<ItemDifference> differenceOf(const std::string& code, const FacilityItem* item, const FacilityAnswer& claimed,
                                           const FacilityAnswer& verified, const ItemVerdict* v) {
    ItemDifference d;
    d.item = code;
    d.claimed = claimed.status;
    d.verified = verified.status;
    d.hasVerdict = v != nullptr;
    if (v) {
        d.verdict = v->verdict;
        d.note = v->note;
    }
    if (item) d.failingMeasures = failingMeasures(*item, verified);
    const bool newFailure = item && d.failingMeasures.size() > failingMeasures(*item, claimed).size();
    if (d.claimed == d.verified && !newFailure) return std::nullopt;
    if (d.claimed == FacilityStatus::Unset && d.verified == FacilityStatus::Unset) return std::nullopt; // nothing claimed
    return d;
}

VerificationCoverage coverageOf(const FacilityChecklist& c, const FacilityScore& s, const Verification* v) {
    VerificationCoverage cov;
    cov.criteria = s.coverage.total;          // the unit's own rule (survey/facility/assessment.hpp)
    cov.criteriaWithData = s.coverage.assessed;
    cov.items = static_cast<int>(c.items.size()) + 1; // + petugas siaga
    if (v)
        for (const ItemVerdict& iv : v->verdicts)
            if (iv.verdict != Verdict::PerluKlarifikasi) ++cov.itemsVerified;
    return cov;
}

} // namespace

FacilityAssessment claimFromReport(const nlohmann::json& report) {
    FacilityAssessment a;
    if (!report.is_object()) return a;
    if (auto cl = report.find("checklist"); cl != report.end() && cl->is_object()) {
        a.checklistId = textAt(*cl, "id");
        if (cl->contains("version") && (*cl)["version"].is_number_integer()) a.checklistVersion = (*cl)["version"].get<int>();
    }
    a.assessedOn = textAt(report, "assessed_on");
    a.assessor = textAt(report, "assessor");
    if (auto items = report.find("items"); items != report.end() && items->is_array())
        for (const auto& item : *items)
            if (item.is_object() && !textAt(item, "code").empty()) a.items[textAt(item, "code")] = answerFromReport(item);
    a.petugas = parseFacilityStatus(textAt(report, "petugas"));
    if (auto kp = report.find("kepatuhan"); kp != report.end() && kp->is_object())
        for (const auto& [svc, level] : kp->items())
            if (level.is_string()) a.kepatuhan[svc] = level.get<std::string>();
    if (auto ci = report.find("citizen_index"); ci != report.end() && ci->is_number()) a.citizenIndex = ci->get<double>();
    return a;
}

std::vector<std::string> claimServices(const nlohmann::json& report) {
    std::vector<std::string> out;
    if (auto kp = report.find("kepatuhan"); report.is_object() && kp != report.end() && kp->is_object())
        for (const auto& [svc, level] : kp->items()) out.push_back(svc);
    return out;
}

FacilityAssessment verifiedAssessment(const FacilityChecklist& c, const FacilityAssessment& claim, const Verification& v) {
    FacilityAssessment a = claim;
    for (const FacilityItem& item : c.items) {
        auto it = claim.items.find(item.code);
        a.items[item.code] = verifiedAnswer(it == claim.items.end() ? FacilityAnswer{} : it->second, v.find(item.code));
    }
    const ItemVerdict* p = v.find(kPetugasItem);
    if (!p || p->verdict == Verdict::PerluKlarifikasi) a.petugas = FacilityStatus::Unset;
    else if (p->verdict == Verdict::TidakSesuai) a.petugas = foundOrTidak(*p);
    return a;
}

VerifiedScore scoreVerification(const FacilityChecklist& c, const nlohmann::json& report, const Verification& v) {
    const FacilityAssessment claim = claimFromReport(report);
    const FacilityAssessment verified = verifiedAssessment(c, claim, v);
    const std::vector<std::string> services = claimServices(report);
    VerifiedScore s;
    s.self = scoreFacility(c, claim, services);
    s.verified = scoreFacility(c, verified, services);
    s.difference = s.verified.total - s.self.total;
    s.selfCoverage = coverageOf(c, s.self, nullptr);
    s.coverage = coverageOf(c, s.verified, &v);
    for (const FacilityItem& item : c.items) {
        auto ci = claim.items.find(item.code);
        const FacilityAnswer claimed = ci == claim.items.end() ? FacilityAnswer{} : ci->second;
        if (auto d = differenceOf(item.code, &item, claimed, verified.items.at(item.code), v.find(item.code))) s.differing.push_back(*d);
    }
    FacilityAnswer pc, pv;
    pc.status = claim.petugas;
    pv.status = verified.petugas;
    if (auto d = differenceOf(kPetugasItem, nullptr, pc, pv, v.find(kPetugasItem))) s.differing.push_back(*d);
    return s;
}

} // namespace sw
