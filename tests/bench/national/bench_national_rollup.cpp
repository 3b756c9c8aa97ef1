// The national roll-up by kabupaten/kota in both kinds of assessor store, in one run: U units
// (default 2,000; --full 20,000, about the number of puskesmas, Disdukcapil, MPP and kecamatan
// offices that could report) × one year of tallies, then `report --by kabkota`'s reads: every
// unit's tallies over the period (AssessorStore::unitTallies) and the pooled areas (rollupByArea),
// for the year, a triwulan and a period with ragged ends. Prints figures; asserts nothing.
//
// The tallies are generated directly, not merged from responses (a year of 20,000 units is about
// 100 million responses): per unit a daily count drawn between 14 and 55 respondents (5,000–20,000
// a year), each respondent's kelompok mask drawn from fixed shares (most none, then lansia,
// disabilitas, hamil/menyusui, anak, a few two at once) and each unsur / HAM answer from 1–4. The
// day cells are written as the merge writes them (daily_tally, and their months and years in
// period_tally); the unit registry and one merged bundle per unit are written beside them.
//
//   bench_national_rollup [--units U] [--full] [--runs R] [--no-days] [--dir DIR] [--keep] [--pg-url URL]
// README "The national store (PostgreSQL)".
#include "survey/export/export_helpers.hpp"
#include "survey/national/pg_cluster.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/national/area_rollup.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/pg_connection.hpp"
#include "survey/national/pg_tally.hpp"
#include "survey/store/daily_tally.hpp"
#include "survey/store/tally_spans.hpp"
#include "survey/base/local_time.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <random>
#include <sys/resource.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kYear = 2026;
constexpr int kSkm = 9, kHam = 7;   // the default instrument's unsur and HAM positions

struct Options {
    int units = 2000, runs = 3;
    bool days = true, keep = false;
    std::string dir = (fs::temp_directory_path() / "sw-bench-national-rollup").string();
    std::string pgUrl;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--units") o.units = std::atoi(value().c_str());
        else if (a == "--full") o.units = 20000;
        else if (a == "--runs") o.runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--no-days") o.days = false;
        else if (a == "--dir") o.dir = value();
        else if (a == "--keep") o.keep = true;
        else if (a == "--pg-url") o.pgUrl = value();
        else return false;
    }
    return o.units > 0;
}

double ms(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// Kelompok masks by share of respondents (RentanBit: 1 lansia, 2 disabilitas, 4 hamil/menyusui, 8 anak).
int drawMask(std::mt19937_64& rng) {
    const int r = static_cast<int>(rng() % 1000);
    if (r < 720) return 0;
    if (r < 860) return 1;
    if (r < 900) return 2;
    if (r < 950) return 4;
    if (r < 980) return 8;
    if (r < 992) return 3;
    return 5;
}

using Cells = std::map<std::pair<std::string, int>, sw::pg::TallyCell>;   // (start date, mask)

// One unit's year: its day, month and year cells.
struct UnitYear {
    Cells day, month, year;
};

void addCell(Cells& layer, const std::string& start, int mask, const sw::ResponseTotals::Sums& day) {
    sw::ResponseTotals::addSums(layer[{start, mask}].sums, day);
}

// A unit's year. Respondents' masks are drawn one by one; a cell's Σ per unsur is its n answers
// times the unit's mean answer (2,6–3,6, drawn once per unit and position) plus a little noise.
UnitYear generate(std::mt19937_64& rng) {
    UnitYear y;
    std::array<double, kSkm + kHam> mean{};
    for (double& m : mean) m = 2.6 + static_cast<double>(rng() % 1000) / 1000.0;
    const std::int64_t first = sw::daysFromCivil(kYear, 1, 1), last = sw::daysFromCivil(kYear, 12, 31);
    for (std::int64_t d = first; d <= last; ++d) {
        const std::string day = sw::formatDate(sw::civilFromDays(d));
        std::array<std::int64_t, 32> people{};
        const int n = 14 + static_cast<int>(rng() % 42);
        for (int p = 0; p < n; ++p) ++people[static_cast<std::size_t>(drawMask(rng))];
        for (int mask = 0; mask < 32; ++mask) {
            const std::int64_t k = people[static_cast<std::size_t>(mask)];
            if (k == 0) continue;
            sw::ResponseTotals::Sums s;
            s.respondents = s.rows = s.adilYes = k;
            for (int i = 0; i < kSkm + kHam; ++i) {
                const auto sum = std::clamp(static_cast<std::int64_t>(static_cast<double>(k) * mean[static_cast<std::size_t>(i)]) +
                                                static_cast<std::int64_t>(rng() % 3) - 1, k, 4 * k);
                (i < kSkm ? s.skm : s.ham).emplace_back(sum, k);
            }
            addCell(y.day, day, mask, s);
            addCell(y.month, sw::spanStart(sw::TallySpan::Month, day), mask, s);
            addCell(y.year, sw::spanStart(sw::TallySpan::Year, day), mask, s);
        }
    }
    return y;
}

std::string unitId(int u) {
    char b[16];
    std::snprintf(b, sizeof b, "U%05d", u);
    return b;
}
// 514 kabupaten/kota codes in 38 provinces, units spread over them.
std::string kode(int u) {
    char b[16];
    std::snprintf(b, sizeof b, "%02d.%02d", 11 + (u % 514) / 14, 1 + (u % 514) % 14);
    return b;
}

std::string pgArray(const std::vector<std::pair<std::int64_t, std::int64_t>>& v, bool sums) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(sums ? v[i].first : v[i].second);
    return out + "}";
}

