#include "survey/export/paper_import.hpp"

#include "survey/base/csv.hpp"
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"
#include "survey/base/uuid.hpp"

#include <map>

namespace sw {

namespace {
std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}
std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}
// Days since 1970-01-01 of the local calendar date of `utc` at the unit's offset (floored, so an
// instant before 1970 still lands on its own day).
std::int64_t localDays(std::int64_t utc, int offsetMinutes) {
    const std::int64_t t = utc + std::int64_t{offsetMinutes} * 60;
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}
} // namespace

PaperImportResult importPaperCsv(Store& store, const Instrument& in, const UnitInfo& unit, const std::string& csvText,
                                 const std::string& fileName, const std::string& deviceId) {
    auto rows = parseCsv(csvText, fileName);
    if (rows.empty()) throw ImportError(fileName, 1, 1, "the file is empty (expected a header row U1,…,U9)");

    // Header: unsur codes (case-insensitive), profile field codes, and a few known columns.
    enum class Col { Unsur, Profile, Tanggal, Layanan, Komentar };
    struct ColumnDef {
        Col kind;
        std::string code;
    };
    std::vector<ColumnDef> cols;
    const CsvRow& header = rows.front();
    std::map<std::string, bool> seen;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        // Checked before any message quotes it: a header cell is printed back to the operator.
        const std::string why = textProblem(header.cells[c], kMaxNameLength);
        if (!why.empty()) throw ImportError(fileName, header.line, header.columns[c], "the header cell " + why);
        std::string name = trim(header.cells[c]);
        std::string key = lower(name);
        int column = header.columns[c];
        if (seen[key]) throw ImportError(fileName, header.line, column, "column \"" + name + "\" appears twice");
        seen[key] = true;
        ColumnDef d{Col::Unsur, ""};
        bool found = false;
        for (const auto& u : in.unsur)
            if (lower(u.code) == key) {
                d = {Col::Unsur, u.code};
                found = true;
            }
        for (const auto& p : in.profile)
            if (!found && lower(p.code) == key) {
                d = {Col::Profile, p.code};
                found = true;
            }
        if (!found && (key == "tanggal" || key == "date")) d = {Col::Tanggal, ""}, found = true;
        if (!found && (key == "layanan" || key == "jenis_layanan" || key == "service")) d = {Col::Layanan, ""}, found = true;
        if (!found && (key == "komentar" || key == "saran" || key == "comment")) d = {Col::Komentar, ""}, found = true;
        if (!found && (key == "no" || key == "nomor")) d = {Col::Komentar, "#ignore"}, found = true;
        if (!found)
            throw ImportError(fileName, header.line, column,
                              "unknown column \"" + name + "\" (expected U1..U9, tanggal, layanan, komentar or a profile field)");
        cols.push_back(d);
    }
    for (const auto& u : in.unsur)
        if (!seen[lower(u.code)])
            throw ImportError(fileName, header.line, 1, "the header has no column " + u.code + " (" + u.name.in("id") + ")");

    std::vector<Response> batch;
    const std::int64_t now = nowUtc();
    // A paper form is filled in before it is typed: a date after tomorrow in the unit's own
    // calendar (one day allowed for this computer's clock being off) is a typo or a forgery.
    const std::int64_t latestDay = localDays(now, unit.utcOffsetMinutes) + 1;
    for (std::size_t ri = 1; ri < rows.size(); ++ri) {
        const CsvRow& row = rows[ri];
        if (row.cells.size() != cols.size())
            throw ImportError(fileName, row.line, 1,
                              "row has " + std::to_string(row.cells.size()) + " cells, the header has " +
                                  std::to_string(cols.size()));
        Response r;
        r.instrumentId = in.id;
        r.instrumentVersion = in.version;
        r.unitId = unit.id;
        r.deviceId = deviceId;
        r.utcOffsetMinutes = unit.utcOffsetMinutes;
        r.createdUtc = now;
        r.source = "paper";
        for (std::size_t c = 0; c < cols.size(); ++c) {
            int column = row.columns[c];
            // Every cell is hostile until checked (it ends up in the store, exports and messages):
            // valid UTF-8, no control characters, bounded. Only a comment may span lines.
            const bool comment = cols[c].kind == Col::Komentar && cols[c].code != "#ignore";
            const std::string why = comment ? textProblem(row.cells[c], kMaxCommentLength, true)
                                            : textProblem(row.cells[c], kMaxNameLength);
            if (!why.empty()) throw ImportError(fileName, row.line, column, trim(header.cells[c]) + " " + why);
            std::string v = trim(row.cells[c]);
            switch (cols[c].kind) {
            case Col::Unsur:
                if (v.empty()) break; // a skipped question: counted in no n (RULES.md "Arithmetic": NRR over those who answered)
                if (v.size() != 1 || v[0] < '1' || v[0] > '4')
                    throw ImportError(fileName, row.line, column,
                                      cols[c].code + " must be 1, 2, 3 or 4 (found \"" + v + "\")");
                r.unsur[cols[c].code] = v[0] - '0';
                break;
            case Col::Profile: {
                if (v.empty()) break;
                const ProfileField* pf = in.findProfile(cols[c].code);
                std::string match;
                for (const auto& o : pf->options)
                    if (lower(o.code) == lower(v) || lower(o.label.in("id")) == lower(v)) match = o.code;
                if (match.empty())
                    throw ImportError(fileName, row.line, column, "\"" + v + "\" is not an option of " + pf->code);
                r.profile[pf->code] = match;
                break;
            }
            case Col::Tanggal: {
                if (v.empty()) break;
                LocalDate d;
                if (!parseDate(v, d))
                    throw ImportError(fileName, row.line, column, "tanggal must be a real date YYYY-MM-DD (found \"" + v + "\")");
                if (daysFromCivil(d.year, d.month, d.day) > latestDay)
                    throw ImportError(fileName, row.line, column,
                                      "tanggal " + v + " is in the future (today is " + localDate(now, unit.utcOffsetMinutes) +
                                          " in the unit's time)");
                r.createdUtc = utcFromLocal(d, 12, 0, unit.utcOffsetMinutes); // paper has no time: noon local
                break;
            }
            case Col::Layanan: {
                if (v.empty()) break;
                std::string match;
                for (const auto& s : in.services)
                    if (lower(s.code) == lower(v) || lower(s.label.in("id")) == lower(v)) match = s.code;
                if (match.empty()) throw ImportError(fileName, row.line, column, "\"" + v + "\" is not a jenis layanan of this unit");
                r.service = match;
                break;
            }
            case Col::Komentar:
                if (cols[c].code != "#ignore") r.comment = row.cells[c];
                break;
            }
        }
        if (r.unsur.empty()) throw ImportError(fileName, row.line, 1, "the row answers no unsur");
        r.uuid = newResponseUuid(r.createdUtc);
        batch.push_back(std::move(r));
    }
    store.registerInstrument(in);
    store.appendAll(batch);
    return {static_cast<std::int64_t>(batch.size())};
}

} // namespace sw
