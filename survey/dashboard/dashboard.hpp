// Every figure on the unit head's dashboard, computed in one pass over the columnar snapshot
// (survey/store/columns.hpp) with the SKM arithmetic of survey/skm/skm.hpp (PermenPANRB 14/2017).
// The screen only shows these; tests check them against hand-computed data sets.
//
// Index of this file
//   [SECTION] Query: the period and the head's choices
//   [SECTION] Figures: headline, unsur, trend, breakdowns, heat map, alerts
//   [SECTION] Computing, and what needs the store (kiosk alerts, population, comments)
#pragma once
#include "survey/skm/period.hpp"
#include "survey/store/columns.hpp"
#include "survey/skm/skm.hpp"
#include "survey/dashboard/statistik.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

class Store;

// [SECTION] Query

enum class TrendStep { Week, Month };

struct DashboardQuery {
    Period period;
    bool includeMisuse = false;            // suspected misuse is left out unless the head includes it
    Weights weights = Weights::Exact;
    std::optional<std::int64_t> population; // served in the period, entered by the head (Krejcie–Morgan)
    TrendStep trendStep = TrendStep::Month;
    int trendBuckets = 12;                 // months ending with the period's last day, or at most
                                           // this many weeks, inside the period
    int rollingCount = 50;                 // the alert watches the IKM of the last N responses…
    double rollingThreshold = 76.61;       // …falling below this (default: below mutu B)
    std::optional<std::string> service;    // narrow everything to one jenis layanan
};

// [SECTION] Figures

// One unsur's row in the weakest-first chart, with the change from the previous period.
struct UnsurRow {
    std::string code;
    std::string name;
    std::int64_t n = 0;
    double nrr = 0;                        // 1–4
    double nrrUnit = 0;                    // 25–100
    Mutu mutu = Mutu::D;
    bool hasPrevious = false;              // the previous period had answers for this unsur
    double previousNrrUnit = 0;
    double change = 0;                     // nrrUnit − previousNrrUnit (25–100 points)
};

struct TrendPoint {
    LocalDate from, to;                    // the week (Monday–Sunday) or month
    std::int64_t respondents = 0;
    double ikmUnit = 0;                    // 0 when nobody answered
    bool hasData = false;
};

// A group of respondents (one service, one profile option, one kelompok): how many and their IKM.
struct GroupRow {
    std::string code;                      // service / option code; "" = not given
    std::int64_t respondents = 0;
    double ikmUnit = 0;
    Mutu mutu = Mutu::D;
    bool hasData = false;                  // every unsur answered by someone in the group
    double aksesIndex = 0;                 // HAM accessibility index (25–100) of the group
    bool aksesAny = false;
};

struct ProfileBreakdown {
    std::string field;                     // "jenis_kelamin", "usia", …
    std::vector<GroupRow> options;         // in the instrument's order, then "" (not given)
};

// Are vulnerable citizens served as well as everyone else? (Permenkumham 25/2023.)
struct RentanFigures {
    GroupRow rentan;                       // any kelompok rentan
    GroupRow bukan;                        // "bukan kelompok rentan"
    std::array<GroupRow, 4> kelompok;      // lansia, disabilitas, hamil_menyusui, anak
    double ikmGap = 0;                     // rentan − bukan, 25–100 points (negative: served worse)
    double aksesGap = 0;
    bool comparable = false;               // both groups have complete scores
};

struct Alert {
    enum class Kind { UnsurWeak, RollingLow, SubmitFailed, SampleShort };
    Kind kind;
    std::string code;                      // UnsurWeak: the unsur code
    Mutu mutu = Mutu::D;                   // UnsurWeak
    double value = 0;                      // UnsurWeak: nrrUnit; RollingLow: the rolling IKM
    double threshold = 0;                  // RollingLow
    std::int64_t count = 0;                // RollingLow: N; SubmitFailed: failures; SampleShort: more needed
    std::int64_t lastUtc = 0;              // SubmitFailed: the latest failure
    std::string detail;                    // SubmitFailed: the latest failure's detail
};

struct DashboardFigures {
    Period period;
    Period previous;
    SkmResult skm;                         // the headline: IKM unit, mutu, kinerja
    SkmResult previousSkm;
    std::int64_t respondents = 0;          // counted respondents in the period
    std::optional<std::int64_t> population;
    std::int64_t minimumSample = 0;        // Krejcie–Morgan for the population (0 when unknown)
    bool sampleSufficient = false;
    std::int64_t moreNeeded = 0;
    std::vector<UnsurRow> unsur;           // weakest first
    std::vector<TrendPoint> trend;         // oldest first
    std::vector<GroupRow> services;        // in the instrument's order, then "" (not given)
    RentanFigures rentan;
    AksesibilitasResult akses;             // the citizens' accessibility index for the period
    std::vector<ProfileBreakdown> profile;
    std::array<std::array<std::int64_t, 24>, 7> heat{}; // [weekday 0 = Monday][local hour]
    std::int64_t heatMax = 0;
    std::int64_t misuseCount = 0;          // flagged responses in the period (counted or not)
    std::int64_t commentCount = 0;
    bool rollingValid = false;
    double rollingIkm = 0;                 // IKM of the last rollingCount responses (all time)
    std::int64_t rollingN = 0;
    std::vector<Alert> alerts;
};

// [SECTION] Computing

// Everything but the alerts that need the store. Pure: same snapshot, same figures.
DashboardFigures computeDashboard(const ResponseColumns& cols, const Instrument& in, const DashboardQuery& q);

// Kiosk write failures (event kind "submit_failed", logged by survey/submitter) since `sinceUtc`.
struct SubmitFailures {
    std::int64_t count = 0;
    std::int64_t lastUtc = 0;
    std::string lastDetail;
};
SubmitFailures submitFailuresSince(Store& store, std::int64_t sinceUtc);
// Adds the SubmitFailed alert (when there were failures since `sinceUtc`).
void addKioskAlerts(Store& store, DashboardFigures& f, std::int64_t sinceUtc);

// The population served in a period, as the head entered it (table period_population).
std::optional<std::int64_t> populationFor(Store& store, const Period& p);
void setPopulation(Store& store, const Period& p, std::int64_t population);
struct PopulationEntry {
    std::string from, to;                  // local dates of the period
    std::int64_t population = 0;
};
std::vector<PopulationEntry> listPopulations(Store& store);   // newest period first

} // namespace sw
