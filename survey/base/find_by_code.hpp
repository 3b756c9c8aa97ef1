// Look-up by `code` in the short lists of an instrument or checklist (≤ a few dozen items: a
// linear scan beats a map). Every item type with a `code` member uses this one.
#pragma once
#include <string>
#include <vector>

namespace sw {

template <class T>
const T* findByCode(const std::vector<T>& v, const std::string& code) {
    for (const auto& x : v)
        if (x.code == code) return &x;
    return nullptr;
}

} // namespace sw
