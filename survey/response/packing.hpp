// How one response's answers live in its own `response` row (schema 6): a few short text
// columns instead of ~25 rows in child tables, so a response is one B-tree entry to write, scan,
// export and merge. Positions are those of the row's own instrument version, which is stored
// with it and never changes; readers map positions to codes through that version, so answers are
// still matched by code across versions (survey/RULES.md "Unsur"), never by position between versions.
//
//   skm      one character per unsur of the version, in its order: '1'..'4', '-' not answered
//   ham      one character per HAM item: '0' tidak tahu / tidak menggunakan, '1'..'4', '-' not asked
//   rentan   the kelompok rentan option codes chosen, comma-separated, in the instrument's order
//   kelompok RentanBit mask of the groups those options belong to (what SQL filters on)
//   profile  "field=option;field=option" for the profile fields answered, in the instrument's order
//
// Codes are letters, digits, '_', '.', '-' (the instrument parser enforces it), so ',', ';' and
// '=' never occur inside them.
#pragma once
#include "survey/instrument/instrument.hpp"
#include "survey/response/response.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

// The one marker of "not answered" in a packed skm/ham column (the SQL view `answer` in
// survey/store/migrations.cpp spells it as a literal, for auditors reading with sqlite3).
constexpr char kNotAnswered = '-';
// Nilai persepsi of a packed answer character ('0'..'4'); the caller has checked it is not kNotAnswered.
constexpr int packedValue(char c) { return c - '0'; }

// Bits of the kelompok mask (Permenkumham 25/2023 groups, plus "bukan kelompok rentan").
enum RentanBit : std::uint8_t {
    kRentanLansia = 1,
    kRentanDisabilitas = 2,
    kRentanHamilMenyusui = 4,
    kRentanAnak = 8,
    kRentanBukan = 16,
    kRentanAny = kRentanLansia | kRentanDisabilitas | kRentanHamilMenyusui | kRentanAnak,
};
std::uint8_t rentanBit(KelompokRentan k);
// The bits a ResponseFilter::kelompok word selects: "rentan" = any group, else one group's bit;
// 0 for an unknown word (it selects nothing).
int kelompokFilterBits(const std::string& kelompok);

// Index of `code` among items with a `code` member (unsur, HAM items, options, fields), or -1.
// The lists are short (≤ 12): a linear scan beats hashing.
template <class Item>
int positionOf(const std::vector<Item>& items, std::string_view code) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].code == code) return static_cast<int>(i);
    return -1;
}

struct PackedAnswers {
    std::string skm;
    std::string ham;
    std::string rentan;
    int kelompok = 0;
    std::string profile;
};

// The packed form's view of one instrument version. Built once per version and shared.
class PackedLayout {
public:
    explicit PackedLayout(std::shared_ptr<const Instrument> in);

    const Instrument& instrument() const { return *in_; }
    std::size_t unsurCount() const { return in_->unsur.size(); }
    std::size_t hamCount() const { return in_->ham.items.size(); }
    // Position of a code in this version's skm/ham string, or -1.
    int unsurPosition(std::string_view code) const;
    int hamPosition(std::string_view code) const;

    // Throws StoreError(Constraint) naming the response and the unknown code or bad value.
    PackedAnswers pack(const Response& r) const;
    // Fills r.unsur, r.ham, r.rentan and r.profile from the packed columns.
    void unpack(std::string_view skm, std::string_view ham, std::string_view rentan, std::string_view profile,
                Response& r) const;
    // Checks packed text that came from outside (a bundle) against this version; "" when it is
    // well formed, otherwise what is wrong. On success *kelompok is the mask for the rentan codes.
    std::string check(std::string_view skm, std::string_view ham, std::string_view rentan, std::string_view profile,
                      int* kelompok) const;
    // The mask for comma-separated option codes; -1 when one is not an option of this version.
    int kelompokOf(std::string_view rentanCodes) const;

private:
    std::shared_ptr<const Instrument> in_;
};

// One response as its `response` row holds it, as views: what the store's insert binds, whether
// the row comes from the kiosk (store.cpp) or from a bundle (bundle_rows.cpp, merge.cpp).
struct PackedRow {
    std::string_view uuid;
    std::string_view instrumentId;
    int instrumentVersion = 0;
    std::string_view deviceId;
    std::int64_t createdUtc = 0;
    int utcOffsetMinutes = 420;
    std::string_view service;
    std::string_view skm, ham, rentan, profile; // packed, checked against `layout`
    int kelompok = 0;                           // from rentan, by the instrument
    std::optional<bool> adil;
    bool misuse = false;
    std::optional<int> durationSeconds;
    std::string_view source;
    std::string_view comment;
    const PackedLayout* layout = nullptr;       // the response's instrument version
};
// Views of an unpacked response and its packed answers (both must outlive the row).
PackedRow packedRow(const Response& r, const PackedAnswers& p, const PackedLayout* layout);

// Calls f(field, option) for each "field=option" pair of a packed profile.
template <class F>
void forEachProfilePair(std::string_view profile, F&& f) {
    while (!profile.empty()) {
        std::size_t end = profile.find(';');
        std::string_view pair = profile.substr(0, end);
        std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos) f(pair.substr(0, eq), pair.substr(eq + 1));
        if (end == std::string_view::npos) break;
        profile.remove_prefix(end + 1);
    }
}

// Calls f(code) for each code of a comma-separated list.
template <class F>
void forEachCode(std::string_view list, F&& f) {
    while (!list.empty()) {
        std::size_t end = list.find(',');
        if (end != 0) f(list.substr(0, end));
        if (end == std::string_view::npos) break;
        list.remove_prefix(end + 1);
    }
}

} // namespace sw
