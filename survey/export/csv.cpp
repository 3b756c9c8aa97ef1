#include "survey/export/csv.hpp"

#include "survey/base/csv.hpp"
#include "survey/base/atomic_file.hpp"
#include "survey/store/scan.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/translations.hpp"

#include <charconv>
#include <deque>
#include <map>
#include <unordered_map>

namespace sw {

namespace {

void field(std::string& out, std::string_view v) {
    if (!looksLikeFormula(v) && v.find_first_of(",\"\r\n") == std::string_view::npos) out.append(v);
    else out.append(csvTextField(v));
}

// What one instrument version's rows print, escaped once: labels by code in the export's
// language, and the profile/rentan cells of each distinct packed value seen (a few hundred at most).
struct VersionCells {
    std::vector<std::pair<std::string, std::string>> service; // code → escaped label
    std::vector<std::vector<std::pair<std::string, std::string>>> profile; // per export profile column
    std::vector<std::pair<std::string, std::string>> rentan;  // code → label (unescaped)
    std::string key;                                          // "id/version", escaped
    // Keyed by views into `keys` (a deque never moves its strings): a look-up allocates nothing.
    std::deque<std::string> keys;
    std::unordered_map<std::string_view, std::string> profileCells; // packed profile → "a,b,c,d,"
    std::unordered_map<std::string_view, std::string> rentanCell;   // packed rentan → escaped cell
};

std::string escaped(std::string_view v) {
    std::string out;
    field(out, v);
    return out;
}

VersionCells cellsOf(const Instrument& version, const Instrument& columns, const std::string& lang) {
    VersionCells c;
    for (const auto& s : version.services) c.service.emplace_back(s.code, escaped(s.label.in(lang)));
    for (const auto& col : columns.profile) {
        std::vector<std::pair<std::string, std::string>> opts;
        if (const ProfileField* f = version.findProfile(col.code))
            for (const auto& o : f->options) opts.emplace_back(o.code, escaped(o.label.in(lang)));
        c.profile.push_back(std::move(opts));
    }
    for (const auto& r : version.ham.rentan) c.rentan.emplace_back(r.code, r.label.in(lang));
    c.key = escaped(version.id + "/" + std::to_string(version.version));
    return c;
}

template <class Pairs>
const std::string* find(const Pairs& pairs, std::string_view code) {
    for (const auto& [k, v] : pairs)
        if (k == code) return &v;
    return nullptr;
}

const std::string& profileCells(VersionCells& c, const Instrument& columns, std::string_view packed) {
    auto it = c.profileCells.find(packed);
    if (it != c.profileCells.end()) return it->second;
    std::vector<std::string> cells(columns.profile.size());
    forEachProfilePair(packed, [&](std::string_view f, std::string_view v) {
        for (std::size_t j = 0; j < columns.profile.size(); ++j)
            if (columns.profile[j].code == f) {
                const std::string* label = find(c.profile[j], v);
                cells[j] = label ? *label : escaped(v);
            }
    });
    std::string out;
    for (const auto& cell : cells) out += cell + ",";
    return c.profileCells.emplace(c.keys.emplace_back(packed), std::move(out)).first->second;
}

const std::string& rentanCell(VersionCells& c, std::string_view packed) {
    auto it = c.rentanCell.find(packed);
    if (it != c.rentanCell.end()) return it->second;
    std::string joined;
    forEachCode(packed, [&](std::string_view code) {
        if (!joined.empty()) joined += "; ";
        const std::string* label = find(c.rentan, code);
        joined += label ? *label : std::string(code);
    });
    return c.rentanCell.emplace(c.keys.emplace_back(packed), escaped(joined)).first->second;
}

void appendHeader(std::string& buf, const Instrument& in, const Translations& tr, const std::string& lang) {
    const std::vector<std::string> header = csvExportHeader(in, tr, lang);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (i) buf += ',';
        field(buf, header[i]);
    }
    buf += "\r\n";
}

// What every row of one export shares: the newest instrument's columns and the words for yes/no.
struct RowContext {
    const Instrument& in;
    const std::string& lang;
    const std::string& yes;
    const std::string& no;
    const std::vector<std::string>& unsurCodes;
    const std::vector<std::string>& hamCodes;
};

// One worker thread's caches: the column map and cells of the version last seen, the unit cell.
struct RowState {
    ColumnMap columns;
    std::map<const PackedLayout*, VersionCells> cellsByVersion;
    const PackedLayout* lastLayout = nullptr;
    VersionCells* cells = nullptr;
    std::string lastUnit, unitCell;
};

// The columns after "No": uuid, unit, local time, zone, service.
void appendWhoWhen(const RowState& s, const ExportRow& r, std::string& line) {
    line += ',';
    line.append(r.uuid);
    line += ',';
    line += s.unitCell;
    line += ',';
    char when[25];
    formatLocalDateTime(when, r.createdUtc, r.utcOffsetMinutes);
    line.append(when, sizeof when);
    line += ',';
    if (r.utcOffsetMinutes == 420) line += "WIB";
    else line += zoneName(r.utcOffsetMinutes);
    line += ',';
    if (const std::string* label = find(s.cells->service, r.service)) line += *label;
    else field(line, r.service);
    line += ',';
}

// The answer columns to the end of the line: unsur, profile, HAM, rentan, adil, comment, misuse,
// source, instrument.
void appendAnswers(RowState& s, const RowContext& x, const ExportRow& r, std::string& line) {
    for (std::size_t j = 0; j < x.unsurCodes.size(); ++j) {
        if (char c = s.columns.unsur(r, j)) line += c;
        line += ',';
    }
    line += profileCells(*s.cells, x.in, r.profile);
    for (std::size_t j = 0; j < x.hamCodes.size(); ++j) {
        if (char c = s.columns.ham(r, j)) line += c;
        line += ',';
    }
    line += rentanCell(*s.cells, r.rentan);
    line += ',';
    if (r.adil) line += *r.adil ? x.yes : x.no;
    line += ',';
    field(line, r.comment);
    line += ',';
    line += r.misuse ? x.yes : x.no;
    line += ',';
    field(line, r.source);
    line += ',';
    line += s.cells->key;
    line += "\r\n";
}

// One data row without its "No" cell (written in order by exportCsv when the rows come back).
void formatRow(RowState& s, const RowContext& x, const ExportRow& r, std::string& line) {
    if (r.layout != s.lastLayout) {
        s.lastLayout = r.layout;
        s.columns.use(*r.layout);
        auto it = s.cellsByVersion.find(r.layout);
        if (it == s.cellsByVersion.end()) it = s.cellsByVersion.emplace(r.layout, cellsOf(r.layout->instrument(), x.in, x.lang)).first;
        s.cells = &it->second;
    }
    if (r.unitId != s.lastUnit) {
        s.lastUnit.assign(r.unitId);
        s.unitCell = escaped(r.unitId);
    }
    appendWhoWhen(s, r, line);
    appendAnswers(s, x, r, line);
}

} // namespace

