#include "survey/export_csv.hpp"

#include "survey/csv.hpp"
#include "survey/export_file.hpp"
#include "survey/export_scan.hpp"
#include "survey/local_time.hpp"
#include "survey/translations.hpp"

#include <charconv>
#include <map>

namespace sw {

namespace {

void field(std::string& out, std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) out.append(v);
    else out.append(csvField(v));
}

void number(std::string& out, std::int64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

// Labels of one instrument version in the export's language, looked up per row.
struct Labels {
    std::map<std::string, std::string> service;
    std::map<std::string, std::map<std::string, std::string>> profile;
    std::map<std::string, std::string> rentan;
};

Labels labelsOf(const Instrument& in, const std::string& lang) {
    Labels l;
    for (const auto& s : in.services) l.service[s.code] = s.label.in(lang);
    for (const auto& p : in.profile)
        for (const auto& o : p.options) l.profile[p.code][o.code] = o.label.in(lang);
    for (const auto& r : in.ham.rentan) l.rentan[r.code] = r.label.in(lang);
    return l;
}

const std::string& lookup(const std::map<std::string, std::string>& m, const std::string& code) {
    auto it = m.find(code);
    return it == m.end() ? code : it->second;
}

} // namespace

std::int64_t exportCsv(Store& store, const std::string& path, CsvExportOptions opt) {
    auto latest = store.latestInstrument();
    if (!latest) throw ExportError(ExportError::Kind::Format, store.path() + ": no instrument registered, nothing to export");
    const Instrument& in = *latest;
    const Translations tr = Translations::loadArea("export");
    const std::string& lang = opt.lang;
    auto t = [&](const char* key) -> const std::string& { return tr.get(key, lang); };

    AtomicOutput out(path);
    std::string buf = "\xEF\xBB\xBF"; // BOM: Excel then reads the file as UTF-8
    // Header: fixed columns, then unsur by code and name, profile, HAM items, the rest.
    for (const char* key : {"csv.no", "csv.uuid", "csv.unit", "csv.local_time", "csv.zone", "csv.service"}) {
        field(buf, t(key));
        buf += ',';
    }
    for (const auto& u : in.unsur) {
        field(buf, u.code + " " + u.name.in(lang));
        buf += ',';
    }
    for (const auto& p : in.profile) {
        field(buf, p.label.in(lang));
        buf += ',';
    }
    for (const auto& h : in.ham.items) {
        field(buf, h.code + " " + h.name.in(lang));
        buf += ',';
    }
    for (const char* key : {"csv.rentan", "csv.adil", "csv.comment", "csv.misuse", "csv.source"}) {
        field(buf, t(key));
        buf += ',';
    }
    field(buf, t("csv.instrument"));
    buf += "\r\n";

    const std::string& yes = t("common.yes");
    const std::string& no = t("common.no");
    std::map<std::string, Labels> labelCache; // "id/version" → labels
    std::string lastKey;
    const Labels* labels = nullptr;

    std::int64_t rows = 0;
    ResponseFilter f = opt.filter;
    scanResponses(store, f, [&](const ExportRow& r) {
        std::string key = r.instrumentId + "/" + std::to_string(r.instrumentVersion);
        if (key != lastKey || !labels) {
            auto it = labelCache.find(key);
            if (it == labelCache.end()) {
                auto inr = store.cachedInstrument(r.instrumentId, r.instrumentVersion);
                it = labelCache.emplace(key, inr ? labelsOf(*inr, lang) : Labels{}).first;
            }
            labels = &it->second;
            lastKey = key;
        }
        number(buf, ++rows);
        buf += ',';
        buf += r.uuid;
        buf += ',';
        field(buf, r.unitId);
        buf += ',';
        buf += localDateTime(r.createdUtc, r.utcOffsetMinutes);
        buf += ',';
        buf += zoneName(r.utcOffsetMinutes);
        buf += ',';
        field(buf, lookup(labels->service, r.service));
        buf += ',';
        for (const auto& u : in.unsur) {
            if (int v = r.unsurValue(u.code)) buf += static_cast<char>('0' + v);
            buf += ',';
        }
        for (const auto& p : in.profile) {
            if (const std::string* v = r.profileValue(p.code)) {
                auto pit = labels->profile.find(p.code);
                field(buf, pit == labels->profile.end() ? *v : lookup(pit->second, *v));
            }
            buf += ',';
        }
        for (const auto& h : in.ham.items) {
            if (int v = r.hamValue(h.code); v >= 0) buf += static_cast<char>('0' + v);
            buf += ',';
        }
        std::string rentan;
        for (const auto& code : r.rentan) {
            if (!rentan.empty()) rentan += "; ";
            rentan += lookup(labels->rentan, code);
        }
        field(buf, rentan);
        buf += ',';
        if (r.adil) buf += *r.adil ? yes : no;
        buf += ',';
        field(buf, r.comment);
        buf += ',';
        buf += r.misuse ? yes : no;
        buf += ',';
        field(buf, r.source);
        buf += ',';
        field(buf, key);
        buf += "\r\n";
        if (buf.size() > (1u << 20)) {
            out.write(buf);
            buf.clear();
        }
        return true;
    });
    out.write(buf);
    out.commit();
    return rows;
}

} // namespace sw
