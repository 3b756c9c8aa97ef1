// Everything one running kiosk needs, wired together: store, instrument, strings, durable
// submitter, citizen flow, speech. Shared by the kiosk, the screenshot verb and the tests.
#pragma once
#include "app/kiosk/flow/citizen_flow.hpp"
#include "app/kiosk/flow/speech.hpp"
#include "survey/instrument/instrument.hpp"
#include "survey/store/store.hpp"
#include "survey/kiosk/submitter.hpp"
#include "survey/base/translations.hpp"

#include <memory>
#include <string>

namespace sw::kiosk {

struct KioskSession {
    std::unique_ptr<Store> store;
    Instrument instrument;
    Translations strings;
    UnitInfo unit;
    std::unique_ptr<Submitter> submitter;
    std::unique_ptr<Speech> speech;
    std::unique_ptr<CitizenFlow> flow;

    // Opens (creating on first run, with the default instrument) the store at `db`. `demo`: a store
    // with no unit becomes the demo unit (survey/store/unit_setup.hpp setUpDemo); otherwise a store
    // with no unit waits for its identity on the first-run screen.
    KioskSession(const std::string& db, FlowSettings settings, std::unique_ptr<Speech> speech, bool demo = false);

    // Re-reads what the unit head can change: the unit's identity, the newest instrument,
    // kiosk.idle_seconds (unless fixed on the command line), kiosk.languages, kiosk.answer_mode
    // ("one_tap", the default, or "confirm"), the misuse thresholds.
    void applyStoreSettings();
    bool idleFromCommandLine = false;
};

// The unit head's "kiosk.answer_mode" (survey/kiosk/answer_mode.hpp) on the flow: one tap or confirm.
void applyAnswerMode(CitizenFlow& flow, Store& store);

// The device id of this kiosk ("device.id" setting), created once.
std::string deviceId(Store& store);

} // namespace sw::kiosk
