#include "survey/store/daily_tally.hpp"

#include "survey/base/error.hpp"

#include <charconv>
#include <tuple>

namespace sw {

namespace {

// A row of daily_tally, keyed as its primary key.
using CellKey = std::tuple<std::string, std::string, std::string, int, int>;   // unit, day, instrument, version, mask
struct Cell {
    ResponseTotals::Sums sums;
    std::int64_t misuse = 0;
};

std::string_view columnView(const sql::Statement& st, int col) {
    const unsigned char* p = sqlite3_column_text(st.handle(), col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st.handle(), col)))
             : std::string_view();
}

std::int64_t parseInt(std::string_view text) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0)
        throw StoreError(StoreError::Kind::Corrupt, "daily_tally: \"" + std::string(text) + "\" is not a count");
    return v;
}

// Counts one response row (rid, unit, day, instrument, version, kelompok, adil, misuse, skm, ham).
void countRow(const sql::Statement& st, std::map<CellKey, Cell>& cells, int first) {
    CellKey key{st.getText(first), st.getText(first + 1), st.getText(first + 2), static_cast<int>(st.getInt(first + 3)),
                static_cast<int>(st.getInt(first + 4) & 31)};
    Cell& c = cells[key];
    if (st.getInt(first + 6) != 0) {
        ++c.misuse;
        return;
    }
    std::optional<bool> adil;
    if (!st.isNull(first + 5)) adil = st.getInt(first + 5) != 0;
    ResponseTotals::count(c.sums, columnView(st, first + 7), columnView(st, first + 8), adil);
}

constexpr const char* kResponseColumns =
    "unit_id, local_date, instrument_id, instrument_version, kelompok, adil, misuse, skm, ham FROM response";

std::int64_t tallyMark(Store& store) {
    return store.db().scalarInt("SELECT coalesce((SELECT rid FROM tally_mark WHERE id = 1), 0)");
}

// Adds the stored cell (if any) to `c` and writes the sum back.
void upsert(Store& store, const CellKey& key, Cell c) {
    sql::Statement old(store.db(), "SELECT respondents, rows, adil_yes, adil_no, misuse, skm, ham FROM daily_tally "
                                   "WHERE unit_id=? AND day=? AND instrument_id=? AND instrument_version=? AND mask=?");
    old.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key)).bind(4, std::get<3>(key)).bind(5, std::get<4>(key));
    if (old.step()) {
        ResponseTotals::Sums s;
        s.respondents = old.getInt(0);
        s.rows = old.getInt(1);
        s.adilYes = old.getInt(2);
        s.adilNo = old.getInt(3);
        addEncodedSums(s.skm, columnView(old, 5));
        addEncodedSums(s.ham, columnView(old, 6));
        ResponseTotals::addSums(c.sums, s);
        c.misuse += old.getInt(4);
    }
    sql::Statement put(store.db(), "INSERT OR REPLACE INTO daily_tally(unit_id, day, instrument_id, instrument_version, mask, "
                                   "respondents, rows, adil_yes, adil_no, misuse, skm, ham) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    put.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key)).bind(4, std::get<3>(key)).bind(5, std::get<4>(key));
    put.bind(6, c.sums.respondents).bind(7, c.sums.rows).bind(8, c.sums.adilYes).bind(9, c.sums.adilNo).bind(10, c.misuse);
    put.bind(11, encodeSums(c.sums.skm)).bind(12, encodeSums(c.sums.ham)).run();
}

void addToUnit(std::map<std::string, PeriodTotals>& out, const CellKey& key, const Cell& c) {
    PeriodTotals& p = out[std::get<0>(key)];
    auto& masks = p.totals.byVersion[{std::get<2>(key), std::get<3>(key)}];
    ResponseTotals::addSums(masks[static_cast<std::size_t>(std::get<4>(key))], c.sums);
    p.misuse += c.misuse;
}

} // namespace

std::string encodeSums(const std::vector<std::pair<std::int64_t, std::int64_t>>& sums) {
    std::string out;
    for (std::size_t i = 0; i < sums.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(sums[i].first) + ':' + std::to_string(sums[i].second);
    }
    return out;
}

void addEncodedSums(std::vector<std::pair<std::int64_t, std::int64_t>>& to, std::string_view text) {
    std::size_t pos = 0, i = 0;
    while (pos < text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view pair = text.substr(pos, comma - pos);
        const std::size_t colon = pair.find(':');
        if (colon == std::string_view::npos)
            throw StoreError(StoreError::Kind::Corrupt, "daily_tally: \"" + std::string(pair) + "\" is not Σ:n");
        if (to.size() <= i) to.resize(i + 1);
        to[i].first += parseInt(pair.substr(0, colon));
        to[i].second += parseInt(pair.substr(colon + 1));
        ++i;
        pos = comma + 1;
    }
}

void refreshTallies(Store& store) {
    const std::int64_t mark = tallyMark(store);
    std::map<CellKey, Cell> cells;
    std::int64_t last = mark;
    sql::Statement st(store.db(), std::string("SELECT rid, ") + kResponseColumns + " WHERE rid > ? ORDER BY rid");
    st.bind(1, mark);
    while (st.step()) {
        last = st.getInt(0);
        countRow(st, cells, 1);
    }
    if (last == mark) return;
    for (const auto& [key, cell] : cells) upsert(store, key, cell);
    sql::Statement m(store.db(), "INSERT OR REPLACE INTO tally_mark(id, rid) VALUES(1, ?)");
    m.bind(1, last).run();
}

std::map<std::string, PeriodTotals> talliesByUnit(Store& store, const std::optional<std::string>& from,
                                                  const std::optional<std::string>& to) {
    std::map<std::string, PeriodTotals> out;
    const std::string range = " AND (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)";
    sql::Statement st(store.db(), "SELECT unit_id, day, instrument_id, instrument_version, mask, respondents, rows, adil_yes, "
                                  "adil_no, misuse, skm, ham FROM daily_tally WHERE 1" + range);
    st.bind(1, from).bind(2, to);
    while (st.step()) {
        Cell c;
        c.sums.respondents = st.getInt(5);
        c.sums.rows = st.getInt(6);
        c.sums.adilYes = st.getInt(7);
        c.sums.adilNo = st.getInt(8);
        c.misuse = st.getInt(9);
        addEncodedSums(c.sums.skm, columnView(st, 10));
        addEncodedSums(c.sums.ham, columnView(st, 11));
        addToUnit(out, CellKey{st.getText(0), st.getText(1), st.getText(2), static_cast<int>(st.getInt(3)), static_cast<int>(st.getInt(4))}, c);
    }
    // Rows after the mark (nobody refreshed since): counted here, written nowhere.
    std::map<CellKey, Cell> recent;
    sql::Statement late(store.db(), std::string("SELECT ") + kResponseColumns +
                                        " WHERE rid > ?3 AND (?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2)");
    late.bind(1, from).bind(2, to).bind(3, tallyMark(store));
    while (late.step()) countRow(late, recent, 0);
    for (const auto& [key, cell] : recent) addToUnit(out, key, cell);
    return out;
}

} // namespace sw
