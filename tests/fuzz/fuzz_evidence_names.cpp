// libFuzzer target: the names an assessor's machine gives files written from a bundle (evidence
// item codes and file names are chosen by whoever signed the bundle). Input: lines of
// "item<TAB>file name". Every file must be created directly inside the output folder — never
// outside it, never a folder, never through a link — whatever the names hold.
#include "survey/base/error.hpp"
#include "survey/base/safe_output.hpp"
#include "survey/bundle/evidence_files.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// <tmp>/sw-fuzz-names-<pid>/{out/, sentinel}: anything appearing beside `out` escaped it.
struct Folders {
    fs::path root, out;
    Folders() {
        root = fs::temp_directory_path() / ("sw-fuzz-names-" + std::to_string(::getpid()));
        out = root / "a" / "b" / "out"; // deep enough that "../.." still lands inside root
        fs::create_directories(out);
    }
    ~Folders() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

void checkOnlyOutHoldsFiles(const Folders& f) {
    for (const auto& e : fs::recursive_directory_iterator(f.root)) {
        const fs::path p = e.path();
        if (p == f.root / "a" || p == f.root / "a" / "b" || p == f.out) continue;
        if (p.parent_path() != f.out) __builtin_trap();          // written outside the folder
        if (!e.is_regular_file() || e.is_symlink()) __builtin_trap(); // a folder or a link
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Folders folders;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folders.out)) fs::remove_all(e.path(), ec);
    const int dir = ::open(folders.out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) std::abort();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    for (int n = 0; !text.empty() && n < 16; ++n) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        const std::size_t tab = line.find('\t');
        const std::string item(line.substr(0, tab));
        const std::string file(tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1));
        const std::string name = sw::evidenceFileName(item, "0123456789abcdef0123", file);
        try {
            sw::writeNewFileIn(dir, folders.out.string(), name, "x");
        } catch (const sw::ExportError&) {
            // the same name twice: refused, nothing replaced
        }
    }
    ::close(dir);
    checkOnlyOutHoldsFiles(folders);
    return 0;
}
