// Instrument loading and validation. Every rule names the place in the file it checks.
#include "survey/instrument/instrument.hpp"

#include "survey/base/error.hpp"
#include "survey/base/find_by_code.hpp"
#include "survey/base/json_reader.hpp"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace sw {

const std::array<const char*, 9> kUnsurCodes = {"U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"};

const char* kelompokCode(KelompokRentan k) {
    switch (k) {
    case KelompokRentan::LanjutUsia: return "lansia";
    case KelompokRentan::Disabilitas: return "disabilitas";
    case KelompokRentan::HamilMenyusui: return "hamil_menyusui";
    case KelompokRentan::Anak: return "anak";
    case KelompokRentan::Bukan: return "bukan";
    }
    return "bukan";
}

bool parseKelompok(const std::string& code, KelompokRentan& out) {
    for (auto k : {KelompokRentan::LanjutUsia, KelompokRentan::Disabilitas, KelompokRentan::HamilMenyusui,
                   KelompokRentan::Anak, KelompokRentan::Bukan}) {
        if (code == kelompokCode(k)) {
            out = k;
            return true;
        }
    }
    return false;
}


const Unsur* Instrument::findUnsur(const std::string& c) const { return findByCode(unsur, c); }
const HamItem* Instrument::findHamItem(const std::string& c) const { return findByCode(ham.items, c); }
const RentanOption* Instrument::findRentan(const std::string& c) const { return findByCode(ham.rentan, c); }
const ProfileField* Instrument::findProfile(const std::string& c) const { return findByCode(profile, c); }
const Option* Instrument::findService(const std::string& c) const { return findByCode(services, c); }
bool Instrument::hasLanguage(const std::string& c) const { return findByCode(languages, c) != nullptr; }

namespace {

using nlohmann::json;

// The shared validating reader (survey/base/json_reader.hpp), plus what only an instrument has:
// texts in every declared language, and the four answer labels of an unsur.
class Reader : public JsonReader {
public:
    using JsonReader::JsonReader;
    using JsonReader::text;

    // A Text must carry every declared language, each non-empty: a screen never shows a gap.
    Text text(const std::string& ptr, const std::string& key, const std::vector<Language>& langs) const {
        std::vector<std::string> codes;
        for (const auto& l : langs) codes.push_back(l.code);
        return JsonReader::text(ptr, key, codes, true);
    }

