// The kill test: the sender (`suarawarga send`) and the receiver (`suarawarga serve`) are killed
// (SIGKILL) at random moments during transfers, at least 30 times each, while the unit keeps taking
// responses. Then, with both left alone, every response is in the Kanwil's store exactly once and
// the unit's outbox says all of them were acknowledged. Bounded: about a minute.
#include "survey/delivery/delivery_helpers.hpp"

#include "survey/base/sqlite.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include <random>

using namespace sw;
using swtest::TempDir;

namespace {

pid_t spawn(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// SIGKILL when still running; true when it was (a kill that interrupted something).
bool killIfRunning(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return true;
}

int runToEnd(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

} // namespace

TEST_CASE("Killing the sender and the receiver at random moments loses nothing and counts nothing twice", "[delivery][reliability]") {
    TempDir d;
    const std::string cli = SW_CLI_BINARY;
    const std::string kanwil = d.file("kanwil.db");
    openAssessorStore(kanwil, true);
    const KanwilKey key = KanwilKey::create(KanwilKey::keyPathFor(kanwil));
    const int port = freePort();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    const std::string unitDb = d.file("unit.db");
    swtest::fillUnit(unitDb, "kanim-kill", 200, 1);
    {
        Store s(unitDb);
        trustKanwil(s, key.publicKey(), url, false);
        openAssessorStore(kanwil, false)->enroll("kanim-kill", UnitKey::loadOrCreate(s).fingerprint(), "Kill test");
    }
    const std::vector<std::string> serve = {cli, "serve", "--db", kanwil, "--listen", "127.0.0.1:" + std::to_string(port)};
    const std::vector<std::string> send = {cli, "send", "--db", unitDb};

    std::mt19937 rng(20261130);
    int senderKills = 0, receiverKills = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    for (int round = 0; (senderKills < 30 || receiverKills < 30) && std::chrono::steady_clock::now() < deadline; ++round) {
        swtest::addResponses(unitDb, "kanim-kill", 1 + static_cast<int>(rng() % 40), 1000 + static_cast<std::uint64_t>(round));
        const pid_t receiver = spawn(serve);
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 60));
        const pid_t sender = spawn(send);
        // Both die at random moments while the transfer runs, in random order.
        const auto first = std::chrono::milliseconds(rng() % 120), second = std::chrono::milliseconds(rng() % 80);
        const bool senderFirst = rng() % 2;
        std::this_thread::sleep_for(first);
        (senderFirst ? senderKills : receiverKills) += killIfRunning(senderFirst ? sender : receiver);
        std::this_thread::sleep_for(second);
        (senderFirst ? receiverKills : senderKills) += killIfRunning(senderFirst ? receiver : sender);
    }
    INFO("sender kills " << senderKills << ", receiver kills " << receiverKills);
    CHECK(senderKills >= 30);
    CHECK(receiverKills >= 30);

    // Left alone: the outbox drains.
    const pid_t receiver = spawn(serve);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    int exit = -1;
    for (int i = 0; i < 20 && exit != 0; ++i) exit = runToEnd(spawn(send));
    CHECK(exit == 0);
    ::kill(receiver, SIGTERM);
    runToEnd(receiver);

    Store unit(unitDb);
    const std::int64_t taken = unit.db().scalarInt("SELECT count(*) FROM response");
    const DeliveryStatus status = deliveryStatus(unit);
    CHECK(status.pendingResponses == 0);
    CHECK(status.acknowledgedThroughRid == unit.db().scalarInt("SELECT max(rid) FROM response"));
    CHECK(unit.db().scalarInt("SELECT count(*) FROM delivery_outbox WHERE state='pending'") == 0);
    Store k(kanwil);
    CHECK(k.db().scalarInt("SELECT count(*) FROM response") == taken);
    CHECK(k.db().scalarInt("SELECT count(DISTINCT uuid) FROM response") == taken);
    // The same responses, not just as many.
    k.db().exec("ATTACH DATABASE '" + unitDb + "' AS unit");
    CHECK(k.db().scalarInt("SELECT count(*) FROM unit.response u WHERE NOT EXISTS "
                           "(SELECT 1 FROM main.response r WHERE r.uuid = u.uuid)") == 0);
}
