#include "survey/kiosk/simulate.hpp"

#include "survey/base/local_time.hpp"
#include "survey/base/uuid.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

Simulator::Simulator(const Instrument& in, const UnitInfo& unit, std::uint64_t seed, int days, std::int64_t endUtc)
    : in_(in), unit_(unit), rng_(seed), days_(std::max(1, days)), endUtc_(endUtc) {
    // Each unsur gets its own mean; a typical unit scores B overall with one or two weak spots.
    std::uniform_real_distribution<double> bias(-0.45, 0.35);
    for (std::size_t i = 0; i < in.unsur.size(); ++i) unsurBias_.push_back(bias(rng_));
}

namespace {
int clamp14(double v) { return static_cast<int>(std::clamp(std::lround(v), 1L, 4L)); }
} // namespace

// Kept whole: one ordered run of draws (rng_, a normal_distribution that caches) fixes each seed's output.
Response Simulator::next() {
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 0.6);
    Response r;
    r.instrumentId = in_.id;
    r.instrumentVersion = in_.version;
    r.unitId = unit_.id;
    r.deviceId = "sim";
    r.utcOffsetMinutes = unit_.utcOffsetMinutes;
    r.source = "simulate";

    // Office hours 08–16 local, weekdays mostly, busier mid-morning; spread over `days` days.
    LocalDate end = civilFromDays((endUtc_ + unit_.utcOffsetMinutes * 60) / 86400);
    std::int64_t endDay = daysFromCivil(end.year, end.month, end.day);
    std::int64_t day = endDay - static_cast<std::int64_t>(u01(rng_) * days_);
    LocalDate d = civilFromDays(day);
    int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);
    if (weekday >= 5 && u01(rng_) < 0.8) d = civilFromDays(day - (weekday - 4)); // move most weekend visits to Friday
    std::normal_distribution<double> hour(10.5, 2.0);
    int h = std::clamp(static_cast<int>(hour(rng_)), 8, 15);
    int minute = static_cast<int>(u01(rng_) * 60);
    r.createdUtc = utcFromLocal(d, h, minute, unit_.utcOffsetMinutes) + static_cast<int>(u01(rng_) * 60);
    r.uuid = newResponseUuid(r.createdUtc);
    r.durationSeconds = 60 + static_cast<int>(u01(rng_) * 180);

    // Kelompok rentan: about a third of visitors.
    bool rentan = u01(rng_) < 0.32;
    std::vector<const RentanOption*> groups, none;
    for (const auto& o : in_.ham.rentan) (o.exclusive ? none : groups).push_back(&o);
    if (rentan && !groups.empty()) {
        r.rentan.push_back(groups[static_cast<std::size_t>(u01(rng_) * static_cast<double>(groups.size()))]->code);
        if (u01(rng_) < 0.1) {
            const auto* second = groups[static_cast<std::size_t>(u01(rng_) * static_cast<double>(groups.size()))];
            if (second->code != r.rentan.front()) r.rentan.push_back(second->code);
        }
    } else if (!none.empty() && u01(rng_) < 0.95) {
        r.rentan.push_back(none.front()->code);
    }
    const bool saidBukan = !r.rentan.empty() && !none.empty() && r.rentan.front() == none.front()->code;

    double mood = noise(rng_) * 0.5; // some people are generally happier
    for (std::size_t i = 0; i < in_.unsur.size(); ++i) {
        if (u01(rng_) < 0.01) continue; // the odd skipped question
        double mean = 3.15 + unsurBias_[i] + mood - (rentan ? 0.15 : 0.0);
        r.unsur[in_.unsur[i].code] = clamp14(mean + noise(rng_));
    }
    for (const auto& h2 : in_.ham.items) {
        bool facility = h2.criterion == "sarana_prasarana";
        double naChance = facility ? (rentan ? 0.35 : 0.75) : 0.15;
        if (u01(rng_) < naChance) {
            r.ham[h2.code] = kTidakTahu;
            continue;
        }
        double mean = 3.0 + mood - (rentan ? 0.35 : 0.0) - (facility ? 0.2 : 0.0);
        r.ham[h2.code] = clamp14(mean + noise(rng_));
        // As the kiosk: not asked of someone who said "bukan kelompok rentan" (drawn all the same,
        // so the other answers of a seed stay as they were).
        if (h2.rentanOnly && saidBukan) r.ham[h2.code] = kTidakTahu;
    }
    r.adil = u01(rng_) < (rentan ? 0.9 : 0.96);

    for (const auto& f : in_.profile) {
        if (u01(rng_) < 0.08) continue; // the profile is optional
        // Skew towards the middle options (age 30–49, SMA/S1, Swasta/Wirausaha).
        double x = std::clamp(0.5 + noise(rng_) * 0.45, 0.0, 0.999);
        r.profile[f.code] = f.options[static_cast<std::size_t>(x * static_cast<double>(f.options.size()))].code;
    }
    if (!in_.services.empty())
        r.service = in_.services[static_cast<std::size_t>(std::pow(u01(rng_), 1.6) * static_cast<double>(in_.services.size()))].code;

    static const char* const comments[] = {
        "Pelayanan cepat dan ramah, terima kasih.",
        "Antrian terlalu lama, mohon ditambah petugas loket.",
        "Toilet untuk disabilitas belum tersedia.",
        "Petugas sangat membantu ibu saya yang memakai kursi roda.",
        "Informasi persyaratan di website berbeda dengan di loket.",
        "Ruang tunggu panas, AC tidak berfungsi.",
        "Mohon disediakan ruang laktasi.",
        "Sudah bagus, pertahankan.",
        "Parkir sulit, jalan landai terlalu curam.",
        "Biaya sesuai dengan yang tertera, tidak ada pungutan liar.",
    };
    if (u01(rng_) < 0.12) r.comment = comments[static_cast<std::size_t>(u01(rng_) * 10)];
    return r;
}

} // namespace sw
