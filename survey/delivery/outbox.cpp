#include "survey/delivery/outbox.hpp"

#include "survey/base/sqlite.hpp"
#include "survey/bundle/bundle.hpp"
#include "survey/dashboard/unit_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sw {

namespace {

std::int64_t acknowledgedMark(sql::Database& db) {
    return db.scalarInt("SELECT coalesce(max(last_rid), 0) FROM delivery_outbox WHERE state='acknowledged'");
}

std::optional<OutboxEntry> pendingEntry(sql::Database& db, std::int64_t now, bool ignoreBackoff) {
    sql::Statement st(db, "SELECT seq, first_rid, last_rid, responses, sha256, bundle, attempts, next_attempt_utc "
                          "FROM delivery_outbox WHERE state='pending' ORDER BY seq LIMIT 1");
    if (!st.step()) return std::nullopt;
    OutboxEntry e;
    e.seq = st.getInt(0);
    e.firstRid = st.getInt(1);
    e.lastRid = st.getInt(2);
    e.responses = st.getInt(3);
    e.sha256 = st.getText(4);
    e.bytes = st.getBlob(5);
    e.attempts = static_cast<int>(st.getInt(6));
    e.nextAttemptUtc = st.getInt(7);
    if (!ignoreBackoff && e.nextAttemptUtc > now) e.waiting = true;
    return e;
}

// The highest rid the next bundle carries: at most kMaxResponsesPerBundle after the mark.
std::int64_t throughRid(sql::Database& db, std::int64_t mark) {
    sql::Statement st(db, "SELECT rid FROM response WHERE rid > ? ORDER BY rid LIMIT 1 OFFSET ?");
    st.bind(1, mark).bind(2, kMaxResponsesPerBundle - 1);
    if (st.step()) return st.getInt(0);
    return std::max(mark, db.scalarInt("SELECT coalesce(max(rid), 0) FROM response"));
}

} // namespace

std::optional<OutboxEntry> nextOutboxEntry(Store& unit, const UnitKey& key, std::int64_t now, bool ignoreBackoff) {
    sql::Database& db = unit.db();
    // BEGIN IMMEDIATE: a timer's send and a hand-started one never build two bundles at once.
    sql::Transaction tx(db);
    if (auto p = pendingEntry(db, now, ignoreBackoff)) return p;

    // After a refusal the same responses would be refused again at once: wait for its backoff.
    if (!ignoreBackoff &&
        db.scalarInt("SELECT count(*) FROM delivery_outbox WHERE seq=(SELECT max(seq) FROM delivery_outbox) "
                     "AND state='refused' AND next_attempt_utc > " + std::to_string(now)) > 0)
        return std::nullopt;

    const std::int64_t mark = acknowledgedMark(db);
    const std::int64_t through = throughRid(db, mark);
    sql::Statement cnt(db, "SELECT count(*) FROM response WHERE rid > ? AND rid <= ?");
    cnt.bind(1, mark).bind(2, through);
    cnt.step();
    const std::int64_t responses = cnt.getInt(0);

    // The facility report, population and tindak lanjut go in every bundle (a Kanwil keeps the
    // newest bundle's report, so one without them would erase them); a change alone is a reason
    // to send.
    BundleOptions o;
    o.facility = facilityForBundle(unit, o.filter);
    o.extra = unitExtraForBundle(unit, o.filter);
    o.afterRid = mark;
    o.throughRid = through;
    const std::string reportHash = sha256Hex(o.facility.dump() + '\n' + o.extra.dump());

    sql::Statement last(db, "SELECT report_hash, done_utc FROM delivery_outbox WHERE state='acknowledged' "
                            "ORDER BY seq DESC LIMIT 1");
    const bool acked = last.step();
    const bool reportChanged = !acked || last.getText(0) != reportHash;
    const bool heartbeatDue = !acked || now - last.getInt(1) >= kHeartbeatSeconds;
    if (responses == 0 && !reportChanged && !heartbeatDue) return std::nullopt;

    OutboxEntry e;
    e.bytes = buildBundle(unit, key, o);
    e.sha256 = sha256Hex(e.bytes);
    e.firstRid = mark + 1;
    e.lastRid = through;
    e.responses = responses;
    sql::Statement ins(db, "INSERT INTO delivery_outbox(created_utc,first_rid,last_rid,responses,report_hash,sha256,"
                           "bundle,state) VALUES(?,?,?,?,?,?,?,'pending')");
    ins.bind(1, now).bind(2, e.firstRid).bind(3, e.lastRid).bind(4, e.responses).bind(5, reportHash).bind(6, e.sha256);
    ins.bindBlob(7, e.bytes.data(), e.bytes.size()).run();
    e.seq = db.scalarInt("SELECT last_insert_rowid()");
    tx.commit();
    return e;
}

