// The regular (gcc) build's stand-in for libFuzzer: feeds every file of the seed corpus folders
// given on the command line to the target, so the harness is compiled and exercised in every
// build and a corpus file that once crashed stays a regression test.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    long files = 0;
    for (int i = 1; i < argc; ++i) {
        std::vector<fs::path> inputs;
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::directory_iterator(argv[i]))
                if (e.is_regular_file()) inputs.push_back(e.path());
        } else {
            inputs.emplace_back(argv[i]);
        }
        for (const auto& p : inputs) {
            std::ifstream f(p, std::ios::binary);
            if (!f) {
                std::fprintf(stderr, "cannot read %s\n", p.c_str());
                return 1;
            }
            std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            // Every prefix too: truncated copies are the most common damage in the field.
            for (std::size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 64)
                LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), cut);
            ++files;
        }
    }
    std::printf("replayed %ld corpus files (and their prefixes) without a crash\n", files);
    return files > 0 ? 0 : 1;
}
