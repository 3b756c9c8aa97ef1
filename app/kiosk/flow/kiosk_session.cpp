#include "app/kiosk/flow/kiosk_session.hpp"

#include "survey/base/log.hpp"
#include "survey/kiosk/answer_mode.hpp"
#include "survey/kiosk/misuse.hpp"
#include "survey/store/unit_setup.hpp"
#include "survey/base/uuid.hpp"

#include <chrono>

namespace sw::kiosk {

std::string deviceId(Store& store) {
    std::string id = store.setting("device.id");
    if (id.empty()) {
        id = "kiosk-" + newUuid().substr(0, 8);
        store.setSetting("device.id", id);
    }
    return id;
}

void applyAnswerMode(CitizenFlow& flow, Store& store) { flow.setOneTap(answerMode(store) == AnswerMode::OneTap); }

KioskSession::KioskSession(const std::string& db, FlowSettings settings, std::unique_ptr<Speech> sp, bool demo)
    : store(std::make_unique<Store>(db)), instrument(demo ? setUpDemo(*store) : ensureInstrument(*store)), strings(Translations::loadArea("kiosk")),
      speech(std::move(sp)) {
    unit = store->unit().value_or(UnitInfo{});
    submitter = std::make_unique<Submitter>(Submitter::forStore(*store));
    SubmitContext ctx;
    ctx.unitId = unit.id;
    ctx.deviceId = deviceId(*store);
    ctx.utcOffsetMinutes = unit.utcOffsetMinutes;
    ctx.misuse = misuseRuleFrom(*store);
    ctx.utcNow = [] {
        return static_cast<std::int64_t>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    };
    Store* s = store.get();
    std::string dev = ctx.deviceId;
    ctx.lastStoredSubmit = [s, dev] { return lastSubmitUtc(*s, dev); };
    flow = std::make_unique<CitizenFlow>(instrument, strings, *submitter, ctx, settings, speech.get());
    applyStoreSettings();
}

void KioskSession::applyStoreSettings() {
    try {
        if (auto latest = store->latestInstrument(); latest && (latest->id != instrument.id || latest->version != instrument.version)) {
            instrument = *latest;   // the flow refers to this object: rebuild its pages
            flow->rebuild();
        }
        // The unit head may have set up the unit's own identity (or its time zone) in settings: a
        // response stored under the old id would belong to a unit the store no longer is.
        if (auto u = store->unit()) {
            unit = *u;
            flow->setUnit(unit.id, unit.utcOffsetMinutes);
        }
        if (!idleFromCommandLine) {
            double s = std::stod(store->setting("kiosk.idle_seconds", std::to_string(flow->settings().idleSeconds)));
            if (s >= 20 && s <= 3600) flow->setIdleSeconds(s);
        }
        applyAnswerMode(*flow, *store);
        std::vector<std::string> langs;
        std::string list = store->setting("kiosk.languages", "");
        for (std::size_t p = 0; p <= list.size();) {
            std::size_t q = list.find(',', p);
            if (q == std::string::npos) q = list.size();
            if (q > p) langs.push_back(list.substr(p, q - p));
            p = q + 1;
        }
        flow->setOfferedLanguages(langs);
    } catch (const std::exception& e) {
        logLine("settings", std::string("kiosk settings not applied: ") + e.what());
    }
}

} // namespace sw::kiosk
