// A unit's identity in its store: set up by `suarawarga init` or the kiosk's first-run screen
// (behind the PIN), or — only when asked for with `--demo` — the demo unit, marked DEMO everywhere.
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
// The instrument the kiosk uses (the newest registered one), registering the default SKM
// instrument in a store that has none. Sets up no unit.
Instrument ensureInstrument(Store& store);
// `--demo`: a store with no unit becomes the demo unit (demo = true: DEMO on every screen, report
// and bundle); a demo store stays one. A real unit's store is refused (UsageError naming it), so a
// demo can never be mixed into a unit's figures. Returns the instrument, as ensureInstrument.
Instrument setUpDemo(Store& store);
// Every command that works on a unit's responses needs the unit set up: the newest instrument, or
// StoreError naming the store and the two ways to set it up (`init`, `--demo`). Writes nothing.
Instrument requireUnit(Store& store);

} // namespace sw
