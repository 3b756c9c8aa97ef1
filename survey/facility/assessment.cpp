// Index of this file
//   [SECTION] Status codes
//   [SECTION] Scoring and the gap list
//   [SECTION] Storage
#include "survey/facility/assessment.hpp"

#include "survey/base/local_time.hpp"
#include "survey/store/store.hpp"

#include <algorithm>
#include <tuple>

namespace sw {

// [SECTION] Status codes

const char* facilityStatusCode(FacilityStatus s) {
    switch (s) {
    case FacilityStatus::Unset: return "";
    case FacilityStatus::Ada: return "ada";
    case FacilityStatus::Proses: return "proses";
    case FacilityStatus::Tidak: return "tidak";
    }
    return "";
}

FacilityStatus parseFacilityStatus(const std::string& code) {
    if (code == "ada") return FacilityStatus::Ada;
    if (code == "proses") return FacilityStatus::Proses;
    if (code == "tidak") return FacilityStatus::Tidak;
    return FacilityStatus::Unset;
}

// [SECTION] Scoring and the gap list

namespace {

// How urgent a gap is: absent things first, then things that fail the building rules, then
// work in progress, then what was not assessed at all.
int severity(const FacilityGap& g, const FacilityChecklist& c) {
    switch (g.kind) {
    case FacilityGap::Kind::Missing:
    case FacilityGap::Kind::PetugasMissing: return 0;
    case FacilityGap::Kind::MeasureFails: return 1;
    case FacilityGap::Kind::KepatuhanLow: {
        const KepatuhanLevel* l = c.findLevel(g.level);
        return l && l->score < 50 ? 1 : 2;
    }
    case FacilityGap::Kind::InProgress: return 2;
    case FacilityGap::Kind::Unanswered: return 3;
    }
    return 3;
}

double criterionWeight(const FacilityChecklist& c, const std::string& code) {
    const FacilityCriterion* cr = c.findCriterion(code);
    return cr ? cr->weight : 0;
}

// What scoring adds up per criterion code: Σ score and count of what was answered, and how many
// things were asked.
struct Tally {
    std::map<std::string, std::pair<double, int>> sums; // criterion → Σ score, count
    std::map<std::string, int> totals;
};

void scoreItems(const FacilityChecklist& c, const FacilityAssessment& a, Tally& t, std::vector<FacilityGap>& gaps) {
    for (const FacilityItem& item : c.items) {
        ++t.totals[item.criterion];
        auto it = a.items.find(item.code);
        const FacilityAnswer* ans = it == a.items.end() ? nullptr : &it->second;
        const FacilityStatus st = ans ? ans->status : FacilityStatus::Unset;
        FacilityGap base{FacilityGap::Kind::Unanswered, item.code, "", 0, 0, "", item.criterion, item.source, item.priority};
        if (st == FacilityStatus::Unset) {
            gaps.push_back(base);
            continue;
        }
        double score = st == FacilityStatus::Ada ? c.scores.ada : st == FacilityStatus::Proses ? c.scores.proses : c.scores.tidak;
        if (st == FacilityStatus::Tidak) {
            base.kind = FacilityGap::Kind::Missing;
            gaps.push_back(base);
        } else {
            // Measured values judged against Permen PUPR 14/2017 (limits from the checklist file).
            for (const FacilityMeasure& m : item.measures) {
                auto mv = ans->measures.find(m.code);
                if (mv == ans->measures.end() || judge(m, mv->second) != MeasureVerdict::Fail) continue;
                score = std::min(score, c.scores.measureFail);
                FacilityGap g = base;
                g.kind = FacilityGap::Kind::MeasureFails;
                g.measure = m.code;
                g.value = mv->second;
                g.limit = m.limit;
                g.source = m.source;
                gaps.push_back(g);
            }
            if (st == FacilityStatus::Proses) {
                base.kind = FacilityGap::Kind::InProgress;
                gaps.push_back(base);
            }
        }
        t.sums[item.criterion].first += score;
        t.sums[item.criterion].second += 1;
    }
}

// Petugas siaga melayani kelompok rentan: Ada / Tidak.
void scorePetugas(const FacilityChecklist& c, const FacilityAssessment& a, Tally& t, std::vector<FacilityGap>& gaps) {
    ++t.totals[c.petugasCriterion];
    if (a.petugas == FacilityStatus::Unset) {
        gaps.push_back({FacilityGap::Kind::Unanswered, "petugas_siaga", "", 0, 0, "", c.petugasCriterion, c.petugasSource, 1});
    } else {
        const bool ada = a.petugas == FacilityStatus::Ada;
        t.sums[c.petugasCriterion].first += ada ? c.scores.ada : a.petugas == FacilityStatus::Proses ? c.scores.proses : c.scores.tidak;
        t.sums[c.petugasCriterion].second += 1;
        if (!ada)
            gaps.push_back({FacilityGap::Kind::PetugasMissing, "petugas_siaga", "", 0, 0, "", c.petugasCriterion, c.petugasSource, 1});
    }
}

// Kepatuhan terhadap standar pelayanan, per service type.
void scoreKepatuhan(const FacilityChecklist& c, const FacilityAssessment& a, const std::vector<std::string>& services, Tally& t,
                    std::vector<FacilityGap>& gaps) {
    double best = 0;
    for (const auto& l : c.kepatuhanLevels) best = std::max(best, l.score);
    for (const std::string& svc : services) {
        ++t.totals[c.kepatuhanCriterion];
        auto it = a.kepatuhan.find(svc);
        const KepatuhanLevel* l = it == a.kepatuhan.end() ? nullptr : c.findLevel(it->second);
        if (!l) {
            gaps.push_back({FacilityGap::Kind::Unanswered, svc, "", 0, 0, "", c.kepatuhanCriterion, c.kepatuhanSource, 2});
            continue;
        }
        t.sums[c.kepatuhanCriterion].first += l->score;
        t.sums[c.kepatuhanCriterion].second += 1;
        if (l->score < best)
            gaps.push_back({FacilityGap::Kind::KepatuhanLow, svc, "", 0, 0, l->code, c.kepatuhanCriterion, c.kepatuhanSource, 2});
    }
}

// Per criterion in the checklist's order, then the weighted mean over those with data.
void weighCriteria(const FacilityChecklist& c, const FacilityAssessment& a, Tally& t, FacilityScore& s) {
    double wsum = 0, total = 0;
    for (const FacilityCriterion& cr : c.criteria) {
        CriterionScore cs;
        cs.code = cr.code;
        cs.weight = cr.weight;
        if (cr.code == c.citizenCriterion) {
            // The citizens' own accessibility index from the kiosk, already on a 25–100 scale.
            cs.total = 1;
            if (a.citizenIndex) {
                cs.hasData = true;
                cs.answered = 1;
                cs.score = *a.citizenIndex;
            }
        } else {
            cs.total = t.totals[cr.code];
            auto it = t.sums.find(cr.code);
            if (it != t.sums.end() && it->second.second > 0) {
                cs.hasData = true;
                cs.answered = it->second.second;
                cs.score = it->second.first / it->second.second;
            }
        }
        if (cs.hasData) {
            wsum += cs.weight;
            total += cs.weight * cs.score;
            ++s.coverage.assessed;
        }
        ++s.coverage.total;
        s.criteria.push_back(cs);
    }
    s.total = wsum > 0 ? total / wsum : 0;
}

} // namespace

FacilityScore scoreFacility(const FacilityChecklist& c, const FacilityAssessment& a, const std::vector<std::string>& services) {
    FacilityScore s;
    Tally t;
    scoreItems(c, a, t, s.gaps);
    scorePetugas(c, a, t, s.gaps);
    scoreKepatuhan(c, a, services, t, s.gaps);
    weighCriteria(c, a, t, s);

    std::stable_sort(s.gaps.begin(), s.gaps.end(), [&c](const FacilityGap& x, const FacilityGap& y) {
        return std::make_tuple(severity(x, c), x.priority, -criterionWeight(c, x.criterion)) <
               std::make_tuple(severity(y, c), y.priority, -criterionWeight(c, y.criterion));
    });
    return s;
}

// [SECTION] Storage

std::int64_t saveAssessment(Store& store, const FacilityAssessment& a) {
    sql::Database& db = store.db();
    sql::Transaction tx(db);
    sql::Statement st(db, "INSERT INTO facility_assessment(checklist_id, checklist_version, assessed_on, created_utc, "
                          "assessor, petugas_status, petugas_staff, note, citizen_index) VALUES(?,?,?,?,?,?,?,?,?)");
    st.bind(1, a.checklistId).bind(2, a.checklistVersion).bind(3, a.assessedOn);
    st.bind(4, a.createdUtc != 0 ? a.createdUtc : nowUtc()).bind(5, a.assessor);
    st.bind(6, facilityStatusCode(a.petugas)).bind(7, a.petugasStaff).bind(8, a.note).bind(9, a.citizenIndex);
    st.run();
    const std::int64_t id = db.lastInsertRowid();
    sql::Statement ans(db, "INSERT INTO facility_answer(assessment_id, item, status, note) VALUES(?,?,?,?)");
    sql::Statement mes(db, "INSERT INTO facility_measure(assessment_id, item, measure, value) VALUES(?,?,?,?)");
    sql::Statement evi(db, "INSERT OR IGNORE INTO facility_evidence(assessment_id, item, evidence_id) VALUES(?,?,?)");
    for (const auto& [code, x] : a.items) {
        ans.reset();
        ans.bind(1, id).bind(2, code).bind(3, facilityStatusCode(x.status)).bind(4, x.note).run();
        for (const auto& [m, v] : x.measures) {
            mes.reset();
            mes.bind(1, id).bind(2, code).bind(3, m).bind(4, v).run();
        }
        for (std::int64_t e : x.evidence) {
            evi.reset();
            evi.bind(1, id).bind(2, code).bind(3, e).run();
        }
    }
    sql::Statement kp(db, "INSERT INTO facility_kepatuhan(assessment_id, service, level) VALUES(?,?,?)");
    for (const auto& [svc, level] : a.kepatuhan) {
        kp.reset();
        kp.bind(1, id).bind(2, svc).bind(3, level).run();
    }
    tx.commit();
    return id;
}

std::optional<FacilityAssessment> loadAssessment(Store& store, std::int64_t id) {
    sql::Database& db = store.db();
    sql::Statement st(db, "SELECT checklist_id, checklist_version, assessed_on, created_utc, assessor, petugas_status, "
                          "petugas_staff, note, citizen_index FROM facility_assessment WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    FacilityAssessment a;
    a.id = id;
    a.checklistId = st.getText(0);
    a.checklistVersion = static_cast<int>(st.getInt(1));
    a.assessedOn = st.getText(2);
    a.createdUtc = st.getInt(3);
    a.assessor = st.getText(4);
    a.petugas = parseFacilityStatus(st.getText(5));
    a.petugasStaff = st.getText(6);
    a.note = st.getText(7);
    if (!st.isNull(8)) a.citizenIndex = st.getDouble(8);
    sql::Statement ans(db, "SELECT item, status, note FROM facility_answer WHERE assessment_id=?");
    ans.bind(1, id);
    while (ans.step()) {
        FacilityAnswer& x = a.items[ans.getText(0)];
        x.status = parseFacilityStatus(ans.getText(1));
        x.note = ans.getText(2);
    }
    sql::Statement mes(db, "SELECT item, measure, value FROM facility_measure WHERE assessment_id=?");
    mes.bind(1, id);
    while (mes.step()) a.items[mes.getText(0)].measures[mes.getText(1)] = mes.getDouble(2);
    sql::Statement evi(db, "SELECT item, evidence_id FROM facility_evidence WHERE assessment_id=? ORDER BY evidence_id");
    evi.bind(1, id);
    while (evi.step()) a.items[evi.getText(0)].evidence.push_back(evi.getInt(1));
    sql::Statement kp(db, "SELECT service, level FROM facility_kepatuhan WHERE assessment_id=?");
    kp.bind(1, id);
    while (kp.step()) a.kepatuhan[kp.getText(0)] = kp.getText(1);
    return a;
}

std::vector<AssessmentSummary> listAssessments(Store& store) {
    sql::Statement st(store.db(), "SELECT id, assessed_on, created_utc, assessor, checklist_version FROM facility_assessment "
                                  "ORDER BY assessed_on DESC, id DESC");
    std::vector<AssessmentSummary> out;
    while (st.step())
        out.push_back({st.getInt(0), st.getText(1), st.getInt(2), st.getText(3), static_cast<int>(st.getInt(4))});
    return out;
}

} // namespace sw
