#include "survey/export/csv_import.hpp"

#include "survey/base/csv.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/translations.hpp"
#include "survey/base/uuid.hpp"
#include "survey/export/csv.hpp"
#include "survey/response/packing.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <optional>

namespace sw {

namespace {

// Where each group of columns starts in the export's header (csvExportHeader's order).
struct Header {
    std::string lang;
    std::size_t unsur = 6, profile = 0, ham = 0, rest = 0;
};

// The header in one of the export's languages, or an ImportError at the first cell that differs
// from the header of the language it is closest to.
Header matchHeader(const CsvRow& row, const Instrument& in, const Translations& tr, const std::string& file) {
    std::string best;
    std::size_t bestSame = 0;
    for (const auto& lang : tr.languages()) {
        const std::vector<std::string> want = csvExportHeader(in, tr, lang);
        std::size_t same = 0;
        while (same < want.size() && same < row.cells.size() && row.cells[same] == want[same]) ++same;
        if (same == want.size() && row.cells.size() == want.size()) {
            const std::size_t profile = 6 + in.unsur.size(), ham = profile + in.profile.size();
            return {lang, 6, profile, ham, ham + in.ham.items.size()};
        }
        if (same >= bestSame) {
            best = same < want.size() ? want[same] : "(the end of the line)";
            bestSame = same;
        }
    }
    const std::size_t at = std::min(bestSame, row.columns.size() - 1); // parseCsv gives every row a cell
    throw ImportError(file, row.line, row.columns[at],
                      "column " + std::to_string(bestSame + 1) + " should be \"" + best + "\", found \"" +
                          printable(bestSame < row.cells.size() ? row.cells[bestSame] : "") + "\": this is not the CSV export of instrument " +
                          in.id + " v" + std::to_string(in.version) + " (or a paper questionnaire: its header starts U1)");
}

// One data row, checked cell by cell.
struct Line {
    const CsvRow& row;
    const std::string& file;
    const std::vector<std::string>& names;   // the header's cells, for messages
    const Header& h;
    const Translations& tr;

