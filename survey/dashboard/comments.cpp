#include "survey/dashboard/comments.hpp"

#include "survey/store/store.hpp"

namespace sw {

namespace {

std::string whereFor(const CommentQuery& q, std::vector<std::string>& binds) {
    std::string w = "r.local_date>=? AND r.local_date<=?";
    binds = {formatDate(q.period.from), formatDate(q.period.to)};
    if (q.misuseOnly) {
        w += " AND r.misuse=1";
    } else {
        w += " AND r.comment<>''";
        if (!q.includeMisuse) w += " AND r.misuse=0";
    }
    // Every word must appear (LIKE is case-insensitive for ASCII, which covers Indonesian).
    std::size_t i = 0;
    while (i < q.search.size()) {
        std::size_t j = q.search.find(' ', i);
        if (j == std::string::npos) j = q.search.size();
        if (j > i) {
            std::string word = q.search.substr(i, j - i);
            std::string escaped;
            for (char c : word) {
                if (c == '%' || c == '_' || c == '\\') escaped += '\\';
                escaped += c;
            }
            w += " AND r.comment LIKE ? ESCAPE '\\'";
            binds.push_back("%" + escaped + "%");
        }
        i = j + 1;
    }
    return w;
}

} // namespace

std::vector<CommentRow> commentsFor(Store& store, const CommentQuery& q) {
    std::vector<std::string> binds;
    const std::string where = whereFor(q, binds);
    sql::Statement st(store.db(), "SELECT r.rid, r.created_utc, r.utc_offset_min, r.service, r.comment, r.misuse, r.duration_s, "
                                  "r.instrument_id, r.instrument_version, r.skm, r.kelompok "
                                  "FROM response r WHERE " + where + " ORDER BY r.created_utc DESC, r.rid DESC LIMIT ? OFFSET ?");
    int n = 1;
    for (const auto& b : binds) st.bind(n++, b);
    st.bind(n, q.limit);
    st.bind(n + 1, q.offset);
    std::vector<CommentRow> out;
    while (st.step()) {
        CommentRow c;
        c.rid = st.getInt(0);
        c.createdUtc = st.getInt(1);
        c.utcOffsetMinutes = static_cast<int>(st.getInt(2));
        c.service = st.getText(3);
        c.comment = st.getText(4);
        c.misuse = st.getInt(5) != 0;
        if (!st.isNull(6)) c.durationSeconds = static_cast<int>(st.getInt(6));
        if (auto lay = store.layout(st.getText(7), static_cast<int>(st.getInt(8)))) {
            Response r;
            lay->unpack(st.getText(9), "", "", "", r);
            c.unsur = r.unsur;
        }
        // The groups by code, alphabetically (as the comment list shows them).
        const int mask = static_cast<int>(st.getInt(10));
        for (KelompokRentan k : {KelompokRentan::Anak, KelompokRentan::Bukan, KelompokRentan::Disabilitas,
                                 KelompokRentan::HamilMenyusui, KelompokRentan::LanjutUsia})
            if (mask & rentanBit(k)) c.kelompok.push_back(kelompokCode(k));
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t countComments(Store& store, const CommentQuery& q) {
    std::vector<std::string> binds;
    sql::Statement st(store.db(), "SELECT count(*) FROM response r WHERE " + whereFor(q, binds));
    int n = 1;
    for (const auto& b : binds) st.bind(n++, b);
    return st.step() ? st.getInt(0) : 0;
}

} // namespace sw
