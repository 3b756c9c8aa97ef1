// Closes connections that hold a worker without sending a request: cpp-httplib's timeouts bound
// each read, not a request, so a client trickling one header byte every few seconds (slow-loris)
// would keep a worker for hours. Once a second this looks at the process's open sockets on the
// receiver's port (/proc/self/fd, getsockname/getpeername): a connection older than `headerSeconds`
// whose request has not reached the handler, and that has nothing waiting to be read (a queued
// connection has its whole request waiting; a trickled one has none), is shut down. Handlers mark
// their peer as served while they run. Linux only, as the kiosk and the Kanwil's server are.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace sw {

class ConnectionWatchdog {
public:
    ConnectionWatchdog(int port, int headerSeconds);
    ~ConnectionWatchdog();
    void start();
    void stop();

    // The handler for `peer` ("ip:port", as cpp-httplib reports it) runs: leave that one alone.
    void enter(const std::string& peer);
    void leave(const std::string& peer);
    std::int64_t closed() const { return closed_.load(); }

private:
    void loop();
    void sweep();
    int port_;
    std::chrono::seconds header_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::multiset<std::string> served_;
    std::map<std::pair<int, std::string>, std::chrono::steady_clock::time_point> seen_;
    std::atomic<std::int64_t> closed_{0};
    std::thread thread_;
};

} // namespace sw
