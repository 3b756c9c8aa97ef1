#include "survey/national/kanwil_map.hpp"

#include "survey/base/error.hpp"
#include "survey/base/json_located.hpp"
#include "survey/base/paths.hpp"
#include "survey/base/small_file.hpp"
#include "survey/base/text_check.hpp"
#include "survey/store/unit_setup.hpp"

#include <map>

namespace sw {

namespace {

bool isProvinceCode(const std::string& s) {
    return s.size() == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

// A field that must be a non-empty, printable name of at most 200 characters.
std::string nameAt(const LocatedJson& doc, const nlohmann::json& j, const std::string& ptr) {
    if (!j.contains("name") || !j["name"].is_string()) doc.fail(ptr, "\"name\" (text) is required");
    const std::string name = j["name"].get<std::string>();
    if (name.empty()) doc.fail(ptr + "/name", "is empty");
    if (auto why = textProblem(name, kMaxNameLength); !why.empty()) doc.fail(ptr + "/name", why);
    return name;
}

KanwilProvince provinceAt(const LocatedJson& doc, const nlohmann::json& j, const std::string& ptr) {
    if (!j.is_object()) doc.fail(ptr, "a province is {\"code\": \"36\", \"name\": \"Banten\"}");
    if (!j.contains("code") || !j["code"].is_string() || !isProvinceCode(j["code"].get<std::string>()))
        doc.fail(ptr, "\"code\" must be a Kemendagri province code of two digits (\"36\")");
    return {j["code"].get<std::string>(), nameAt(doc, j, ptr)};
}

KanwilOffice officeAt(const LocatedJson& doc, const nlohmann::json& j, const std::string& ptr) {
    if (!j.is_object()) doc.fail(ptr, "a Kanwil is {\"code\", \"name\", \"provinces\": […]}");
    if (!j.contains("code") || !j["code"].is_string()) doc.fail(ptr, "\"code\" (text) is required");
    KanwilOffice k;
    k.code = j["code"].get<std::string>();
    try {
        checkUnitId(k.code, "code");   // the same shape as a unit id: it names the Kanwil in reports and URLs
    } catch (const UsageError& e) {
        doc.fail(ptr + "/code", e.what());
    }
    k.name = nameAt(doc, j, ptr);
    if (!j.contains("provinces") || !j["provinces"].is_array() || j["provinces"].empty())
        doc.fail(ptr, "\"provinces\" must list at least one province");
    for (std::size_t i = 0; i < j["provinces"].size(); ++i)
        k.provinces.push_back(provinceAt(doc, j["provinces"][i], ptr + "/provinces/" + std::to_string(i)));
    return k;
}

} // namespace

KanwilMap KanwilMap::parse(const std::string& text, const std::string& fileName) {
    const LocatedJson doc = LocatedJson::parse(text, fileName);
    const nlohmann::json& root = doc.root();
    if (!root.is_object() || root.value("format", "") != "suarawarga-kanwil")
        doc.fail("", "not a Kanwil map (\"format\": \"suarawarga-kanwil\" expected)");
    if (root.value("format_version", 0) != 1) doc.fail("/format_version", "this program reads format_version 1");
    if (!root.contains("kanwil") || !root["kanwil"].is_array()) doc.fail("", "\"kanwil\" must be a list");
    KanwilMap m;
    std::map<std::string, std::string> owner;   // province → the Kanwil that claims it
    std::map<std::string, int> codes;
    for (std::size_t i = 0; i < root["kanwil"].size(); ++i) {
        const std::string ptr = "/kanwil/" + std::to_string(i);
        KanwilOffice k = officeAt(doc, root["kanwil"][i], ptr);
        if (codes[k.code]++) doc.fail(ptr + "/code", "\"" + k.code + "\" is listed twice");
        for (std::size_t p = 0; p < k.provinces.size(); ++p) {
            auto [it, fresh] = owner.emplace(k.provinces[p].code, k.code);
            if (!fresh)
                doc.fail(ptr + "/provinces/" + std::to_string(p),
                         "province " + k.provinces[p].code + " is already covered by " + it->second);
        }
        m.offices_.push_back(std::move(k));
    }
    return m;
}

KanwilMap KanwilMap::load(const std::string& path) {
    return parse(readSmallFile(path, 1u << 20, "a Kanwil map"), path);
}

const KanwilOffice* KanwilMap::forProvince(const std::string& provinceCode) const {
    for (const auto& k : offices_)
        for (const auto& p : k.provinces)
            if (p.code == provinceCode) return &k;
    return nullptr;
}

const KanwilOffice* KanwilMap::byCode(const std::string& kanwilCode) const {
    for (const auto& k : offices_)
        if (k.code == kanwilCode) return &k;
    return nullptr;
}

std::string KanwilMap::provinceName(const std::string& provinceCode) const {
    for (const auto& k : offices_)
        for (const auto& p : k.provinces)
            if (p.code == provinceCode) return p.name;
    return "";
}

std::string defaultKanwilMapPath() { return assetDirectory() + "/wilayah/kanwil.json"; }

} // namespace sw
