// First run: a fresh database gets the default SKM instrument and the demo unit, so the kiosk
// starts on a working survey with no set-up (citizens are never blocked by set-up).
#pragma once
#include "survey/store/store.hpp"

namespace sw {

UnitInfo loadUnitFile(const std::string& path);     // assets/demo-unit.json shape ("demo": true optional); throws InstrumentError

// A unit id: 3–64 of a–z, 0–9 and '-', starting and ending with a letter or digit ("kanim-serang").
// It names the unit in every bundle, merge and roll-up, so it is checked wherever it enters.
void checkUnitId(const std::string& id, const std::string& field);
// The Kemendagri code of a kabupaten/kota: two digits, a point, two digits ("36.04").
void checkKodeWilayah(const std::string& code, const std::string& field);
// Every field of a unit: id and code as above; names valid UTF-8, no control characters, ≤ 200
// characters; name, instansi, kabupaten and province not empty. Throws UsageError naming the field.
void checkUnit(const UnitInfo& u);
// Sets the store's unit (`suarawarga init`, the unit head's settings): registers the default
// instrument when there is none. The unit is real from then on (demo = false, whatever `u` says).
// Refuses (UsageError) to change the id of a unit that has responses.
void initUnit(Store& store, const UnitInfo& u);
// Registers the default instrument and the demo unit when the store has none; returns the
// instrument the kiosk should use (the newest registered one).
Instrument ensureSetup(Store& store);

} // namespace sw
