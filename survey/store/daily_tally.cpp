#include "survey/store/daily_tally.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/tally_spans.hpp"

#include <array>
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

// Finds the cell of each counted row. A bundle's rows come in the order they were answered, so
// consecutive rows mostly share unit, day and instrument: the cells of the last such prefix are
// kept by mask, and the map (and its key's three strings) is touched only when the prefix changes.
// std::map's nodes stay put, so the kept pointers stay valid as cells are added.
class CellFinder {
public:
    explicit CellFinder(std::map<CellKey, Cell>& cells) : cells_(cells) {}

    Cell& at(std::string_view unit, std::string_view day, std::string_view instrument, int version, int mask) {
        if (!valid_ || unit != unit_ || day != day_ || instrument != instrument_ || version != version_) {
            unit_.assign(unit);
            day_.assign(day);
            instrument_.assign(instrument);
            version_ = version;
            byMask_.fill(nullptr);
            valid_ = true;
        }
        Cell*& c = byMask_[static_cast<std::size_t>(mask)];
        if (!c) c = &cells_[CellKey{unit_, day_, instrument_, version_, mask}];
        return *c;
    }

private:
    std::map<CellKey, Cell>& cells_;
    std::string unit_, day_, instrument_;
    int version_ = 0;
    bool valid_ = false;
    std::array<Cell*, 32> byMask_{};   // the kelompok mask has five bits
};

// One response into its cell: a row flagged as misuse is only counted as such.
void countInto(Cell& c, bool misuse, std::string_view skm, std::string_view ham, std::optional<bool> adil) {
    if (misuse) ++c.misuse;
    else ResponseTotals::count(c.sums, skm, ham, adil);
}

void addCell(Cell& to, const Cell& from) {
    ResponseTotals::addSums(to.sums, from.sums);
    to.misuse += from.misuse;
}

// Counts one response row (rid, unit, day, instrument, version, kelompok, adil, misuse, skm, ham).
void countRow(const sql::Statement& st, CellFinder& cells, int first) {
    Cell& c = cells.at(columnView(st, first), columnView(st, first + 1), columnView(st, first + 2),
                       static_cast<int>(st.getInt(first + 3)), static_cast<int>(st.getInt(first + 4) & 31));
    std::optional<bool> adil;
    if (!st.isNull(first + 5)) adil = st.getInt(first + 5) != 0;
    countInto(c, st.getInt(first + 6) != 0, columnView(st, first + 7), columnView(st, first + 8), adil);
}

constexpr const char* kResponseColumns =
    "unit_id, local_date, instrument_id, instrument_version, kelompok, adil, misuse, skm, ham FROM response";

std::int64_t tallyMark(Store& store) {
    return store.db().scalarInt("SELECT coalesce((SELECT rid FROM tally_mark WHERE id = 1), 0)");
}

// A tally layer's table and the key column naming its day, month or year (survey/store/tally_spans.hpp).
struct Layer {
    TallySpan span;
    const char* table;
    const char* keyColumns;   // the columns before instrument_id in the primary key
    const char* keyMatch;     // their condition, binding ?1 (unit), ?2 (start) and, for a period, ?13 (spanCode)
};
constexpr Layer kDaily{TallySpan::Day, "daily_tally", "unit_id, day", "unit_id=?1 AND day=?2"};
Layer periodLayer(TallySpan span) { return {span, "period_tally", "unit_id, span, start", "unit_id=?1 AND span=?13 AND start=?2"}; }

Cell cellAt(const sql::Statement& st, int col) {
    Cell c;
    c.sums.respondents = st.getInt(col);
    c.sums.rows = st.getInt(col + 1);
    c.sums.adilYes = st.getInt(col + 2);
    c.sums.adilNo = st.getInt(col + 3);
    c.misuse = st.getInt(col + 4);
    addEncodedSums(c.sums.skm, columnView(st, col + 5));
    addEncodedSums(c.sums.ham, columnView(st, col + 6));
    return c;
}

constexpr const char* kCellColumns = "respondents, rows, adil_yes, adil_no, misuse, skm, ham";

// Adds each cell to the stored cell (if any) of its key in a layer (its day already moved to the
// layer's start) and writes the sum back. The two statements are prepared once per layer: a merge
// writes a hundred thousand cells.
class LayerWriter {
public:
    LayerWriter(sql::Database& db, const Layer& layer)
        : daily_(layer.span == TallySpan::Day), span_(spanCode(layer.span)),
          old_(db, std::string("SELECT ") + kCellColumns + " FROM " + layer.table + " WHERE " + layer.keyMatch +
                       " AND instrument_id=?3 AND instrument_version=?4 AND mask=?5"),
          put_(db, std::string("INSERT OR REPLACE INTO ") + layer.table + "(" + layer.keyColumns +
                       ", instrument_id, instrument_version, mask, " + kCellColumns + ") VALUES(" +
                       (daily_ ? "?1,?2," : "?1,?13,?2,") + "?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)") {}

    void upsert(const CellKey& key, Cell c) {
        old_.reset();
        bindKey(old_, key);
        if (old_.step()) addCell(c, cellAt(old_, 0));
        old_.reset();
        put_.reset();
        bindKey(put_, key);
        put_.bind(6, c.sums.respondents).bind(7, c.sums.rows).bind(8, c.sums.adilYes).bind(9, c.sums.adilNo).bind(10, c.misuse);
        put_.bind(11, encodeSums(c.sums.skm)).bind(12, encodeSums(c.sums.ham));
        put_.run();
    }

private:
    void bindKey(sql::Statement& st, const CellKey& key) const {
        st.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key)).bind(4, std::get<3>(key)).bind(5, std::get<4>(key));
        if (!daily_) st.bind(13, span_);
    }

    bool daily_;
    std::string span_;
    sql::Statement old_, put_;
};

