#include "survey/dashboard/statistik.hpp"

#include "survey/store/period_where.hpp"
#include "survey/store/totals.hpp"

#include <algorithm>

namespace sw {

namespace {

LayoutLookup layoutsOf(Store& store) {
    return [&store](const std::string& id, int version) { return store.layout(id, version); };
}

} // namespace

SkmResult skmOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                const std::optional<std::string>& kelompok, Weights w) {
    std::int64_t respondents = 0;
    auto tallies = unsurInOrder(t, layouts, in, kelompok, &respondents);
    return scoreSkm(tallies, respondents, w);
}

SkmResult skmFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w) {
    return skmOf(store.totals(f), layoutsOf(store), in, f.kelompok, w);
}

std::int64_t misuseCount(Store& store, const ResponseFilter& f) {
    ResponseFilter all = f;
    all.includeMisuse = true;
    std::vector<std::string> binds;
    sql::Statement st(store.db(), "SELECT count(*) FROM response r WHERE " + periodWhere(store, all, binds) + " AND r.misuse<>0");
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    return st.step() ? st.getInt(0) : 0;
}

std::vector<SkmResult> skmForBuckets(Store& store, const Instrument& in, const ResponseFilter& f,
                                     const std::vector<std::pair<std::string, std::string>>& bucketDays, Weights w) {
    std::vector<SkmResult> out;
    for (const ResponseTotals& t : ResponseTotals::scanBuckets(store, f, bucketDays))
        out.push_back(skmOf(t, layoutsOf(store), in, f.kelompok, w));
    return out;
}

AksesibilitasResult scoreAksesibilitas(const std::vector<UnsurTally>& tallies) {
    AksesibilitasResult r;
    // The SKM arithmetic over the items somebody rated: exact equal weights, so the index is the
    // mean item NRR × 25 (as the IKM is the mean of the nine NRR).
    std::vector<UnsurTally> rated;
    for (const auto& t : tallies)
        if (t.n > 0) rated.push_back(t);
    SkmResult scored = scoreSkm(rated, 0);
    r.any = !rated.empty();
    r.index = r.any ? scored.ikmUnit : 0;
    for (const auto& t : tallies) {
        auto it = std::find_if(scored.unsur.begin(), scored.unsur.end(), [&](const UnsurScore& s) { return s.code == t.code; });
        if (it != scored.unsur.end()) {
            r.items.push_back(*it);
        } else {
            UnsurScore none;
            none.code = t.code;
            none.name = t.name;
            r.items.push_back(none);
        }
    }
    return r;
}

AksesibilitasResult aksesibilitasOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                    const std::optional<std::string>& kelompok) {
    AksesibilitasResult r = scoreAksesibilitas(hamInOrder(t, layouts, in, kelompok));
    const ResponseTotals::Sums all = t.total(kelompok);
    r.adilYes = all.adilYes;
    r.adilNo = all.adilNo;
    return r;
}

AksesibilitasResult aksesibilitasFor(Store& store, const Instrument& in, const ResponseFilter& f) {
    return aksesibilitasOf(store.totals(f), layoutsOf(store), in, f.kelompok);
}

RentanGap rentanGapOf(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in, Weights w) {
    RentanGap g;
    g.rentan = skmOf(t, layouts, in, "rentan", w);
    g.bukan = skmOf(t, layouts, in, "bukan", w);
    g.aksesRentan = aksesibilitasOf(t, layouts, in, "rentan");
    g.aksesBukan = aksesibilitasOf(t, layouts, in, "bukan");
    g.comparable = g.rentan.respondents > 0 && g.bukan.respondents > 0;
    if (g.comparable) {
        g.ikmGap = g.rentan.ikmUnit - g.bukan.ikmUnit;
        if (g.aksesRentan.any && g.aksesBukan.any) g.aksesGap = g.aksesRentan.index - g.aksesBukan.index;
    }
    return g;
}

RentanGap rentanGapFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w) {
    ResponseFilter all = f;
    all.kelompok.reset();   // the gap compares the two groups of the same rows
    return rentanGapOf(store.totals(all), layoutsOf(store), in, w);
}

} // namespace sw
