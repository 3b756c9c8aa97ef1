// Rencana tindak lanjut (follow-up plan): PermenPANRB 14/2017 asks a unit to publish its SKM
// result with the actions it will take. Per period, per weak unsur or facility gap: an action,
// who owns it and by when. Stored in the unit's database; the report prints them.
#pragma once
#include "survey/skm/period.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

class Store;

struct TindakLanjut {
    std::int64_t id = 0;                 // 0 until saved
    std::string periodFrom, periodTo;    // the period it answers ("YYYY-MM-DD", local dates)
    std::string targetKind = "unsur";    // "unsur" | "facility" | "other"
    std::string targetCode;              // "U3", "F10", …
    std::string targetLabel;             // "Waktu Penyelesaian" — as shown when it was planned
    std::string action;
    std::string owner;
    std::string dueDate;                 // "YYYY-MM-DD"
    std::string status = "rencana";      // "rencana" | "berjalan" | "selesai"
    std::int64_t createdUtc = 0;
};

// Throws UsageError when the action or owner is empty, the date is not a real date, or the
// kind/status is unknown — so a half-filled plan is never stored.
void validateTindakLanjut(const TindakLanjut& t);
std::int64_t addTindakLanjut(Store& store, const TindakLanjut& t);   // returns the new id
void updateTindakLanjut(Store& store, const TindakLanjut& t);        // by id
void removeTindakLanjut(Store& store, std::int64_t id);
std::vector<TindakLanjut> tindakLanjutFor(Store& store, const Period& p); // oldest first
// Plans of every period that overlaps `p` (a year's bundle carries its triwulans' plans), by
// period then oldest first.
std::vector<TindakLanjut> tindakLanjutOverlapping(Store& store, const Period& p);
// What was done (status "selesai") about the results of periods ending on or before `upTo`: the
// newest `limit`, newest period first. What the unit tells the public it changed.
std::vector<TindakLanjut> tindakLanjutDone(Store& store, const LocalDate& upTo, int limit);

} // namespace sw
