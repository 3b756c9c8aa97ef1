#include "survey/national/pg_tally.hpp"

#include <charconv>

namespace sw::pg {

void countResponse(DayTallies& t, const std::string& day, const PackedRow& r) {
    TallyCell& cell = t[TallyKey{day, std::string(r.instrumentId), r.instrumentVersion, r.kelompok & 31}];
    if (r.misuse) ++cell.misuse; // misuse is counted apart, out of every score
    else ResponseTotals::count(cell.sums, r.skm, r.ham, r.adil);
}

namespace {

using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

// "{Σ1,Σ2,…}" or "{n1,n2,…}": one half of the pairs as a bigint[] literal.
std::string half(const Pairs& p, bool sums) {
    std::string out = "{";
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(sums ? p[i].first : p[i].second);
    }
    return out + "}";
}

std::string numbers(const std::vector<std::int64_t>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(v[i]);
    }
    return out + "}";
}

} // namespace

void addTallies(Connection& c, const std::string& unitId, const DayTallies& t) {
    if (t.empty()) return;
    std::vector<std::string> days, ids, skmSum, skmN, hamSum, hamN;
    std::vector<std::int64_t> versions, masks, respondents, rows, adilYes, adilNo, misuse;
    for (const auto& [k, cell] : t) {
        const ResponseTotals::Sums& s = cell.sums;
        days.push_back(k.day);
        ids.push_back(k.instrumentId);
        versions.push_back(k.instrumentVersion);
        masks.push_back(k.mask);
        respondents.push_back(s.respondents);
        rows.push_back(s.rows);
        adilYes.push_back(s.adilYes);
        adilNo.push_back(s.adilNo);
        misuse.push_back(cell.misuse);
        skmSum.push_back(half(s.skm, true));
        skmN.push_back(half(s.skm, false));
        hamSum.push_back(half(s.ham, true));
        hamN.push_back(half(s.ham, false));
    }
    // One row per cell from parallel arrays; a cell already there (another bundle, same day) adds up.
    c.query("INSERT INTO daily_tally AS t (unit_id, day, instrument_id, instrument_version, mask, respondents, rows, "
            "adil_yes, adil_no, misuse, skm_sum, skm_n, ham_sum, ham_n) "
            "SELECT $1, u.d, u.i, u.v, u.m, u.r, u.n, u.ay, u.an, u.mu, u.ss::bigint[], u.sn::bigint[], u.hs::bigint[], u.hn::bigint[] "
            "FROM unnest($2::date[], $3::text[], $4::integer[], $5::smallint[], $6::bigint[], $7::bigint[], $8::bigint[], "
            "$9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[]) "
            "AS u(d, i, v, m, r, n, ay, an, mu, ss, sn, hs, hn) "
            "ON CONFLICT (unit_id, day, instrument_id, instrument_version, mask) DO UPDATE SET "
            "respondents = t.respondents + excluded.respondents, rows = t.rows + excluded.rows, "
            "adil_yes = t.adil_yes + excluded.adil_yes, adil_no = t.adil_no + excluded.adil_no, "
            "misuse = t.misuse + excluded.misuse, "
            "skm_sum = sw_add_sums(t.skm_sum, excluded.skm_sum), skm_n = sw_add_sums(t.skm_n, excluded.skm_n), "
            "ham_sum = sw_add_sums(t.ham_sum, excluded.ham_sum), ham_n = sw_add_sums(t.ham_n, excluded.ham_n)",
            {unitId, arrayLiteral(days), arrayLiteral(ids), numbers(versions), numbers(masks), numbers(respondents),
             numbers(rows), numbers(adilYes), numbers(adilNo), numbers(misuse), arrayLiteral(skmSum), arrayLiteral(skmN),
             arrayLiteral(hamSum), arrayLiteral(hamN)});
}

