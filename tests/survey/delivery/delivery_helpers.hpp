// Shared by the delivery tests (tests/survey/delivery, tests/security): a Kanwil with its key and a
// receiver on 127.0.0.1 (a free port) started by the test and stopped when it ends, units that trust
// it, and a raw socket for the attacks a well-behaved client cannot make.
#pragma once
#include "survey/export/export_helpers.hpp"

#include "survey/delivery/outbox.hpp"
#include "survey/delivery/receiver.hpp"
#include "survey/delivery/sender.hpp"
#include "survey/national/assessor_store.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/store/store.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace swtest {

// Short limits, so the slow-loris cases end in seconds.
inline sw::ReceiverLimits testLimits() {
    sw::ReceiverLimits l;
    l.headerSeconds = 2;
    l.graceSeconds = 2;
    l.ioTimeoutSeconds = 2;
    l.minBytesPerSecond = 4096;
    l.maxBundleBytes = 4u << 20;
    l.workers = 4;
    l.bundlesPerMinutePerKey = 600;
    l.burstPerKey = 50;
    return l;
}

struct Kanwil {
    TempDir dir;
    std::string db = dir.file("kanwil.db");
    std::unique_ptr<sw::KanwilKey> key;
    std::unique_ptr<sw::Receiver> receiver;
    std::thread thread;
    int port = 0;

    explicit Kanwil(sw::ReceiverLimits limits = testLimits()) {
        sw::openAssessorStore(db, true);
        key = std::make_unique<sw::KanwilKey>(sw::KanwilKey::create(sw::KanwilKey::keyPathFor(db)));
        receiver = std::make_unique<sw::Receiver>(db, sw::KanwilKey::keyPathFor(db), limits);
        port = receiver->bind("127.0.0.1", 0);
        thread = std::thread([this] { receiver->run(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ~Kanwil() {
        receiver->stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
    std::unique_ptr<sw::AssessorStore> store() const { return sw::openAssessorStore(db, false); }
    std::int64_t responses() const { return store()->responseCount(); }
    void enroll(const std::string& unitId, const std::string& fp) const { store()->enroll(unitId, fp, "Unit " + unitId); }
};

// A unit store with `n` simulated responses that trusts `k`'s key at its address; enrolled there
// unless told not to.
inline std::string makeUnit(const TempDir& d, const Kanwil& k, const std::string& id, int n, std::uint64_t seed,
                            bool enroll = true) {
    const std::string db = d.file(id + ".db");
    fillUnit(db, id, n, seed);
    sw::Store s(db);
    sw::trustKanwil(s, k.key->publicKey(), k.url(), false);
    if (enroll) k.enroll(id, sw::UnitKey::loadOrCreate(s).fingerprint());
    return db;
}

inline void addResponses(const std::string& db, const std::string& id, int n, std::uint64_t seed) { fillUnit(db, id, n, seed); }

// [SECTION] Raw HTTP, for the attacks

inline int connectTo(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

inline bool sendAll(int fd, const std::string& s) {
    std::size_t at = 0;
    while (at < s.size()) {
        const ssize_t n = ::send(fd, s.data() + at, s.size() - at, MSG_NOSIGNAL);
        if (n <= 0) return false;
        at += static_cast<std::size_t>(n);
    }
    return true;
}

// Everything the server sends until it closes or `seconds` pass.
inline std::string readAll(int fd, int seconds) {
    std::string out;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    char buf[4096];
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

inline std::string postHead(std::uint64_t length) {
    return "POST /v1/bundles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
           std::to_string(length) + "\r\n\r\n";
}

// True when the server closed the connection (read returns 0 or an error) within `seconds`.
inline bool closedWithin(int fd, int seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    char buf[4096];
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) return true;
    }
    return false;
}

} // namespace swtest
