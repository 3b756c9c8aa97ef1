#include "survey/statistik.hpp"

namespace sw {

SkmResult skmFor(Store& store, const Instrument& in, const ResponseFilter& f, Weights w) {
    std::int64_t respondents = 0;
    auto t = store.unsurTallies(f, in, &respondents);
    return scoreSkm(t, respondents, w);
}

AksesibilitasResult aksesibilitasFor(Store& store, const Instrument& in, const ResponseFilter& f) {
    AksesibilitasResult r;
    auto tallies = store.hamTallies(f, in);
    // Exact equal weights over the items somebody rated (as the SKM's 1/9 over its nine).
    double sum = 0;
    int rated = 0;
    for (const auto& t : tallies) {
        UnsurScore s;
        s.code = t.code;
        s.name = t.name;
        s.sum = t.sum;
        s.n = t.n;
        if (t.n > 0) {
            s.nrr = static_cast<double>(t.sum) / static_cast<double>(t.n);
            s.nrrUnit = s.nrr * 25.0;
            s.mutu = mutuFor(s.nrrUnit);
            sum += s.nrr;
            ++rated;
        }
        r.items.push_back(s);
    }
    for (auto& s : r.items) s.nrrWeighted = rated > 0 && s.n > 0 ? s.nrr / rated : 0;
    r.any = rated > 0;
    r.index = rated > 0 ? sum / rated * 25.0 : 0;

    std::vector<std::string> binds;
    std::string where = responseWhere(f, binds);
    sql::Statement st(store.db(), "SELECT sum(r.adil=1), sum(r.adil=0) FROM response r WHERE " + where);
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    if (st.step()) {
        r.adilYes = st.getInt(0);
        r.adilNo = st.getInt(1);
    }
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
