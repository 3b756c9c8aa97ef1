#include "survey/store/migrations.hpp"

#include "survey/store/daily_tally.hpp"
#include "survey/store/migrate_packed.hpp"

namespace sw {

const std::array<Migration, 12> kMigrations = {{
    // 0 → 1: responses with answers by code, the instruments they were answered with.
    {R"sql(
CREATE TABLE instrument(
  id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY(id, version));
CREATE TABLE unit(
  id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', instansi TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '', kabupaten TEXT NOT NULL DEFAULT '', province TEXT NOT NULL DEFAULT '',
  utc_offset_min INTEGER NOT NULL DEFAULT 420);
CREATE TABLE response(
  rid INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  instrument_id TEXT NOT NULL, instrument_version INTEGER NOT NULL,
  unit_id TEXT NOT NULL, device_id TEXT NOT NULL,
  created_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  service TEXT, comment TEXT NOT NULL DEFAULT '', adil INTEGER,
  misuse INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL,
  FOREIGN KEY(instrument_id, instrument_version) REFERENCES instrument(id, version));
CREATE INDEX response_by_date ON response(local_date);
-- kind 0: SKM unsur (1..4); kind 1: HAM item (0 = tidak tahu, 1..4)
CREATE TABLE answer(
  rid INTEGER NOT NULL REFERENCES response(rid) ON DELETE CASCADE,
  item TEXT NOT NULL, kind INTEGER NOT NULL, value INTEGER NOT NULL,
  CHECK((kind = 0 AND value BETWEEN 1 AND 4) OR (kind = 1 AND value BETWEEN 0 AND 4)),
  PRIMARY KEY(rid, item)) WITHOUT ROWID;
CREATE TABLE rentan(
  rid INTEGER NOT NULL REFERENCES response(rid) ON DELETE CASCADE,
  code TEXT NOT NULL, kelompok TEXT NOT NULL,
  PRIMARY KEY(rid, code)) WITHOUT ROWID;
CREATE TABLE profile(
  rid INTEGER NOT NULL REFERENCES response(rid) ON DELETE CASCADE,
  field TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(rid, field)) WITHOUT ROWID;
)sql"},
    // 1 → 2: settings, the operator's event log, and how long each survey took (misuse rule).
    {R"sql(
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE event(
  id INTEGER PRIMARY KEY, at_utc INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL);
ALTER TABLE response ADD COLUMN duration_s INTEGER;
CREATE INDEX response_by_unit ON response(unit_id, local_date);
)sql"},
    // 2 → 3: the unit head's area (facility self-assessment, evidence, follow-up plans, population).
    {R"sql(
CREATE TABLE period_population(
  period_from TEXT NOT NULL, period_to TEXT NOT NULL, population INTEGER NOT NULL CHECK(population >= 0),
  PRIMARY KEY(period_from, period_to));
-- Evidence (data dukung): the file itself, its SHA-256 and a PNG thumbnail for images.
CREATE TABLE evidence(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, mime TEXT NOT NULL,
  size INTEGER NOT NULL, width INTEGER, height INTEGER, data BLOB NOT NULL, thumb_png BLOB,
  imported_utc INTEGER NOT NULL);
-- A dated P2HAM facility self-assessment; every save is a new row, earlier ones stay readable.
CREATE TABLE facility_assessment(
  id INTEGER PRIMARY KEY, checklist_id TEXT NOT NULL, checklist_version INTEGER NOT NULL,
  assessed_on TEXT NOT NULL, created_utc INTEGER NOT NULL, assessor TEXT NOT NULL DEFAULT '',
  petugas_status TEXT NOT NULL DEFAULT '', petugas_staff TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '', citizen_index REAL);
CREATE TABLE facility_answer(
  assessment_id INTEGER NOT NULL REFERENCES facility_assessment(id) ON DELETE CASCADE,
  item TEXT NOT NULL, status TEXT NOT NULL CHECK(status IN ('ada','proses','tidak','')),
  note TEXT NOT NULL DEFAULT '', PRIMARY KEY(assessment_id, item)) WITHOUT ROWID;
CREATE TABLE facility_measure(
  assessment_id INTEGER NOT NULL REFERENCES facility_assessment(id) ON DELETE CASCADE,
  item TEXT NOT NULL, measure TEXT NOT NULL, value REAL NOT NULL,
  PRIMARY KEY(assessment_id, item, measure)) WITHOUT ROWID;
CREATE TABLE facility_kepatuhan(
  assessment_id INTEGER NOT NULL REFERENCES facility_assessment(id) ON DELETE CASCADE,
  service TEXT NOT NULL, level TEXT NOT NULL, PRIMARY KEY(assessment_id, service)) WITHOUT ROWID;
CREATE TABLE facility_evidence(
  assessment_id INTEGER NOT NULL REFERENCES facility_assessment(id) ON DELETE CASCADE,
  item TEXT NOT NULL, evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY(assessment_id, item, evidence_id)) WITHOUT ROWID;
-- Rencana tindak lanjut: per period, an action for a weak unsur or a facility gap.
CREATE TABLE tindak_lanjut(
  id INTEGER PRIMARY KEY, period_from TEXT NOT NULL, period_to TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK(target_kind IN ('unsur','facility','other')), target_code TEXT NOT NULL,
  target_label TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, owner TEXT NOT NULL, due_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'rencana' CHECK(status IN ('rencana','berjalan','selesai')),
  created_utc INTEGER NOT NULL);
CREATE INDEX tindak_lanjut_by_period ON tindak_lanjut(period_from, period_to);
)sql"},
    // 3 → 4: exports and merges. An assessor's store pins each unit's signing key on its first
    // bundle, logs every merged bundle (so the same bundle merges once) and keeps the latest
    // facility self-assessment each unit sent, for the roll-up.
    {R"sql(
CREATE TABLE trusted_key(
  unit_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  first_bundle TEXT NOT NULL, pinned_utc INTEGER NOT NULL);
CREATE TABLE merged_bundle(
  id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
  period_from TEXT, period_to TEXT, responses INTEGER NOT NULL, added INTEGER NOT NULL,
  created_utc INTEGER NOT NULL, merged_utc INTEGER NOT NULL, file TEXT NOT NULL DEFAULT '');
CREATE TABLE unit_report(
  unit_id TEXT PRIMARY KEY, facility TEXT, extra TEXT, bundle_id TEXT NOT NULL, created_utc INTEGER NOT NULL);
)sql"},
    // 4 → 5: the misuse rule looks up a kiosk's last submission on every submit; without this
    // index that is a full scan that grows with the unit's history.
    {R"sql(
CREATE INDEX response_by_device ON response(device_id, created_utc);
)sql"},
    // 5 → 6: each response's answers, kelompok rentan and profile packed into its own row
    // (response_packing.hpp): one B-tree entry per response instead of ~25, for the exports'
    // and merge's speed. `answer` stays readable as a view for auditors using sqlite3.
    {R"sql(
ALTER TABLE response ADD COLUMN skm TEXT NOT NULL DEFAULT '' CHECK(skm NOT GLOB '*[^1-4-]*');
ALTER TABLE response ADD COLUMN ham TEXT NOT NULL DEFAULT '' CHECK(ham NOT GLOB '*[^0-4-]*');
ALTER TABLE response ADD COLUMN rentan TEXT NOT NULL DEFAULT '';
ALTER TABLE response ADD COLUMN kelompok INTEGER NOT NULL DEFAULT 0 CHECK(kelompok BETWEEN 0 AND 31);
ALTER TABLE response ADD COLUMN profile TEXT NOT NULL DEFAULT '';
)sql",
     packAnswerRows, R"sql(
DROP TABLE answer;
DROP TABLE rentan;
DROP TABLE profile;
-- The misuse rule now looks back over the newest rows only (misuse.cpp): one index less to keep.
DROP INDEX response_by_device;
CREATE VIEW answer(rid, item, kind, value) AS
  SELECT r.rid, json_extract(j.value, '$.code'), 0, CAST(substr(r.skm, j.key + 1, 1) AS INTEGER)
  FROM response r JOIN instrument i ON i.id = r.instrument_id AND i.version = r.instrument_version,
       json_each(i.body, '$.unsur') j
  WHERE substr(r.skm, j.key + 1, 1) <> '-'
  UNION ALL
  SELECT r.rid, json_extract(j.value, '$.code'), 1, CAST(substr(r.ham, j.key + 1, 1) AS INTEGER)
  FROM response r JOIN instrument i ON i.id = r.instrument_id AND i.version = r.instrument_version,
       json_each(i.body, '$.ham.items') j
  WHERE substr(r.ham, j.key + 1, 1) <> '-';
)sql"},
    // 6 → 7: trust. A unit carries the Kemendagri code of its kabupaten/kota (the national roll-up
    // groups by it); an assessor enrolls unit keys (trusted_key.source says how a key came to be
    // trusted) and keeps the keys it revoked, which are never trusted again for that unit.
    {R"sql(
ALTER TABLE unit ADD COLUMN kode_wilayah TEXT NOT NULL DEFAULT '';
ALTER TABLE trusted_key ADD COLUMN source TEXT NOT NULL DEFAULT 'first-bundle';
CREATE TABLE revoked_key(
  unit_id TEXT NOT NULL, fingerprint TEXT NOT NULL, revoked_utc INTEGER NOT NULL,
  PRIMARY KEY(unit_id, fingerprint));
)sql"},
    // 7 → 8: a unit knows whether it is the built-in demo unit, so its figures are marked DEMO
    // wherever they show. Stores made before this already hold the demo unit under its fixed id
    // (assets/demo-unit.json); a unit set up with `init` never is one.
    {R"sql(
ALTER TABLE unit ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
UPDATE unit SET demo=1 WHERE id='demo-kanim-jaksel';
)sql"},
    // 8 → 9: daily tallies (survey/store/daily_tally.hpp). Per unit, local day, instrument version
    // and kelompok mask: the sums a roll-up needs, so an assessor's roll-up over any period reads
    // tallies instead of every response. Filled from the responses after tally_mark.rid; responses
    // are append-only, so the first roll-up after this migration tallies the history once.
    {R"sql(
CREATE TABLE daily_tally(
  unit_id TEXT NOT NULL, day TEXT NOT NULL, instrument_id TEXT NOT NULL, instrument_version INTEGER NOT NULL,
  mask INTEGER NOT NULL CHECK(mask BETWEEN 0 AND 31),
  respondents INTEGER NOT NULL, rows INTEGER NOT NULL, adil_yes INTEGER NOT NULL, adil_no INTEGER NOT NULL,
  misuse INTEGER NOT NULL, skm TEXT NOT NULL, ham TEXT NOT NULL,
  PRIMARY KEY(unit_id, day, instrument_id, instrument_version, mask)) WITHOUT ROWID;
CREATE TABLE tally_mark(id INTEGER PRIMARY KEY CHECK(id = 1), rid INTEGER NOT NULL);
)sql"},
    // 9 → 10: delivery (survey/delivery/outbox.hpp). The unit's outbox: each signed incremental
    // bundle with the rid range of the responses it carries, kept until the Kanwil's signed receipt
    // for it arrives; responses are acknowledged only by a receipt, so the next bundle starts after
    // the highest acknowledged rid (README "Delivery"). Nothing here deletes a response.
    {R"sql(
CREATE TABLE delivery_outbox(
  seq INTEGER PRIMARY KEY, created_utc INTEGER NOT NULL,
  first_rid INTEGER NOT NULL, last_rid INTEGER NOT NULL, responses INTEGER NOT NULL,
  report_hash TEXT NOT NULL, sha256 TEXT NOT NULL, bundle BLOB,
  state TEXT NOT NULL CHECK(state IN ('pending','acknowledged','refused')),
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_utc INTEGER NOT NULL DEFAULT 0,
  last_attempt_utc INTEGER, last_error TEXT, receipt TEXT, done_utc INTEGER,
  added INTEGER, already INTEGER);
)sql"},
    // 10 → 11: the Kanwil's verification of a unit's facility self-assessment (survey/national/
    // verification.hpp). An assessor's store keeps each unit's verdicts and visit record
    // (verification); a unit keeps the signed results its Kanwil sent back (kanwil_verification),
    // each once by its id, after checking the signature against the trusted Kanwil key.
    {R"sql(
CREATE TABLE verification(
  unit_id TEXT PRIMARY KEY, claim_assessed_on TEXT NOT NULL, visit_date TEXT NOT NULL,
  body TEXT NOT NULL, saved_utc INTEGER NOT NULL);
CREATE TABLE kanwil_verification(
  id TEXT PRIMARY KEY, kanwil_fingerprint TEXT NOT NULL, visit_date TEXT NOT NULL,
  body TEXT NOT NULL, imported_utc INTEGER NOT NULL);
)sql"},
    // 11 → 12: tallies per month and per year beside the daily ones (survey/store/tally_spans.hpp),
    // so a year's roll-up over many units reads one row per unit and mask instead of 365; filled
    // from daily_tally, which holds everything up to tally_mark. Keyed by span and start first, so
    // a period's rows lie together in the file (the key still holds unit_id); days are indexed by
    // date for the ragged ends of a period.
    {R"sql(
CREATE TABLE period_tally(
  unit_id TEXT NOT NULL, span TEXT NOT NULL CHECK(span IN ('m', 'y')), start TEXT NOT NULL,
  instrument_id TEXT NOT NULL, instrument_version INTEGER NOT NULL, mask INTEGER NOT NULL CHECK(mask BETWEEN 0 AND 31),
  respondents INTEGER NOT NULL, rows INTEGER NOT NULL, adil_yes INTEGER NOT NULL, adil_no INTEGER NOT NULL,
  misuse INTEGER NOT NULL, skm TEXT NOT NULL, ham TEXT NOT NULL,
  PRIMARY KEY(span, start, unit_id, instrument_id, instrument_version, mask)) WITHOUT ROWID;
CREATE INDEX daily_tally_by_day ON daily_tally(day);
)sql", fillPeriodTallies},
}};

} // namespace sw
