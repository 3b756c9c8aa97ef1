// The survey definition: nine SKM unsur (PermenPANRB 14/2017), the HAM accessibility module,
// the respondent profile and the service types. Loaded from a versioned JSON file in
// assets/instruments/, validated whole, then immutable. A half-valid file is refused.
#pragma once
#include "survey/base/text.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct Language {
    std::string code;   // "id", "en"
    std::string name;   // shown on the language screen in its own language
    std::string voice;  // espeak-ng voice name
};

struct Option {
    std::string code;
    Text label;
};

// One of the nine service elements. Stored and exported by `code`, never by position
// (units number Sarana/Pengaduan as U8/U9 either way — survey/RULES.md "Unsur").
struct Unsur {
    std::string code;              // "U1".."U9"
    Text name;                     // "Persyaratan"
    Text question;
    std::array<Text, 4> labels;    // answers for values 1..4; the values themselves are fixed
};

// The four vulnerable groups of Permenkumham 25/2023, plus "none".
enum class KelompokRentan { LanjutUsia, Disabilitas, HamilMenyusui, Anak, Bukan };
const char* kelompokCode(KelompokRentan k);   // "lansia", "disabilitas", "hamil_menyusui", "anak", "bukan"
bool parseKelompok(const std::string& code, KelompokRentan& out);

struct RentanOption {
    std::string code;              // "disabilitas_netra"
    KelompokRentan kelompok;
    Text label;
    bool exclusive = false;        // "bukan kelompok rentan" clears the others
};

// A 1..4 accessibility rating with a "tidak tahu / tidak menggunakan" answer (stored as 0,
// excluded from every score).
struct HamItem {
    std::string code;              // "H1"..
    std::string criterion;         // "aksesibilitas" | "sarana_prasarana" | "sdm" | "informasi"
    Text name;
    Text question;
    std::array<Text, 4> labels;
    // Asked only of a citizen in a kelompok rentan ("rentan_only"): priority service is theirs by
    // right (Permenkumham 25/2023), so for anyone else the answer can only be "tidak menggunakan".
    bool rentanOnly = false;
};

struct HamModule {
    // Optional ("rentan_gate"): one yes/no question naming the groups, asked before the list. Most
    // citizens are in none of them and answer it in one tap, instead of reading every group to find
    // "bukan kelompok rentan"; "no" stores that option, "yes" opens the list without it. Absent: the
    // list alone, as in instrument versions before it.
    std::optional<Text> rentanGate;
    Text rentanQuestion;
    std::vector<RentanOption> rentan;
    std::vector<HamItem> items;
    Text notApplicable;            // "Tidak tahu / tidak menggunakan"
    std::string adilCode;          // yes/no "diperlakukan adil tanpa diskriminasi"
    Text adilQuestion;
    Text yes;
    Text no;
};

struct ProfileField {
    std::string code;              // "jenis_kelamin", "usia", "pendidikan", "pekerjaan"
    Text label;
    std::vector<Option> options;
    bool personalData = false;     // a personal-identity field the unit added on purpose
                                   // ("personal_data_acknowledged": true); exports must mark it
};

struct Instrument {
    std::string id;
    int version = 0;
    Text title;
    std::vector<Language> languages;
    std::string defaultLanguage;
    std::vector<Unsur> unsur;
    HamModule ham;
    std::vector<ProfileField> profile;
    std::vector<Option> services;  // jenis layanan of the demo unit; a unit edits its own
    std::string sourceFile;
    std::string canonicalJson;     // the validated file, re-serialised: stored with responses

    const Unsur* findUnsur(const std::string& code) const;
    const HamItem* findHamItem(const std::string& code) const;
    const RentanOption* findRentan(const std::string& code) const;
    const ProfileField* findProfile(const std::string& code) const;
    const Option* findService(const std::string& code) const;
    bool hasLanguage(const std::string& code) const;
};

// Throws InstrumentError("file:line:column: what") on any syntax or consistency problem.
Instrument parseInstrument(const std::string& jsonText, const std::string& fileName);
Instrument loadInstrument(const std::string& path);

// The nine unsur codes the regulation requires, in its order.
extern const std::array<const char*, 9> kUnsurCodes;

} // namespace sw
