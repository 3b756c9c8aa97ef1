#include "survey/response_columns.hpp"

#include "survey/store.hpp"

#include <algorithm>
#include <cstring>

namespace sw {

std::uint8_t rentanBit(KelompokRentan k) {
    switch (k) {
    case KelompokRentan::LanjutUsia: return kRentanLansia;
    case KelompokRentan::Disabilitas: return kRentanDisabilitas;
    case KelompokRentan::HamilMenyusui: return kRentanHamilMenyusui;
    case KelompokRentan::Anak: return kRentanAnak;
    case KelompokRentan::Bukan: return kRentanBukan;
    }
    return 0;
}

ResponseColumns ResponseColumns::layoutFor(const Instrument& in) {
    ResponseColumns c;
    for (const auto& u : in.unsur) c.unsurCodes.push_back(u.code);
    for (const auto& h : in.ham.items) c.hamCodes.push_back(h.code);
    for (const auto& s : in.services) c.serviceCodes.push_back(s.code);
    for (const auto& p : in.profile) {
        c.profileFields.push_back(p.code);
        std::vector<std::string> opts;
        for (const auto& o : p.options) opts.push_back(o.code);
        c.profileOptions.push_back(std::move(opts));
    }
    return c;
}

namespace {

// Index of `text` in `codes`, or -1. The lists are short (≤ 12), a linear scan beats hashing.
int indexOf(const std::vector<std::string>& codes, const char* text) {
    if (!text) return -1;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (std::strcmp(codes[i].c_str(), text) == 0) return static_cast<int>(i);
    return -1;
}

const char* colText(sqlite3_stmt* st, int col) { return reinterpret_cast<const char*>(sqlite3_column_text(st, col)); }

std::uint8_t kelompokBit(const char* code) {
    KelompokRentan k;
    if (!code || !parseKelompok(code, k)) return 0;
    return rentanBit(k);
}

// A cursor over a table ordered by rid: the four scans advance together, each sequentially.
struct RidCursor {
    sql::Statement st;
    bool more = false;
    RidCursor(sql::Database& db, const std::string& sqlText, std::int64_t after) : st(db, sqlText) {
        st.bind(1, after);
        more = st.step();
    }
    std::int64_t rid() const { return st.getInt(0); }
};

std::int64_t timeKey(const ResponseColumns& c, std::uint32_t row) {
    return static_cast<std::int64_t>(c.day[row]) * 1440 + c.minute[row];
}

} // namespace

void ResponseColumns::reserve(std::size_t n) {
    day.reserve(n);
    minute.reserve(n);
    service.reserve(n);
    unsur.reserve(n * unsurCount());
    ham.reserve(n * hamCount());
    rentan.reserve(n);
    flags.reserve(n);
    profile.reserve(n * profileCount());
    byTime.reserve(n);
}

void ResponseColumns::appendRow(std::int32_t localDay, std::uint16_t localMinute, std::uint8_t serviceIdx,
                                const std::uint8_t* unsurValues, const std::uint8_t* hamValues, std::uint8_t rentanMask,
                                std::uint8_t flagMask, const std::uint8_t* profileValues) {
    const auto row = static_cast<std::uint32_t>(day.size());
    day.push_back(localDay);
    minute.push_back(localMinute);
    service.push_back(serviceIdx);
    unsur.insert(unsur.end(), unsurValues, unsurValues + unsurCount());
    ham.insert(ham.end(), hamValues, hamValues + hamCount());
    rentan.push_back(rentanMask);
    flags.push_back(flagMask);
    profile.insert(profile.end(), profileValues, profileValues + profileCount());
    byTime.push_back(row);
}

void ResponseColumns::sortByTime() {
    std::stable_sort(byTime.begin(), byTime.end(),
                     [this](std::uint32_t a, std::uint32_t b) { return timeKey(*this, a) < timeKey(*this, b); });
}

ResponseColumns ResponseColumns::load(Store& store, const Instrument& in) {
    ResponseColumns c = layoutFor(in);
    c.reserve(static_cast<std::size_t>(store.db().scalarInt("SELECT count(*) FROM response")));
    c.refresh(store);
    return c;
}

std::size_t ResponseColumns::refresh(Store& store) {
    sql::Database& db = store.db();
    const std::int64_t after = lastRid;
    const std::size_t before = rows();
    RidCursor resp(db, "SELECT rid, created_utc, utc_offset_min, service, misuse, adil, comment<>'' FROM response "
                       "WHERE rid>? ORDER BY rid", after);
    RidCursor ans(db, "SELECT rid, item, kind, value FROM answer WHERE rid>? ORDER BY rid", after);
    RidCursor ren(db, "SELECT rid, kelompok FROM rentan WHERE rid>? ORDER BY rid", after);
    RidCursor pro(db, "SELECT rid, field, value FROM profile WHERE rid>? ORDER BY rid", after);

    std::vector<std::uint8_t> u(unsurCount()), h(hamCount()), p(profileCount());
    while (resp.more) {
        sqlite3_stmt* r = resp.st.handle();
        const std::int64_t rid = sqlite3_column_int64(r, 0);
        const std::int64_t local = sqlite3_column_int64(r, 1) + sqlite3_column_int64(r, 2) * 60;
        const std::int64_t d = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        const auto mins = static_cast<std::uint16_t>((local - d * 86400) / 60);
        int svc = indexOf(serviceCodes, colText(r, 3));
        std::uint8_t fl = 0;
        if (sqlite3_column_int(r, 4) != 0) fl |= kFlagMisuse;
        if (sqlite3_column_type(r, 5) != SQLITE_NULL) fl |= sqlite3_column_int(r, 5) != 0 ? kFlagAdilYes : kFlagAdilNo;
        if (sqlite3_column_int(r, 6) != 0) fl |= kFlagComment;

        std::fill(u.begin(), u.end(), kNoAnswer);
        std::fill(h.begin(), h.end(), kHamNotAsked);
        std::fill(p.begin(), p.end(), kNoOption);
        for (; ans.more && ans.rid() <= rid; ans.more = ans.st.step()) {
            if (ans.rid() < rid) continue; // an orphan answer (cannot happen with foreign keys on)
            sqlite3_stmt* a = ans.st.handle();
            const auto v = static_cast<std::uint8_t>(sqlite3_column_int(a, 3));
            if (sqlite3_column_int(a, 2) == 0) {
                if (int i = indexOf(unsurCodes, colText(a, 1)); i >= 0) u[static_cast<std::size_t>(i)] = v;
            } else if (int i = indexOf(hamCodes, colText(a, 1)); i >= 0) {
                h[static_cast<std::size_t>(i)] = v;
            }
        }
        std::uint8_t mask = 0;
        for (; ren.more && ren.rid() <= rid; ren.more = ren.st.step())
            if (ren.rid() == rid) mask |= kelompokBit(colText(ren.st.handle(), 1));
        for (; pro.more && pro.rid() <= rid; pro.more = pro.st.step()) {
            if (pro.rid() < rid) continue;
            sqlite3_stmt* q = pro.st.handle();
            int f = indexOf(profileFields, colText(q, 1));
            if (f < 0) continue;
            int o = indexOf(profileOptions[static_cast<std::size_t>(f)], colText(q, 2));
            if (o >= 0) p[static_cast<std::size_t>(f)] = static_cast<std::uint8_t>(o);
        }
        appendRow(static_cast<std::int32_t>(d), mins, svc < 0 ? kNoOption : static_cast<std::uint8_t>(svc), u.data(),
                  h.data(), mask, fl, p.data());
        lastRid = rid;
        resp.more = resp.st.step();
    }
    // Keep byTime sorted: sort the new tail, then merge it with the (already sorted) rest.
    const auto mid = byTime.begin() + static_cast<std::ptrdiff_t>(before);
    auto less = [this](std::uint32_t a, std::uint32_t b) { return timeKey(*this, a) < timeKey(*this, b); };
    std::stable_sort(mid, byTime.end(), less);
    std::inplace_merge(byTime.begin(), mid, byTime.end(), less);
    return rows() - before;
}

} // namespace sw
