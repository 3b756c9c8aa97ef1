// The first run of a real kiosk: a store with no unit shows the set-up notice, takes no answers,
// and leads staff through the PIN to the unit's identity; once set up, the survey starts.
#include "app/kiosk/headless.hpp"

#include "survey/kiosk/pin.hpp"

#include <catch2/catch.hpp>

using sw::kiosk::KioskUi;

namespace {

sw::UnitInfo serang() {
    sw::UnitInfo u;
    u.id = "kanim-serang";
    u.name = "Kantor Imigrasi Serang";
    u.instansi = "Kementerian Imigrasi dan Pemasyarakatan";
    u.kabupaten = "Kabupaten Serang";
    u.kodeWilayah = "36.04";
    u.province = "Banten";
    return u;
}

} // namespace

TEST_CASE("a kiosk with no unit shows the set-up notice and takes no answers", "[kiosk][setup]") {
    swtest::Headless k({}, ImVec2(1280, 800), false);
    CHECK_FALSE(k.ui->unitSetUp());
    CHECK(k.findKey("setup") != nullptr);
    CHECK(k.findKey("next") == nullptr);   // no "Mulai": a citizen cannot start a survey
    k.type('1');
    k.type('*');
    CHECK(k.flow->step() == sw::kiosk::Step::Welcome);
    CHECK(k.ui->mode() == KioskUi::Mode::Citizen);
    CHECK_FALSE(k.store->unit().has_value());   // nothing invented: no demo unit behind anyone's back
    CHECK(k.stored().empty());
}

TEST_CASE("staff set the PIN, then the unit's identity, and the survey starts", "[kiosk][setup]") {
    swtest::Headless k({}, ImVec2(1280, 800), false);
    k.press(swtest::kEnter);   // the notice's one button, from a keypad too
    REQUIRE(k.ui->mode() == KioskUi::Mode::Pin);
    CHECK(k.ui->pinScreen().stage == sw::kiosk::PinScreen::Stage::NewFirst);
    for (int round = 0; round < 2; ++round) {
        for (char c : std::string("2468")) k.tapKey(std::string("pin.") + c, 0.1);
        k.tapKey("pin.ok");
    }
    REQUIRE(k.ui->mode() == KioskUi::Mode::Admin);
    CHECK(sw::PinLock(*k.store).hasPin());
    CHECK(k.ui->adminHost().store == k.store.get());
    // The area opened on its settings, where the identity is entered (admin screen tests drive the
    // form itself); saving goes through initUnit, as here.
    sw::initUnit(*k.store, serang());
    REQUIRE(k.store->unit().has_value());
    CHECK_FALSE(k.store->unit()->demo);
}

TEST_CASE("a kiosk started on a set-up store goes straight to the survey", "[kiosk][setup]") {
    swtest::Headless k({}, ImVec2(1280, 800), false);
    REQUIRE(k.findKey("setup") != nullptr);
    sw::initUnit(*k.store, serang());
    // The kiosk as it starts next (or as the unit head leaves the area): the unit read again.
    k.ui = std::make_unique<KioskUi>(*k.flow, k.fonts, *k.submitter, k.store.get(), "Kantor Imigrasi Serang");
    k.frame();
    CHECK(k.ui->unitSetUp());
    CHECK(k.findKey("setup") == nullptr);
    CHECK(k.findKey("next") != nullptr);
}
