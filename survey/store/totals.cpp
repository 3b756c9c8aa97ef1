#include "survey/store/totals.hpp"

#include "survey/instrument/instrument.hpp"
#include "survey/response/packing.hpp"
#include "survey/store/mapped_reads.hpp"
#include "survey/store/period_where.hpp"
#include "survey/store/store.hpp"

#include <algorithm>
#include <string_view>

namespace sw {

namespace {

std::string_view view(sqlite3_stmt* h, int col) {
    const unsigned char* p = sqlite3_column_text(h, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(h, col)))
             : std::string_view();
}

void countPacked(std::vector<std::pair<std::int64_t, std::int64_t>>& sums, std::string_view packed, bool skm, bool* any) {
    if (sums.size() < packed.size()) sums.resize(packed.size());
    for (std::size_t i = 0; i < packed.size(); ++i) {
        const char c = packed[i];
        if (c == kNotAnswered || (!skm && c == '0')) continue; // not answered; HAM 0 = tidak tahu, out of scores
        sums[i].first += c - '0';
        ++sums[i].second;
        *any = true;
    }
}

// Counts one selected row (columns from `first`: instrument_id, instrument_version, kelompok, adil,
// skm, ham) into its totals, keeping the version's slot while consecutive rows share it.
class RowCounter {
public:
    void count(ResponseTotals& into, sqlite3_stmt* h, int first) {
        const std::string_view id = view(h, first);
        const int version = sqlite3_column_int(h, first + 1);
        if (&into != into_ || !cur_ || version != curVersion_ || id != curId_) {
            into_ = &into;
            curId_.assign(id);
            curVersion_ = version;
            cur_ = &into.byVersion[{curId_, version}];
        }
        ResponseTotals::Sums& s = (*cur_)[static_cast<std::size_t>(sqlite3_column_int(h, first + 2) & 31)];
        std::optional<bool> adil;
        if (sqlite3_column_type(h, first + 3) != SQLITE_NULL) adil = sqlite3_column_int(h, first + 3) != 0;
        ResponseTotals::count(s, view(h, first + 4), view(h, first + 5), adil);
    }

private:
    ResponseTotals* into_ = nullptr;
    std::array<ResponseTotals::Sums, 32>* cur_ = nullptr;
    std::string curId_;
    int curVersion_ = -1;
};

constexpr const char* kCountedColumns = "r.instrument_id, r.instrument_version, r.kelompok, r.adil, r.skm, r.ham";

} // namespace

ResponseTotals ResponseTotals::scan(Store& store, const std::string& where, const std::vector<std::string>& binds) {
    sql::Statement st(store.db(), std::string("SELECT ") + kCountedColumns + " FROM response r WHERE " + where);
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    MappedReads mapped(store.db());
    ResponseTotals out;
    RowCounter counter;
    while (st.step()) counter.count(out, st.handle(), 0);
    return out;
}

std::vector<ResponseTotals> ResponseTotals::scanBuckets(Store& store, const ResponseFilter& f,
                                                        const std::vector<std::pair<std::string, std::string>>& bucketDays) {
    std::vector<ResponseTotals> out(bucketDays.size());
    if (bucketDays.empty()) return out;
    ResponseFilter span = f;
    span.kelompok.reset();
    span.from = bucketDays.front().first;
    span.to = bucketDays.back().second;
    std::vector<std::string> binds;
    sql::Statement st(store.db(), std::string("SELECT r.local_date, ") + kCountedColumns + " FROM response r WHERE " +
                                      periodWhere(store, span, binds));
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    MappedReads mapped(store.db());
    RowCounter counter;
    while (st.step()) {
        const std::string_view day = view(st.handle(), 0);
        // The last bucket starting on or before the day (YYYY-MM-DD compares as text), if it reaches it.
        auto it = std::upper_bound(bucketDays.begin(), bucketDays.end(), day,
                                   [](std::string_view d, const auto& b) { return d < b.first; });
        if (it == bucketDays.begin()) continue;
        --it;
        if (day > it->second) continue;
        counter.count(out[static_cast<std::size_t>(it - bucketDays.begin())], st.handle(), 1);
    }
    return out;
}

void ResponseTotals::count(Sums& s, std::string_view skm, std::string_view ham, std::optional<bool> adil) {
    ++s.rows;
    if (adil) (*adil ? s.adilYes : s.adilNo) += 1;
    bool answered = false, rated = false;
    countPacked(s.skm, skm, true, &answered);
    countPacked(s.ham, ham, false, &rated);
    s.respondents += answered ? 1 : 0;
}

namespace {

void addPairs(std::vector<std::pair<std::int64_t, std::int64_t>>& to, const std::vector<std::pair<std::int64_t, std::int64_t>>& from) {
    if (to.size() < from.size()) to.resize(from.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        to[i].first += from[i].first;
        to[i].second += from[i].second;
    }
}

} // namespace

