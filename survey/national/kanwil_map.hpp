// Which regional office (Kanwil) covers which provinces: data, not code (assets/wilayah/kanwil.json,
// or a ministry's own file). A unit's Kanwil follows from its Kemendagri code (its first two digits
// name the province), so every unit and bundle already carries it; a province no Kanwil covers is
// reported as such, never guessed.
#pragma once
#include <string>
#include <vector>

namespace sw {

struct KanwilProvince {
    std::string code;                // Kemendagri province code, "36"
    std::string name;                // "Banten"
};

struct KanwilOffice {
    std::string code;                // "kanwil-36"
    std::string name;                // "Kanwil Banten"
    std::vector<KanwilProvince> provinces;
};

class KanwilMap {
public:
    // Throws InstrumentError naming file:line:column when the file is not a Kanwil map, a code is
    // malformed, or a province is claimed by two Kanwil.
    static KanwilMap load(const std::string& path);
    static KanwilMap parse(const std::string& text, const std::string& fileName);

    const std::vector<KanwilOffice>& offices() const { return offices_; }
    // The Kanwil covering a province code ("36"), or nullptr.
    const KanwilOffice* forProvince(const std::string& provinceCode) const;
    const KanwilOffice* byCode(const std::string& kanwilCode) const;
    // The province's name as the map writes it ("" when no Kanwil covers it).
    std::string provinceName(const std::string& provinceCode) const;

private:
    std::vector<KanwilOffice> offices_;
};

std::string defaultKanwilMapPath();   // assets/wilayah/kanwil.json

} // namespace sw
