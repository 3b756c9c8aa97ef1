#include "survey/export_scan.hpp"

#include <string_view>

namespace sw {

namespace {

std::string_view textAt(sql::Statement& st, int col) {
    const unsigned char* p = sqlite3_column_text(st.handle(), col);
    int n = sqlite3_column_bytes(st.handle(), col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

void bindAll(sql::Statement& st, const std::vector<std::string>& binds) {
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
}

// A child table read in rid order between the first and last selected rid.
struct ChildCursor {
    sql::Statement st;
    bool more = false;
    ChildCursor(sql::Database& db, const std::string& sql, std::int64_t lo, std::int64_t hi) : st(db, sql) {
        st.bind(1, lo).bind(2, hi);
        more = st.step();
    }
    std::int64_t rid() const { return st.getInt(0); }
    // Skips rows of responses the filter left out; true when positioned on `target`.
    bool seek(std::int64_t target) {
        while (more && rid() < target) more = st.step();
        return more && rid() == target;
    }
};

} // namespace

int ExportRow::unsurValue(const std::string& code) const {
    for (const auto& [c, v] : unsur)
        if (c == code) return v;
    return 0;
}

int ExportRow::hamValue(const std::string& code) const {
    for (const auto& [c, v] : ham)
        if (c == code) return v;
    return -1;
}

const std::string* ExportRow::profileValue(const std::string& field) const {
    for (const auto& [c, v] : profile)
        if (c == field) return &v;
    return nullptr;
}

Response ExportRow::toResponse() const {
    Response r;
    r.uuid = uuid;
    r.instrumentId = instrumentId;
    r.instrumentVersion = instrumentVersion;
    r.unitId = unitId;
    r.deviceId = deviceId;
    r.createdUtc = createdUtc;
    r.utcOffsetMinutes = utcOffsetMinutes;
    r.service = service;
    for (const auto& [c, v] : unsur) r.unsur[c] = v;
    for (const auto& [c, v] : ham) r.ham[c] = v;
    r.rentan = rentan;
    r.adil = adil;
    for (const auto& [c, v] : profile) r.profile[c] = v;
    r.comment = comment;
    r.misuse = misuse;
    r.durationSeconds = durationSeconds;
    r.source = source;
    return r;
}

namespace {
// A whole-table scan reads through memory-mapped pages instead of copying each page with
// pread(); switched off again afterwards so the kiosk's normal writes never run on a mapping.
struct MmapWhileScanning {
    sql::Database& db;
    explicit MmapWhileScanning(sql::Database& d) : db(d) { db.exec("PRAGMA mmap_size=1073741824"); }
    ~MmapWhileScanning() {
        try {
            db.exec("PRAGMA mmap_size=0");
        } catch (...) { // never throw from a destructor; the next open starts without a mapping
        }
    }
};
} // namespace

void scanResponses(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit) {
    sql::Database& db = store.db();
    MmapWhileScanning mapped(db);
    std::vector<std::string> binds;
    const std::string where = responseWhere(f, binds);

    std::int64_t lo = 0, hi = -1;
    {
        sql::Statement range(db, "SELECT min(r.rid), max(r.rid) FROM response r WHERE " + where);
        bindAll(range, binds);
        if (!range.step() || range.isNull(0)) return;
        lo = range.getInt(0);
        hi = range.getInt(1);
    }
    sql::Statement main(db, "SELECT r.rid, r.uuid, r.instrument_id, r.instrument_version, r.unit_id, r.device_id, "
                            "r.created_utc, r.utc_offset_min, r.service, r.comment, r.adil, r.misuse, r.source, "
                            "r.duration_s FROM response r WHERE " + where + " ORDER BY r.rid");
    bindAll(main, binds);
    ChildCursor ans(db, "SELECT rid, item, kind, value FROM answer WHERE rid BETWEEN ? AND ? ORDER BY rid, item", lo, hi);
    ChildCursor ren(db, "SELECT rid, code FROM rentan WHERE rid BETWEEN ? AND ? ORDER BY rid, code", lo, hi);
    ChildCursor pro(db, "SELECT rid, field, value FROM profile WHERE rid BETWEEN ? AND ? ORDER BY rid, field", lo, hi);

    ExportRow row;
    while (main.step()) {
        row.rid = main.getInt(0);
        row.uuid.assign(textAt(main, 1));
        row.instrumentId.assign(textAt(main, 2));
        row.instrumentVersion = static_cast<int>(main.getInt(3));
        row.unitId.assign(textAt(main, 4));
        row.deviceId.assign(textAt(main, 5));
        row.createdUtc = main.getInt(6);
        row.utcOffsetMinutes = static_cast<int>(main.getInt(7));
        row.service.assign(textAt(main, 8));
        row.comment.assign(textAt(main, 9));
        row.adil = main.isNull(10) ? std::nullopt : std::optional<bool>(main.getInt(10) != 0);
        row.misuse = main.getInt(11) != 0;
        row.source.assign(textAt(main, 12));
        row.durationSeconds = main.isNull(13) ? std::nullopt : std::optional<int>(static_cast<int>(main.getInt(13)));
        row.unsur.clear();
        row.ham.clear();
        row.rentan.clear();
        row.profile.clear();
        if (ans.seek(row.rid))
            while (ans.more && ans.rid() == row.rid) {
                auto& into = ans.st.getInt(2) == 0 ? row.unsur : row.ham;
                into.emplace_back(std::string(textAt(ans.st, 1)), static_cast<int>(ans.st.getInt(3)));
                ans.more = ans.st.step();
            }
        if (ren.seek(row.rid))
            while (ren.more && ren.rid() == row.rid) {
                row.rentan.emplace_back(textAt(ren.st, 1));
                ren.more = ren.st.step();
            }
        if (pro.seek(row.rid))
            while (pro.more && pro.rid() == row.rid) {
                row.profile.emplace_back(std::string(textAt(pro.st, 1)), std::string(textAt(pro.st, 2)));
                pro.more = pro.st.step();
            }
        if (!visit(row)) return;
    }
}

} // namespace sw
