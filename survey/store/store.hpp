// The unit's durable store: one SQLite file in WAL mode with synchronous=FULL, so a response
// is on disk when append() returns (survey/RULES.md "How data flows" 3).
//
// Index of this file
//   [SECTION] UnitInfo, ResponseFilter
//   [SECTION] Store: open/migrate, instruments, unit and settings, append, queries
#pragma once
#include "survey/instrument/instrument.hpp"
#include "survey/response/response.hpp"
#include "survey/response/packing.hpp"
#include "survey/skm/skm.hpp"
#include "survey/base/sqlite.hpp"

#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct ResponseTotals; // survey/store/totals.hpp

// [SECTION] UnitInfo, ResponseFilter

struct UnitInfo {
    std::string id = "demo";                 // short stable code, used in exports and merges
    std::string name;                        // "Kantor Imigrasi Kelas I …"
    std::string instansi;                    // ministry / agency / pemda
    std::string address;
    std::string kabupaten;                   // kabupaten/kota
    std::string province;
    std::string kodeWilayah;                 // Kemendagri code of the kabupaten/kota: "36.04"
    int utcOffsetMinutes = 420;              // WIB by default; WITA 480, WIT 540
    bool demo = false;                       // the built-in demo unit: marked DEMO on every screen,
                                             // report and bundle so its figures are never taken as real
};

// The id of the built-in demo unit (assets/demo-unit.json); stores and bundles from before the
// demo flag existed are judged by it.
inline constexpr const char* kDemoUnitId = "demo-kanim-jaksel";

// Which responses a query sees. Dates are the unit's local calendar dates, inclusive.
struct ResponseFilter {
    std::optional<std::string> from;         // "YYYY-MM-DD"
    std::optional<std::string> to;
    std::optional<std::string> service;      // jenis layanan code
    std::optional<std::string> kelompok;     // "rentan" (any group), "bukan", or lansia|disabilitas|hamil_menyusui|anak
    std::optional<std::string> unitId;       // an assessor's store holds many units
    std::optional<std::string> profileField; // with profileValue: e.g. jenis_kelamin = P
    std::optional<std::string> profileValue;
    bool includeMisuse = false;              // suspected misuse is left out of scores unless asked
};

// [SECTION] Store

class Store {
public:
    static constexpr int kSchemaVersion = 12;
    static constexpr int kApplicationId = 0x53575247; // "SWRG" in the SQLite header: ours, not a stranger's file

    struct Options {
        const char* vfs = nullptr;           // tests inject a faulty VFS here
        bool create = true;                  // create the file (and its folder) when missing; false: a
                                             // missing file is StoreError "no such database: PATH"
        // PRAGMA quick_check at open, refusing a damaged file: Always, or only after an unclean
        // shutdown (a write-ahead log left behind: the last writer did not close), so opening a
        // large assessor's store does not read every page (README "Durability and bad input").
        enum class Check { AfterUncleanShutdown, Always };
        Check integrityCheck = Check::AfterUncleanShutdown;
    };

    // Opens (or creates) the database. Refuses — leaving the file untouched — one that is not
    // SQLite, is another program's, is damaged, or was written by a newer SuaraWarga.
    explicit Store(const std::string& path, Options opt);
    explicit Store(const std::string& path) : Store(path, Options{}) {}

    const std::string& path() const { return db_.path(); }
    // The whole file checked (PRAGMA integrity_check): "ok", or the first problems SQLite found.
    // `suarawarga check` and the backup run it; reads only.
    std::string integrityCheck(int maxProblems = 10);
    int schemaVersion();
    sql::Database& db() { return db_; }

    // Instruments are stored whole so every response keeps the wording it was answered with.
    void registerInstrument(const Instrument& in);
    bool hasInstrument(const std::string& id, int version);
    std::optional<Instrument> instrument(const std::string& id, int version);
    std::shared_ptr<const Instrument> cachedInstrument(const std::string& id, int version);
    std::optional<Instrument> latestInstrument();
    // How a version's answers are packed in its rows (cached); nullptr when it is not stored.
    std::shared_ptr<const PackedLayout> layout(std::string_view id, int version);

    void setUnit(const UnitInfo& u);
    std::optional<UnitInfo> unit();
    std::optional<UnitInfo> unitById(const std::string& id);   // an assessor's store holds many
    // Every unit the store knows (an assessor's: every unit merged), in no particular order.
    std::vector<UnitInfo> units();

    std::string setting(const std::string& key, const std::string& fallback = "");
    void setSetting(const std::string& key, const std::string& value);

    // One transaction, durable on return. Throws StoreError (Full, Io…) with nothing written.
    void append(const Response& r);
    // Many responses in one transaction: all or nothing (paper import, merge, simulate batches).
    void appendAll(const std::vector<Response>& rs);
    bool hasUuid(const std::string& uuid);

    // Operator log (submit failures, exports, PIN failures…), shown on the unit head's side.
    void logEvent(const std::string& kind, const std::string& detail);

    std::int64_t countResponses(const ResponseFilter& f);
    // Σ and n per unsur code over the filter (names from the instrument), plus respondents.
    std::vector<UnsurTally> unsurTallies(const ResponseFilter& f, const Instrument& in, std::int64_t* respondents = nullptr);
    // Same for the HAM items; value 0 (tidak tahu) is excluded.
    std::vector<UnsurTally> hamTallies(const ResponseFilter& f, const Instrument& in);
    // The one-pass sums behind the tallies and counts (response_totals.hpp), cached per filter
    // until a response is added.
    const ResponseTotals& totals(const ResponseFilter& f);

private:
    void migrate();
    void insertOne(const Response& r);

    sql::Database db_;
    std::map<std::string, std::shared_ptr<const Instrument>> instrumentCache_; // "id/version" → parsed
    std::map<std::string, std::shared_ptr<const PackedLayout>> layoutCache_;
    std::shared_ptr<const PackedLayout> lastLayout_;                           // rows come in runs of one version
    std::map<std::string, std::pair<std::int64_t, std::shared_ptr<const ResponseTotals>>> totalsCache_; // where+binds → (max rid, sums)
    std::unique_ptr<sql::Statement> insert_;                                   // prepared once: the kiosk's hot path
};

// The columns of one `response` row, in the order of kResponseInsertColumns; shared by append and
// merge so a response is written the same way wherever it comes from.
extern const char* const kResponseInsertColumns;   // "uuid,instrument_id,…,duration_s,skm,…,profile" (19 columns)
extern const char* const kResponseInsertValues;    // "?,?,…" for them
// Binds without copying the texts: the row's views must outlive the statement's step.
void bindResponseRow(sql::Statement& st, const PackedRow& row, std::string_view unitId);

// Builds the SQL filter shared by every query; exposed for statistics code in this library.
std::string responseWhere(const ResponseFilter& f, std::vector<std::string>& binds);

} // namespace sw