void recordReceipt(Store& unit, std::int64_t seq, const Receipt& r, const std::string& wire, std::int64_t now) {
    sql::Transaction tx(unit.db());
    const bool refused = r.status == Receipt::Status::Refused;
    sql::Statement st(unit.db(), "UPDATE delivery_outbox SET state=?, bundle=NULL, receipt=?, done_utc=?, added=?, "
                                 "already=?, last_error=?, last_attempt_utc=?, attempts=attempts+1, next_attempt_utc=? "
                                 "WHERE seq=? AND state='pending'");
    st.bind(1, refused ? "refused" : "acknowledged").bind(2, wire).bind(3, now).bind(4, r.added).bind(5, r.alreadyThere);
    if (refused) st.bind(6, r.refusalKind + ": " + r.reason);
    else st.bindNull(6);
    // A refused bundle's responses are sent again (rebuilt) once the refusal's cause may be fixed.
    st.bind(7, now).bind(8, refused ? now + 3600 : 0).bind(9, seq).run();
    unit.logEvent(refused ? "delivery.refused" : "delivery.acknowledged",
                  "bundle " + std::to_string(seq) + ": " + receiptStatusName(r.status) + ", " + std::to_string(r.added) +
                      " added, " + std::to_string(r.alreadyThere) + " already there" + (refused ? " — " + r.reason : ""));
    tx.commit();
}

void recordFailure(Store& unit, std::int64_t seq, const std::string& error, std::int64_t now, std::int64_t retryAfter) {
    sql::Statement st(unit.db(), "UPDATE delivery_outbox SET attempts=attempts+1, last_attempt_utc=?, last_error=?, "
                                 "next_attempt_utc=? WHERE seq=? AND state='pending'");
    st.bind(1, now).bind(2, error).bind(3, now + retryAfter).bind(4, seq).run();
}

DeliveryStatus deliveryStatus(Store& unit) {
    sql::Database& db = unit.db();
    DeliveryStatus s;
    s.acknowledgedThroughRid = acknowledgedMark(db);
    if (const std::int64_t t = db.scalarInt("SELECT coalesce(max(done_utc), 0) FROM delivery_outbox WHERE state='acknowledged'"))
        s.lastDeliveryUtc = t;
    s.pendingResponses = db.scalarInt("SELECT count(*) FROM response WHERE rid > " + std::to_string(s.acknowledgedThroughRid));
    {
        sql::Statement p(db, "SELECT attempts, next_attempt_utc, coalesce(last_error, '') FROM delivery_outbox "
                             "WHERE state='pending' ORDER BY seq LIMIT 1");
        if (p.step()) {
            s.attempts = p.getInt(0);
            s.nextAttemptUtc = p.getInt(1);
            s.lastError = p.getText(2);
        }
    }
    // A refusal the Kanwil has since been satisfied about (a later bundle acknowledged) is history.
    sql::Statement r(db, "SELECT done_utc, receipt FROM delivery_outbox WHERE state='refused' AND seq > "
                         "(SELECT coalesce(max(seq), 0) FROM delivery_outbox WHERE state='acknowledged') "
                         "ORDER BY seq DESC LIMIT 1");
    if (r.step()) {
        s.lastRefusalUtc = r.getInt(0);
        // The receipt was verified when it arrived; here it is only read back.
        const auto outer = nlohmann::json::parse(r.getText(1), nullptr, false);
        const auto inner = outer.is_object() && outer.value("receipt", "").size()
                               ? nlohmann::json::parse(outer.value("receipt", ""), nullptr, false)
                               : nlohmann::json();
        if (inner.is_object()) {
            s.lastRefusalKind = inner.value("refusal", "");
            s.lastRefusal = inner.value("reason", "");
        }
    }
    return s;
}

std::int64_t retryDelaySeconds(int attempts, std::uint32_t jitterSeed) {
    std::int64_t d = 30;
    for (int i = 1; i < attempts && d < 3600; ++i) d *= 2;
    d = std::min<std::int64_t>(d, 3600);
    const std::int64_t jitter = d / 5;
    return d - jitter + static_cast<std::int64_t>(jitterSeed % static_cast<std::uint32_t>(2 * jitter + 1));
}

} // namespace sw
