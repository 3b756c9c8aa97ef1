#include "survey/migrations.hpp"

namespace sw {

const std::array<const char*, 4> kMigrations = {
    // 0 → 1: responses with answers by code, the instruments they were answered with.
    R"sql(
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
)sql",
    // 1 → 2: settings, the operator's event log, and how long each survey took (misuse rule).
    R"sql(
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE event(
  id INTEGER PRIMARY KEY, at_utc INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL);
ALTER TABLE response ADD COLUMN duration_s INTEGER;
CREATE INDEX response_by_unit ON response(unit_id, local_date);
)sql",
    // 2 → 3: the unit head's area (facility self-assessment, evidence, follow-up plans, population).
    R"sql(
SELECT 1;
)sql",
    // 3 → 4: exports and merges (bundle log for idempotent merges).
    R"sql(
SELECT 1;
)sql",
};

} // namespace sw
