#include "survey/store/columns.hpp"

#include "survey/store/store.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>

namespace sw {

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

std::string_view colView(sqlite3_stmt* st, int col) {
    const unsigned char* p = sqlite3_column_text(st, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, col)))
             : std::string_view();
}

int indexOf(const std::vector<std::string>& codes, std::string_view text) {
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] == text) return static_cast<int>(i);
    return -1;
}

// Where one stored version's packed answers land in the snapshot's columns (by code).
struct VersionMap {
    std::vector<int> unsurCol; // version position → snapshot column, or -1
    std::vector<int> hamCol;
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
    const std::size_t before = rows();
    sql::Statement resp(db, "SELECT rid, created_utc, utc_offset_min, service, misuse, adil, comment<>'', instrument_id, "
                            "instrument_version, skm, ham, kelompok, profile FROM response WHERE rid>? ORDER BY rid");
    resp.bind(1, lastRid);

    std::map<std::pair<std::string, int>, VersionMap> versions;
    const VersionMap* vm = nullptr;
    std::string vmId;
    int vmVersion = -1;
    std::vector<std::uint8_t> u(unsurCount()), h(hamCount()), p(profileCount());
    while (resp.step()) {
        sqlite3_stmt* r = resp.handle();
        const std::int64_t rid = sqlite3_column_int64(r, 0);
        const std::int64_t local = sqlite3_column_int64(r, 1) + sqlite3_column_int64(r, 2) * 60;
        const std::int64_t d = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        const auto mins = static_cast<std::uint16_t>((local - d * 86400) / 60);
        int svc = indexOf(serviceCodes, colView(r, 3));
        std::uint8_t fl = 0;
        if (sqlite3_column_int(r, 4) != 0) fl |= kFlagMisuse;
        if (sqlite3_column_type(r, 5) != SQLITE_NULL) fl |= sqlite3_column_int(r, 5) != 0 ? kFlagAdilYes : kFlagAdilNo;
        if (sqlite3_column_int(r, 6) != 0) fl |= kFlagComment;

        const std::string_view id = colView(r, 7);
        const int version = sqlite3_column_int(r, 8);
        if (!vm || version != vmVersion || id != vmId) {
            vmId.assign(id);
            vmVersion = version;
            auto [it, fresh] = versions.try_emplace({vmId, version});
            if (fresh) {
                if (auto lay = store.layout(vmId, version)) {
                    for (const auto& x : lay->instrument().unsur) it->second.unsurCol.push_back(indexOf(unsurCodes, x.code));
                    for (const auto& x : lay->instrument().ham.items) it->second.hamCol.push_back(indexOf(hamCodes, x.code));
                }
            }
            vm = &it->second;
        }
        std::fill(u.begin(), u.end(), kNoAnswer);
        std::fill(h.begin(), h.end(), kHamNotAsked);
        std::fill(p.begin(), p.end(), kNoOption);
        const std::string_view packedSkm = colView(r, 9), packedHam = colView(r, 10);
        for (std::size_t i = 0; i < packedSkm.size() && i < vm->unsurCol.size(); ++i)
            if (packedSkm[i] != kNotAnswered && vm->unsurCol[i] >= 0) u[static_cast<std::size_t>(vm->unsurCol[i])] = static_cast<std::uint8_t>(packedValue(packedSkm[i]));
        for (std::size_t i = 0; i < packedHam.size() && i < vm->hamCol.size(); ++i)
            if (packedHam[i] != kNotAnswered && vm->hamCol[i] >= 0) h[static_cast<std::size_t>(vm->hamCol[i])] = static_cast<std::uint8_t>(packedValue(packedHam[i]));
        const auto mask = static_cast<std::uint8_t>(sqlite3_column_int(r, 11));
        forEachProfilePair(colView(r, 12), [&](std::string_view field, std::string_view value) {
            int f = indexOf(profileFields, field);
            if (f < 0) return;
            int o = indexOf(profileOptions[static_cast<std::size_t>(f)], value);
            if (o >= 0) p[static_cast<std::size_t>(f)] = static_cast<std::uint8_t>(o);
        });
        appendRow(static_cast<std::int32_t>(d), mins, svc < 0 ? kNoOption : static_cast<std::uint8_t>(svc), u.data(),
                  h.data(), mask, fl, p.data());
        lastRid = rid;
    }
    // Keep byTime sorted: sort the new tail, then merge it with the (already sorted) rest.
    const auto mid = byTime.begin() + static_cast<std::ptrdiff_t>(before);
    auto less = [this](std::uint32_t a, std::uint32_t b) { return timeKey(*this, a) < timeKey(*this, b); };
    std::stable_sort(mid, byTime.end(), less);
    std::inplace_merge(byTime.begin(), mid, byTime.end(), less);
    return rows() - before;
}

} // namespace sw
