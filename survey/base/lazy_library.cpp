#include "survey/base/lazy_library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace sw {

void LazyLibrary::open() {
    // RTLD_NOW: the library's own references are bound now, so a broken installation fails here,
    // once, not in the middle of an export. RTLD_LOCAL: its symbols stay its own; we reach them
    // only through symbol().
    void* h = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char* why = dlerror();
        throw std::runtime_error(std::string("cannot load ") + what_ + " (" + soname_ + "): " + (why ? why : "unknown error") +
                                 "; third_party/install-deps.sh installs it");
    }
    handle_ = h;
}

void* LazyLibrary::symbol(const char* name) {
    std::call_once(once_, [this] { open(); });   // a throw leaves once_ unset: the next call tries again
    dlerror();
    void* p = dlsym(handle_.load(), name);
    if (!p) {
        const char* why = dlerror();
        throw std::runtime_error(std::string(what_) + " (" + soname_ + ") has no function " + name + ": " +
                                 (why ? why : "not found"));
    }
    return p;
}

bool LazyLibrary::isOpen() const { return handle_ != nullptr; }

} // namespace sw
