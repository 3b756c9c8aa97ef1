#include "app/cli/args.hpp"

#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/base/text_check.hpp"

namespace sw::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& valued, const std::set<std::string>& flags) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            std::string key = a.substr(2), value;
            bool inlineValue = false;
            if (auto eq = key.find('='); eq != std::string::npos) {
                value = key.substr(eq + 1);
                key = key.substr(0, eq);
                inlineValue = true;
            }
            if (valued.count(key)) {
                if (!inlineValue) {
                    if (i + 1 >= argc) throw UsageError("option --" + key + " needs a value");
                    value = argv[++i];
                }
                values_[key].push_back(value);
            } else if (flags.count(key) && !inlineValue) {
                flags_.insert(key);
            } else {
                throw UsageError("unknown option --" + key + " (see --help)");
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string& key) const {
    auto it = values_.find(key);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::all(const std::string& key) const {
    auto it = values_.find(key);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::get(const std::string& key, const std::string& fallback) const { return get(key).value_or(fallback); }

std::optional<std::string> Args::getDate(const std::string& key) const {
    auto v = get(key);
    LocalDate d;
    if (v && !parseDate(*v, d)) throw UsageError("--" + key + " must be a date YYYY-MM-DD (got \"" + printable(*v) + "\")");
    return v;
}

long long Args::getInt(const std::string& key, long long fallback, long long min, long long max) const {
    auto v = get(key);
    if (!v) return fallback;
    std::size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || n < min || n > max)
        throw UsageError("--" + key + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         " (got \"" + *v + "\")");
    return n;
}

} // namespace sw::cli