// [SECTION] Writing the generated tallies
void writeSqlite(sw::Store& s, int u, const UnitYear& y, bool days) {
    const std::string id = unitId(u);
    sw::sql::Statement unit(s.db(), "INSERT OR REPLACE INTO unit(id, name, kabupaten, province, kode_wilayah) VALUES(?,?,?,?,?)");
    unit.bind(1, id).bind(2, "Unit " + id).bind(3, "Kab " + kode(u)).bind(4, "Prov " + kode(u).substr(0, 2)).bind(5, kode(u)).run();
    sw::sql::Statement b(s.db(), "INSERT INTO merged_bundle(id, unit_id, fingerprint, responses, added, created_utc, merged_utc) "
                                 "VALUES(?, ?, '', 0, 0, 0, 0)");
    b.bind(1, "bench-" + id).bind(2, id).run();
    auto put = [&](const Cells& cells, const char* span) {
        const bool daily = span == nullptr;
        sw::sql::Statement st(s.db(), daily ? "INSERT INTO daily_tally VALUES(?1,?2,'skm-permenpanrb-14-2017',1,?3,?4,?4,?5,0,0,?6,?7)"
                                            : "INSERT INTO period_tally VALUES(?1,?8,?2,'skm-permenpanrb-14-2017',1,?3,?4,?4,?5,0,0,?6,?7)");
        for (const auto& [key, cell] : cells) {
            st.reset();
            st.bind(1, id).bind(2, key.first).bind(3, key.second).bind(4, cell.sums.respondents).bind(5, cell.sums.adilYes);
            st.bind(6, sw::encodeSums(cell.sums.skm)).bind(7, sw::encodeSums(cell.sums.ham));
            if (!daily) st.bind(8, span);
            st.run();
        }
    };
    if (days) put(y.day, nullptr);
    put(y.month, "m");
    put(y.year, "y");
}

void copyCells(std::string& out, const std::string& id, const Cells& cells, const char* span) {
    for (const auto& [key, cell] : cells) {
        const auto& s = cell.sums;
        out += id + '\t' + (span ? std::string(span) + '\t' : std::string()) + key.first + "\tskm-permenpanrb-14-2017\t1\t" +
               std::to_string(key.second) + '\t' + std::to_string(s.respondents) + '\t' + std::to_string(s.rows) + '\t' +
               std::to_string(s.adilYes) + "\t0\t0\t" + pgArray(s.skm, true) + '\t' + pgArray(s.skm, false) + '\t' +
               pgArray(s.ham, true) + '\t' + pgArray(s.ham, false) + '\n';
    }
}

void writePg(sw::pg::Connection& c, int u, const UnitYear& y, bool days) {
    const std::string id = unitId(u);
    c.query("INSERT INTO unit(id, name, kabupaten, province, kode_wilayah) VALUES($1,$2,$3,$4,$5) ON CONFLICT (id) DO NOTHING",
            {id, "Unit " + id, "Kab " + kode(u), "Prov " + kode(u).substr(0, 2), kode(u)});
    c.query("INSERT INTO merged_bundle(unit_id, id, fingerprint, responses, added, created_utc, merged_utc) VALUES($1,$2,'',0,0,0,0)",
            {id, "bench-" + id});
    const char* cols = "instrument_id, instrument_version, mask, respondents, rows, adil_yes, adil_no, misuse, skm_sum, skm_n, ham_sum, ham_n";
    if (days) {
        std::string rows;
        copyCells(rows, id, y.day, nullptr);
        c.copyIn(std::string("COPY daily_tally(unit_id, day, ") + cols + ") FROM STDIN", rows);
    }
    std::string rows;
    copyCells(rows, id, y.month, "m");
    copyCells(rows, id, y.year, "y");
    c.copyIn(std::string("COPY period_tally(unit_id, span, start, ") + cols + ") FROM STDIN", rows);
}

