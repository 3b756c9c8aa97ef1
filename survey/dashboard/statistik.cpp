#include "survey/dashboard/statistik.hpp"

#include "survey/store/totals.hpp"

#include <algorithm>

namespace sw {

SkmResult skmFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w) {
    std::int64_t respondents = 0;
    auto t = store.unsurTallies(f, in, &respondents);
    return scoreSkm(t, respondents, w);
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

AksesibilitasResult aksesibilitasFor(Store& store, const Instrument& in, const ResponseFilter& f) {
    AksesibilitasResult r = scoreAksesibilitas(store.hamTallies(f, in));
    const ResponseTotals::Sums all = store.totals(f).total(f.kelompok);
    r.adilYes = all.adilYes;
    r.adilNo = all.adilNo;
    return r;
}

RentanGap rentanGapFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w) {
    RentanGap g;
    ResponseFilter fr = f, fb = f;
    fr.kelompok = "rentan";
    fb.kelompok = "bukan";
    g.rentan = skmFor(store, in, fr, w);
    g.bukan = skmFor(store, in, fb, w);
    g.aksesRentan = aksesibilitasFor(store, in, fr);
    g.aksesBukan = aksesibilitasFor(store, in, fb);
    g.comparable = g.rentan.respondents > 0 && g.bukan.respondents > 0;
    if (g.comparable) {
        g.ikmGap = g.rentan.ikmUnit - g.bukan.ikmUnit;
        if (g.aksesRentan.any && g.aksesBukan.any) g.aksesGap = g.aksesRentan.index - g.aksesBukan.index;
    }
    return g;
}

} // namespace sw
