#include "survey/national/pg_tally.hpp"

#include "survey/base/local_time.hpp"
#include "survey/national/pg_copy.hpp"
#include "survey/store/tally_spans.hpp"

#include <charconv>
#include <set>

namespace sw::pg {

void countResponse(DayTallies& t, std::int64_t day, const PackedRow& r) {
    TallyCell& cell = t[TallyKey{day, std::string(r.instrumentId), r.instrumentVersion, r.kelompok & 31}];
    if (r.misuse) ++cell.misuse; // misuse is counted apart, out of every score
    else ResponseTotals::count(cell.sums, r.skm, r.ham, r.adil);
}

namespace {

using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

// A tally layer (survey/store/tally_spans.hpp): its table, and for period_tally the span's code.
struct Layer {
    const char* table;
    const char* keyColumns;   // the key columns before instrument_id
    std::string keyMatch;     // their condition; $1 is the unit, $2 the days (date[])
    TallySpan span;
};
Layer layerOf(TallySpan span) {
    if (span == TallySpan::Day) return {"daily_tally", "unit_id, day", "unit_id = $1 AND day = ANY($2::date[])", span};
    return {"period_tally", "unit_id, span, start",
            std::string("unit_id = $1 AND span = '") + spanCode(span) + "' AND start = ANY($2::date[])", span};
}

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

std::string dateText(std::int64_t day) { return formatDate(civilFromDays(day)); }

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

// The cells already stored for the unit on the bundle's days, added into `t` and locked until
// commit; returns which of t's cells were stored (they are updated, the others copied in).
std::set<TallyKey> addStored(Connection& c, const Layer& layer, const std::string& unitId, DayTallies& t) {
    std::vector<std::string> days;
    for (const auto& [k, cell] : t)
        if (days.empty() || days.back() != dateText(k.day)) days.push_back(dateText(k.day));
    Result r = c.query(std::string("SELECT ") + (layer.span == TallySpan::Day ? "day" : "start") +
                           " - date '1970-01-01', instrument_id, instrument_version, mask, respondents, rows, adil_yes, "
                           "adil_no, misuse, skm_sum, skm_n, ham_sum, ham_n FROM " + layer.table + " WHERE " + layer.keyMatch +
                           " FOR UPDATE",
                       {unitId, arrayLiteral(days)});
    std::set<TallyKey> stored;
    for (int i = 0; i < r.rows(); ++i) {
        TallyKey key{r.integer(i, 0), r.str(i, 1), static_cast<int>(r.integer(i, 2)), static_cast<int>(r.integer(i, 3))};
        auto it = t.find(key);
        if (it == t.end()) continue; // a cell this bundle does not touch
        ResponseTotals::Sums& s = it->second.sums;
        s.respondents += r.integer(i, 4);
        s.rows += r.integer(i, 5);
        s.adilYes += r.integer(i, 6);
        s.adilNo += r.integer(i, 7);
        it->second.misuse += r.integer(i, 8);
        addArrays(s.skm, r.text(i, 9), r.text(i, 10));
        addArrays(s.ham, r.text(i, 11), r.text(i, 12));
        stored.insert(std::move(key));
    }
    return stored;
}

std::vector<std::int64_t> halfOf(const Pairs& p, bool sums) {
    std::vector<std::int64_t> out;
    out.reserve(p.size());
    for (const auto& [sum, n] : p) out.push_back(sums ? sum : n);
    return out;
}

// New cells: one binary COPY (most of a bundle's cells are days no bundle covered before).
void copyNew(Connection& c, const Layer& layer, const std::string& unitId, const DayTallies& t, const std::set<TallyKey>& stored) {
    const bool daily = layer.span == TallySpan::Day;
    BinaryCopy out;
    for (const auto& [k, cell] : t) {
        if (stored.count(k)) continue;
        const ResponseTotals::Sums& s = cell.sums;
        out.row(daily ? 14 : 15);
        out.text(unitId);
        if (!daily) out.text(spanCode(layer.span));
        out.date(k.day);
        out.text(k.instrumentId);
        out.int4(k.instrumentVersion);
        out.int2(static_cast<std::int16_t>(k.mask));
        out.int8(s.respondents);
        out.int8(s.rows);
        out.int8(s.adilYes);
        out.int8(s.adilNo);
        out.int8(cell.misuse);
        out.int8Array(halfOf(s.skm, true));
        out.int8Array(halfOf(s.skm, false));
        out.int8Array(halfOf(s.ham, true));
        out.int8Array(halfOf(s.ham, false));
    }
    if (out.empty()) return;
    c.copyIn(std::string("COPY ") + layer.table + "(" + layer.keyColumns +
                 ", instrument_id, instrument_version, mask, respondents, rows, adil_yes, adil_no, "
                 "misuse, skm_sum, skm_n, ham_sum, ham_n) FROM STDIN (FORMAT binary)",
             out.finish());
}

// Stored cells: their new totals, from parallel arrays in one statement.
void updateStored(Connection& c, const Layer& layer, const std::string& unitId, const DayTallies& t, const std::set<TallyKey>& stored) {
    if (stored.empty()) return;
    std::vector<std::string> days, ids, skmSum, skmN, hamSum, hamN;
    std::vector<std::int64_t> versions, masks, respondents, rows, adilYes, adilNo, misuse;
    for (const TallyKey& k : stored) {
        const TallyCell& cell = t.at(k);
        const ResponseTotals::Sums& s = cell.sums;
        days.push_back(dateText(k.day));
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
    const std::string dayMatch = layer.span == TallySpan::Day ? "t.day = u.d"
                                                             : std::string("t.span = '") + spanCode(layer.span) + "' AND t.start = u.d";
    c.query(std::string("UPDATE ") + layer.table + " AS t SET respondents = u.r, rows = u.n, adil_yes = u.ay, adil_no = u.an, misuse = u.mu, "
            "skm_sum = u.ss::bigint[], skm_n = u.sn::bigint[], ham_sum = u.hs::bigint[], ham_n = u.hn::bigint[] "
            "FROM unnest($2::date[], $3::text[], $4::integer[], $5::smallint[], $6::bigint[], $7::bigint[], $8::bigint[], "
            "$9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[]) "
            "AS u(d, i, v, m, r, n, ay, an, mu, ss, sn, hs, hn) "
            "WHERE t.unit_id = $1 AND " + dayMatch + " AND t.instrument_id = u.i AND t.instrument_version = u.v AND t.mask = u.m",
            {unitId, arrayLiteral(days), arrayLiteral(ids), numbers(versions), numbers(masks), numbers(respondents),
             numbers(rows), numbers(adilYes), numbers(adilNo), numbers(misuse), arrayLiteral(skmSum), arrayLiteral(skmN),
             arrayLiteral(hamSum), arrayLiteral(hamN)});
}

} // namespace

namespace {

void addToLayer(Connection& c, const Layer& layer, const std::string& unitId, DayTallies t) {
    const std::set<TallyKey> stored = addStored(c, layer, unitId, t);
    copyNew(c, layer, unitId, t, stored);
    updateStored(c, layer, unitId, t, stored);
}

// The day cells under their month's or year's first day.
DayTallies byStart(const DayTallies& days, TallySpan span) {
    DayTallies out;
    for (const auto& [k, cell] : days) {
        TallyCell& to = out[TallyKey{spanStartDay(span, k.day), k.instrumentId, k.instrumentVersion, k.mask}];
        ResponseTotals::addSums(to.sums, cell.sums);
        to.misuse += cell.misuse;
    }
    return out;
}

} // namespace

void fillPeriodTallies(Connection& c) {
    Result units = c.query("SELECT DISTINCT unit_id FROM daily_tally");
    for (int u = 0; u < units.rows(); ++u) {
        const std::string unitId = units.str(u, 0);
        Result r = c.query("SELECT day - date '1970-01-01', instrument_id, instrument_version, mask, respondents, rows, adil_yes, "
                           "adil_no, misuse, skm_sum, skm_n, ham_sum, ham_n FROM daily_tally WHERE unit_id = $1",
                           {unitId});
        DayTallies days;
        for (int i = 0; i < r.rows(); ++i) {
            TallyCell& cell = days[TallyKey{r.integer(i, 0), r.str(i, 1), static_cast<int>(r.integer(i, 2)), static_cast<int>(r.integer(i, 3))}];
            cell.sums.respondents = r.integer(i, 4);
            cell.sums.rows = r.integer(i, 5);
            cell.sums.adilYes = r.integer(i, 6);
            cell.sums.adilNo = r.integer(i, 7);
            cell.misuse = r.integer(i, 8);
            addArrays(cell.sums.skm, r.text(i, 9), r.text(i, 10));
            addArrays(cell.sums.ham, r.text(i, 11), r.text(i, 12));
        }
        for (TallySpan span : {TallySpan::Month, TallySpan::Year}) addToLayer(c, layerOf(span), unitId, byStart(days, span));
    }
}

void addTallies(Connection& c, const std::string& unitId, DayTallies t) {
    if (t.empty()) return;
    for (TallySpan span : {TallySpan::Month, TallySpan::Year}) addToLayer(c, layerOf(span), unitId, byStart(t, span));
    addToLayer(c, layerOf(TallySpan::Day), unitId, std::move(t));
}

namespace {

// The tallies covering the period (survey/store/tally_spans.hpp), as one derived table. The
// parameters refer to `ranges`, which must outlive the query.
std::string tallySource(const std::vector<SpanRange>& ranges, std::vector<Param>& params) {
    std::string sql;
    for (const SpanRange& r : ranges) {
        params.emplace_back(r.first);
        params.emplace_back(r.last);
        const std::string between = " BETWEEN $" + std::to_string(params.size() - 1) + "::date AND $" + std::to_string(params.size()) + "::date";
        sql += sql.empty() ? "" : " UNION ALL ";
        sql += "SELECT unit_id, instrument_id, instrument_version, mask, respondents, rows, adil_yes, adil_no, misuse, skm_sum, "
               "skm_n, ham_sum, ham_n FROM ";
        sql += r.span == TallySpan::Day ? "daily_tally WHERE day" + between
                                        : std::string("period_tally WHERE span = '") + spanCode(r.span) + "' AND start" + between;
    }
    if (sql.empty()) sql = "SELECT * FROM daily_tally WHERE false"; // an empty period
    return " FROM (" + sql + ") AS t";
}

// An integer column of a result as text (query) or in binary (queryBinary).
enum class Format { Text, Binary };
std::int64_t integerAt(const Result& r, int row, int col, Format f) {
    return f == Format::Binary ? r.binaryInt(row, col) : r.integer(row, col);
}

// The cell of (unit, instrument version, mask), found again quickly for rows that come in runs.
class Cells {
public:
    explicit Cells(std::map<std::string, UnitSums>& out, Format format = Format::Text) : out_(out), format_(format) {}
    UnitSums& unit(std::string_view id) {
        if (!last_ || lastId_ != id) {
            lastId_.assign(id);
            last_ = &out_[lastId_];
        }
        return *last_;
    }
    ResponseTotals::Sums& sums(const Result& r, int row) {
        UnitSums& u = unit(r.text(row, 0));
        auto& masks = u.totals.byVersion[{r.str(row, 1), static_cast<int>(integerAt(r, row, 2, format_))}];
        return masks[static_cast<std::size_t>(integerAt(r, row, 3, format_) & 31)];
    }
    // The scalars from `col` on: respondents, rows, adil yes, adil no, misuse.
    void addScalars(ResponseTotals::Sums& s, const Result& r, int row, int col) {
        s.respondents += integerAt(r, row, col, format_);
        s.rows += integerAt(r, row, col + 1, format_);
        s.adilYes += integerAt(r, row, col + 2, format_);
        s.adilNo += integerAt(r, row, col + 3, format_);
        unit(r.text(row, 0)).misuse += integerAt(r, row, col + 4, format_);
    }

private:
    std::map<std::string, UnitSums>& out_;
    Format format_;
    std::string lastId_;
    UnitSums* last_ = nullptr;
};

// One pass, grouped per unit, instrument version and mask: the scalars and Σ, n at each array
// position as columns (sum(skm_sum[1]), …), as many as the longest array of the period holds.
// (Unnesting the arrays into rows and grouping by position instead sorted ten times the rows,
// spilling to disk: 20 times slower.)
void sumInServer(Connection& c, const TallyPeriod& period, std::map<std::string, UnitSums>& out) {
    std::vector<Param> params;
    const std::vector<SpanRange> ranges = coverPeriod(period.from, period.to);
    const std::string from = tallySource(ranges, params);
    Result widths = c.query("SELECT coalesce(max(cardinality(skm_sum)), 0), coalesce(max(cardinality(ham_sum)), 0)" + from, params);
    const auto skmWidth = static_cast<int>(widths.integer(0, 0)), hamWidth = static_cast<int>(widths.integer(0, 1));
    std::string sql = "SELECT unit_id, instrument_id, instrument_version, mask, sum(respondents), sum(rows), sum(adil_yes), "
                      "sum(adil_no), sum(misuse)";
    for (const auto& [name, width] : {std::pair<const char*, int>{"skm", skmWidth}, {"ham", hamWidth}})
        for (int i = 1; i <= width; ++i) {
            const std::string at = "[" + std::to_string(i) + "])";
            sql += std::string(", sum(") + name + "_sum" + at + ", sum(" + name + "_n" + at;
        }
    Result r = c.query(sql + from + " GROUP BY 1, 2, 3, 4", params);
    Cells cells(out);
    for (int row = 0; row < r.rows(); ++row) {
        ResponseTotals::Sums& s = cells.sums(r, row);
        cells.addScalars(s, r, row, 4);
        int col = 9;
        for (auto [to, width] : {std::pair<Pairs*, int>{&s.skm, skmWidth}, {&s.ham, hamWidth}})
            for (int i = 0; i < width; ++i, col += 2) {
                if (r.isNull(row, col)) continue; // beyond every array of this group
                if (to->size() <= static_cast<std::size_t>(i)) to->resize(static_cast<std::size_t>(i) + 1);
                (*to)[static_cast<std::size_t>(i)].first += r.integer(row, col);
                (*to)[static_cast<std::size_t>(i)].second += r.integer(row, col + 1);
            }
    }
}

// The covering rows fetched in binary and added here: no GROUP BY, no array subscripts in the
// server (each `skm_sum[i]` there costs about as much as reading the row).
void sumInClient(Connection& c, const TallyPeriod& period, std::map<std::string, UnitSums>& out) {
    std::vector<Param> params;
    const std::vector<SpanRange> ranges = coverPeriod(period.from, period.to);
    const std::string from = tallySource(ranges, params);
    Result r = c.queryBinary("SELECT unit_id, instrument_id, instrument_version, mask, respondents, rows, adil_yes, adil_no, misuse, "
                             "skm_sum, skm_n, ham_sum, ham_n" + from,
                             params);
    Cells cells(out, Format::Binary);
    for (int i = 0; i < r.rows(); ++i) {
        ResponseTotals::Sums& s = cells.sums(r, i);
        cells.addScalars(s, r, i, 4);
        r.addBinaryInt8Array(i, 9, s.skm, false);
        r.addBinaryInt8Array(i, 10, s.skm, true);
        r.addBinaryInt8Array(i, 11, s.ham, false);
        r.addBinaryInt8Array(i, 12, s.ham, true);
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