// The day cells added into the month and year layers, each cell under its span's first day.
void upsertPeriods(sql::Database& db, const std::map<CellKey, Cell>& days) {
    for (TallySpan span : {TallySpan::Month, TallySpan::Year}) {
        std::map<CellKey, Cell> cells;
        for (const auto& [key, cell] : days) {
            addCell(cells[CellKey{std::get<0>(key), spanStart(span, std::get<1>(key)), std::get<2>(key), std::get<3>(key), std::get<4>(key)}],
                    cell);
        }
        LayerWriter layer(db, periodLayer(span));
        for (const auto& [key, cell] : cells) layer.upsert(key, cell);
    }
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

namespace {

// Writes counted cells into every layer and moves the mark to `last`.
void writeCells(Store& store, const std::map<CellKey, Cell>& cells, std::int64_t last) {
    LayerWriter daily(store.db(), kDaily);
    for (const auto& [key, cell] : cells) daily.upsert(key, cell);
    upsertPeriods(store.db(), cells);
    sql::Statement m(store.db(), "INSERT OR REPLACE INTO tally_mark(id, rid) VALUES(1, ?)");
    m.bind(1, last).run();
}

} // namespace

void refreshTallies(Store& store) {
    const std::int64_t mark = tallyMark(store);
    std::map<CellKey, Cell> cells;
    CellFinder finder(cells);
    std::int64_t last = mark;
    sql::Statement st(store.db(), std::string("SELECT rid, ") + kResponseColumns + " WHERE rid > ? ORDER BY rid");
    st.bind(1, mark);
    while (st.step()) {
        last = st.getInt(0);
        countRow(st, finder, 1);
    }
    if (last != mark) writeCells(store, cells, last);
}

struct TallyCounter::Cells {
    std::map<CellKey, Cell> cells;
    CellFinder finder{cells};
};

TallyCounter::TallyCounter(Store& store) : store_(store), kept_(std::make_unique<Cells>()), pending_(std::make_unique<Cells>()) {
    refreshTallies(store_);   // rows after the mark (a writer that stopped before its refresh) first
}

TallyCounter::~TallyCounter() = default;

// The same cell and sums as countRow gives the row once stored (bindResponseRow writes these fields).
void TallyCounter::count(std::string_view unitId, const PackedRow& r) {
    char day[10];
    formatLocalDate(day, r.createdUtc, r.utcOffsetMinutes);
    countInto(pending_->finder.at(unitId, std::string_view(day, sizeof day), r.instrumentId, r.instrumentVersion, r.kelompok & 31),
              r.misuse, r.skm, r.ham, r.adil);
}

void TallyCounter::keep() {
    for (const auto& [key, cell] : pending_->cells) addCell(kept_->cells[key], cell);
    drop();
}

void TallyCounter::drop() { pending_ = std::make_unique<Cells>(); }

void TallyCounter::write() {
    keep();
    if (kept_->cells.empty()) return;
    writeCells(store_, kept_->cells, store_.db().scalarInt("SELECT coalesce(max(rid), 0) FROM response"));
    kept_ = std::make_unique<Cells>();
}

void fillPeriodTallies(sql::Database& db) {
    std::map<CellKey, Cell> days;
    sql::Statement st(db, std::string("SELECT unit_id, day, instrument_id, instrument_version, mask, ") + kCellColumns + " FROM daily_tally");
    while (st.step())
        days.emplace(CellKey{st.getText(0), st.getText(1), st.getText(2), static_cast<int>(st.getInt(3)), static_cast<int>(st.getInt(4))},
                     cellAt(st, 5));
    upsertPeriods(db, days);
}

std::map<std::string, PeriodTotals> talliesByUnit(Store& store, const std::optional<std::string>& from,
                                                  const std::optional<std::string>& to) {
    std::map<std::string, PeriodTotals> out;
    for (const SpanRange& r : coverPeriod(from, to)) {
        const bool daily = r.span == TallySpan::Day;
        sql::Statement st(store.db(), std::string("SELECT unit_id, instrument_id, instrument_version, mask, ") + kCellColumns +
                                          (daily ? " FROM daily_tally WHERE day BETWEEN ?1 AND ?2"
                                                 : " FROM period_tally WHERE span = ?3 AND start BETWEEN ?1 AND ?2"));
        st.bind(1, r.first).bind(2, r.last);
        if (!daily) st.bind(3, spanCode(r.span));
        while (st.step())
            addToUnit(out, CellKey{st.getText(0), r.first, st.getText(1), static_cast<int>(st.getInt(2)), static_cast<int>(st.getInt(3))},
                      cellAt(st, 4));
    }
    // Rows after the mark (nobody refreshed since): counted here, written nowhere.
    std::map<CellKey, Cell> recent;
    CellFinder finder(recent);
    sql::Statement late(store.db(), std::string("SELECT ") + kResponseColumns +
                                        " WHERE rid > ?3 AND (?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2)");
    late.bind(1, from).bind(2, to).bind(3, tallyMark(store));
    while (late.step()) countRow(late, finder, 0);
    for (const auto& [key, cell] : recent) addToUnit(out, key, cell);
    return out;
}

} // namespace sw
