#include "survey/dashboard/unit_report.hpp"

#include "survey/dashboard/dashboard.hpp"
#include "survey/facility/evidence.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/facility/tindak_lanjut.hpp"
#include "survey/base/uuid.hpp"

#include <sodium.h>

namespace sw {

using nlohmann::json;

std::string base64(const std::string& bytes) {
    ensureSodium();
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::optional<std::string> unbase64(const std::string& text) {
    ensureSodium();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

Period exportPeriod(Store& store, const ResponseFilter& f) {
    LocalDate from, to;
    std::string lo, hi;
    {
        ResponseFilter all = f;
        all.includeMisuse = true;
        std::vector<std::string> binds;
        // Two subqueries: SQLite answers a lone min() or max() from the index's ends, but reads the
        // whole range for both in one SELECT.
        const std::string where = responseWhere(all, binds);
        sql::Statement st(store.db(), "SELECT (SELECT min(r.local_date) FROM response r WHERE " + where +
                                          "), (SELECT max(r.local_date) FROM response r WHERE " + where + ")");
        for (std::size_t i = 0; i < 2 * binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i % binds.size()]);
        if (st.step() && !st.isNull(0)) {
            lo = st.getText(0);
            hi = st.getText(1);
        }
    }
    auto unit = store.unit();
    std::string today = localDate(nowUtc(), unit ? unit->utcOffsetMinutes : 420);
    if (!parseDate(f.from ? *f.from : (lo.empty() ? today : lo), from)) parseDate(today, from);
    if (!parseDate(f.to ? *f.to : (hi.empty() ? today : hi), to)) parseDate(today, to);
    if (daysFromCivil(to.year, to.month, to.day) < daysFromCivil(from.year, from.month, from.day)) to = from;
    return customPeriod(from, to);
}

std::optional<FacilityAssessment> assessmentForPeriod(Store& store, const Period& p) {
    const std::string end = formatDate(p.to);
    for (const auto& s : listAssessments(store)) // newest first
        if (s.assessedOn <= end) return loadAssessment(store, s.id);
    return std::nullopt;
}

json facilityForBundle(Store& store, const ResponseFilter& f, bool withEvidence) {
    Period p = exportPeriod(store, f);
    auto a = assessmentForPeriod(store, p);
    if (!a) return nullptr;
    FacilityChecklist c = loadChecklist(defaultChecklistPath());
    std::vector<std::string> services;
    if (auto in = store.latestInstrument())
        for (const auto& s : in->services) services.push_back(s.code);
    FacilityScore score = scoreFacility(c, *a, services);

    json j;
    j["checklist"] = {{"id", c.id}, {"version", c.version}, {"title", c.title.byLang}};
    j["assessed_on"] = a->assessedOn;
    j["assessor"] = a->assessor;
    j["score"] = score.total;
    j["criteria_assessed"] = score.coverage.assessed;
    j["criteria_total"] = score.coverage.total;
    j["citizen_index"] = a->citizenIndex ? json(*a->citizenIndex) : json(nullptr);
    json criteria = json::array();
    for (const auto& cs : score.criteria) {
        const FacilityCriterion* cr = c.findCriterion(cs.code);
        criteria.push_back({{"code", cs.code}, {"name", cr ? json(cr->name.byLang) : json::object()}, {"weight", cs.weight},
                            {"score", cs.score}, {"has_data", cs.hasData}, {"answered", cs.answered}, {"total", cs.total}});
    }
    j["criteria"] = criteria;
    json items = json::array();
    for (const auto& item : c.items) {
        json ji = {{"code", item.code}, {"name", item.name.byLang}, {"criterion", item.criterion}, {"source", item.source}};
        auto it = a->items.find(item.code);
        const FacilityAnswer* ans = it == a->items.end() ? nullptr : &it->second;
        ji["status"] = ans ? facilityStatusCode(ans->status) : "";
        ji["note"] = ans ? ans->note : "";
        json measures = json::array();
        for (const auto& m : item.measures) {
            std::optional<double> v;
            if (ans)
                if (auto mv = ans->measures.find(m.code); mv != ans->measures.end()) v = mv->second;
            MeasureVerdict verdict = judge(m, v);
            measures.push_back({{"code", m.code}, {"name", m.name.byLang}, {"unit", m.unit},
                                {"rule", m.rule == FacilityMeasure::Rule::Max ? "max" : "min"}, {"limit", m.limit},
                                {"value", v ? json(*v) : json(nullptr)},
                                {"verdict", verdict == MeasureVerdict::Pass ? "pass" : verdict == MeasureVerdict::Fail ? "fail" : ""}});
        }
        ji["measures"] = measures;
        json ev = json::array();
        if (ans)
            for (std::int64_t id : ans->evidence) {
                auto info = evidenceInfo(store, id);
                if (!info) continue;
                json je = {{"sha256", info->sha256}, {"file", info->fileName}, {"mime", info->mime}, {"size", info->size}};
                std::string thumb = evidenceThumbnailPng(store, id);
                je["thumbnail_png"] = thumb.empty() ? json(nullptr) : json(base64(thumb));
                if (withEvidence) je["data"] = base64(evidenceData(store, id));
                ev.push_back(je);
            }
        ji["evidence"] = ev;
        items.push_back(ji);
    }
    j["items"] = items;
    j["petugas"] = facilityStatusCode(a->petugas);
    j["kepatuhan"] = a->kepatuhan;
    json gaps = json::array();
    int counted = 0;
    for (const auto& g : score.gaps) {
        const char* kind = "";
        switch (g.kind) {
        case FacilityGap::Kind::Missing: kind = "missing"; break;
        case FacilityGap::Kind::MeasureFails: kind = "measure_fails"; break;
        case FacilityGap::Kind::InProgress: kind = "in_progress"; break;
        case FacilityGap::Kind::Unanswered: kind = "unanswered"; break;
        case FacilityGap::Kind::PetugasMissing: kind = "petugas_missing"; break;
        case FacilityGap::Kind::KepatuhanLow: kind = "kepatuhan_low"; break;
        }
        if (g.kind != FacilityGap::Kind::Unanswered) ++counted;
        gaps.push_back({{"kind", kind}, {"item", g.item}, {"measure", g.measure}, {"value", g.value}, {"limit", g.limit},
                        {"level", g.level}, {"criterion", g.criterion}, {"source", g.source}, {"priority", g.priority}});
    }
    j["gaps"] = gaps;
    j["gap_count"] = counted; // not-yet-assessed items are listed but not counted as gaps
    return j;
}

// The population and tindak lanjut of every period that overlaps the bundle's, each with its
// period, so the Kanwil judges a triwulan's sample from a year's bundle too; "population" stays
// the bundle's own period's (bundles made before "populations" carried only that).
json unitExtraForBundle(Store& store, const ResponseFilter& f) {
    const Period p = exportPeriod(store, f);
    const std::string from = formatDate(p.from), to = formatDate(p.to);
    json j = json::object();
    auto pop = populationFor(store, p);
    j["population"] = pop ? json(*pop) : json(nullptr);
    json pops = json::array();
    for (const auto& e : listPopulations(store))
        if (e.from <= to && e.to >= from) pops.push_back({{"from", e.from}, {"to", e.to}, {"population", e.population}});
    j["populations"] = pops;
    json tl = json::array();
    for (const auto& t : tindakLanjutOverlapping(store, p))
        tl.push_back({{"period_from", t.periodFrom}, {"period_to", t.periodTo}, {"target_kind", t.targetKind},
                      {"target_code", t.targetCode}, {"target_label", t.targetLabel}, {"action", t.action}, {"owner", t.owner},
                      {"due", t.dueDate}, {"status", t.status}});
    j["tindak_lanjut"] = tl;
    return j;
}

} // namespace sw
