#include "survey/response/packing.hpp"

#include "survey/base/error.hpp"

namespace sw {

std::uint8_t rentanBit(KelompokRentan k) {
    switch (k) {
    case KelompokRentan::LanjutUsia: return kRentanLansia;
    case KelompokRentan::Disabilitas: return kRentanDisabilitas;
    case KelompokRentan::HamilMenyusui: return kRentanHamilMenyusui;
    case KelompokRentan::Anak: return kRentanAnak;
    case KelompokRentan::Bukan: return kRentanBukan;
    }
    return 0;
}

int kelompokFilterBits(const std::string& kelompok) {
    if (kelompok == "rentan") return kRentanAny;
    KelompokRentan k;
    return parseKelompok(kelompok, k) ? rentanBit(k) : 0;
}

PackedRow packedRow(const Response& r, const PackedAnswers& p, const PackedLayout* layout) {
    PackedRow row;
    row.uuid = r.uuid;
    row.instrumentId = r.instrumentId;
    row.instrumentVersion = r.instrumentVersion;
    row.deviceId = r.deviceId;
    row.createdUtc = r.createdUtc;
    row.utcOffsetMinutes = r.utcOffsetMinutes;
    row.service = r.service;
    row.skm = p.skm;
    row.ham = p.ham;
    row.rentan = p.rentan;
    row.profile = p.profile;
    row.kelompok = p.kelompok;
    row.adil = r.adil;
    row.misuse = r.misuse;
    row.durationSeconds = r.durationSeconds;
    row.source = r.source;
    row.comment = r.comment;
    row.layout = layout;
    return row;
}

PackedLayout::PackedLayout(std::shared_ptr<const Instrument> in) : in_(std::move(in)) {}

namespace {

[[noreturn]] void refuse(const Response& r, const std::string& what) {
    throw StoreError(StoreError::Kind::Constraint, "response " + r.uuid + ": " + what + " (instrument " + r.instrumentId +
                                                       " v" + std::to_string(r.instrumentVersion) + ")");
}

// One answer character per item: allowed values between lo and hi, or '-'.
std::string checkDigits(std::string_view s, std::size_t count, char lo, char hi, const char* what) {
    if (s.size() != count)
        return std::string(what) + " holds " + std::to_string(s.size()) + " answers, the instrument has " +
               std::to_string(count) + " items";
    for (char c : s)
        if (c != kNotAnswered && (c < lo || c > hi))
            return std::string(what) + " has an answer outside " + lo + ".." + hi + ": \"" + std::string(s) + "\"";
    return "";
}

} // namespace

int PackedLayout::unsurPosition(std::string_view code) const { return positionOf(in_->unsur, code); }
int PackedLayout::hamPosition(std::string_view code) const { return positionOf(in_->ham.items, code); }

PackedAnswers PackedLayout::pack(const Response& r) const {
    PackedAnswers p;
    p.skm.assign(unsurCount(), kNotAnswered);
    for (const auto& [code, v] : r.unsur) {
        int at = unsurPosition(code);
        if (at < 0) refuse(r, "unknown unsur \"" + code + "\"");
        if (v < 1 || v > 4) refuse(r, "unsur " + code + " = " + std::to_string(v) + " is outside 1..4");
        p.skm[static_cast<std::size_t>(at)] = static_cast<char>('0' + v);
    }
    p.ham.assign(hamCount(), kNotAnswered);
    for (const auto& [code, v] : r.ham) {
        int at = hamPosition(code);
        if (at < 0) refuse(r, "unknown HAM item \"" + code + "\"");
        if (v < 0 || v > 4) refuse(r, "HAM item " + code + " = " + std::to_string(v) + " is outside 0..4");
        p.ham[static_cast<std::size_t>(at)] = static_cast<char>('0' + v);
    }
    for (const std::string& code : r.rentan)
        if (!in_->findRentan(code)) refuse(r, "unknown kelompok rentan option \"" + code + "\"");
    for (const RentanOption& o : in_->ham.rentan) {
        bool chosen = false;
        for (const std::string& code : r.rentan) chosen = chosen || code == o.code;
        if (!chosen) continue;
        if (!p.rentan.empty()) p.rentan += ',';
        p.rentan += o.code;
        p.kelompok |= rentanBit(o.kelompok);
    }
    for (const auto& [field, value] : r.profile)
        if (!in_->findProfile(field)) refuse(r, "unknown profile field \"" + field + "\"");
    for (const ProfileField& f : in_->profile) {
        auto it = r.profile.find(f.code);
        if (it == r.profile.end()) continue;
        if (positionOf(f.options, it->second) < 0) refuse(r, "profile " + f.code + " has no option \"" + it->second + "\"");
        if (!p.profile.empty()) p.profile += ';';
        p.profile += f.code + "=" + it->second;
    }
    return p;
}

void PackedLayout::unpack(std::string_view skm, std::string_view ham, std::string_view rentan, std::string_view profile,
                          Response& r) const {
    r.unsur.clear();
    r.ham.clear();
    r.rentan.clear();
    r.profile.clear();
    for (std::size_t i = 0; i < skm.size() && i < unsurCount(); ++i)
        if (skm[i] != kNotAnswered) r.unsur[in_->unsur[i].code] = packedValue(skm[i]);
    for (std::size_t i = 0; i < ham.size() && i < hamCount(); ++i)
        if (ham[i] != kNotAnswered) r.ham[in_->ham.items[i].code] = packedValue(ham[i]);
    forEachCode(rentan, [&](std::string_view c) { r.rentan.emplace_back(c); });
    forEachProfilePair(profile, [&](std::string_view f, std::string_view v) { r.profile[std::string(f)] = std::string(v); });
}

int PackedLayout::kelompokOf(std::string_view rentanCodes) const {
    int mask = 0;
    bool ok = true;
    forEachCode(rentanCodes, [&](std::string_view c) {
        int at = positionOf(in_->ham.rentan, c);
        if (at < 0) ok = false;
        else mask |= rentanBit(in_->ham.rentan[static_cast<std::size_t>(at)].kelompok);
    });
    return ok ? mask : -1;
}

std::string PackedLayout::check(std::string_view skm, std::string_view ham, std::string_view rentan,
                                std::string_view profile, int* kelompok) const {
    if (std::string e = checkDigits(skm, unsurCount(), '1', '4', "unsur"); !e.empty()) return e;
    if (std::string e = checkDigits(ham, hamCount(), '0', '4', "HAM"); !e.empty()) return e;
    int mask = kelompokOf(rentan);
    if (mask < 0) return "kelompok rentan \"" + std::string(rentan) + "\" names an option the instrument does not have";
    std::string problem;
    forEachProfilePair(profile, [&](std::string_view f, std::string_view v) {
        const ProfileField* field = nullptr;
        for (const auto& pf : in_->profile)
            if (pf.code == f) field = &pf;
        if (!field) problem = "unknown profile field \"" + std::string(f) + "\"";
        else if (positionOf(field->options, v) < 0)
            problem = "profile " + std::string(f) + " has no option \"" + std::string(v) + "\"";
    });
    if (problem.empty() && !profile.empty() && profile.find('=') == std::string_view::npos)
        problem = "profile \"" + std::string(profile) + "\" is not field=option pairs";
    if (!problem.empty()) return problem;
    if (kelompok) *kelompok = mask;
    return "";
}

} // namespace sw
