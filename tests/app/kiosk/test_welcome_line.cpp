// The welcome screen's line on the last triwulan's result: off by default, shown when the unit
// switches it on (from the kiosk's own area or the office PC: noticed within a minute), only on
// the welcome screen, and gone again when switched off.
#include "app/kiosk/headless.hpp"

#include "survey/base/number.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/export/public_summary.hpp"
#include "survey/kiosk/simulate.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

// 150 respondents in the triwulan before today's; returns that triwulan's result.
SkmResult fillLastTriwulan(Store& store, const Instrument& in) {
    LocalDate today;
    parseDate(localDate(nowUtc(), 420), today);
    const Period last = previousPeriod(periodContaining(PeriodKind::Triwulan, today));
    Simulator sim(in, *store.unit(), 23, 30, utcFromLocal(last.to, 12, 0, 420));
    std::vector<Response> rs;
    for (int i = 0; i < 150; ++i) rs.push_back(sim.next());
    store.appendAll(rs);
    ResponseFilter f;
    f.from = formatDate(last.from);
    f.to = formatDate(last.to);
    return skmFor(store, in, f);
}

} // namespace

TEST_CASE("welcome line: last triwulan's result when switched on, on the welcome screen only", "[kiosk][welcome]") {
    swtest::Headless h;
    const SkmResult last = fillLastTriwulan(*h.store, h.in);
    h.frame();
    CHECK(h.ui->welcomeResultLine().empty());   // off by default
    setWelcomeLineEnabled(*h.store, true);      // e.g. from `suarawarga admin` on the office PC
    h.wait(61);
    const std::string expected = "Hasil survei triwulan lalu: " + formatNumber(last.ikmUnit, 1, "id") + " (" + kinerjaName(last.mutu) + ")";
    CHECK(h.ui->welcomeResultLine() == expected);
    h.tap(h.tr.get("welcome.start", "id"));
    CHECK(h.flow->step() != kiosk::Step::Welcome);
    CHECK(h.ui->welcomeResultLine().empty());   // not over the questions
    setWelcomeLineEnabled(*h.store, false);
    h.flow->reset();
    h.wait(61);
    CHECK(h.ui->welcomeResultLine().empty());
}
