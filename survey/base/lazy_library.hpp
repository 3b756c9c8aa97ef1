// A shared library opened the first time one of its functions is called, not when the program
// starts. The kiosk carries the unit head's exports (xlsxwriter, cairo/pango, minizip), the
// delivery client (libcurl), the PostgreSQL client (libpq) and speech (espeak-ng), which most of
// its runs never touch: linked the usual way, the dynamic loader maps and relocates all of them
// and their own dependencies before the first frame, 14.5 MB of the kiosk's peak memory with
// cpp-httplib, measured (README "Benchmarks", the kiosk's start-up and memory). Loaded here, a program pays for what it
// uses, and a library that is missing fails the one command that needs it, with its name.
//
// Each library's functions are declared once, in the header of the part that uses them, with
// SW_LAZY_FORWARD inside namespace sw::dyn, and called as dyn::name(…): the library's own header
// gives every function its exact type, so a call is checked as a direct call would be.
#pragma once
#include <atomic>
#include <mutex>
#include <string>

namespace sw {

class LazyLibrary {
public:
    // `soname`: the name the linker would have recorded (CMake's sw_lazy_library passes it);
    // `what`: the library for a person ("the PostgreSQL client library libpq").
    LazyLibrary(const char* soname, const char* what) : soname_(soname), what_(what) {}
    LazyLibrary(const LazyLibrary&) = delete;
    LazyLibrary& operator=(const LazyLibrary&) = delete;

    // The address of the function `name`, opening the library on first use (thread-safe).
    // Throws std::runtime_error naming the library, its file and what the loader said.
    void* symbol(const char* name);
    // Whether the library is open already (for tests: a program that did not use it has not).
    bool isOpen() const;
    const char* soname() const { return soname_; }

private:
    void open();

    const char* soname_;
    const char* what_;
    std::once_flag once_;
    std::atomic<void*> handle_{nullptr};
};

// dyn::fn's type: a function object whose call operator has the library function's own parameter
// types, so arguments convert at the call as they would in a direct call (a constant stays a
// constant), then one indirect call. `Tag::address()` looks the function up once.
template <class Fn, class Tag>
struct LazyFunction;
template <class R, class... P, class Tag>
struct LazyFunction<R (*)(P...), Tag> {
    R operator()(P... p) const { return Tag::address()(p...); }
};
template <class R, class... P, class Tag>
struct LazyFunction<R (*)(P...) noexcept, Tag> {   // not noexcept itself: the look-up may throw
    R operator()(P... p) const { return Tag::address()(p...); }
};
template <class R, class... P, class Tag>
struct LazyFunction<R (*)(P..., ...), Tag> {   // curl_easy_setopt: the rest passed on as given
    template <class... V>
    R operator()(P... p, V... v) const { return Tag::address()(p..., v...); }
};

} // namespace sw

// Declares dyn::name() (inside namespace sw::dyn), the one LazyLibrary of a library.
#define SW_LAZY_LIBRARY(name, soname, what)                                                            \
    inline ::sw::LazyLibrary& name() {                                                                 \
        static ::sw::LazyLibrary library{soname, what};                                                \
        return library;                                                                                \
    }

// Declares dyn::fn (inside namespace sw::dyn), forwarding to the library's `fn`: `library` is a
// function returning the LazyLibrary&. A function-like macro of the same name (curl's
// curl_easy_setopt) does not expand here: the name is never followed by "(".
#define SW_LAZY_FORWARD(library, fn)                                                                   \
    struct fn##_address {                                                                              \
        static decltype(&::fn) address() {                                                             \
            static const auto real = reinterpret_cast<decltype(&::fn)>(library().symbol(#fn));         \
            return real;                                                                               \
        }                                                                                              \
    };                                                                                                 \
    inline constexpr ::sw::LazyFunction<decltype(&::fn), fn##_address> fn{};