    std::array<Text, 4> fourLabels(const std::string& ptr, const std::vector<Language>& langs) const {
        std::size_t n = array(ptr, "labels");
        if (n != 4)
            fail(ptr + "/labels", "\"labels\" must have exactly 4 answers (values 1..4, PermenPANRB 14/2017), found " +
                                      std::to_string(n));
        std::array<Text, 4> out;
        for (std::size_t i = 0; i < 4; ++i) {
            std::string lp = ptr + "/labels/" + std::to_string(i);
            if (!node(lp).is_object()) fail(lp, "each label must be an object of translations");
            Text t;
            for (auto it = node(lp).begin(); it != node(lp).end(); ++it) {
                if (!it.value().is_string()) fail(lp + "/" + it.key(), "translation must be a string");
                t.byLang[it.key()] = it.value().get<std::string>();
            }
            for (const auto& l : langs)
                if (t.byLang[l.code].empty()) fail(lp, "label " + std::to_string(i + 1) + " has no \"" + l.code + "\" text");
            out[i] = t;
        }
        return out;
    }
};

void checkCode(const Reader& r, const std::string& ptr, const std::string& code, std::set<std::string>& seen) {
    static const std::regex ok("[A-Za-z0-9_.-]{1,40}");
    if (!std::regex_match(code, ok))
        r.fail(ptr + "/code", "code \"" + code + "\" may use only letters, digits, _ . - (at most 40)");
    if (!seen.insert(code).second) r.fail(ptr + "/code", "duplicate code \"" + code + "\"");
}

// The steps of parseInstrument, in the order the file is checked: the first problem found wins.

void parseHeader(Reader& r, Instrument& in) {
    if (r.str("", "format") != "suarawarga-instrument")
        r.fail("/format", "\"format\" must be \"suarawarga-instrument\"");
    if (r.integer("", "format_version") != 1)
        r.fail("/format_version", "unsupported \"format_version\" (this program reads version 1)");
    in.id = r.str("", "id");
    {
        std::set<std::string> dummy;
        checkCode(r, "", in.id, dummy);
    }
    long ver = r.integer("", "version");
    if (ver < 1 || ver > 1000000) r.fail("/version", "\"version\" must be a positive integer");
    in.version = static_cast<int>(ver);
}

// Languages first: every Text below is checked against them.
void parseLanguages(Reader& r, Instrument& in) {
    std::size_t nl = r.array("", "languages");
    if (nl == 0) r.fail("/languages", "\"languages\" must list at least one language");
    std::set<std::string> langCodes;
    for (std::size_t i = 0; i < nl; ++i) {
        std::string p = "/languages/" + std::to_string(i);
        Language l{r.str(p, "code"), r.str(p, "name"), r.str(p, "voice")};
        checkCode(r, p, l.code, langCodes);
        in.languages.push_back(l);
    }
    in.defaultLanguage = r.str("", "default_language");
    if (!in.hasLanguage(in.defaultLanguage))
        r.fail("/default_language", "\"default_language\" \"" + in.defaultLanguage + "\" is not in \"languages\"");
}

// The nine unsur: each of U1..U9 exactly once, any order (survey/RULES.md "Unsur": a unit may reorder).
// Returns the codes seen: the HAM items share that code space.
std::set<std::string> parseUnsur(Reader& r, Instrument& in) {
    const auto& L = in.languages;
    std::size_t nu = r.array("", "unsur");
    std::set<std::string> codes;
    for (std::size_t i = 0; i < nu; ++i) {
        std::string p = "/unsur/" + std::to_string(i);
        Unsur u;
        u.code = r.str(p, "code");
        checkCode(r, p, u.code, codes);
        bool known = false;
        for (auto* c : kUnsurCodes) known |= u.code == c;
        if (!known) r.fail(p + "/code", "unknown unsur code \"" + u.code + "\" (PermenPANRB 14/2017 has U1..U9)");
        u.name = r.text(p, "name", L);
        u.question = r.text(p, "question", L);
        u.labels = r.fourLabels(p, L);
        in.unsur.push_back(std::move(u));
    }
    for (auto* c : kUnsurCodes)
        if (!codes.count(c)) r.fail("/unsur", std::string("unsur ") + c + " is missing: the SKM needs all nine (PermenPANRB 14/2017)");
    return codes;
}

void parseHamRentan(Reader& r, Instrument& in) {
    const auto& L = in.languages;
    std::size_t nr = r.array("/ham", "rentan");
    std::set<std::string> rcodes;
    int exclusives = 0;
    for (std::size_t i = 0; i < nr; ++i) {
        std::string p = "/ham/rentan/" + std::to_string(i);
        RentanOption o;
        o.code = r.str(p, "code");
        checkCode(r, p, o.code, rcodes);
        std::string k = r.str(p, "kelompok");
        if (!parseKelompok(k, o.kelompok))
            r.fail(p + "/kelompok", "\"kelompok\" must be lansia, disabilitas, hamil_menyusui, anak or bukan (Permenkumham 25/2023)");
        o.label = r.text(p, "label", L);
        o.exclusive = r.boolean(p, "exclusive", false);
        if (o.exclusive != (o.kelompok == KelompokRentan::Bukan))
            r.fail(p + "/exclusive", "exactly the \"bukan\" option is exclusive (it clears the others)");
        exclusives += o.exclusive;
        in.ham.rentan.push_back(std::move(o));
    }
    if (exclusives != 1) r.fail("/ham/rentan", "\"rentan\" needs exactly one \"bukan kelompok rentan\" option");
}

// `codes` holds the unsur codes; each item's code joins them.
void parseHamItems(Reader& r, Instrument& in, std::set<std::string>& codes) {
    const auto& L = in.languages;
    std::size_t nh = r.array("/ham", "items");
    if (nh == 0) r.fail("/ham/items", "\"items\" must have at least one accessibility question");
    for (std::size_t i = 0; i < nh; ++i) {
        std::string p = "/ham/items/" + std::to_string(i);
        HamItem h;
        h.code = r.str(p, "code");
        checkCode(r, p, h.code, codes); // shares the unsur code space: answers are keyed by code
        h.criterion = r.str(p, "criterion");
        static const std::set<std::string> crit = {"aksesibilitas", "sarana_prasarana", "sdm", "informasi"};
        if (!crit.count(h.criterion))
            r.fail(p + "/criterion", "\"criterion\" must be aksesibilitas, sarana_prasarana, sdm or informasi");
        h.name = r.text(p, "name", L);
        h.question = r.text(p, "question", L);
        h.labels = r.fourLabels(p, L);
        h.rentanOnly = r.boolean(p, "rentan_only", false);
        in.ham.items.push_back(std::move(h));
    }
}

// HAM accessibility module. `codes`: the unsur codes, which the HAM items and the adil code share.
void parseHam(Reader& r, Instrument& in, std::set<std::string>& codes) {
    const auto& L = in.languages;
    r.need("", "ham", nlohmann::json::value_t::object, "an object");
    if (r.has("/ham", "rentan_gate")) in.ham.rentanGate = r.text("/ham", "rentan_gate", L);
    in.ham.rentanQuestion = r.text("/ham", "rentan_question", L);
    parseHamRentan(r, in);
    parseHamItems(r, in, codes);
    in.ham.notApplicable = r.text("/ham", "not_applicable", L);
    in.ham.adilCode = r.str("/ham", "adil_code");
    {
        std::set<std::string> tmp = codes;
        checkCode(r, "/ham", in.ham.adilCode, tmp);
    }
    in.ham.adilQuestion = r.text("/ham", "adil_question", L);
    in.ham.yes = r.text("/ham", "yes", L);
    in.ham.no = r.text("/ham", "no", L);
}

ProfileField parseProfileField(Reader& r, const std::string& p, const std::vector<Language>& L,
                               std::set<std::string>& pcodes) {
    static const std::set<std::string> personal = {"nama", "name", "alamat", "address", "agama", "religion", "telepon", "phone", "nik"};
    ProfileField f;
    f.code = r.str(p, "code");
    checkCode(r, p, f.code, pcodes);
    if (personal.count(f.code) && !r.boolean(p, "personal_data_acknowledged", false))
        r.fail(p + "/code", "profile field \"" + f.code +
                                "\" collects personal data; a public kiosk must not ask it unless "
                                "\"personal_data_acknowledged\": true is set on purpose");
    f.personalData = personal.count(f.code) > 0;
    f.label = r.text(p, "label", L);
    std::size_t no = r.array(p, "options");
    if (no < 2) r.fail(p + "/options", "a profile field needs at least two options");
    std::set<std::string> ocodes;
    for (std::size_t j = 0; j < no; ++j) {
        std::string op = p + "/options/" + std::to_string(j);
        Option o{r.str(op, "code"), r.text(op, "label", L)};
        checkCode(r, op, o.code, ocodes);
        f.options.push_back(std::move(o));
    }
    return f;
}

// Respondent profile: never personal identity by default (survey/RULES.md "Profile").
void parseProfile(Reader& r, Instrument& in) {
    std::size_t np = r.array("", "profile");
    std::set<std::string> pcodes;
    for (std::size_t i = 0; i < np; ++i)
        in.profile.push_back(parseProfileField(r, "/profile/" + std::to_string(i), in.languages, pcodes));
}

void parseServices(Reader& r, Instrument& in) {
    std::size_t ns = r.array("", "services");
    if (ns == 0) r.fail("/services", "\"services\" must list at least one jenis layanan");
    std::set<std::string> scodes;
    for (std::size_t i = 0; i < ns; ++i) {
        std::string p = "/services/" + std::to_string(i);
        Option o{r.str(p, "code"), r.text(p, "label", in.languages)};
        checkCode(r, p, o.code, scodes);
        in.services.push_back(std::move(o));
    }
}

} // namespace

Instrument parseInstrument(const std::string& jsonText, const std::string& fileName) {
    LocatedJson doc = LocatedJson::parse(jsonText, fileName);
    Reader r(doc);
    if (!doc.root().is_object()) r.fail("", "an instrument file must be a JSON object");

    Instrument in;
    in.sourceFile = fileName;
    parseHeader(r, in);
    parseLanguages(r, in);
    in.title = r.text("", "title", in.languages);
    std::set<std::string> codes = parseUnsur(r, in);
    parseHam(r, in, codes);
    parseProfile(r, in);
    parseServices(r, in);

    in.canonicalJson = doc.root().dump();
    return in;
}

Instrument loadInstrument(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InstrumentError(path, 0, 0, "cannot open the instrument file");
    std::ostringstream ss;
    ss << f.rdbuf();
    if (f.bad()) throw InstrumentError(path, 0, 0, "cannot read the instrument file");
    return parseInstrument(ss.str(), path);
}

} // namespace sw
