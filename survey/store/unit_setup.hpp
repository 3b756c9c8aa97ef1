// First run: a fresh database gets the default SKM instrument and the demo unit, so the kiosk
// starts on a working survey with no set-up (citizens are never blocked by set-up).
#pragma once
#include "survey/store/store.hpp"

namespace sw {

UnitInfo loadUnitFile(const std::string& path);     // assets/demo-unit.json shape; throws InstrumentError
// Registers the default instrument and the demo unit when the store has none; returns the
// instrument the kiosk should use (the newest registered one).
Instrument ensureSetup(Store& store);

} // namespace sw