void ResponseTotals::addSums(Sums& to, const Sums& from) {
    addPairs(to.skm, from.skm);
    addPairs(to.ham, from.ham);
    to.respondents += from.respondents;
    to.rows += from.rows;
    to.adilYes += from.adilYes;
    to.adilNo += from.adilNo;
}

void ResponseTotals::add(const ResponseTotals& other) {
    for (const auto& [key, masks] : other.byVersion) {
        auto& mine = byVersion[key];
        for (std::size_t m = 0; m < masks.size(); ++m) addSums(mine[m], masks[m]);
    }
}

bool ResponseTotals::selects(const std::optional<std::string>& kelompok, int mask) {
    return !kelompok || (mask & kelompokFilterBits(*kelompok)) != 0; // as responseWhere filters rows
}

namespace {

std::vector<UnsurTally> byCode(const LayoutLookup& layouts, const ResponseTotals& t, const std::optional<std::string>& kelompok,
                               bool skm, std::int64_t* respondents) {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> codes;
    std::int64_t people = 0;
    for (const auto& [key, masks] : t.byVersion) {
        auto lay = layouts(key.first, key.second);
        for (int mask = 0; mask < 32; ++mask) {
            if (!ResponseTotals::selects(kelompok, mask)) continue;
            const ResponseTotals::Sums& s = masks[static_cast<std::size_t>(mask)];
            people += s.respondents;
            if (!lay) continue;
            const Instrument& in = lay->instrument();
            const auto& sums = skm ? s.skm : s.ham;
            for (std::size_t i = 0; i < sums.size(); ++i) {
                const std::string* code = skm ? (i < in.unsur.size() ? &in.unsur[i].code : nullptr)
                                              : (i < in.ham.items.size() ? &in.ham.items[i].code : nullptr);
                if (!code) continue;
                codes[*code].first += sums[i].first;
                codes[*code].second += sums[i].second;
            }
        }
    }
    if (respondents) *respondents = people;
    std::vector<UnsurTally> out;
    for (const auto& [code, sn] : codes) out.push_back({code, "", sn.first, sn.second});
    return out;
}

LayoutLookup storeLayouts(Store& store) {
    return [&store](const std::string& id, int version) { return store.layout(id, version); };
}

} // namespace

std::vector<UnsurTally> ResponseTotals::unsur(const LayoutLookup& layouts, const std::optional<std::string>& kelompok,
                                              std::int64_t* respondents) const {
    return byCode(layouts, *this, kelompok, true, respondents);
}

std::vector<UnsurTally> ResponseTotals::ham(const LayoutLookup& layouts, const std::optional<std::string>& kelompok) const {
    return byCode(layouts, *this, kelompok, false, nullptr);
}

std::vector<UnsurTally> ResponseTotals::unsur(Store& store, const std::optional<std::string>& kelompok,
                                              std::int64_t* respondents) const {
    return unsur(storeLayouts(store), kelompok, respondents);
}

std::vector<UnsurTally> ResponseTotals::ham(Store& store, const std::optional<std::string>& kelompok) const {
    return ham(storeLayouts(store), kelompok);
}

ResponseTotals::Sums ResponseTotals::total(const std::optional<std::string>& kelompok) const {
    Sums out;
    for (const auto& [key, masks] : byVersion)
        for (int mask = 0; mask < 32; ++mask) {
            if (!selects(kelompok, mask)) continue;
            const Sums& s = masks[static_cast<std::size_t>(mask)];
            out.respondents += s.respondents;
            out.rows += s.rows;
            out.adilYes += s.adilYes;
            out.adilNo += s.adilNo;
        }
    return out;
}

namespace {

template <class Item>
std::vector<UnsurTally> inInstrumentOrder(const std::vector<UnsurTally>& raw, const std::vector<Item>& items) {
    std::vector<UnsurTally> out;
    for (const auto& item : items) {
        UnsurTally t{item.code, item.name.in("id"), 0, 0};
        for (const auto& x : raw)
            if (x.code == item.code) {
                t.sum = x.sum;
                t.n = x.n;
            }
        out.push_back(t);
    }
    return out;
}

} // namespace

std::vector<UnsurTally> unsurInOrder(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                     const std::optional<std::string>& kelompok, std::int64_t* respondents) {
    return inInstrumentOrder(t.unsur(layouts, kelompok, respondents), in.unsur);
}

std::vector<UnsurTally> hamInOrder(const ResponseTotals& t, const LayoutLookup& layouts, const Instrument& in,
                                   const std::optional<std::string>& kelompok) {
    return inInstrumentOrder(t.ham(layouts, kelompok), in.ham.items);
}

} // namespace sw
