#include "survey/national/pg_merge.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/national/pg_enrollment.hpp"
#include "survey/national/pg_evidence.hpp"
#include "survey/national/pg_rows.hpp"
#include "survey/national/pg_schema.hpp"

#include <map>

namespace sw::pg {

namespace {

// [SECTION] Rows

// The slow path: some UUIDs of the bundle are in the store already (an overlapping bundle), or a
// row is a problem. Rows are judged in order, as the file store inserts them, so the first
// offending row is the one named. A repeat of the unit's own UUID is compared through the content
// hash response_owner keeps (the fields survey/bundle/merge.cpp compares).
RowPlan checkedPlan(Connection& c, const Bundle& b, const RowCheck& check) {
    std::vector<std::string_view> uuids;
    for (std::size_t i = 0; i < b.responses.size(); ++i)
        if (check.repeat[i] < 0) uuids.push_back(b.responses[i].uuid);
    struct Owner {
        std::string unit, content;
    };
    std::map<std::string, Owner, std::less<>> owner; // uuid → its first copy, for the UUIDs the store holds
    {
        Result r = c.query("SELECT uuid::text, unit_id, content FROM response_owner WHERE uuid = ANY($1::uuid[])",
                           {arrayLiteral(uuids)});
        for (int i = 0; i < r.rows(); ++i) owner.emplace(r.str(i, 0), Owner{r.str(i, 1), r.bytes(i, 2)});
    }
    std::vector<char> skip(b.responses.size());
    for (std::size_t i = 0; i < b.responses.size(); ++i) {
        if (check.problemRow == i) throw check.problem;
        if (check.repeat[i] >= 0) {
            skip[i] = 1;
            continue;
        }
        const PackedRow& r = b.responses[i];
        auto it = owner.find(r.uuid);
        if (it == owner.end()) continue;
        skip[i] = 1;
        const std::string uuid = printable(r.uuid);
        if (it->second.unit != b.unit.id)
            throw BundleError(BundleError::Kind::Ownership, "response " + uuid + " belongs to unit \"" + printable(it->second.unit) +
                                                                "\", not to \"" + printable(b.unit.id) +
                                                                "\" that sent it again; the bundle was refused whole");
        if (it->second.content != contentHash(r))
            throw BundleError(BundleError::Kind::Ownership, "response " + uuid + " of unit \"" + printable(b.unit.id) +
                                                                "\" arrives with other answers than its first copy; the bundle "
                                                                "was refused whole");
    }
    return planRows(b, skip);
}

// Claims the UUIDs and writes the new rows with their tallies; returns how many were added.
// Optimistic: the prepared plan assumes every UUID is new, and COPY into response_owner proves it
// (its key refuses a UUID already there). Only when it does not is the bundle checked row by row.
std::int64_t writeRows(Connection& c, const Bundle& b, PreparedFile& p, const Partitions& partitions, std::set<int>& created) {
    std::optional<RowPlan> plan;
    plan.swap(p.plan); // used once: a retry of the bundle checks row by row
    if (plan) {
        c.exec("SAVEPOINT rows");
        try {
            c.copyIn(kOwnerCopy, plan->ownerCopy);
            c.exec("RELEASE rows");
        } catch (const StoreError&) {
            if (c.lastSqlState() != kUniqueViolation) throw;
            c.exec("ROLLBACK TO rows");
            c.exec("RELEASE rows");
            plan.reset();
        }
    }
    if (!plan) {
        plan = checkedPlan(c, b, p.check);
        if (plan->added > 0) c.copyIn(kOwnerCopy, plan->ownerCopy);
    }
    if (plan->added == 0) return 0;
    for (const auto& [year, data] : plan->responseCopy) {
        if (!partitions.known(year) && created.insert(year).second) createResponsePartition(c, year);
        c.copyIn(responseCopySql(year), data);
    }
    addTallies(c, b.unit.id, std::move(plan->tallies));
    return plan->added;
}

// [SECTION] One bundle

void registerInstruments(Connection& c, const Bundle& b) {
    // In the bundle's order, so the newest instrument is the same as in the file store's.
    for (const auto& layout : b.layouts) {
        const Instrument& in = layout->instrument();
        c.query("INSERT INTO instrument(id, version, body) VALUES ($1, $2, $3) ON CONFLICT (id, version) DO NOTHING",
                {in.id, std::to_string(in.version), in.canonicalJson});
    }
}

void upsertUnit(Connection& c, const UnitInfo& u) {
    // The newest bundle's identity wins, the demo mark with it (survey/bundle/merge.cpp).
    c.query("INSERT INTO unit(id, name, instansi, address, kabupaten, province, utc_offset_min, kode_wilayah, demo) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "instansi = excluded.instansi, address = excluded.address, kabupaten = excluded.kabupaten, "
            "province = excluded.province, utc_offset_min = excluded.utc_offset_min, "
            "kode_wilayah = excluded.kode_wilayah, demo = excluded.demo",
            {u.id, u.name, u.instansi, u.address, u.kabupaten, u.province, std::to_string(u.utcOffsetMinutes), u.kodeWilayah,
             u.demo ? "true" : "false"});
}

void recordBundle(Connection& c, const Bundle& b, const std::string& file, const MergeOutcome& out) {
    // The unit's own report data (facility self-assessment…): the newest bundle wins. Its evidence
    // files go to the evidence table; the report keeps their hashes.
    const nlohmann::json facility = storeBundleEvidence(c, b.unit.id, b.facility);
    const std::string facilityText = facility.is_null() ? std::string() : facility.dump();
    const std::string created = std::to_string(b.createdUtc);
    c.query("INSERT INTO unit_report(unit_id, facility, extra, bundle_id, created_utc) VALUES ($1, $2, $3, $4, $5) "
            "ON CONFLICT (unit_id) DO UPDATE SET facility = excluded.facility, extra = excluded.extra, "
            "bundle_id = excluded.bundle_id, created_utc = excluded.created_utc "
            "WHERE excluded.created_utc >= unit_report.created_utc",
            {b.unit.id, facility.is_null() ? Param() : Param(facilityText), b.extra.is_null() ? "{}" : b.extra.dump(), b.id,
             created});
    c.query("INSERT INTO merged_bundle(unit_id, id, fingerprint, period_from, period_to, responses, added, created_utc, "
            "merged_utc, file) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            {b.unit.id, b.id, b.fingerprint, b.from ? Param(*b.from) : Param(), b.to ? Param(*b.to) : Param(),
             std::to_string(out.responses), std::to_string(out.added), created, std::to_string(nowUtc()), file});
}

MergeOutcome mergeOne(Connection& c, PreparedFile& p, const std::string& file, KeyPolicy keys, Partitions& partitions) {
    const Bundle& b = *p.bundle;
    MergeOutcome out;
    out.unitId = b.unit.id;
    out.unitName = b.unit.name;
    out.demo = b.unit.demo;
    out.responses = static_cast<std::int64_t>(b.responses.size());
    Transaction tx(c);
    if (c.query("SELECT 1 FROM merged_bundle WHERE unit_id = $1 AND id = $2", {b.unit.id, b.id}).rows() > 0) {
        out.alreadyMerged = true;
        return out; // nothing changed: the transaction rolls back
    }
    out.pinnedNow = admitBundleKey(c, b, keys == KeyPolicy::EnrollNew);
    registerInstruments(c, b);
    upsertUnit(c, b.unit);
    std::set<int> created;
    out.added = writeRows(c, b, p, partitions, created);
    recordBundle(c, b, file, out);
    tx.commit();
    partitions.add(created);
    return out;
}

// A lost race with another merge running at the same time (the same UUID or key claimed first,
// a deadlock): the bundle is tried again, and then sees what the other merge committed.
bool raceLost(const Connection& c) {
    const std::string& s = c.lastSqlState();
    return s == kUniqueViolation || s == kSerializationFailure || s == kDeadlock || s == "42P07"; // 42P07: a partition made meanwhile
}

void fillMergedBefore(Connection& c, const std::string& id, MergeFileResult& r) {
    Result q = c.query("SELECT m.unit_id, coalesce(u.name, ''), m.responses, m.fingerprint, coalesce(u.demo, false) "
                       "FROM merged_bundle m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id = $1 LIMIT 1",
                       {id});
    if (q.rows() == 0) return;
    MergeOutcome o;
    o.unitId = q.str(0, 0);
    o.unitName = q.str(0, 1);
    o.responses = q.integer(0, 2);
    o.demo = q.text(0, 4) == "t";
    o.alreadyMerged = true;
    r.fingerprint = q.str(0, 3);
    r.outcome = o;
}

bool storeFailed(const StoreError& e) {
    return e.kind == StoreError::Kind::Io || e.kind == StoreError::Kind::Full || e.kind == StoreError::Kind::Corrupt;
}

} // namespace

