// survey/base/lazy_library.hpp: a library opened on first use, and the program's error when it is
// missing. The libraries the product loads this way, and that its programs do not load them at
// start, are checked from the binaries (tests/lazy_libraries.cmake).
#include "survey/base/lazy_library.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace {

std::string messageOf(sw::LazyLibrary& lib, const char* fn) {
    try {
        lib.symbol(fn);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("a lazy library opens on first use and finds its functions", "[lazy]") {
    sw::LazyLibrary libm("libm.so.6", "the C maths library");
    CHECK_FALSE(libm.isOpen());
    auto cbrtFn = reinterpret_cast<double (*)(double)>(libm.symbol("cbrt"));
    CHECK(libm.isOpen());
    CHECK(cbrtFn(27.0) == Approx(3.0));
    const std::string missing = messageOf(libm, "no_such_function_here");
    CHECK(missing.find("the C maths library") != std::string::npos);
    CHECK(missing.find("no_such_function_here") != std::string::npos);
}

TEST_CASE("a missing library fails the call that needs it, naming the library, and is tried again", "[lazy]") {
    sw::LazyLibrary gone("libsuarawarga-not-installed.so.9", "a library nobody installed");
    const std::string first = messageOf(gone, "anything");
    CHECK(first.find("cannot load a library nobody installed (libsuarawarga-not-installed.so.9)") != std::string::npos);
    CHECK(first.find("install-deps.sh") != std::string::npos);
    CHECK_FALSE(gone.isOpen());
    CHECK(messageOf(gone, "anything") == first);   // not remembered as open, nor as failed for good
}

namespace lazy_test::dyn {
SW_LAZY_LIBRARY(libz, "libz.so.1", "zlib")
SW_LAZY_FORWARD(libz, adler32)
SW_LAZY_FORWARD(libz, zlibVersion)
} // namespace lazy_test::dyn

TEST_CASE("SW_LAZY_FORWARD calls the library's function with its own type", "[lazy]") {
    const char* text = "Wikipedia";
    // adler32 of "Wikipedia" is 0x11E60398 (the checksum's own worked example); the literal 1
    // converts to uLong as zlib.h's prototype says.
    CHECK(lazy_test::dyn::adler32(1, reinterpret_cast<const Bytef*>(text), static_cast<uInt>(std::strlen(text))) == 0x11E60398ul);
    CHECK(std::string(lazy_test::dyn::zlibVersion()) == ZLIB_VERSION);
    CHECK(lazy_test::dyn::libz().isOpen());
}
