#include "survey/national/pg_schema.hpp"
#include "survey/national/pg_tally.hpp"

#include <string>

namespace sw::pg {

namespace {

// Version 1. Column meanings are those of the SQLite store (survey/store/migrations.cpp); the
// differences are for scale-out and for the merge's speed:
// - response has no key of its own. A partitioned table's keys must hold its partition column, so
//   the UUID's one owner is response_owner's key, with a hash of the fields a repeated UUID must
//   carry unchanged (pg_rows.hpp contentHash): the merge judges a repeat there, never in
//   response. A unique index on response (unit_id, local_date, uuid) would check nothing more and
//   cost more than the rest of the insert (README "The national store"). No foreign key to
//   instrument and no CHECKs per row either: the bundle parser already required each row to name
//   one of its bundle's instruments and to be well formed (PackedLayout::check), and the merge
//   registers those instruments first — the file store's merge relies on the same.
// - evidence: one copy per unit and SHA-256 (the key holds unit_id), not one per SHA-256.
// - daily_tally: Σ and n per packed position as bigint arrays.
// - Keys compare as bytes (COLLATE "C"): unit ids and codes are ASCII, and a locale's collation
//   would cost every index comparison for nothing.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE sw_meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE instrument(
  id text COLLATE "C" NOT NULL, version integer NOT NULL, body text NOT NULL,
  registered bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY(id, version));
CREATE TABLE unit(
  id text COLLATE "C" PRIMARY KEY, name text NOT NULL DEFAULT '', instansi text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '', kabupaten text NOT NULL DEFAULT '', province text NOT NULL DEFAULT '',
  utc_offset_min integer NOT NULL DEFAULT 420, kode_wilayah text NOT NULL DEFAULT '',
  demo boolean NOT NULL DEFAULT false);
CREATE TABLE trusted_key(
  unit_id text COLLATE "C" PRIMARY KEY, public_key text NOT NULL, fingerprint text NOT NULL,
  first_bundle text NOT NULL, pinned_utc bigint NOT NULL, source text NOT NULL);
CREATE TABLE revoked_key(
  unit_id text COLLATE "C" NOT NULL, fingerprint text COLLATE "C" NOT NULL, revoked_utc bigint NOT NULL,
  PRIMARY KEY(unit_id, fingerprint));
CREATE TABLE response_owner(uuid uuid PRIMARY KEY, unit_id text COLLATE "C" NOT NULL, content bytea NOT NULL);
CREATE TABLE response(
  unit_id text COLLATE "C" NOT NULL, uuid uuid NOT NULL,
  instrument_id text NOT NULL, instrument_version integer NOT NULL,
  device_id text NOT NULL, created_utc bigint NOT NULL, utc_offset_min integer NOT NULL,
  local_date date NOT NULL, service text, comment text NOT NULL, adil boolean,
  misuse boolean NOT NULL, source text NOT NULL, duration_s integer,
  skm text NOT NULL, ham text NOT NULL, rentan text NOT NULL, kelompok smallint NOT NULL, profile text NOT NULL)
  PARTITION BY RANGE (local_date);
CREATE TABLE merged_bundle(
  unit_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, fingerprint text NOT NULL,
  period_from text, period_to text, responses bigint NOT NULL, added bigint NOT NULL,
  created_utc bigint NOT NULL, merged_utc bigint NOT NULL, file text NOT NULL DEFAULT '',
  PRIMARY KEY(unit_id, id));
CREATE INDEX merged_bundle_by_id ON merged_bundle(id);
CREATE TABLE unit_report(
  unit_id text COLLATE "C" PRIMARY KEY, facility text, extra text, bundle_id text NOT NULL, created_utc bigint NOT NULL);
CREATE TABLE evidence(
  unit_id text COLLATE "C" NOT NULL, sha256 text COLLATE "C" NOT NULL, file_name text NOT NULL, mime text NOT NULL,
  size bigint NOT NULL, width integer, height integer, data bytea NOT NULL, thumb_png bytea,
  imported_utc bigint NOT NULL, PRIMARY KEY(unit_id, sha256));
CREATE TABLE daily_tally(
  unit_id text COLLATE "C" NOT NULL, day date NOT NULL, instrument_id text COLLATE "C" NOT NULL,
  instrument_version integer NOT NULL, mask smallint NOT NULL CHECK (mask BETWEEN 0 AND 31),
  respondents bigint NOT NULL, rows bigint NOT NULL, adil_yes bigint NOT NULL, adil_no bigint NOT NULL,
  misuse bigint NOT NULL,
  skm_sum bigint[] NOT NULL, skm_n bigint[] NOT NULL, ham_sum bigint[] NOT NULL, ham_n bigint[] NOT NULL,
  PRIMARY KEY(unit_id, day, instrument_id, instrument_version, mask));
CREATE INDEX daily_tally_by_day ON daily_tally(day);
CREATE TABLE event(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at_utc bigint NOT NULL, kind text NOT NULL, detail text NOT NULL);
)sql";

// Version 2: the Kanwil's verification of each unit's facility self-assessment (verdicts and visit
// record as the file store keeps them, survey/national/verdicts_json.hpp). A version-1 store gets
// it when opened, as a unit's SQLite file gets its migrations.
constexpr const char* kVerificationSql = R"sql(
CREATE TABLE verification(
  unit_id text COLLATE "C" PRIMARY KEY, claim_assessed_on text NOT NULL, visit_date text NOT NULL,
  body text NOT NULL, saved_utc bigint NOT NULL);
)sql";