PreparedFile prepareFile(const std::string& file, const std::set<std::string>& merged) {
    PreparedFile p;
    try {
        VerifiedFile verified = readVerifiedFile(file);
        // The same signed payload as a bundle merged before: nothing to add, not parsed again.
        if (merged.count(verified.envelope().id)) {
            p.mergedBefore = verified.envelope().id;
            return p;
        }
        p.bundle = namingFile(file, [&] { return readBundle(std::move(verified)); });
        p.check = checkRows(*p.bundle);
        if (!p.check.problemRow) {
            std::vector<char> skip(p.bundle->responses.size());
            for (std::size_t i = 0; i < skip.size(); ++i) skip[i] = p.check.repeat[i] >= 0;
            p.plan = planRows(*p.bundle, skip);
        }
    } catch (const std::exception& e) {
        p.bundle.reset();
        p.error = e.what();
    }
    return p;
}

bool Partitions::known(int year) const {
    std::lock_guard<std::mutex> hold(lock_);
    return years_.count(year) > 0;
}

void Partitions::add(const std::set<int>& years) {
    std::lock_guard<std::mutex> hold(lock_);
    years_.insert(years.begin(), years.end());
}

MergeFileResult mergePrepared(Connection& c, PreparedFile p, const std::string& file, KeyPolicy keys, Partitions& partitions) {
    MergeFileResult r;
    r.file = file;
    if (!p.mergedBefore.empty()) {
        fillMergedBefore(c, p.mergedBefore, r);
        return r;
    }
    if (!p.bundle) {
        r.error = p.error;
        return r;
    }
    r.fingerprint = p.bundle->fingerprint;
    for (int attempt = 1;; ++attempt) {
        try {
            r.outcome = mergeOne(c, p, file, keys, partitions);
        } catch (const StoreError& e) {
            if (storeFailed(e)) throw; // the store itself failed: the run ends here
            if (raceLost(c) && attempt < 5) continue;
            r.error = e.what();
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        return r;
    }
}

} // namespace sw::pg