// Fixed columns, then unsur by code and name, profile, HAM items, the rest.
std::vector<std::string> csvExportHeader(const Instrument& in, const Translations& tr, const std::string& lang) {
    std::vector<std::string> h;
    for (const char* key : {"csv.no", "csv.uuid", "csv.unit", "csv.local_time", "csv.zone", "csv.service"}) h.push_back(tr.get(key, lang));
    for (const auto& u : in.unsur) h.push_back(u.code + " " + u.name.in(lang));
    for (const auto& p : in.profile) h.push_back(p.label.in(lang));
    for (const auto& item : in.ham.items) h.push_back(item.code + " " + item.name.in(lang));
    for (const char* key : {"csv.rentan", "csv.adil", "csv.comment", "csv.misuse", "csv.source", "csv.instrument"})
        h.push_back(tr.get(key, lang));
    return h;
}

std::int64_t exportCsv(Store& store, const std::string& path, CsvExportOptions opt) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to export");
    const Instrument& in = *latest;
    const Translations tr = Translations::loadArea("export");
    const std::string& lang = opt.lang;

    AtomicOutput out(path);
    std::string buf = "\xEF\xBB\xBF"; // BOM: Excel then reads the file as UTF-8
    appendHeader(buf, in, tr, lang);

    const std::string& yes = tr.get("common.yes", lang);
    const std::string& no = tr.get("common.no", lang);
    std::vector<std::string> unsurCodes, hamCodes;
    for (const auto& u : in.unsur) unsurCodes.push_back(u.code);
    for (const auto& h : in.ham.items) hamCodes.push_back(h.code);
    const RowContext ctx{in, lang, yes, no, unsurCodes, hamCodes};

    // Each worker thread formats with its own caches (formatResponsesInParallel); the "No" column
    // is written here, in order, when the rows come back.
    auto makeFormatter = [&]() -> RowFormatter {
        auto st = std::make_shared<RowState>(RowState{ColumnMap(unsurCodes, hamCodes), {}, nullptr, nullptr, {}, {}});
        return [st, &ctx](const ExportRow& r, std::string& line) { formatRow(*st, ctx, r, line); };
    };
    std::int64_t rows = 0;
    buf.reserve(2u << 20);

    out.write(buf);
    formatResponsesInParallel(store, opt.filter, makeFormatter, [&](std::string_view row) {
        char digits[24];
        auto res = std::to_chars(digits, digits + sizeof digits, ++rows);
        out.write(std::string_view(digits, static_cast<std::size_t>(res.ptr - digits)));
        out.write(row);
    });
    buf.clear();
    out.commit();
    return rows;
}

} // namespace sw