namespace {

std::string periodWhere(const TallyPeriod& p, std::vector<Param>& params) {
    std::string w = " WHERE true";
    if (p.from) {
        params.emplace_back(*p.from);
        w += " AND day >= $" + std::to_string(params.size()) + "::date";
    }
    if (p.to) {
        params.emplace_back(*p.to);
        w += " AND day <= $" + std::to_string(params.size()) + "::date";
    }
    return w;
}

// The cell of (unit, instrument version, mask), found again quickly for rows that come in runs.
class Cells {
public:
    explicit Cells(std::map<std::string, UnitSums>& out) : out_(out) {}
    UnitSums& unit(std::string_view id) {
        if (!last_ || lastId_ != id) {
            lastId_.assign(id);
            last_ = &out_[lastId_];
        }
        return *last_;
    }
    ResponseTotals::Sums& sums(const Result& r, int row) {
        UnitSums& u = unit(r.text(row, 0));
        auto& masks = u.totals.byVersion[{r.str(row, 1), static_cast<int>(r.integer(row, 2))}];
        return masks[static_cast<std::size_t>(r.integer(row, 3) & 31)];
    }

private:
    std::map<std::string, UnitSums>& out_;
    std::string lastId_;
    UnitSums* last_ = nullptr;
};

void addScalars(ResponseTotals::Sums& s, UnitSums& u, const Result& r, int row, int col) {
    s.respondents += r.integer(row, col);
    s.rows += r.integer(row, col + 1);
    s.adilYes += r.integer(row, col + 2);
    s.adilNo += r.integer(row, col + 3);
    u.misuse += r.integer(row, col + 4);
}

// Adds a bigint[] pair in text form ("{1,2}", "{3,4}") into `to`, position by position.
void addArrays(Pairs& to, std::string_view sums, std::string_view ns) {
    auto next = [](std::string_view& t, std::int64_t& v) {
        while (!t.empty() && (t.front() == '{' || t.front() == ',' || t.front() == '}')) t.remove_prefix(1);
        if (t.empty()) return false;
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        t.remove_prefix(static_cast<std::size_t>(end - t.data()));
        return ec == std::errc();
    };
    std::int64_t s = 0, n = 0;
    for (std::size_t i = 0; next(sums, s) && next(ns, n); ++i) {
        if (to.size() <= i) to.resize(i + 1);
        to[i].first += s;
        to[i].second += n;
    }
}

void sumInServer(Connection& c, const TallyPeriod& period, std::map<std::string, UnitSums>& out) {
    std::vector<Param> params;
    const std::string where = periodWhere(period, params);
    Cells cells(out);
    {
        Result r = c.query("SELECT unit_id, instrument_id, instrument_version, mask, sum(respondents), sum(rows), "
                           "sum(adil_yes), sum(adil_no), sum(misuse) FROM daily_tally" + where + " GROUP BY 1, 2, 3, 4",
                           params);
        for (int i = 0; i < r.rows(); ++i) addScalars(cells.sums(r, i), cells.unit(r.text(i, 0)), r, i, 4);
    }
    // Σ and n per position: the arrays unnested with their position, summed per position.
    Result r = c.query("SELECT unit_id, instrument_id, instrument_version, mask, 0, o, sum(s), sum(n) FROM daily_tally t "
                       "CROSS JOIN LATERAL unnest(t.skm_sum, t.skm_n) WITH ORDINALITY AS u(s, n, o)" + where +
                       " GROUP BY 1, 2, 3, 4, 6 UNION ALL "
                       "SELECT unit_id, instrument_id, instrument_version, mask, 1, o, sum(s), sum(n) FROM daily_tally t "
                       "CROSS JOIN LATERAL unnest(t.ham_sum, t.ham_n) WITH ORDINALITY AS u(s, n, o)" + where +
                       " GROUP BY 1, 2, 3, 4, 6",
                       params);
    for (int i = 0; i < r.rows(); ++i) {
        ResponseTotals::Sums& s = cells.sums(r, i);
        Pairs& to = r.integer(i, 4) == 0 ? s.skm : s.ham;
        const auto at = static_cast<std::size_t>(r.integer(i, 5) - 1);
        if (to.size() <= at) to.resize(at + 1);
        to[at].first += r.integer(i, 6);
        to[at].second += r.integer(i, 7);
    }
}

void sumInClient(Connection& c, const TallyPeriod& period, std::map<std::string, UnitSums>& out) {
    std::vector<Param> params;
    const std::string where = periodWhere(period, params);
    Result r = c.query("SELECT unit_id, instrument_id, instrument_version, mask, respondents, rows, adil_yes, adil_no, misuse, "
                       "skm_sum, skm_n, ham_sum, ham_n FROM daily_tally" + where + " ORDER BY unit_id",
                       params);
    Cells cells(out);
    for (int i = 0; i < r.rows(); ++i) {
        ResponseTotals::Sums& s = cells.sums(r, i);
        addScalars(s, cells.unit(r.text(i, 0)), r, i, 4);
        addArrays(s.skm, r.text(i, 9), r.text(i, 10));
        addArrays(s.ham, r.text(i, 11), r.text(i, 12));
    }
}

} // namespace

std::map<std::string, UnitSums> periodTallies(Connection& c, const TallyPeriod& period, SumIn where) {
    std::map<std::string, UnitSums> out;
    if (where == SumIn::Server) sumInServer(c, period, out);
    else sumInClient(c, period, out);
    return out;
}

} // namespace sw::pg
