#include "survey/merge.hpp"

#include "survey/local_time.hpp"

#include <map>
#include <memory>

namespace sw {

std::optional<std::string> pinnedFingerprint(Store& assessor, const std::string& unitId) {
    sql::Statement st(assessor.db(), "SELECT fingerprint FROM trusted_key WHERE unit_id=?");
    st.bind(1, unitId);
    if (!st.step()) return std::nullopt;
    return st.getText(0);
}

void checkPinnedKey(Store& assessor, const Bundle& b) {
    sql::Statement st(assessor.db(), "SELECT public_key, fingerprint FROM trusted_key WHERE unit_id=?");
    st.bind(1, b.unit.id);
    if (!st.step()) return;
    if (st.getText(0) != toHex(b.publicKey.data(), b.publicKey.size()))
        throw BundleError(BundleError::Kind::KeyMismatch,
                          "unit \"" + b.unit.id + "\" is pinned to key " + st.getText(1) +
                              " (from its first bundle), but this bundle is signed by " + b.fingerprint +
                              "; refused — confirm the new key with the unit before trusting it");
}

namespace {

// Statements prepared once per bundle: merging is mostly inserts.
struct Inserter {
    sql::Statement response, answer, rentan, profile;
    explicit Inserter(sql::Database& db)
        : response(db, std::string("INSERT INTO response(") + kResponseInsertColumns +
                           ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(uuid) DO NOTHING"),
          answer(db, "INSERT INTO answer(rid,item,kind,value) VALUES(?,?,?,?)"),
          rentan(db, "INSERT INTO rentan(rid,code,kelompok) VALUES(?,?,?)"),
          profile(db, "INSERT INTO profile(rid,field,value) VALUES(?,?,?)") {}
};

} // namespace

MergeOutcome mergeBundle(Store& assessor, const Bundle& b, const std::string& fileName) {
    sql::Database& db = assessor.db();
    MergeOutcome out;
    out.unitId = b.unit.id;
    out.unitName = b.unit.name;
    out.responses = static_cast<std::int64_t>(b.responses.size());

    sql::Transaction tx(db);
    {
        sql::Statement seen(db, "SELECT 1 FROM merged_bundle WHERE id=?");
        seen.bind(1, b.id);
        if (seen.step()) {
            out.alreadyMerged = true;
            return out; // the transaction rolls back: nothing to do
        }
    }
    checkPinnedKey(assessor, b);
    if (!pinnedFingerprint(assessor, b.unit.id)) {
        sql::Statement pin(db, "INSERT INTO trusted_key(unit_id,public_key,fingerprint,first_bundle,pinned_utc) VALUES(?,?,?,?,?)");
        pin.bind(1, b.unit.id).bind(2, toHex(b.publicKey.data(), b.publicKey.size())).bind(3, b.fingerprint);
        pin.bind(4, b.id).bind(5, nowUtc()).run();
        out.pinnedNow = true;
    }

    // The instruments the responses were answered with (parsed: kelompok rentan comes from them).
    std::map<std::string, std::shared_ptr<const Instrument>> instruments;
    for (const auto& bi : b.instruments) {
        Instrument in = parseInstrument(bi.body, "bundle " + b.unit.id + "#instrument/" + bi.id + "/v" + std::to_string(bi.version));
        if (in.id != bi.id || in.version != bi.version)
            throw BundleError(BundleError::Kind::Malformed, "the bundle's instrument " + bi.id + " v" +
                                                                std::to_string(bi.version) + " contains another instrument");
        assessor.registerInstrument(in);
        instruments[bi.id + "/" + std::to_string(bi.version)] = std::make_shared<const Instrument>(std::move(in));
    }

    {
        sql::Statement unit(db, "INSERT INTO unit(id,name,instansi,address,kabupaten,province,utc_offset_min) "
                                "VALUES(?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                                "instansi=excluded.instansi, address=excluded.address, kabupaten=excluded.kabupaten, "
                                "province=excluded.province, utc_offset_min=excluded.utc_offset_min");
        const UnitInfo& u = b.unit;
        unit.bind(1, u.id).bind(2, u.name).bind(3, u.instansi).bind(4, u.address).bind(5, u.kabupaten);
        unit.bind(6, u.province).bind(7, u.utcOffsetMinutes).run();
    }

    Inserter ins(db);
    for (const Response& r : b.responses) {
        auto it = instruments.find(r.instrumentId + "/" + std::to_string(r.instrumentVersion));
        if (it == instruments.end())
            throw BundleError(BundleError::Kind::Malformed, "response " + r.uuid + " names an instrument the bundle does not carry");
        const Instrument& in = *it->second;
        auto& st = ins.response;
        st.reset();
        bindResponseRow(st, r, b.unit.id);
        st.run();
        if (db.changes() == 0) continue; // already here (an overlapping bundle): keep one copy
        const std::int64_t rid = db.lastInsertRowid();
        ++out.added;
        for (const auto& [code, v] : r.unsur) {
            if (!in.findUnsur(code))
                throw BundleError(BundleError::Kind::Malformed, "response " + r.uuid + " answers unknown unsur \"" + code + "\"");
            ins.answer.reset();
            ins.answer.bind(1, rid).bind(2, code).bind(3, 0).bind(4, v).run();
        }
        for (const auto& [code, v] : r.ham) {
            if (!in.findHamItem(code))
                throw BundleError(BundleError::Kind::Malformed, "response " + r.uuid + " answers unknown HAM item \"" + code + "\"");
            ins.answer.reset();
            ins.answer.bind(1, rid).bind(2, code).bind(3, 1).bind(4, v).run();
        }
        for (const auto& code : r.rentan) {
            const RentanOption* o = in.findRentan(code);
            if (!o) throw BundleError(BundleError::Kind::Malformed, "response " + r.uuid + " names unknown kelompok rentan \"" + code + "\"");
            ins.rentan.reset();
            ins.rentan.bind(1, rid).bind(2, code).bind(3, kelompokCode(o->kelompok)).run();
        }
        for (const auto& [field, v] : r.profile) {
            ins.profile.reset();
            ins.profile.bind(1, rid).bind(2, field).bind(3, v).run();
        }
    }

    // The unit's own report data (facility self-assessment…): the newest bundle wins.
    {
        sql::Statement rep(db, "INSERT INTO unit_report(unit_id,facility,extra,bundle_id,created_utc) VALUES(?,?,?,?,?) "
                               "ON CONFLICT(unit_id) DO UPDATE SET facility=excluded.facility, extra=excluded.extra, "
                               "bundle_id=excluded.bundle_id, created_utc=excluded.created_utc "
                               "WHERE excluded.created_utc >= unit_report.created_utc");
        rep.bind(1, b.unit.id);
        if (b.facility.is_null()) rep.bindNull(2);
        else rep.bind(2, b.facility.dump());
        rep.bind(3, b.extra.is_null() ? std::string("{}") : b.extra.dump()).bind(4, b.id).bind(5, b.createdUtc).run();
    }
    {
        sql::Statement log(db, "INSERT INTO merged_bundle(id,unit_id,fingerprint,period_from,period_to,responses,added,"
                               "created_utc,merged_utc,file) VALUES(?,?,?,?,?,?,?,?,?,?)");
        log.bind(1, b.id).bind(2, b.unit.id).bind(3, b.fingerprint).bind(4, b.from).bind(5, b.to);
        log.bind(6, out.responses).bind(7, out.added).bind(8, b.createdUtc).bind(9, nowUtc()).bind(10, fileName).run();
    }
    tx.commit();
    return out;
}

} // namespace sw