// [SECTION] Timing the roll-up
struct Figure {
    std::string label;
    std::vector<double> runs, read;   // whole roll-up; of it, reading the units' tallies
    std::size_t areas = 0, units = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

Figure timeRollup(sw::AssessorStore& st, const std::string& label, const sw::TallyPeriod& p, int runs) {
    Figure f{label, {}, {}, 0, 0};
    const auto in = st.latestInstrument();
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        const auto units = st.unitTallies(p);
        f.read.push_back(ms(t0));
        const auto areas = sw::rollupByArea(units, st.layouts(), *in, sw::AreaLevel::KabKota);
        f.runs.push_back(ms(t0));
        f.areas = areas.size();
        f.units = units.size();
    }
    return f;
}

// A store with the default instrument registered (one small merged bundle) and the schema made.
void seed(sw::AssessorStore& st, const Options& o) {
    const std::string unitDb = o.dir + "/seed-unit.db";
    fs::remove(unitDb);
    swtest::fillUnit(unitDb, "seed-unit", 10, 1);
    sw::Store s(unitDb);
    const std::string file = o.dir + "/seed.swb";
    sw::exportBundle(s, sw::UnitKey::loadOrCreate(s), file, sw::BundleOptions{});
    st.mergeFiles({file}, sw::KeyPolicy::EnrollNew);
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_national_rollup [--units U] [--full] [--runs R] [--no-days] [--dir DIR] [--keep] [--pg-url URL]\n");
        return 2;
    }
    fs::create_directories(o.dir);
    const std::string file = o.dir + "/national.db";
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(file + ext);
    const std::string url = o.pgUrl.empty() ? swtest::PgCluster::shared("-c shared_buffers=1GB -c max_wal_size=8GB").newDatabase("bench_rollup") : o.pgUrl;
    auto sqlite = sw::openAssessorStore(file, true);
    auto pgStore = sw::openAssessorStore(url, true);
    seed(*sqlite, o);
    seed(*pgStore, o);

    const auto g0 = Clock::now();
    {
        sw::Store s(file);
        sw::pg::Connection c(url, "bench");
        std::mt19937_64 rng(20261130);
        sw::sql::Transaction tx(s.db());
        c.exec("BEGIN");
        for (int u = 1; u <= o.units; ++u) {
            const UnitYear y = generate(rng);
            writeSqlite(s, u, y, o.days);
            writePg(c, u, y, o.days);
        }
        c.exec("COMMIT");
        c.exec("ANALYZE");
        tx.commit();
    }
    std::printf("generated %d units × %d days (%s) in %.1f s; file store %.0f MB\n", o.units, 365,
                o.days ? "days, months, years" : "months and years only", ms(g0) / 1000, static_cast<double>(fs::file_size(file)) / 1e6);

    std::vector<std::pair<std::string, sw::TallyPeriod>> periods = {{"year 2026", {"2026-01-01", "2026-12-31"}},
                                                                    {"triwulan III", {"2026-07-01", "2026-09-30"}}};
    if (o.days) periods.push_back({"2026-02-15 .. 2026-05-14 (ragged)", {"2026-02-15", "2026-05-14"}});
    std::printf("\n| period | file store (SQLite) median ms (reading tallies) | PostgreSQL 15 median ms (reading tallies) | units | kabupaten/kota |\n"
                "|---|---|---|---|---|\n");
    for (const auto& [label, p] : periods) {
        const Figure a = timeRollup(*sqlite, label, p, o.runs), b = timeRollup(*pgStore, label, p, o.runs);
        std::printf("| %s | %.0f (%.0f) | %.0f (%.0f) | %zu | %zu |\n", label.c_str(), median(a.runs), median(a.read), median(b.runs),
                    median(b.read), b.units, b.areas);
    }
    std::printf("\npeak RSS of this program (both stores' reads): %ld MB\n", peakRssMb());
    if (!o.keep) fs::remove_all(o.dir);
    return 0;
}
