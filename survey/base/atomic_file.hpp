// Never a half-written export: every export goes to a temporary file in the destination's
// folder, is fsync'd, then renamed over the destination (atomic on POSIX), and the folder is
// fsync'd so the rename survives a power cut. A full disk is reported plainly.
#pragma once
#include "survey/base/error.hpp"
#include <stdexcept>
#include <string>
#include <string_view>

namespace sw {

// Temporary files hold citizen data, so none may outlive its run: each carries ".sw-tmp-<pid>" in
// its name, and a run that writes into a folder first removes those whose process is gone (a
// killed export or backup). A temp of a live process is never touched.
std::string tempMarker();                              // ".sw-tmp-<this pid>"
void removeStaleTemps(const std::string& dir);

class AtomicOutput {
public:
    explicit AtomicOutput(std::string finalPath);   // creates "<dir>/.<name>.sw-tmp-<pid>.XXXXXX"
    ~AtomicOutput();                                  // removes the temporary unless committed
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::string& tempPath() const { return temp_; }
    const std::string& finalPath() const { return final_; }
    // Buffered append (for writers that stream themselves); libraries that write by file name
    // (xlsxwriter, cairo) write to tempPath() instead.
    void write(std::string_view bytes);
    void commit();                                    // flush, fsync, rename, fsync the folder

    // Turns an errno from a write into the right ExportError.
    [[noreturn]] void fail(int err, const std::string& doing) const;

private:
    void flush();
    std::string final_;
    std::string temp_;
    int fd_ = -1;
    std::size_t written_ = 0; // bytes written through fd_ so far
    std::string buffer_;
    bool committed_ = false;
};

} // namespace sw