    [[noreturn]] void fail(std::size_t c, const std::string& what) const { throw ImportError(file, row.line, row.columns[c], what); }
    // The cell as text: valid UTF-8, no control characters (a comment may span lines), bounded, and
    // without the mark the export put before a formula-like text (csvTextValue).
    std::string text(std::size_t c, std::size_t maxChars = kMaxNameLength, bool multiline = false) const {
        std::string v = csvTextValue(row.cells[c]);
        const std::string why = textProblem(v, maxChars, multiline);
        if (!why.empty()) fail(c, names[c] + " " + why);
        return v;
    }
    const std::string& word(const char* key) const { return tr.get(key, h.lang); }
};

// The code of the option labelled `label` in the export's language; a code is taken as itself
// (the export writes a code it has no label for as the code).
template <class Options>
std::optional<std::string> codeOf(const Options& options, const std::string& label, const std::string& lang) {
    for (const auto& o : options)
        if (o.label.in(lang) == label || o.code == label) return o.code;
    return std::nullopt;
}

std::shared_ptr<const Instrument> rowInstrument(Store& store, const Line& x) {
    const std::size_t c = x.row.cells.size() - 1;
    const std::string cell = x.text(c);
    // "id/version", as the export writes it.
    const auto slash = cell.rfind('/');
    int version = 0;
    const char* end = cell.data() + cell.size();
    const bool whole = slash != std::string::npos && std::from_chars(cell.data() + slash + 1, end, version).ptr == end;
    auto in = whole && version > 0 ? store.cachedInstrument(cell.substr(0, slash), version) : nullptr;
    if (!in) x.fail(c, "instrument \"" + printable(cell) + "\" is not registered in this store");
    return in;
}

void readWhoWhen(const Line& x, const UnitInfo& unit, Response& r) {
    r.uuid = x.text(1);
    if (!isUuid(r.uuid)) x.fail(1, "\"" + printable(r.uuid) + "\" is not a response UUID");
    r.unitId = x.text(2);
    if (r.unitId != unit.id)
        x.fail(2, "the row is unit \"" + printable(r.unitId) + "\"'s, this store is unit \"" + unit.id + "\"'s: a unit imports its own export only");
    if (!parseLocalDateTime(x.text(3), r.createdUtc, r.utcOffsetMinutes))
        x.fail(3, x.names[3] + " must be YYYY-MM-DD HH:MM:SS+HH:MM (found \"" + printable(x.row.cells[3]) + "\")");
    if (x.text(4) != zoneName(r.utcOffsetMinutes))
        x.fail(4, x.names[4] + " \"" + printable(x.row.cells[4]) + "\" is not the zone of " + offsetText(r.utcOffsetMinutes));
}

// A digit from `lo` to 4 for an answer whose code the row's instrument has; empty: not answered.
void readScale(const Line& x, std::size_t c, int lo, bool known, std::map<std::string, int>& out, const std::string& code) {
    const std::string v = x.text(c);
    if (v.empty()) return;
    if (!known) x.fail(c, code + " is not a question of the row's instrument version");
    if (v.size() != 1 || v[0] < '0' + lo || v[0] > '4')
        x.fail(c, code + " must be a whole number from " + std::to_string(lo) + " to 4 (found \"" + printable(v) + "\")");
    out[code] = v[0] - '0';
}

void readAnswers(const Line& x, const Instrument& columns, const Instrument& version, Response& r) {
    for (std::size_t j = 0; j < columns.unsur.size(); ++j)
        readScale(x, x.h.unsur + j, 1, version.findUnsur(columns.unsur[j].code) != nullptr, r.unsur, columns.unsur[j].code);
    for (std::size_t j = 0; j < columns.ham.items.size(); ++j)
        readScale(x, x.h.ham + j, 0, version.findHamItem(columns.ham.items[j].code) != nullptr, r.ham, columns.ham.items[j].code);
    for (std::size_t j = 0; j < columns.profile.size(); ++j) {
        const std::size_t c = x.h.profile + j;
        const std::string v = x.text(c);
        if (v.empty()) continue;
        const ProfileField* f = version.findProfile(columns.profile[j].code);
        auto code = f ? codeOf(f->options, v, x.h.lang) : std::nullopt;
        if (!code) x.fail(c, "\"" + printable(v) + "\" is not an option of " + x.names[c]);
        r.profile[f->code] = *code;
    }
}

void readService(const Line& x, const Instrument& version, Response& r) {
    const std::string v = x.text(5);
    if (v.empty()) return;
    auto code = codeOf(version.services, v, x.h.lang);
    if (!code) x.fail(5, "\"" + printable(v) + "\" is not a " + x.names[5] + " of the row's instrument");
    r.service = *code;
}

// "Lansia; Penyandang disabilitas" back to the option codes, in the instrument's order.
void readRentan(const Line& x, const Instrument& version, Response& r) {
    const std::size_t c = x.h.rest;
    std::string v = x.text(c);
    for (std::size_t at = 0; !v.empty() && at <= v.size();) {
        const std::size_t end = std::min(v.find("; ", at), v.size());
        auto code = codeOf(version.ham.rentan, v.substr(at, end - at), x.h.lang);
        if (!code) x.fail(c, "\"" + printable(v.substr(at, end - at)) + "\" is not a " + x.names[c] + " option of the row's instrument");
        r.rentan.push_back(*code);
        at = end + 2;
    }
}

std::optional<bool> yesNo(const Line& x, std::size_t c, bool emptyAllowed) {
    const std::string v = x.text(c);
    if (v == x.word("common.yes")) return true;
    if (v == x.word("common.no")) return false;
    if (!(v.empty() && emptyAllowed)) x.fail(c, x.names[c] + " must be " + x.word("common.yes") + " or " + x.word("common.no"));
    return std::nullopt;
}

Response readRow(Store& store, const Line& x, const Instrument& columns, const UnitInfo& unit) {
    if (x.row.cells.size() != x.names.size())
        x.fail(0, "the line has " + std::to_string(x.row.cells.size()) + " cells, the header has " + std::to_string(x.names.size()));
    const auto version = rowInstrument(store, x);
    Response r;
    r.instrumentId = version->id;
    r.instrumentVersion = version->version;
    r.deviceId = "csv-import";
    readWhoWhen(x, unit, r);
    readService(x, *version, r);
    readAnswers(x, columns, *version, r);
    readRentan(x, *version, r);
    r.adil = yesNo(x, x.h.rest + 1, true);
    r.comment = x.text(x.h.rest + 2, kMaxCommentLength, true);
    r.misuse = *yesNo(x, x.h.rest + 3, false);
    r.source = x.text(x.h.rest + 4);
    return r;
}

// What the export carries of a response, packed as the store keeps it: two responses with the
// same UUID are the same response only when all of it matches.
std::vector<std::string> carried(const Response& r, const PackedAnswers& p) {
    return {r.unitId, r.instrumentId, std::to_string(r.instrumentVersion), std::to_string(r.createdUtc), std::to_string(r.utcOffsetMinutes),
            r.service, p.skm, p.ham, p.rentan, p.profile, r.comment, r.adil ? (*r.adil ? "1" : "0") : "",
            r.misuse ? "1" : "0", r.source};
}

// The stored copy of a UUID, as `carried` lays it out; nullopt when the store does not hold it.
std::optional<std::vector<std::string>> storedCopy(Store& store, const std::string& uuid) {
    sql::Statement st(store.db(), "SELECT unit_id, instrument_id, instrument_version, created_utc, utc_offset_min, ifnull(service,''), "
                                  "skm, ham, rentan, profile, comment, ifnull(adil,''), misuse, source FROM response WHERE uuid=?");
    st.bind(1, uuid);
    if (!st.step()) return std::nullopt;
    std::vector<std::string> out;
    for (int i = 0; i < 14; ++i) out.push_back(st.getText(i));
    return out;
}

// True when the store already holds this response as it is; ImportError when it holds the UUID
// with anything else.
bool alreadyStored(Store& store, const Line& x, const Response& r) {
    const auto stored = storedCopy(store, r.uuid);
    if (!stored) return false;
    auto layout = store.layout(r.instrumentId, r.instrumentVersion);
    if (*stored != carried(r, layout->pack(r)))
        x.fail(1, "response " + r.uuid + " is already in this store with other answers or another time; nothing was imported");
    return true;
}

} // namespace

bool isExportCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const Translations tr = Translations::loadArea("export");
    for (const auto& lang : tr.languages())
        if (text.rfind(tr.get("csv.no", lang) + "," + tr.get("csv.uuid", lang) + ",", 0) == 0) return true;
    return false;
}

ExportCsvImportResult importExportCsv(Store& store, const UnitInfo& unit, const std::string& csvText, const std::string& fileName) {
    const auto rows = parseCsv(csvText, fileName);
    const auto columns = store.latestInstrument();
    if (rows.empty() || !columns) throw ImportError(fileName, 1, 1, "the file is empty or the store has no instrument");
    const Translations tr = Translations::loadArea("export");
    const Header h = matchHeader(rows.front(), *columns, tr, fileName);
    std::vector<Response> fresh;
    std::map<std::string, long> lineOf;   // UUID → the line that brought it
    ExportCsvImportResult result;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const Line x{rows[i], fileName, rows.front().cells, h, tr};
        Response r = readRow(store, x, *columns, unit);
        if (auto [at, added] = lineOf.emplace(r.uuid, x.row.line); !added)
            x.fail(1, "response " + r.uuid + " was already on line " + std::to_string(at->second));
        if (alreadyStored(store, x, r)) ++result.alreadyPresent;
        else fresh.push_back(std::move(r));
    }
    store.appendAll(fresh);
    result.imported = static_cast<std::int64_t>(fresh.size());
    return result;
}

} // namespace sw
