#include "survey/facility/tindak_lanjut.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/store.hpp"

namespace sw {

void validateTindakLanjut(const TindakLanjut& t) {
    LocalDate d;
    if (t.action.empty()) throw UsageError("a follow-up needs an action");
    if (t.owner.empty()) throw UsageError("a follow-up needs an owner (penanggung jawab)");
    if (!parseDate(t.dueDate, d)) throw UsageError("the target date \"" + t.dueDate + "\" is not a date (YYYY-MM-DD)");
    if (!parseDate(t.periodFrom, d) || !parseDate(t.periodTo, d)) throw UsageError("the follow-up's period is not valid");
    if (t.targetKind != "unsur" && t.targetKind != "facility" && t.targetKind != "other")
        throw UsageError("unknown follow-up target \"" + t.targetKind + "\"");
    if (t.status != "rencana" && t.status != "berjalan" && t.status != "selesai")
        throw UsageError("unknown follow-up status \"" + t.status + "\"");
}

std::int64_t addTindakLanjut(Store& store, const TindakLanjut& t) {
    validateTindakLanjut(t);
    sql::Statement st(store.db(), "INSERT INTO tindak_lanjut(period_from, period_to, target_kind, target_code, target_label, "
                                  "action, owner, due_date, status, created_utc) VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, t.periodFrom).bind(2, t.periodTo).bind(3, t.targetKind).bind(4, t.targetCode).bind(5, t.targetLabel);
    st.bind(6, t.action).bind(7, t.owner).bind(8, t.dueDate).bind(9, t.status);
    st.bind(10, t.createdUtc != 0 ? t.createdUtc : nowUtc()).run();
    return store.db().lastInsertRowid();
}

void updateTindakLanjut(Store& store, const TindakLanjut& t) {
    validateTindakLanjut(t);
    sql::Statement st(store.db(), "UPDATE tindak_lanjut SET target_kind=?, target_code=?, target_label=?, action=?, owner=?, "
                                  "due_date=?, status=? WHERE id=?");
    st.bind(1, t.targetKind).bind(2, t.targetCode).bind(3, t.targetLabel).bind(4, t.action).bind(5, t.owner);
    st.bind(6, t.dueDate).bind(7, t.status).bind(8, t.id).run();
}

void removeTindakLanjut(Store& store, std::int64_t id) {
    sql::Statement st(store.db(), "DELETE FROM tindak_lanjut WHERE id=?");
    st.bind(1, id).run();
}

namespace {

const char* const kColumns = "SELECT id, period_from, period_to, target_kind, target_code, target_label, action, owner, "
                             "due_date, status, created_utc FROM tindak_lanjut ";

std::vector<TindakLanjut> readRows(sql::Statement& st) {
    std::vector<TindakLanjut> out;
    while (st.step()) {
        TindakLanjut t;
        t.id = st.getInt(0);
        t.periodFrom = st.getText(1);
        t.periodTo = st.getText(2);
        t.targetKind = st.getText(3);
        t.targetCode = st.getText(4);
        t.targetLabel = st.getText(5);
        t.action = st.getText(6);
        t.owner = st.getText(7);
        t.dueDate = st.getText(8);
        t.status = st.getText(9);
        t.createdUtc = st.getInt(10);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

std::vector<TindakLanjut> tindakLanjutFor(Store& store, const Period& p) {
    sql::Statement st(store.db(), std::string(kColumns) + "WHERE period_from=? AND period_to=? ORDER BY id");
    st.bind(1, formatDate(p.from)).bind(2, formatDate(p.to));
    return readRows(st);
}

std::vector<TindakLanjut> tindakLanjutOverlapping(Store& store, const Period& p) {
    sql::Statement st(store.db(), std::string(kColumns) + "WHERE period_from<=? AND period_to>=? ORDER BY period_from, period_to, id");
    st.bind(1, formatDate(p.to)).bind(2, formatDate(p.from));
    return readRows(st);
}

std::vector<TindakLanjut> tindakLanjutDone(Store& store, const LocalDate& upTo, int limit) {
    sql::Statement st(store.db(), std::string(kColumns) +
                                      "WHERE status='selesai' AND period_to<=? ORDER BY period_to DESC, id DESC LIMIT ?");
    st.bind(1, formatDate(upTo)).bind(2, static_cast<std::int64_t>(limit));
    return readRows(st);
}

} // namespace sw
