#include "survey/store/migrate_packed.hpp"

#include "survey/instrument/instrument.hpp"
#include "survey/response/packing.hpp"
#include "survey/base/sqlite.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace sw {

namespace {

struct Packed {
    std::int64_t rid = 0;
    const Instrument* in = nullptr;
    std::string skm, ham;
    std::vector<std::string> rentan;
    int kelompok = 0;
    std::vector<std::pair<std::string, std::string>> profile;
};

[[noreturn]] void refuse(const sql::Database& db, std::int64_t rid, const std::string& what) {
    throw StoreError(StoreError::Kind::Corrupt, db.path() + ": cannot upgrade to schema 6: response " + std::to_string(rid) +
                                                    " " + what + "; the file was left at schema 5, untouched");
}

} // namespace

void packAnswerRows(sql::Database& db) {
    std::map<std::pair<std::string, int>, std::unique_ptr<Instrument>> instruments;
    {
        sql::Statement st(db, "SELECT id, version, body FROM instrument");
        while (st.step())
            instruments[{st.getText(0), static_cast<int>(st.getInt(1))}] = std::make_unique<Instrument>(
                parseInstrument(st.getText(2), db.path() + "#instrument/" + st.getText(0) + "/v" + st.getText(1)));
    }
    // Read everything first, then write: no row is updated under a cursor that is still reading.
    std::vector<Packed> rows;
    std::map<std::int64_t, std::size_t> at;
    {
        sql::Statement st(db, "SELECT rid, instrument_id, instrument_version FROM response ORDER BY rid");
        while (st.step()) {
            Packed p;
            p.rid = st.getInt(0);
            auto it = instruments.find({st.getText(1), static_cast<int>(st.getInt(2))});
            if (it == instruments.end()) refuse(db, p.rid, "names instrument " + st.getText(1) + " v" + st.getText(2) + ", which is not stored");
            p.in = it->second.get();
            p.skm.assign(p.in->unsur.size(), kNotAnswered);
            p.ham.assign(p.in->ham.items.size(), kNotAnswered);
            at[p.rid] = rows.size();
            rows.push_back(std::move(p));
        }
    }
    {
        sql::Statement st(db, "SELECT rid, item, kind, value FROM answer");
        while (st.step()) {
            auto it = at.find(st.getInt(0));
            if (it == at.end()) continue; // an orphan row (foreign keys make it impossible)
            Packed& p = rows[it->second];
            const std::string item = st.getText(1);
            const int value = static_cast<int>(st.getInt(3));
            const bool skm = st.getInt(2) == 0;
            int pos = skm ? positionOf(p.in->unsur, item) : positionOf(p.in->ham.items, item);
            if (pos < 0) refuse(db, p.rid, "answers " + item + ", which its instrument " + p.in->id + " v" + std::to_string(p.in->version) + " does not have");
            (skm ? p.skm : p.ham)[static_cast<std::size_t>(pos)] = static_cast<char>('0' + value);
        }
    }
    {
        sql::Statement st(db, "SELECT rid, code, kelompok FROM rentan");
        while (st.step()) {
            auto it = at.find(st.getInt(0));
            if (it == at.end()) continue;
            Packed& p = rows[it->second];
            p.rentan.push_back(st.getText(1));
            KelompokRentan k;
            if (parseKelompok(st.getText(2), k)) p.kelompok |= rentanBit(k);
        }
    }
    {
        sql::Statement st(db, "SELECT rid, field, value FROM profile");
        while (st.step()) {
            auto it = at.find(st.getInt(0));
            if (it != at.end()) rows[it->second].profile.emplace_back(st.getText(1), st.getText(2));
        }
    }
    sql::Statement up(db, "UPDATE response SET skm=?, ham=?, rentan=?, kelompok=?, profile=? WHERE rid=?");
    for (Packed& p : rows) {
        // Options and fields in the instrument's order; anything it does not list keeps its place at the end.
        std::string rentan, profile;
        auto rank = [&](const std::string& c) { int i = positionOf(p.in->ham.rentan, c); return i < 0 ? 1 << 20 : i; };
        std::stable_sort(p.rentan.begin(), p.rentan.end(), [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
        for (const auto& c : p.rentan) rentan += (rentan.empty() ? "" : ",") + c;
        auto frank = [&](const std::string& f) { int i = positionOf(p.in->profile, f); return i < 0 ? 1 << 20 : i; };
        std::stable_sort(p.profile.begin(), p.profile.end(), [&](const auto& a, const auto& b) { return frank(a.first) < frank(b.first); });
        for (const auto& [f, v] : p.profile) profile += (profile.empty() ? "" : ";") + f + "=" + v;
        up.reset();
        up.bind(1, p.skm).bind(2, p.ham).bind(3, rentan).bind(4, p.kelompok).bind(5, profile).bind(6, p.rid).run();
    }
}

} // namespace sw
