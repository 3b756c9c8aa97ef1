// A private PostgreSQL 15 cluster for the tests and benchmarks of the assessor's PostgreSQL store:
// Debian's postgresql-15 programs, initdb into a fresh temporary folder, the server on a Unix
// socket in that folder only (no TCP: listen_addresses=''), stopped and removed at the end. A
// system cluster is never touched. initdb refuses to run as root, so under root (CI) the cluster
// runs as the unprivileged 'postgres' user the package creates (or 'nobody').
// Missing programs make the test report skipped (tests/skip.hpp), never passed.
#pragma once
#include "skip.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace swtest {

class PgCluster {
public:
    static constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

    // The one cluster of this process, started on first use (one initdb per test process keeps CI
    // short). Extra server settings (e.g. "-c max_wal_size=4GB" for a benchmark) apply to the
    // first call only.
    static PgCluster& shared(const std::string& extraOptions = "") {
        static PgCluster cluster(extraOptions);
        return cluster;
    }

    // A new empty database (UTF8) in the cluster; its postgresql:// URL.
    std::string newDatabase(const std::string& name) {
        PGconn* c = PQconnectdb(url("postgres").c_str());
        if (PQstatus(c) != CONNECTION_OK) {
            std::string why = PQerrorMessage(c);
            PQfinish(c);
            throw std::runtime_error("test cluster: cannot connect: " + why);
        }
        PGresult* r = PQexec(c, ("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'").c_str());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        std::string why = PQresultErrorMessage(r);
        PQclear(r);
        PQfinish(c);
        if (!ok) throw std::runtime_error("test cluster: CREATE DATABASE " + name + ": " + why);
        return url(name);
    }

    std::string url(const std::string& db) const {
        return "postgresql://postgres@/" + db + "?host=" + dir_.string() + "&port=" + std::to_string(kPort);
    }
    const std::filesystem::path& dir() const { return dir_; }

    ~PgCluster() {
        if (!started_) return;
        run(ctl() + " stop -m fast -w");
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

private:
    static constexpr int kPort = 5432; // the socket lives in our own folder: no other cluster can clash

    explicit PgCluster(const std::string& extraOptions) {
        if (!std::filesystem::exists(std::string(kBin) + "/initdb") || !std::filesystem::exists(std::string(kBin) + "/pg_ctl"))
            skipTest(std::string("PostgreSQL 15 is not installed (") + kBin + "/initdb; apt-get install postgresql-15)");
        if (geteuid() == 0) {
            for (const char* name : {"postgres", "nobody"})
                if (getpwnam(name)) {
                    user_ = name;
                    break;
                }
            if (user_.empty()) skipTest("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as");
        }
        // A short path: the socket's name must fit in sockaddr_un (107 bytes).
        char tmpl[] = "/tmp/sw-pg-XXXXXX";
        if (!mkdtemp(tmpl)) throw std::runtime_error("test cluster: cannot make a temporary folder");
        dir_ = tmpl;
        if (!user_.empty()) {
            const passwd* pw = getpwnam(user_.c_str());
            if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("test cluster: cannot chown " + dir_.string());
        }
        const std::string data = (dir_ / "data").string();
        if (run(std::string(kBin) + "/initdb -D " + data + " -A trust -U postgres -E UTF8 --locale=C --no-sync") != 0)
            throw std::runtime_error("test cluster: initdb failed (" + log() + ")");
        const std::string opts = "-k " + dir_.string() + " -c listen_addresses='' -p " + std::to_string(kPort) +
                                 " -c fsync=on " + extraOptions;
        if (run(ctl() + " start -w -t 60 -l " + (dir_ / "server.log").string() + " -o \"" + opts + "\"") != 0)
            throw std::runtime_error("test cluster: pg_ctl start failed (" + log() + ")");
        started_ = true;
    }

    std::string ctl() const { return std::string(kBin) + "/pg_ctl -D " + (dir_ / "data").string(); }

    // Runs a PostgreSQL program as the cluster's user, from the cluster's folder, output to a log.
    int run(const std::string& command) const {
        const std::string as = user_.empty() ? "" : "runuser -u " + user_ + " -- ";
        const std::string line = "cd " + dir_.string() + " && " + as + command + " >> " + (dir_ / "setup.log").string() + " 2>&1";
        const int st = std::system(line.c_str());
        return st == 0 ? 0 : 1;
    }

    std::string log() const {
        std::ifstream f(dir_ / "setup.log");
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    }

    std::filesystem::path dir_;
    std::string user_;
    bool started_ = false;
};

} // namespace swtest
