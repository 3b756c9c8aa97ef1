// Outputs that never clobber inputs, and file names from data that never become paths.
//  - A name read from a bundle (an evidence file's name, a checklist item's code) is data: it is
//    reduced to a plain file name (no separators, no "..", no control characters, bounded
//    length) and created exclusively inside the output folder (openat + O_EXCL + O_NOFOLLOW).
//  - An output that is (by device and inode, links resolved) the store, its -wal/-shm/-journal,
//    its signing key or an input of the command is refused before anything is written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sw {

// A plain file name made from untrusted text: letters, digits, '.', '-', '_' kept (other bytes
// become '_'), no leading dot, at most `maxBytes` bytes; "file" when nothing is left.
std::string safeFileName(std::string_view untrusted, std::size_t maxBytes = 100);

// The files that make up a store on disk: the database, -wal, -shm, -journal, .signing-key.
std::vector<std::string> storeFiles(const std::string& databasePath);

// Throws UsageError naming `option` and the input when `output` is the same file as one of
// `inputs` (same device and inode, or the same path once links are resolved). Inputs that do not
// exist are ignored.
void refuseOutputOverInput(const std::string& output, const std::vector<std::string>& inputs, const std::string& option);

// Writes `bytes` to a new file `name` (already a safe name) inside the folder open as `dirFd`;
// refuses to follow a link or replace an existing file. Throws ExportError; nothing half-written
// stays (a failed write removes the file).
void writeNewFileIn(int dirFd, const std::string& folder, const std::string& name, std::string_view bytes);

} // namespace sw
