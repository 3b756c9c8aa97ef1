#include "survey/delivery/connection_watchdog.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

namespace sw {

namespace {

int localPort(int fd) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return -1;
    if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&a)->sin_port);
    if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&a)->sin6_port);
    return -1;
}

// "ip:port" of the other end, as cpp-httplib's Request::remote_addr and remote_port give it.
std::string peerOf(int fd) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return "";
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (getnameinfo(reinterpret_cast<sockaddr*>(&a), len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "";
    return std::string(host) + ":" + serv;
}

} // namespace

ConnectionWatchdog::ConnectionWatchdog(int port, int headerSeconds) : port_(port), header_(headerSeconds) {}

ConnectionWatchdog::~ConnectionWatchdog() { stop(); }

void ConnectionWatchdog::start() { thread_ = std::thread([this] { loop(); }); }

void ConnectionWatchdog::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ConnectionWatchdog::enter(const std::string& peer) {
    std::lock_guard<std::mutex> lock(mutex_);
    served_.insert(peer);
}

void ConnectionWatchdog::leave(const std::string& peer) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = served_.find(peer); it != served_.end()) served_.erase(it);
}

void ConnectionWatchdog::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(500));
        if (stopping_) break;
        lock.unlock();
        sweep();
        lock.lock();
    }
}

void ConnectionWatchdog::sweep() {
    const auto now = std::chrono::steady_clock::now();
    std::map<std::pair<int, std::string>, std::chrono::steady_clock::time_point> seen;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (...) {
            continue;
        }
        std::error_code lec;
        if (std::filesystem::read_symlink(entry.path(), lec).string().rfind("socket:", 0) != 0) continue;
        if (localPort(fd) != port_) continue;
        const std::string peer = peerOf(fd);
        if (peer.empty()) continue; // the listening socket
        const auto key = std::make_pair(fd, peer);
        std::lock_guard<std::mutex> lock(mutex_);
        const auto it = seen_.find(key);
        const auto since = it == seen_.end() ? now : it->second;
        seen.emplace(key, since);
        if (now - since < header_ || served_.count(peer)) continue;
        int waiting = 0;
        if (ioctl(fd, FIONREAD, &waiting) == 0 && waiting >= 16) continue; // queued, its request is there
        // The same peer is checked again just before: an fd closed and reused meanwhile is another peer.
        if (peerOf(fd) == peer && shutdown(fd, SHUT_RDWR) == 0) {
            ++closed_;
            seen.erase(key);
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    seen_ = std::move(seen);
}

} // namespace sw