// Version 3: tallies per month and per year beside the daily ones (survey/store/tally_spans.hpp),
// so a year's national roll-up reads one row per unit and mask instead of 365. Keyed by unit_id
// like every per-unit table, and partitioned by span: the year rows (a national year's roll-up)
// lie together in their own table instead of scattered among twelve times as many month rows.
constexpr const char* kPeriodTallySql = R"sql(
CREATE TABLE period_tally(
  unit_id text COLLATE "C" NOT NULL, span text COLLATE "C" NOT NULL CHECK (span IN ('m', 'y')), start date NOT NULL,
  instrument_id text COLLATE "C" NOT NULL, instrument_version integer NOT NULL,
  mask smallint NOT NULL CHECK (mask BETWEEN 0 AND 31),
  respondents bigint NOT NULL, rows bigint NOT NULL, adil_yes bigint NOT NULL, adil_no bigint NOT NULL,
  misuse bigint NOT NULL,
  skm_sum bigint[] NOT NULL, skm_n bigint[] NOT NULL, ham_sum bigint[] NOT NULL, ham_n bigint[] NOT NULL,
  PRIMARY KEY(unit_id, span, start, instrument_id, instrument_version, mask)) PARTITION BY LIST (span);
CREATE TABLE period_tally_m PARTITION OF period_tally FOR VALUES IN ('m');
CREATE TABLE period_tally_y PARTITION OF period_tally FOR VALUES IN ('y');
CREATE INDEX period_tally_by_start ON period_tally(span, start);
)sql";

void upgradeToPeriodTallies(Connection& c) {
    Transaction tx(c);
    c.exec("SELECT pg_advisory_xact_lock(5357524701)");
    if (c.scalar("SELECT value FROM sw_meta WHERE key = 'schema'").value_or("0") != "2") return; // another one did it
    c.exec(kPeriodTallySql);
    fillPeriodTallies(c);
    c.query("UPDATE sw_meta SET value = '3' WHERE key = 'schema'");
    tx.commit();
}

void upgradeToVerification(Connection& c) {
    Transaction tx(c);
    c.exec("SELECT pg_advisory_xact_lock(5357524701)");
    if (c.scalar("SELECT value FROM sw_meta WHERE key = 'schema'").value_or("0") != "1") return; // another one did it
    c.exec(kVerificationSql);
    c.query("UPDATE sw_meta SET value = '2' WHERE key = 'schema'");
    tx.commit();
}

void refuse(Connection& c, StoreError::Kind kind, const std::string& why) { throw StoreError(kind, c.name() + ": " + why); }

std::int64_t ourTables(Connection& c) {
    return std::stoll(c.scalar("SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
                               "WHERE n.nspname = current_schema() AND k.relkind IN ('r','p','v','m','f')")
                          .value_or("0"));
}

void createSchema(Connection& c) {
    Transaction tx(c);
    // Two first merges at once: the second waits here, then finds the schema made.
    c.exec("SELECT pg_advisory_xact_lock(5357524701)");
    if (c.scalar("SELECT to_regclass('sw_meta')::text")) return;
    if (ourTables(c) != 0)
        refuse(c, StoreError::Kind::Foreign,
               "the database holds other tables and no SuaraWarga store; give an empty database (createdb) for the store");
    c.exec(kSchemaSql);
    c.exec(kVerificationSql);
    c.exec(kPeriodTallySql);
    c.query("INSERT INTO sw_meta(key, value) VALUES ('application', 'suarawarga-assessor'), ('schema', $1)",
            {std::to_string(kSchemaVersion)});
    tx.commit();
}

} // namespace

void ensureSchema(Connection& c, bool create) {
    if (c.scalar("SHOW server_encoding").value_or("") != "UTF8")
        refuse(c, StoreError::Kind::Foreign, "the database must be in UTF8 (createdb -E UTF8 -T template0 …)");
    if (!c.scalar("SELECT to_regclass('sw_meta')::text")) {
        if (!create)
            refuse(c, StoreError::Kind::Other,
                   "no SuaraWarga store in this database (merge or enroll creates one in an empty database)");
        createSchema(c);
    }
    if (c.scalar("SELECT value FROM sw_meta WHERE key = 'application'").value_or("") != "suarawarga-assessor")
        refuse(c, StoreError::Kind::Foreign, "not a SuaraWarga assessor's store");
    const int version = std::stoi(c.scalar("SELECT value FROM sw_meta WHERE key = 'schema'").value_or("0"));
    if (version > kSchemaVersion)
        refuse(c, StoreError::Kind::TooNew, "written by a newer SuaraWarga (schema " + std::to_string(version) +
                                                "; this program reads " + std::to_string(kSchemaVersion) + ")");
    if (version == 1) upgradeToVerification(c);
    if (version <= 2) upgradeToPeriodTallies(c);
}

std::set<int> responsePartitions(Connection& c) {
    Result r = c.query("SELECT substr(k.relname, 11) FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid "
                       "WHERE i.inhparent = 'response'::regclass AND k.relname ~ '^response_y[0-9]+$'");
    std::set<int> years;
    for (int i = 0; i < r.rows(); ++i) years.insert(static_cast<int>(r.integer(i, 0)));
    return years;
}

void createResponsePartition(Connection& c, int year) {
    const std::string y = std::to_string(year), next = std::to_string(year + 1);
    auto pad = [](const std::string& s) { return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s; };
    c.exec("CREATE TABLE IF NOT EXISTS response_y" + y + " PARTITION OF response FOR VALUES FROM ('" + pad(y) +
           "-01-01') TO ('" + pad(next) + "-01-01')");
}

} // namespace sw::pg
