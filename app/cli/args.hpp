// Command-line options: "--key value", "--flag", positionals. Each verb declares what it
// accepts, so a typo is an error that names the option instead of being ignored.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw::cli {

class Args {
public:
    // valued: options that take a value; flags: options that do not.
    Args(int argc, char** argv, int first, const std::set<std::string>& valued, const std::set<std::string>& flags);

    bool has(const std::string& key) const { return values_.count(key) || flags_.count(key); }
    std::optional<std::string> get(const std::string& key) const;
    std::vector<std::string> all(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback) const;
    long long getInt(const std::string& key, long long fallback, long long min, long long max) const;
    // A real calendar day YYYY-MM-DD (--from, --to), or nullopt when not given; UsageError otherwise.
    std::optional<std::string> getDate(const std::string& key) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

} // namespace sw::cli
